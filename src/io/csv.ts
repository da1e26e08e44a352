import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Parser } from 'csv-parse';
import { recognisedColumns } from '../core/csv-map.js';
import { csvWords } from '../i18n/csv-words.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import type { Intake } from '../core/intake.js';
import { PlainRecords } from './csv-records.js';
import { firstInvalidUtf8, fsError } from './read.js';

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

/** The fields of the first record of `text` split at `sep` (quotes respected, bounded to 64 KiB). */
export function firstRecord(text: string, sep: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  const end = Math.min(text.length, 65_536);
  for (let i = 0; i < end; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (!quoted && ch === sep) {
      fields.push(field);
      field = '';
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (fields.length > 0 || field.trim() !== '') break;
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * The separator of a table: the one whose header names the most known columns (the kit's own
 * `;` template has more commas than semicolons in its question texts); when none names two,
 * `sniffSeparator`'s steady field count.
 */
export function chooseSeparator(text: string, fw: Framework): Separator {
  let best: Separator | null = null;
  let bestCount = 1;
  for (const sep of SEPARATORS) {
    if (!text.slice(0, 65_536).includes(sep)) continue;
    const n = recognisedColumns(firstRecord(text, sep), fw, csvWords());
    if (n > bestCount) [best, bestCount] = [sep, n];
  }
  return best ?? sniffSeparator(text);
}

/** Text encodings by the names people type (Excel's "Windows-1257", cp1257, latin1…). */
export function encodingName(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/^cp-?/, 'windows-').replace(/_/g, '-');
  const alias: Record<string, string> = { utf8: 'utf-8', 'utf-16': 'utf-16le', utf16: 'utf-16le', utf16le: 'utf-16le', latin1: 'windows-1252', baltic: 'windows-1257' };
  const wanted = alias[n] ?? n;
  try {
    return new TextDecoder(wanted).encoding;
  } catch {
    return undefined;
  }
}

const LATVIAN = 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽäöüõéóÄÖÜÕÉÓ';

/**
 * Windows-1257 (Excel's "CSV (Comma delimited)" in a Baltic locale) when most bytes above 0x7f
 * read as Latvian (or shared) letters in it, else Windows-1252.
 */
export function guessSingleByte(sample: Uint8Array): 'windows-1257' | 'windows-1252' {
  const text = new TextDecoder('windows-1257').decode(sample);
  let high = 0;
  let latvian = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (LATVIAN.includes(ch)) latvian++;
  }
  return high > 0 && latvian / high >= 0.8 ? 'windows-1257' : 'windows-1252';
}

/** Where the longest prefix of `buf` ends that holds no cut-off UTF-8 character. */
function completeUtf8(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

export interface CsvRead {
  /** the encoding read, or null when the file could not be read */
  encoding: string | null;
  /** a zip (an .xlsx renamed .csv): the caller reads it as a workbook */
  zip: boolean;
}

interface Position {
  line: number;
  column: number;
}

/** csv-parse's synchronous core (`Parser.api`): the stream's machinery per chunk costs more than the parsing of it. */
interface CsvCore {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

/** UTF-16 code units of valid UTF-8 bytes from `from` on: one per character, two for one past U+FFFF. */
function utf16Length(buf: Buffer, from: number): number {
  let n = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i] as number;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** The BOM-detected or forced encoding of a file's first chunk, and how many BOM bytes to skip. */
function chooseEncoding(chunk: Buffer, forced: string | undefined): { encoding: string; skip: number } {
  let encoding: string;
  let skip = 0;
  if (chunk[0] === 0xff && chunk[1] === 0xfe) encoding = 'utf-16le';
  else if (chunk[0] === 0xfe && chunk[1] === 0xff) encoding = 'utf-16be';
  else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
    encoding = 'utf-8';
    skip = 3;
  } else encoding = forced ?? 'utf-8';
  if (forced && forced !== encoding && !(forced.startsWith('utf-16') && encoding.startsWith('utf-16'))) encoding = forced;
  return { encoding, skip };
}

const isZip = (chunk: Buffer): boolean => chunk.length >= 4 && chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04;

/**
 * The single-byte encoding to read a file in when it is read as UTF-8 (no encoding named, no
 * UTF-16 BOM) but its bytes are not UTF-8; null when they are (or the read stops first anyway: a
 * zip, a NUL byte, a read error). A quick pass over the bytes before any row is read, so rows can
 * go to the sink as they come and never need a second reading. The chunks, and so the sample
 * `guessSingleByte` sees, are those of the reading itself.
 */
async function singleByteFallback(file: string): Promise<string | null> {
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const data of stream) {
      let chunk = data as Buffer;
      if (first) {
        first = false;
        if (isZip(chunk)) return null;
        const { encoding, skip } = chooseEncoding(chunk, undefined);
        if (encoding !== 'utf-8') return null;
        chunk = chunk.subarray(skip);
      }
      if (chunk.includes(0)) return null;
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8(buf);
      const body = buf.subarray(0, cut);
      carry = buf.subarray(cut);
      if (!isUtf8(body)) return guessSingleByte(body);
    }
  } catch {
    return null;
  } finally {
    stream.destroy();
  }
  return carry.length > 0 ? guessSingleByte(carry) : null;
}

