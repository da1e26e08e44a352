import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse, type Parser } from 'csv-parse';
import { TextDecoder } from 'node:util';
import type { Response } from '../core/answers.js';
import { mapHeader, rowToResponse, type Column } from '../core/csv-map.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { fsError } from './read.js';

/** A row longer than this is refused (an unclosed quote would otherwise swallow the file). */
export const MAX_RECORD_CHARS = 1_000_000;

export const SEPARATORS = [',', ';', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/** Counts each separator candidate outside quotes on the first line; the most frequent wins (`,` on a tie). */
export function sniffSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Separator)) counts.set(ch as Separator, (counts.get(ch as Separator) ?? 0) + 1);
  }
  let best: Separator = ',';
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
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
 * BOM; `,` `;` or tab, detected. Rows are mapped as FORMATS.md says; a bad row is reported with
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

  let columns: Column[] | null = null;
  let headerFailed = false;
  let decoder: TextDecoder | null = null;
  let parser: Parser | null = null;
  let line = 1;

  const onRecord = (record: string[], endLine: number): void => {
    const newlines = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const startLine = endLine - newlines;
    if (!columns) {
      const mapped = mapHeader(record, fw, ignore);
      out.diagnostics.push(...mapped.diagnostics.map((d) => place(d, file, startLine)));
      headerFailed = mapped.diagnostics.some((d) => d.severity === 'error');
      columns = mapped.columns;
      return;
    }
    if (record.every((c) => c.trim() === '')) return;
    out.rows++;
    if (headerFailed) {
      out.rejectedRows++;
      return;
    }
    const { response, diagnostics } = rowToResponse(record, columns, fw, `${file}:${startLine}`);
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
      const p = parse({ delimiter: sniffSeparator(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_CHARS });
      p.on('readable', () => {
        let rec: { record: string[]; info: { lines: number } } | null;
        while ((rec = p.read() as typeof rec) !== null) onRecord(rec.record, rec.info.lines);
      });
      p.on('error', (e) => {
        const err = e as Error & { lines?: number };
        fail({ ...error('csv.parse', { detail: err.message.replace(/^Invalid \w+: /, '') }), file, line: err.lines ?? line, column: 1 });
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
  if (failure.first) out.diagnostics.push(failure.first);
  if (failure.first) return out;
  if (!columns) out.diagnostics.push({ ...error('file.empty'), file, line: 1, column: 1 });
  else if (out.rows === 0 && !headerFailed) out.diagnostics.push({ ...warning('csv.noRows'), file, line: 2, column: 1 });
  return out;
}
