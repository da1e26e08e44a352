import { Command } from '@commander-js/extra-typings';
import { catalogueLanguages } from '../i18n/catalogue.js';
import { uiLanguage } from '../core/locale.js';
import type { ExitCode } from '../errors.js';
import { helpText, type UiLang } from '../i18n/messages.js';
import { terminal, type Streams, type Terminal } from '../io/terminal.js';
import { VERSION } from '../version.js';
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
import { examples, helpLanguage, helpLine, messagesOption, type CliContext } from './options.js';

/** The commands in the order `--help` lists them. */
const COMMANDS = [validateCommand, schemaCommand, scoreCommand, reportCommand, overviewCommand, planCommand, historyCommand, assessCommand, mergeCommand, initCommand];

/** What a run leaves for `main`: the exit code, and the language and terminal to report a failure in. */
export interface RunState {
  exit: ExitCode;
  lang: UiLang;
  term: Terminal | undefined;
}

/** The language of the kit's words when no command has resolved it yet (usage errors, crashes). */
export const defaultUi = (streams: Streams, flag?: string): UiLang => uiLanguage({ flag, env: streams.env }, catalogueLanguages(), 'en');

/** `--lang X`, `--lang=X`, `--messages F` from argv before commander runs (the help's language, the user's catalogue). */
export function scanArgv(argv: readonly string[], name: '--lang' | '--messages'): string[] {
  const found: string[] = [];
  for (const [i, a] of argv.entries()) {
    if (a === '--') break;
    if (a === name && argv[i + 1] !== undefined) found.push(argv[i + 1] as string);
    else if (a.startsWith(`${name}=`)) found.push(a.slice(name.length + 1));
  }
  return found;
}

/** Puts `--help` into the catalogue's words: descriptions of commands, options and arguments, and the titles. */
function localiseHelp(cmd: Command<unknown[], Record<string, unknown>>, name: string, lang: UiLang): void {
  const h = (key: string): string | undefined => helpText(lang, key);
  const optionKey = (flags: string | undefined): string => (flags ?? '').replace(/^--?/, '');
  cmd.description(h(name) ?? cmd.description());
  for (const o of cmd.options) o.description = h(`${name}.${optionKey(o.long ?? o.short)}`) ?? h(`option.${optionKey(o.long ?? o.short)}`) ?? o.description;
  for (const a of cmd.registeredArguments) a.description = h(`${name}.${a.name()}`) ?? a.description;
  cmd.helpOption('-h, --help', h('option.help') ?? 'display help for command');
  const titles: Record<string, string | undefined> = {
    'Usage:': h('title.usage'), 'Options:': h('title.options'), 'Arguments:': h('title.arguments'),
    'Commands:': h('title.commands'), 'Global Options:': h('title.globalOptions'),
  };
  cmd.configureHelp({ styleTitle: (t: string) => titles[t] ?? t });
}

/**
 * Builds the `village` program. Each action imports its command only when it runs, so
 * `village --help` loads neither pdfkit, inquirer nor handlebars. A run fills `state`.
 */
export function buildProgram(streams: Streams, state: RunState): Command {
  helpLanguage.lang = state.lang;
  const program = new Command('village')
    .exitOverride()
    .description('Smart Village self-assessment: criteria, scoring and action plans (Latvian and English).')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colours in the output (also with NO_COLOR set)')
    .addOption(messagesOption())
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
      ]) + `\n${helpLine('exitCodes', 'Exit codes: 0 ok, 1 some input rejected, 2 usage error, 70 a bug in the kit, 130 interrupted.')}\n`,
    );

  const ctx: CliContext = {
    streams,
    term: () => (state.term ??= terminal(streams, program.opts().color)),
    setExit: (code) => (state.exit = code),
    ui: (flag, fileLang) => (state.lang = uiLanguage({ flag, fileLang, env: streams.env }, catalogueLanguages(), 'en')),
  };
  for (const make of COMMANDS) {
    const cmd = make(ctx);
    cmd.copyInheritedSettings(program);
    localiseHelp(cmd, cmd.name(), state.lang);
    program.addCommand(cmd);
  }
  localiseHelp(program, 'village', state.lang);
  program.helpCommand('help [command]', helpText(state.lang, 'help') ?? 'display help for command');
  return program;
}
