import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { error, type Diagnostic } from '../core/diagnostic.js';

/** YAML inputs above this size are refused: no criteria or answers file comes near it. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

export type TextResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

const at = (d: Diagnostic, file: string, line = 1, column = 1): Diagnostic => ({ ...d, file, line, column });

/**
 * Reads a text file the way users save them: UTF-8 with or without a BOM, or UTF-16 with a BOM
 * (Excel's "Unicode text"). Anything else is refused with the position of the first bad byte.
 * Synchronous on purpose: batch runs read thousands of small files, and a blocking read of a
 * few kilobytes is faster than a round trip through the thread pool.
 */
export function readText(file: string, limit = MAX_YAML_BYTES): TextResult {
  const read = readBounded(file, limit);
  if ('diagnostic' in read) return { diagnostic: read.diagnostic };
  return decode(read.bytes, file);
}

const CHUNK = 64 * 1024;

/**
 * Reads at most `limit` bytes of a file, counting the bytes actually read: a pipe, a FIFO, a
 * device (`/dev/zero`) or a file that grows is refused as too large as soon as byte `limit + 1`
 * arrives, whatever `stat` says. A regular file over the limit is refused before reading.
 */
export function readBounded(file: string, limit: number): { bytes: Buffer } | { diagnostic: Diagnostic } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return { diagnostic: at(fsError(e), file) };
  }
  const tooLarge = (size: number | string): { diagnostic: Diagnostic } => ({ diagnostic: at(error('file.tooLarge', { size, limit }), file) });
  try {
    const s = fstatSync(fd);
    if (s.isDirectory()) return { diagnostic: at(error('file.unreadable', { reason: 'it is a folder' }), file) };
    if (s.isFile() && s.size > limit) return tooLarge(s.size);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file says its size: read it in one go (and one byte more, to see a file that grew).
    let want = s.isFile() ? s.size + 1 : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(want, limit + 1 - total)));
      want = CHUNK;
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // A non-blocking pipe with nothing yet: wait a moment and read again.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return tooLarge(`${limit}+`);
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { diagnostic: at(fsError(e), file) };
  } finally {
    closeSync(fd);
  }
}

export function decode(buf: Buffer, file: string): TextResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  const body = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (body.includes(0)) return { diagnostic: at(error('file.binary'), file) };
  if (!isUtf8(body)) {
    const { line, column } = firstInvalidUtf8(body);
    return { diagnostic: at(error('file.notUtf8'), file, line, column) };
  }
  const text = body.toString('utf8');
  if (text.trim() === '') return { diagnostic: at(error('file.empty'), file) };
  return { text };
}

/** Line and column (1-based, in characters) of the first byte that is not valid UTF-8. */
export function firstInvalidUtf8(buf: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > buf.length || !isUtf8(buf.subarray(i, i + len))) break;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += len;
  }
  return { line, column };
}

export function fsError(e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return error('file.notFound');
  return error('file.unreadable', { reason: code ?? String(e) });
}
