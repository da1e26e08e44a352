import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { ExitCode } from '../errors.js';
import { helpText, type UiLang } from '../i18n/messages.js';
import type { Streams, Terminal } from '../io/terminal.js';
import { parsePeriod, type PeriodSpec } from '../core/period.js';
import { PAPERS } from '../vocab.js';

export const messagesOption = () =>
  new Option('--messages <file>', "your own catalogue of the kit's words (YAML): adds a language or overrides labels");

/** What every command's definition gets from the program. */
export interface CliContext {
  streams: Streams;
  /** The terminal, made once the global flags are parsed. */
  term: () => Terminal;
  setExit: (code: ExitCode) => void;
  /** The language of the kit's words for this run (the one resolver: core/locale.ts). */
  ui: (flag: string | undefined, fileLang?: string | null) => UiLang;
}

/** The language `--help` is written in: set by buildProgram before the commands are made. */
export const helpLanguage = { lang: 'en' };

export const examples = (lines: string[]): string =>
  `\n${helpText(helpLanguage.lang, 'examples') ?? 'Examples:'}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** A help line of the catalogue (`help.<key>`), for texts added after the examples. */
export const helpLine = (key: string, english: string): string => helpText(helpLanguage.lang, key) ?? english;

/** A BCP-47 language code (de, lv, de-AT); whether the framework or a catalogue has it is checked by the command. */
export function langCode(value: string): string {
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(value)) throw new InvalidArgumentError('use a language code such as de, lv or de-AT');
  return value.replace(/_/g, '-');
}

export const langOption = () =>
  new Option('--lang <lang>', 'language of messages and reports: any language of the framework or of a catalogue (default: $VILLAGE_LANG, then the locale)').argParser(langCode);
export const criteriaOption = () => new Option('--criteria <file>', 'criteria framework (default: the bundled smart-village-lv)');
export const paperOption = () => new Option('--paper <size>', 'PDF paper size').choices(PAPERS).default('a4' as const);
export const ignoreColumnOption = () =>
  new Option('--ignore-column <name>', 'a CSV column to skip (repeatable)').argParser(collect).default([] as string[]);
// #12: how spreadsheets and survey exports are read (score, report, validate)
export const mapOption = () => new Option('--map <file>', "a map of a survey export's columns and answer codes (village init --format map)");
export const sheetOption = () => new Option('--sheet <name>', 'the sheet of .xlsx files to read (default: the first)');
export const encodingOption = () =>
  new Option('--encoding <name>', 'text encoding of CSV files: utf-8, windows-1257, windows-1252, utf-16le (default: detected)').argParser(encoding);
export const strictOption = () => new Option('--strict', 'a cell that is not a score rejects its whole row (default: only the cell is left out)');
/** Every intake option, in the order --help shows them. */
export const intakeOptions = () => [ignoreColumnOption(), mapOption(), sheetOption(), encodingOption(), strictOption()] as const;

export function encoding(value: string): string {
  const n = value.trim().toLowerCase().replace(/^cp-?/, 'windows-').replace(/_/g, '-');
  const alias: Record<string, string> = { utf8: 'utf-8', 'utf-16': 'utf-16le', utf16: 'utf-16le', utf16le: 'utf-16le', latin1: 'windows-1252' };
  try {
    return new TextDecoder(alias[n] ?? n).encoding;
  } catch {
    throw new InvalidArgumentError('use utf-8, windows-1257, windows-1252, utf-16le or another WHATWG encoding name');
  }
}

export const separatorOption = (what: string) =>
  new Option('--separator <sep>', what).argParser(separator).default(',');

export type Separator = ',' | ';' | '\t';

export const firstStepsOption = () =>
  new Option('--first-steps <n>', 'how many first steps a plan opens with').argParser(count(1, 20)).default(5);

/** A whole number in [min, max]. */
export const count =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`use a whole number from ${min} to ${max}`);
    return n;
  };

export const collect = (value: string, previous: string[]): string[] => [...previous, value];
export const list = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function separator(value: string): Separator {
  if (value === ',' || value === ';') return value;
  if (value === 'tab' || value === '\t' || value === '\\t') return '\t';
  throw new InvalidArgumentError('use , ; or tab');
}

// #13 the LAG's view: options shared by score, report and overview.
export function period(value: string): PeriodSpec {
  const p = parsePeriod(value);
  if (!p) throw new InvalidArgumentError('use all, year, YYYY or YYYY-MM..YYYY-MM');
  return p;
}
export const periodOption = () =>
  new Option('--period <period>', 'group answers by period: year (the default: the year of each date), all, YYYY, or YYYY-MM..YYYY-MM')
    .argParser(period)
    .default({ kind: 'year' }, 'year');
export const aliasesOption = () => new Option('--aliases <file>', 'YAML file mapping spellings to villages ("Ergli: Ērgļi")');
export const minRespondentsOption = () =>
  new Option('--min-respondents <n>', 'mark villages with fewer respondents "too few answers"').argParser(count(1, 1000)).default(0, 'none');
export const strategyLevelOption = () =>
  new Option('--strategy-level <level>', 'the level from which a village counts as having a Smart Village strategy (R.40; default: transition)');
