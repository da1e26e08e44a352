import { CommanderError } from 'commander';
import { byPosition } from './core/diagnostic.js';
import { buildProgram, defaultUi, scanArgv, type RunState } from './cli/program.js';
import { EXIT, UserError, type ExitCode } from './errors.js';
import { terminal, type Streams } from './io/terminal.js';
import { diagnosticLine } from './render/diagnostics.js';
import { sanitize } from './render/escape.js';

/**
 * Runs `village` with argv and returns the exit code. The only place that turns errors into
 * messages: expected ones (UserError, usage errors) as located lines without a stack, anything
 * else as a bug report.
 */
export async function main(argv: string[], streams: Streams): Promise<ExitCode> {
  const state: RunState = { exit: EXIT.ok, lang: 'en', term: undefined };
  try {
    // A user's catalogue first: it may add the language the help and the messages are in.
    const messageFiles = scanArgv(argv, '--messages');
    if (messageFiles.length > 0) {
      const { loadUserCatalogue } = await import('./io/catalogue.js');
      const problems = messageFiles.flatMap((f) => loadUserCatalogue(f).diagnostics);
      if (problems.some((d) => d.severity === 'error')) throw new UserError('', EXIT.rejected, problems);
      const term = terminal(streams);
      for (const d of problems) term.err(`${diagnosticLine(d, defaultUi(streams), term.errColor)}\n`);
    }
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const term = terminal(streams);
    for (const d of [...e.diagnostics].sort(byPosition)) term.err(`${diagnosticLine(d, defaultUi(streams), term.errColor)}\n`);
    return e.exitCode;
  }
  state.lang = defaultUi(streams, scanArgv(argv, '--lang').at(-1));
  const program = buildProgram(streams, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end the run with exit code 0; everything else is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      const term = state.term ?? terminal(streams);
      for (const d of [...e.diagnostics].sort(byPosition)) term.err(`${diagnosticLine(d, state.lang, term.errColor)}\n`);
      if (e.message) term.err(`village: ${sanitize(e.message)}\n`);
      return e.exitCode;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    streams.stderr.write(
      `village: internal error: ${err.message}\n${err.stack ?? ''}\nThis is a bug in smart-village-kit; please report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}

/**
 * The process entry: real streams and the exit code. When stdout is closed early (`| head`) the
 * run ends quietly; when it cannot be written (a full disk, a device that refuses), with one line
 * and exit 1.
 */
export async function run(): Promise<void> {
  // Node's own warnings (a library's emitWarning, deprecations) are not messages of the kit: they
  // never reach stderr, where they would read as unlocated diagnostics.
  process.removeAllListeners('warning');
  process.on('warning', () => undefined);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`village: cannot write the output: ${e.code ?? e.message}\n`);
    process.exit(EXIT.rejected);
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin });
}
