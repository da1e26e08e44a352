import { Command } from '@commander-js/extra-typings';
import { uiLanguage } from '../core/locale.js';
import type { ExitCode } from '../errors.js';
import type { UiLang } from '../i18n/messages.js';
import { terminal, type Streams, type Terminal } from '../io/terminal.js';
import { VERSION } from '../version.js';
import { UI_LANGUAGES } from '../vocab.js';
import { assessCommand } from './commands/assess.js';
import { historyCommand } from './commands/history.js';
import { initCommand } from './commands/init.js';
import { mergeCommand } from './commands/merge.js';
import { overviewCommand } from './commands/overview.js';
import { planCommand } from './commands/plan.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { examples, type CliContext } from './options.js';

/** The commands in the order `--help` lists them. */
const COMMANDS = [validateCommand, schemaCommand, scoreCommand, reportCommand, overviewCommand, planCommand, historyCommand, assessCommand, mergeCommand, initCommand];

/** What a run leaves for `main`: the exit code, and the language and terminal to report a failure in. */
export interface RunState {
  exit: ExitCode;
  lang: UiLang;
  term: Terminal | undefined;
}

/** The language of the kit's words when no command has resolved it yet (usage errors, crashes). */
export const defaultUi = (streams: Streams): UiLang => uiLanguage({ env: streams.env }, UI_LANGUAGES, 'en') as UiLang;

/**
 * Builds the `village` program. Each action imports its command only when it runs, so
 * `village --help` loads neither pdfkit, inquirer nor handlebars. A run fills `state`.
 */
export function buildProgram(streams: Streams, state: RunState): Command {
  const program = new Command('village')
    .exitOverride()
    .description('Smart Village self-assessment: criteria, scoring and action plans (Latvian and English).')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colours in the output (also with NO_COLOR set)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
    })
    .addHelpText(
      'after',
      examples([
        'village report examples/alsunga.yaml --out alsunga-plan.md',
        'village score answers/ survey.csv --format csv > summary.csv',
        'village assess --village "Ērgļi"',
        'village validate criteria/',
      ]) + '\nExit codes: 0 ok, 1 some input rejected, 2 usage error, 70 a bug in the kit, 130 interrupted.\n',
    );

  const ctx: CliContext = {
    streams,
    term: () => (state.term ??= terminal(streams, program.opts().color)),
    setExit: (code) => (state.exit = code),
    ui: (flag, fileLang) => (state.lang = uiLanguage({ flag, fileLang, env: streams.env }, UI_LANGUAGES, 'en') as UiLang),
  };
  for (const make of COMMANDS) {
    const cmd = make(ctx);
    cmd.copyInheritedSettings(program);
    program.addCommand(cmd);
  }
  return program;
}