const CHUNK = 256 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Streams a CSV of answers into an Intake, row by row: UTF-8 with or without BOM, UTF-16 with a
 * BOM, or (when the bytes are not UTF-8) Windows-1257/1252 with a warning; `--encoding` forces
 * one. `,` `;` or tab, chosen from the header (a `sep=;` first line wins). A bad byte is reported
 * at its line and column; an unclosed quote at the line it opens, with the lines it swallowed
 * counted as rejected rows. The encoding is settled before the first row is read: `intake` is
 * called once, and each row reaches its sink as it is read.
 */
export async function readCsv(file: string, fw: Framework, intake: () => Intake, forced?: string): Promise<{ read: CsvRead; intake: Intake | null; diagnostics: Diagnostic[] }> {
  let regular: boolean;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    regular = st.isFile();
  } catch (e) {
    return { read: { encoding: null, zip: false }, intake: null, diagnostics: [{ ...fsError(e), file, line: 1, column: 1 }] };
  }
  // A pipe can be read once only: it is read as detected (UTF-8 unless a BOM says otherwise).
  const fallback = forced === undefined && regular ? await singleByteFallback(file) : null;
  const into = intake();
  const result = await readOnce(file, fw, into, fallback ?? forced);
  // Not UTF-8 and not forced: say which encoding was taken, so a wrong guess can be overruled.
  if (fallback) result.diagnostics.unshift({ ...warning('file.encodingAssumed', { encoding: fallback }), file, line: 1, column: 1 });
  return { ...result, intake: into };
}

