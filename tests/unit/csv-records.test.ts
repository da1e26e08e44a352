import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse';
import { PlainRecords } from '../../src/io/csv-records.js';

// PlainRecords must give exactly the records (and errors) csv-parse gives with the options of io/csv.ts.
const options = (delimiter: string) => ({
  delimiter,
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  max_record_size: 1_000_000,
});

interface Core {
  parse(buf: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): (Error & { code?: string }) | undefined;
}
const core = (delimiter: string): Core => (parse(options(delimiter)) as unknown as { api: Core }).api;

/** csv-parse alone over the whole text. */
function csvParse(bytes: Buffer, delimiter: string): { records: string[][]; error: string | null } {
  const records: string[][] = [];
  const e = core(delimiter).parse(bytes, true, (r) => records.push(r), () => undefined);
  return { records, error: e?.code ?? null };
}

/** PlainRecords first, csv-parse from the first record it gives back, fed in chunks cut at `cuts`. */
function split(bytes: Buffer, delimiter: string, cuts: number[]): { records: string[][]; error: string | null; plain: number } {
  const records: string[][] = [];
  const p = core(delimiter);
  let plain: PlainRecords | null = new PlainRecords(delimiter.charCodeAt(0));
  let byPlain = 0;
  let error: string | null = null;
  const write = (b: Buffer, end: boolean): void => {
    if (error) return;
    let rest: Buffer | null = b;
    if (plain) {
      rest = plain.feed(b, end, (r) => {
        byPlain++;
        records.push(r);
      });
      if (rest === null) return;
      plain = null;
    }
    if (!end && rest.length === 0) return;
    const e = p.parse(rest, end, (r) => records.push(r), () => undefined);
    if (e) error = e.code ?? 'error';
  };
  let at = 0;
  for (const c of cuts) {
    write(bytes.subarray(at, c), false);
    at = c;
  }
  write(bytes.subarray(at), false);
  write(Buffer.alloc(0), true);
  return { records, error, plain: byPlain };
}

describe('PlainRecords', () => {
  it.each([
    ['a;b\r\nc;d\r\n', ';', 2],
    ['a;b\nc;d', ';', 2],
    ['a;\n\n"";\r\r\n;', ';', 5],
    ['"x;y";"say ""hi""";3\n4;"multi\nline";5\r\n', ';', 2],
    ['ā;€;😀\r\n1,2;3\n', ';', 2],
    ['a,"b",c\n', ',', 1],
    ['a\tb\t"c\td"\n', '\t', 1],
  ])('splits %j like csv-parse, by itself', (text, sep, count) => {
    const bytes = Buffer.from(text);
    const r = split(bytes, sep, []);
    expect(r).toEqual({ ...csvParse(bytes, sep), plain: count });
  });

  it.each([
    ['a;b"c;d\ne;f\n', 'a quote inside a field'],
    ['a;"b"c;d\ne;f\n', 'text after a closing quote'],
    ['a; "b";d\ne;f\n', 'a quote after a space'],
    ['a;"never closed\ne;f\n', 'an unclosed quote (csv-parse reports it)'],
  ])('leaves %j to csv-parse from the record on (%s)', (text, _why) => {
    const bytes = Buffer.from(`x;y\n${text}`);
    const r = split(bytes, ';', []);
    expect(r.plain).toBe(1);
    expect({ records: r.records, error: r.error }).toEqual(csvParse(bytes, ';'));
  });

  it('leaves a record longer than 64 KiB to csv-parse, and one over the limit gives its error', () => {
    const long = Buffer.from(`a;b\n${'x'.repeat(70_000)};c\nd;e\n`);
    expect(split(long, ';', [100, 40_000])).toEqual({ ...csvParse(long, ';'), plain: 1 });
    const tooLong = Buffer.from(`a;b\n"${'x'.repeat(1_100_000)}\n`);
    const r = split(tooLong, ';', [300_000]);
    expect(r.error).toBe('CSV_MAX_RECORD_SIZE');
    expect(r).toEqual({ ...csvParse(tooLong, ';'), plain: 1 });
  });

  it('gives what csv-parse gives for random texts cut into random chunks', () => {
    let seed = 20_260_314;
    const rand = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const alphabet = ['a', 'b', ';', ',', '"', '"', '""', '\r', '\n', '\r\n', ' ', 'ā', '€', '😀', '3', '\t', '"x;y"'];
    let plain = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const length = Math.floor(rand() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rand() * alphabet.length)] ?? '';
      const sep = [';', ',', '\t'][Math.floor(rand() * 3)] as string;
      const bytes = Buffer.from(text);
      // the reader cuts chunks between characters
      const cuts: number[] = [];
      for (let i = 1; i < bytes.length; i++) if (((bytes[i] as number) & 0xc0) !== 0x80 && rand() < 0.2) cuts.push(i);
      const r = split(bytes, sep, cuts);
      plain += r.plain;
      expect({ text, sep, cuts, records: r.records, error: r.error }).toEqual({ text, sep, cuts, ...csvParse(bytes, sep) });
    }
    // both ways were taken often
    expect(plain).toBeGreaterThan(10_000);
  });
});
