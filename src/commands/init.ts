import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { blankAnswers, blankCsv } from '../render/blank.js';
import type { CsvOptions } from '../render/csv.js';
import { VERSION } from '../version.js';
import type { CsvHeaders, InitFormat } from '../vocab.js';
import { contentLang, requireFramework } from './shared.js';

export const DEFAULT_SCHEMA_URL = `https://unpkg.com/smart-village-kit@${VERSION}/schema/answers.schema.json`;

export interface InitOptions {
  village: string;
  criteria: string | undefined;
  format: InitFormat;
  headers: CsvHeaders;
  out: string | undefined;
  force: boolean;
  lang: UiLang;
  langFlag: string | undefined;
  schemaUrl: string;
  separator: CsvOptions['separator'];
}

/** `village init`: a blank answers file (YAML with the questions as comments) or a CSV template. */
export async function init(opts: InitOptions, term: Terminal): Promise<ExitCode> {
  if (opts.format === 'yaml' && opts.village.trim() === '') {
    throw new UserError(message(opts.lang, 'usage.needVillage'));
  }
  const fw = requireFramework(opts.criteria);
  const lang = contentLang(opts.langFlag, fw, term);
  const text =
    opts.format === 'csv'
      ? blankCsv(fw, opts.headers, lang, { separator: opts.separator })
      : blankAnswers(fw, { village: opts.village, lang, schemaUrl: opts.schemaUrl });
  if (!opts.out) {
    term.out(text);
    return EXIT.ok;
  }
  // Excel reads UTF-8 (Latvian letters) only with a BOM.
  const failed = await writeFileSafe(opts.out, opts.format === 'csv' ? `\uFEFF${text}` : text, opts.force);
  if (failed) throw rejected([failed]);
  term.err(`${label(opts.lang, 'out.written', { file: opts.out })}\n`);
  return EXIT.ok;
}
