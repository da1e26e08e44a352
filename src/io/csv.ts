import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse, type Parser } from 'csv-parse';
import { TextDecoder } from 'node:util';
import type { Response } from '../core/answers.js';
import { mapHeader, rowToResponse, type Column, type CsvWords } from '../core/csv-map.js';
import { csvWords } from '../i18n/csv-words.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { fsError } from './read.js';

/** A row longer than this is refused (an unclosed quote would otherwise swallow the file). */
export const MAX_RECORD_CHARS = 1_000_000;

export const SEPARATORS = [',', ';', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** Field counts of the first records of `text` split by `sep` (quotes respected; a cut-off last record dropped). */
function fieldCounts(text: string, sep: string, records = 10): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length && counts.length < records; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) {
      content = true;
    } else if (ch === '\n') {
      if (content) counts.push(fields);
      fields = 1;
      content = false;
    } else if (ch !== '\r') {
      content = true;
      if (ch === sep) fields++;
    }
  }
  return counts;
}

/**
 * Picks the separator whose field count is the same on every one of the first lines (a
 * Latvian Excel export has commas inside unquoted question texts, but a steady count of ";").
 * With one line only, or no steady candidate, the most frequent one on the header wins.
 */
export function sniffSeparator(text: string): Separator {
  const steady = SEPARATORS.map((sep) => ({ sep, counts: fieldCounts(text, sep) }))
    .filter(({ counts }) => counts.length > 1 && (counts[0] ?? 0) > 1 && counts.every((c) => c === counts[0]))
    .sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0));
  if (steady[0]) return steady[0].sep;
  let best: Separator = ',';
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    const n = fieldCounts(`${text}\n`, sep, 1)[0] ?? 0;
    if (n > bestCount) [best, bestCount] = [sep, n];
  }
  return best;
}

export interface CsvLoad {
  responses: Response[];
  diagnostics: Diagnostic[];
  rows: number;
  rejectedRows: number;
}

const place = (d: Diagnostic, file: string, line: number): Diagnostic => ({ ...d, file, line, column: d.column ?? 1 });

/**
 * Streams a CSV of answers (one row per respondent): UTF-8 with or without BOM, or UTF-16 with a
 * BOM; `,` `;` or tab, detected. Rows are mapped as docs/formats.md says; a bad row is reported with
 * its line and column and the other rows go on. A header error rejects the file.
 */
export async function loadCsv(file: string, fw: Framework, ignore: readonly string[] = []): Promise<CsvLoad> {
  const out: CsvLoad = { responses: [], diagnostics: [], rows: 0, rejectedRows: 0 };
  try {
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
  } catch (e) {
    out.diagnostics.push(place(fsError(e), file, 1));
    return out;
  }

  // Filled by the parser's callbacks: an object, so the compiler does not assume it stays empty.
  const header: { columns: Column[] | null; failed: boolean } = { columns: null, failed: false };
  let decoder: TextDecoder | null = null;
  let parser: Parser | null = null;
  let line = 1;
  let words: CsvWords | undefined;

  // Empty lines come through as records too, so every record starts on the line after the last one ended.
  let nextLine = 1;
  const onRecord = (record: string[]): void => {
    const startLine = nextLine;
    nextLine++;
    for (const c of record) if (c.includes('\n')) nextLine += c.split('\n').length - 1;
    if (record.every((c) => c.trim() === '')) return;
    if (!header.columns) {
      const mapped = mapHeader(record, fw, ignore, (words ??= csvWords()));
      out.diagnostics.push(...mapped.diagnostics.map((d) => place(d, file, startLine)));
      header.failed = mapped.diagnostics.some((d) => d.severity === 'error');
      header.columns = mapped.columns;
      return;
    }
    out.rows++;
    if (header.failed) {
      out.rejectedRows++;
      return;
    }
    const { response, diagnostics } = rowToResponse(record, header.columns, fw, `${file}:${startLine}`, words ?? undefined);
    out.diagnostics.push(...diagnostics.map((d) => place(d, file, startLine)));
    if (response) out.responses.push(response);
    else out.rejectedRows++;
  };

  const failure: { first: Diagnostic | null } = { first: null };
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    const fail = (d: Diagnostic): void => {
      failure.first ??= d;
      stream.destroy();
      resolve();
    };
    const start = (text: string): Parser => {
      const p = parse({ delimiter: sniffSeparator(text), relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS });
      p.on('readable', () => {
        let record: string[] | null;
        while ((record = p.read() as string[] | null) !== null) onRecord(record);
      });
      p.on('error', (e) => {
        const err = e as Error & { lines?: number; code?: string };
        const d =
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? error('csv.unclosedQuote')
            : err.code === 'CSV_MAX_RECORD_SIZE'
              ? error('csv.rowTooLong', { limit: MAX_RECORD_CHARS })
              : error('csv.parse', { detail: err.message });
        fail({ ...d, file, line: err.lines ?? line, column: 1 });
      });
      p.on('end', () => resolve());
      return p;
    };
    stream.on('error', (e) => fail(place(fsError(e), file, 1)));
    stream.on('data', (data: Buffer | string) => {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      if (!decoder) {
        const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
        decoder = new TextDecoder(encoding, { fatal: true });
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        fail({ ...error('file.notUtf8'), file, line, column: 1 });
        return;
      }
      if (text.includes('\u0000')) {
        fail({ ...error('file.binary'), file, line: 1, column: 1 });
        return;
      }
      line += text.match(/\n/g)?.length ?? 0;
      parser ??= start(text);
      parser.write(text);
    });
    stream.on('end', () => {
      if (!parser) {
        fail({ ...error('file.empty'), file, line: 1, column: 1 });
        return;
      }
      parser.end();
    });
  });
  if (failure.first) {
    out.diagnostics.push(failure.first);
    return out;
  }
  if (!header.columns) out.diagnostics.push({ ...error('file.empty'), file, line: 1, column: 1 });
  else if (out.rows === 0 && !header.failed) out.diagnostics.push({ ...warning('csv.noRows'), file, line: 2, column: 1 });
  return out;
}
