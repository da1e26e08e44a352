import type { Diagnostic } from './core/diagnostic.js';

/** The exit codes of `village`, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** Some input was rejected (invalid file, bad row, output exists) or a check failed. */
  rejected: 1,
  /** The command line was wrong: unknown flag, missing argument, no terminal for `assess`. */
  usage: 2,
  /** A bug in the kit: the only case that prints a stack trace. */
  internal: 70,
  /** Interrupted with Ctrl-C. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure, the one way a command stops early: `main` prints its diagnostics (each
 * with file, line and column) and its message, without a stack, and exits with its code.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Input was rejected: the diagnostics say which and why. */
export const rejected = (diagnostics: readonly Diagnostic[], message = ''): UserError => new UserError(message, EXIT.rejected, diagnostics);
