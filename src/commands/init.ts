import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { blankAnswers, blankCsv } from '../render/blank.js';
import { blankMap } from '../render/blank-map.js';
import { DEFAULT_INTAKE, type HeaderReport } from '../core/intake.js';
import { loadTable } from '../io/responses.js';
import type { CsvOptions } from '../render/csv.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { CsvHeaders, InitFormat } from '../vocab.js';
import { contentLang, requireFramework } from './shared.js';

/**
 * Where the `$schema` line of a new answers file points, as a path relative to the file's folder
 * (`--schema-url` overrides it): the nearest `schema/answers.schema.json` (what `village schema
 * answers --out schema` writes) or `node_modules/smart-village-kit/schema/answers.schema.json`
 * in the folder or above it; else the schema of this installed kit.
 */
export function schemaPathFor(outDir: string): string {
  let dir = resolve(outDir);
  for (;;) {
    for (const candidate of [join(dir, 'schema', SCHEMA_FILE), join(dir, 'node_modules', 'smart-village-kit', 'schema', SCHEMA_FILE)]) {
      if (existsSync(candidate)) return relativeUrl(outDir, candidate);
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return relativeUrl(outDir, join(PACKAGE_ROOT, 'schema', SCHEMA_FILE));
}

const SCHEMA_FILE = 'answers.schema.json';
const relativeUrl = (from: string, to: string): string => {
  const rel = relative(resolve(from), to).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

export interface InitOptions {
  village: string;
  criteria: string | undefined;
  format: InitFormat;
  headers: CsvHeaders;
  out: string | undefined;
  force: boolean;
  lang: UiLang;
  langFlag: string | undefined;
  /** The `$schema` of the answers file; default: `schemaPathFor` the output's folder. */
  schemaUrl: string | undefined;
  separator: CsvOptions['separator'];
  /** an export to write the map for (`--format map`) */
  from?: string | undefined;
}

/** `village init`: a blank answers file (YAML with the questions as comments) or a CSV template. */
export async function init(opts: InitOptions, term: Terminal): Promise<ExitCode> {
  if (opts.format === 'yaml' && opts.village.trim() === '') {
    throw new UserError(message(opts.lang, 'usage.needVillage'));
  }
  const fw = requireFramework(opts.criteria);
  const lang = contentLang(opts.langFlag, fw, term);
  const schemaUrl = opts.schemaUrl ?? schemaPathFor(opts.out ? dirname(opts.out) : '.');
  // A map's editor schema sits beside the answers schema.
  if (opts.format === 'map') {
    // --from: the export's own headers, each shown as the kit reads it, the unknown ones to fill in.
    let headers: HeaderReport[] | undefined;
    if (opts.from !== undefined) {
      const table = await loadTable(opts.from, fw, DEFAULT_INTAKE, () => undefined);
      if (table.headers.length === 0) throw rejected(table.diagnostics.filter((d) => d.severity === 'error'));
      headers = table.headers;
    }
    return write(blankMap(fw, lang, schemaUrl.replace(/answers\.schema\.json$/, 'map.schema.json'), headers), opts, term);
  }
  const text =
    opts.format === 'csv'
      ? blankCsv(fw, opts.headers, lang, { separator: opts.separator })
      : blankAnswers(fw, { village: opts.village, lang, schemaUrl });
  // Excel reads UTF-8 (Latvian letters) only with a BOM.
  return write(opts.format === 'csv' && opts.out ? `\uFEFF${text}` : text, opts, term);
}

async function write(text: string, opts: InitOptions, term: Terminal): Promise<ExitCode> {
  if (!opts.out) {
    term.out(text);
    return EXIT.ok;
  }
  const failed = await writeFileSafe(opts.out, text, opts.force);
  if (failed) throw rejected([failed]);
  term.err(`${label(opts.lang, 'out.written', { file: opts.out })}\n`);
  return EXIT.ok;
}
