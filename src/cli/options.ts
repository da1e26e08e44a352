import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { ExitCode } from '../errors.js';
import { helpText, type UiLang } from '../i18n/messages.js';
import type { Streams, Terminal } from '../io/terminal.js';
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
