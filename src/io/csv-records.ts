const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A record longer than this (in bytes) is left to csv-parse, far below its MAX_RECORD_CHARS. */
const MAX_SIMPLE_RECORD = 65_536;

/** The strings of one ASCII byte, made once: most score cells are one digit. */
const ONE_BYTE: readonly string[] = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b));

/**
 * Splits UTF-8 bytes into records the way csv-parse does with the kit's options (one-byte
 * separator, `"` quotes with `""` inside, `\r\n`, `\n` or `\r` between records, quotes relaxed),
 * as long as every record is plain: its fields unquoted with no `"` in them, or quoted whole with
 * the closing quote right before a separator, a line end or the end. At the first record that is
 * not plain (a stray quote, text after a closing quote, an unclosed quote at the end, a very long
 * record) it stops and gives back the bytes from that record's start: csv-parse reads those and
 * everything after them, so each of its rules (and its errors) stays its own. A record cut off at
 * the end of a chunk waits for the next one.
 *
 * Why: csv-parse's byte-by-byte loop with look-ahead checks is most of a large CSV's reading; a
 * plain record is a few `indexOf` and one string per field here.
 */
export class PlainRecords {
  private carry: Buffer | null = null;

  constructor(private readonly sep: number) {}

  /**
   * Hands each complete plain record at the front of (what was carried plus) `bytes` to `push`.
   * Returns null when all were taken (a cut-off record is kept for the next call), else the
   * bytes from the first record that is not plain on: the caller hands those, and all that
   * follows, to csv-parse, and calls this no more.
   */
  feed(bytes: Buffer, end: boolean, push: (record: string[]) => void): Buffer | null {
    const buf = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    this.carry = null;
    const n = buf.length;
    const sep = this.sep;
    let pos = 0;
    records: while (pos < n) {
      const start = pos;
      const limit = Math.min(n, start + MAX_SIMPLE_RECORD);
      const fields: string[] = [];
      let i = pos;
      for (;;) {
        if (i < n && buf[i] === QUOTE) {
          // A quoted field: up to the quote that is not doubled.
          let value = '';
          let from = i + 1;
          for (;;) {
            const q = buf.indexOf(QUOTE, from);
            if (q < 0 || q >= limit) {
              // the data ends first: wait for more (unless it is the end, or the record is too long already)
              if (!end && q < 0 && limit === n) return this.wait(buf, start);
              return buf.subarray(start);
            }
            if (q + 1 >= n) {
              if (!end) return this.wait(buf, start);
              value += buf.toString('utf8', from, q);
              i = q + 1;
              break;
            }
            const next = buf[q + 1];
            if (next === QUOTE) {
              value += buf.toString('utf8', from, q + 1);
              from = q + 2;
              continue;
            }
            if (next === sep || next === CR || next === LF) {
              value += buf.toString('utf8', from, q);
              i = q + 1;
              break;
            }
            return buf.subarray(start);
          }
          fields.push(value);
        } else {
          let j = i;
          for (; j < limit; j++) {
            const b = buf[j] as number;
            if (b === sep || b === CR || b === LF) break;
            if (b === QUOTE) return buf.subarray(start);
          }
          if (j >= limit && limit < n) return buf.subarray(start);
          if (j >= n && !end) return this.wait(buf, start);
          const b = buf[i] as number;
          fields.push(j === i ? '' : j === i + 1 && b < 0x80 ? (ONE_BYTE[b] as string) : buf.toString('utf8', i, j));
          i = j;
        }
        if (i >= n) {
          push(fields);
          pos = n;
          break records;
        }
        const b = buf[i];
        if (b === sep) {
          i++;
          continue;
        }
        if (b === CR) {
          if (i + 1 >= n && !end) return this.wait(buf, start);
          i += buf[i + 1] === LF ? 2 : 1;
        } else i++;
        push(fields);
        pos = i;
        continue records;
      }
    }
    return null;
  }

  private wait(buf: Buffer, start: number): null {
    // A copy: the chunk it is cut from can then go.
    this.carry = Buffer.from(buf.subarray(start));
    return null;
  }
}
