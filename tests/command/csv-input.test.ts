import { afterAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/io/load.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

/**
 * Spreadsheets save CSV as UTF-8 with a BOM (Excel's "CSV UTF-8"), or as UTF-16 with a BOM
 * (Excel's "Unicode text", little-endian; big-endian from some tools). Latvian letters in the
 * header (question texts) and in the cells must come through every one of them.
 */

// Question texts and titles of version 1 of the bundled framework, in Latvian, as a spreadsheet made
// then still has them: version 2 rewords them and keeps these as aliases, so a header matching one
// exactly still maps (as does the cell "Paraugs citiem", the old label of step 4).
const VISION_Q = 'Vai kopienai ir kopīgi veidots, pierakstīts ilgtermiņa attīstības redzējums?';
const ASSETS_Q = 'Vai kopiena ir apzinājusi savas stiprās puses, vērtības un resursus (cilvēkus, dabu, kultūru, ēkas, uzņēmumus)?';
const CHALLENGES_Q = 'Vai kopiena zina, ar kādiem izaicinājumiem saskaras tās iedzīvotāji, un vai stratēģija tos risina?';
const CROSS_TITLE = 'Vairākas jomas kopā';
const NOTE = `${VISION_Q} piezīme`;

const HEADER = ['Ciems', 'Vārds, uzvārds', 'Novads', VISION_Q, ASSETS_Q, CHALLENGES_Q, CROSS_TITLE, NOTE];
const ROWS = [
  ['Ērgļi', 'Kārlis Zariņš', 'Madonas novads', 'Darbojas', '2 – Aizsākts', 'nezinu', 'Paraugs citiem', 'Vīzija pieņemta 2024. gadā; “Ērgļu ceļš”'],
  ['Žīguri', 'Ņina Šķēle', 'Balvu novads', '1', 'Idejas līmenī', '', '4', ''],
  ['Ķegums', 'Ģirts Čakste', 'Ogres novads', 'Vēl nav', '3,0', 'Aizsākts', 'Darbojas', ''],
  ['ĒRGĻI', 'Ilze Ābele', 'Madonas novads', 'Paraugs citiem', 'Darbojas', 'Darbojas', 'nav attiecināms', ''],
];

/** A CSV text: cells with the separator or a quote are quoted, lines end with CRLF as Excel writes them. */
function csvText(sep: string, rows: string[][] = [HEADER, ...ROWS]): string {
  const cell = (c: string): string => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
}

const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16LE = Buffer.from([0xff, 0xfe]);
const BOM16BE = Buffer.from([0xfe, 0xff]);
/** The size of the pieces a file stream reads (fs.createReadStream's default highWaterMark). */
const CHUNK = 64 * 1024;

const FILES: Record<string, Buffer> = {
  'utf8.csv': Buffer.from(csvText(','), 'utf8'),
  'utf8-bom.csv': Buffer.concat([BOM8, Buffer.from(csvText(';'), 'utf8')]),
  'utf16le.csv': Buffer.concat([BOM16LE, Buffer.from(csvText('\t'), 'utf16le')]),
  'utf16le-semicolon.csv': Buffer.concat([BOM16LE, Buffer.from(csvText(';'), 'utf16le')]),
  'utf16be.csv': Buffer.concat([BOM16BE, utf16be(csvText('\t'))]),
  'utf16be-comma.csv': Buffer.concat([BOM16BE, utf16be(csvText(','))]),
};

const tmp = tempDir(FILES);
afterAll(() => tmp.cleanup());

interface Doc {
  results: {
    village: string;
    municipality: string | null;
    respondents: number;
    sources: string[];
    criteria: Record<string, { raw: number | null; n: number; na: number; dont_know: number }>;
  }[];
  errors: unknown[];
  warnings: unknown[];
}

async function score(file: string): Promise<Doc> {
  const r = await run(['score', tmp.path(file), '--format', 'json', '--lang', 'en']);
  expect(r.stderr).toMatch(/^\S+: 4 row\(s\), 4 read(; read as utf-16[lb]e)?\n3 village\(s\) from 4 answer set\(s\) \(files and CSV rows\)\n$/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/** The scores every encoding must give: labels, leading numbers, "3,0", n/a and blanks read as such. */
const EXPECTED = [
  {
    village: 'Ērgļi',
    municipality: 'Madonas novads',
    respondents: 2,
    criteria: {
      'strategy.vision': { raw: 3.5, n: 2, na: 0 },
      'strategy.assets': { raw: 2.5, n: 2, na: 0 },
      'strategy.challenges': { raw: 3, n: 1, na: 0, dont_know: 1 }, // nezinu: don't know (#14b)
      'strategy.cross-sector': { raw: 4, n: 1, na: 1, dont_know: 0 },
    },
  },
  {
    village: 'Žīguri',
    municipality: 'Balvu novads',
    respondents: 1,
    criteria: { 'strategy.vision': { raw: 1, n: 1, na: 0 }, 'strategy.assets': { raw: 1, n: 1, na: 0 }, 'strategy.cross-sector': { raw: 4, n: 1, na: 0 } },
  },
  {
    village: 'Ķegums',
    municipality: 'Ogres novads',
    respondents: 1,
    criteria: { 'strategy.vision': { raw: 0, n: 1, na: 0 }, 'strategy.assets': { raw: 3, n: 1, na: 0 }, 'strategy.challenges': { raw: 2, n: 1, na: 0 } },
  },
];

describe('CSV answers in every encoding a spreadsheet saves', () => {
  it('uses the wordings of version 1, which the bundled criteria keep only as aliases', () => {
    const fw = loadFramework(`${ROOT}/criteria/smart-village.yaml`).value!;
    const current = (id: string): string[] => {
      const c = fw.criteria.get(id)!;
      return [...Object.values(c.question), ...Object.values(c.title)];
    };
    const old = { 'strategy.vision': VISION_Q, 'strategy.assets': ASSETS_Q, 'strategy.challenges': CHALLENGES_Q, 'strategy.cross-sector': CROSS_TITLE };
    for (const [id, text] of Object.entries(old)) {
      expect(current(id)).not.toContain(text);
      expect(fw.criteria.get(id)!.aliases).toContain(text);
    }
    expect(Object.values(fw.scale.labels.get(4)!)).not.toContain('Paraugs citiem');
    expect(fw.scale.aliases.get(4)).toContain('Paraugs citiem');
  });

  it.each(Object.keys(FILES))('%s: Latvian headers and village names survive', async (file) => {
    const doc = await score(file);
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(doc.results).toMatchObject(EXPECTED);
    expect(doc.results[0]!.sources).toEqual([`${tmp.path(file)}:2`, `${tmp.path(file)}:5`]);
  });

  it('gives the same JSON for every encoding, apart from the file names', async () => {
    const docs = await Promise.all(
      Object.keys(FILES).map(async (f) => {
        const { inputs: _inputs, ...doc } = (await score(f)) as Doc & { inputs: unknown };
        return JSON.stringify(doc).split(tmp.path(f)).join('FILE');
      }),
    );
    for (const d of docs) expect(d).toBe(docs[0]);
  });

  it('reads the note column in UTF-16 too: the plan quotes it with its Latvian letters', async () => {
    for (const file of ['utf16le.csv', 'utf16be.csv', 'utf8-bom.csv']) {
      const r = await run(['report', tmp.path(file), '--village', 'Ērgļi', '--lang', 'lv']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Vīzija pieņemta 2024. gadā; “Ērgļu ceļš”');
      expect(r.stdout).toContain('# Viedā ciema rīcības plāns: Ērgļi');
    }
  });

  it.each([
    ['UTF-8', BOM8, (s: string) => Buffer.from(s, 'utf8')],
    ['UTF-16 LE', BOM16LE, (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16 BE', BOM16BE, utf16be],
  ])('%s: does not take the BOM for part of a quoted first column name', async (_name, bom, encode) => {
    // Google Forms and LibreOffice quote every header: a BOM left in front of the first quote
    // would turn the first column into `\uFEFF"Ciems"` and reject the file.
    const quoted = HEADER.map((h) => `"${h}"`).join(',');
    const dir = tempDir({ 'quoted.csv': Buffer.concat([bom, encode(`${quoted}\r\n${csvText(',', ROWS)}`)]) });
    try {
      const r = await run(['score', dir.path('quoted.csv'), '--format', 'json', '--lang', 'en']);
      expect(r.stderr).not.toContain('matches no');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Doc).results).toMatchObject(EXPECTED);
    } finally {
      dir.cleanup();
    }
  });

  it.each([
    ['UTF-8 with a BOM', (s: string) => Buffer.concat([BOM8, Buffer.from(s, 'utf8')])],
    ['UTF-16 LE', (s: string) => Buffer.concat([BOM16LE, Buffer.from(s, 'utf16le')])],
    ['UTF-16 BE', (s: string) => Buffer.concat([BOM16BE, utf16be(s)])],
  ])('%s: a file of several read chunks keeps every letter, also one cut by a chunk end', async (name, encode) => {
    // Thousands of villages with long Latvian names: the file is read in 64 KiB pieces. The first
    // name is padded until a piece ends inside a character: inside a two-byte letter (UTF-8) or
    // between the two halves of an emoji (UTF-16).
    const names = Array.from({ length: 3000 }, (_, i) => `Ābeļciems ${i} ${'ā'.repeat(i % 7)}— Ķēķi, Ļūļi, Ņūžas 🌲`);
    const build = (pad: number): { names: string[]; bytes: Buffer } => {
      const padded = [`${names[0]!}${'x'.repeat(pad)}`, ...names.slice(1)];
      const rows = [['Ciems', 'strategy.vision'], ...padded.map((n, i) => [n, String(i % 5)])];
      return { names: padded, bytes: encode(csvText(';', rows)) };
    };
    const cutInside = (b: Buffer): boolean => {
      for (let at = CHUNK; at < b.length; at += CHUNK) {
        if (name.startsWith('UTF-8') && ((b[at] ?? 0) & 0xc0) === 0x80) return true;
        const unit = name.endsWith('LE') ? b.readUInt16LE(at) : b.readUInt16BE(at);
        if (!name.startsWith('UTF-8') && unit >= 0xdc00 && unit <= 0xdfff) return true;
      }
      return false;
    };
    let pad = 0;
    while (!cutInside(build(pad).bytes)) pad++;
    const file = build(pad);
    expect(file.bytes.length).toBeGreaterThan(2 * CHUNK);
    const dir = tempDir({ 'big.csv': file.bytes });
    try {
      const r = await run(['score', dir.path('big.csv'), '--format', 'json', '--lang', 'en']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as Doc;
      expect(doc.errors).toEqual([]);
      expect(doc.results.map((x) => x.village)).toEqual(file.names);
      expect(doc.results.map((x) => x.criteria['strategy.vision']?.raw)).toEqual(file.names.map((_, i) => i % 5));
    } finally {
      dir.cleanup();
    }
  });

  it('refuses UTF-16 without a BOM instead of reading it as something else', async () => {
    const dir = tempDir({ 'nobom.csv': Buffer.from(csvText(';'), 'utf16le') });
    try {
      const r = await run(['score', dir.path('nobom.csv'), '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/nobom\.csv:1:1: /);
      expect(r.stdout).toBe('');
    } finally {
      dir.cleanup();
    }
  });
});
