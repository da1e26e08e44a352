import { CommanderError } from 'commander';
import { buildProgram } from './cli/program.js';
import { EXIT, UserError, type ExitCode } from './errors.js';
import type { Streams } from './io/terminal.js';

/**
 * Runs `village` with argv and returns the exit code. The only place that turns errors into
 * messages: expected ones (UserError, usage errors) as one line, anything else as a bug report.
 */
export async function main(argv: string[], streams: Streams): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(streams, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end the run with exit code 0; everything else is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      streams.stderr.write(`village: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    streams.stderr.write(
      `village: internal error: ${err.message}\n${err.stack ?? ''}\nThis is a bug in smart-village-kit; please report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}

/** The process entry: real streams, exit code, and a quiet end when stdout is closed early (`| head`). */
export async function run(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