async function readOnce(file: string, fw: Framework, intake: Intake, forced: string | undefined): Promise<{ read: CsvRead; diagnostics: Diagnostic[] }> {
  const { parse } = await import('csv-parse');
  const diagnostics: Diagnostic[] = [];
  const at = (d: Diagnostic, p: Position): Diagnostic => ({ ...d, file, line: p.line, column: p.column });
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  let encoding: string | null = null;
  let decoder: TextDecoder | null = null;
  let carry: Buffer = Buffer.alloc(0);
  const pos: Position = { line: 1, column: 1 };
  let headerOffset = 0;
  // Empty lines come through as records too, so every record starts on the line after the last one ended.
  let nextLine = 1;
  // Set by the callbacks: an object, so the compiler does not assume they stay empty. Plain
  // records are split by `plain`; from the first that is not, csv-parse (`core`) reads the rest.
  const st: { core: CsvCore | null; plain: PlainRecords | null; error: Diagnostic | null; brokenAt: number; failed: boolean } = {
    core: null,
    plain: null,
    error: null,
    brokenAt: 0,
    failed: false,
  };

  const onRecord = (record: string[]): void => {
    const startLine = nextLine + headerOffset;
    nextLine++;
    let blank = true;
    for (let i = 0; i < record.length; i++) {
      const c = record[i] as string;
      for (let at = c.indexOf('\n'); at >= 0; at = c.indexOf('\n', at + 1)) nextLine++;
      if (blank && c.trim() !== '') blank = false;
    }
    if (blank) return;
    if (!intake.hasHeader) intake.header(record, startLine);
    else intake.row(record, startLine);
  };
  const noClose = (): void => undefined;

  const fail = (e: Error): void => {
    const err = e as Error & { code?: string };
    const d =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? error('csv.unclosedQuote')
        : err.code === 'CSV_MAX_RECORD_SIZE'
          ? error('csv.rowTooLong', { limit: MAX_RECORD_CHARS })
          : error('csv.parse', { detail: err.message });
    st.brokenAt = nextLine + headerOffset;
    st.error ??= at(d, { line: st.brokenAt, column: 1 });
  };

  /** Hands bytes (UTF-8) to the parser; after a parse error, nothing more is parsed. */
  const write = (bytes: Buffer | undefined, end: boolean): void => {
    const core = st.core;
    if (!core || st.error) return;
    if (st.plain) {
      const rest = st.plain.feed(bytes ?? EMPTY, end, onRecord);
      if (rest === null) return;
      st.plain = null;
      bytes = rest;
    }
    if (!end && bytes?.length === 0) return;
    const e = core.parse(bytes, end, onRecord, noClose);
    if (e) fail(e);
  };

  /** The first text of the file: a `sep=` line, the separator, and the parser. Returns how much of `text` is the hint. */
  const start = (text: string): number => {
    let body = text;
    let sep: Separator | undefined;
    let skip = 0;
    const hint = /^sep=(.)\r?\n/i.exec(body);
    if (hint) {
      const s = hint[1] === '\t' ? '\t' : hint[1];
      if (s === ',' || s === ';' || s === '\t') sep = s;
      body = body.slice(hint[0].length);
      skip = hint[0].length;
      headerOffset = 1;
    }
    const delimiter = sep ?? chooseSeparator(body, fw);
    st.plain = new PlainRecords(delimiter.charCodeAt(0));
    const parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      // Mixed line ends (a header from one tool, rows from another) must not fuse rows into one record.
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_CHARS,
    }) as Parser & { api?: CsvCore };
    const api = parser.api;
    if (typeof api?.parse !== 'function') throw new Error('csv-parse has no synchronous core (Parser.api.parse): check its version');
    st.core = api;
    return skip;
  };

  /** A decoded text (UTF-16 or a single-byte encoding). */
  const feedText = (text: string): void => {
    if (text === '') return;
    if (text.includes('\u0000')) {
      diagnostics.push(at(error('file.binary'), { line: 1, column: 1 }));
      st.failed = true;
      return;
    }
    const skip = st.core === null ? start(text) : 0;
    advance(text);
    write(Buffer.from(skip > 0 ? text.slice(skip) : text, 'utf8'), false);
  };

  /** Valid UTF-8 bytes, cut at a character's end. */
  const feedUtf8 = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    let skip = 0;
    if (st.core === null) {
      const text = bytes.toString('utf8');
      skip = Buffer.byteLength(text.slice(0, start(text)), 'utf8');
    }
    advanceBytes(bytes);
    write(skip > 0 ? bytes.subarray(skip) : bytes, false);
  };

  const advance = (text: string): void => {
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      pos.column += text.length;
      return;
    }
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    pos.line += n;
    pos.column = text.length - last;
  };

  const advanceBytes = (bytes: Buffer): void => {
    const last = bytes.lastIndexOf(10);
    if (last < 0) {
      pos.column += utf16Length(bytes, 0);
      return;
    }
    let n = 0;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
    pos.line += n;
    pos.column = utf16Length(bytes, last + 1) + 1;
  };

  try {
    for await (const data of stream) {
      if (st.failed) break;
      let chunk = data as Buffer;
      if (encoding === null) {
        if (isZip(chunk)) {
          stream.destroy();
          return { read: { encoding: null, zip: true }, diagnostics };
        }
        const chosen = chooseEncoding(chunk, forced);
        encoding = chosen.encoding;
        chunk = chunk.subarray(chosen.skip);
        if (encoding !== 'utf-8') decoder = new TextDecoder(encoding);
      }
      if (decoder) {
        feedText(decoder.decode(chunk, { stream: true }));
        continue;
      }
      if (chunk.includes(0)) {
        diagnostics.push(at(error('file.binary'), { line: 1, column: 1 }));
        st.failed = true;
        break;
      }
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8(buf);
      const body = buf.subarray(0, cut);
      carry = buf.subarray(cut);
      if (!isUtf8(body)) {
        const p = firstInvalidUtf8(body);
        diagnostics.push(at(error('file.notUtf8', { line: pos.line, encoding: 'utf-8' }), { line: pos.line + p.line - 1, column: p.line === 1 ? pos.column + p.column - 1 : p.column }));
        st.failed = true;
        break;
      }
      feedUtf8(body);
    }
  } catch (e) {
    diagnostics.push(at(fsError(e), { line: 1, column: 1 }));
    st.failed = true;
  }
  if (!st.failed && carry.length > 0) {
    diagnostics.push(at(error('file.notUtf8', { encoding: 'utf-8' }), pos));
    st.failed = true;
  }
  if (!st.failed && decoder) feedText(decoder.decode());
  if (!st.failed && st.core) write(undefined, true);
  if (!st.failed && !st.core) diagnostics.push(at(error('file.empty'), { line: 1, column: 1 }));
  if (st.error) {
    diagnostics.push(st.error);
    // The broken record and every line after it are not read: count them, so the summary adds up.
    const lines = pos.line - (pos.column === 1 ? 1 : 0);
    const notRead = Math.max(0, lines - st.brokenAt + 1);
    if (notRead > 0) {
      intake.summary.rejected += notRead;
      intake.summary.rows += notRead;
      diagnostics.push(at(error('csv.linesNotRead', { count: notRead }), { line: st.brokenAt, column: 1 }));
    }
  } else if (!st.failed && st.core && !intake.hasHeader) {
    diagnostics.push(at(error('file.empty'), { line: 1, column: 1 }));
  }
  if (st.failed && !intake.hasHeader) intake.summary.rejected = Math.max(intake.summary.rejected, 1);
  if (!st.failed) intake.finish();
  return { read: { encoding, zip: false }, diagnostics };
}
