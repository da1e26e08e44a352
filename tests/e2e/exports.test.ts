import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, noStack, tempDir, village } from '../helpers/cli.js';

// Real survey exports, built by tests/fixtures/exports/make.mjs from each tool's documented format,
// scored from the binary. Every criterion has weight 1, 9 per pillar, scale 0–4: a criterion scores
// mean/4 × 100, a pillar the mean of its 9, overall the mean of the 3 pillars.
const X = `${FIXTURES}/exports`;

interface Doc {
  results: { village: string; respondents: number; overall: number; level: string; date: string | null; pillars: Record<string, { score: number }>; criteria: Record<string, { raw: number; n: number; na: number; dont_know: number }> }[];
  inputs: { file: string; rows: number; read: number; rejected: number; incomplete: number; cells_dropped: number; columns_ignored: string[]; encoding: string | null; sheet: string | null }[];
  errors: { message: string }[];
  warnings: { line: number; message: string }[];
}

function score(args: string[]): { doc: Doc; code: number | null; stderr: string } {
  const r = village(['score', ...args, '--format', 'json', '--lang', 'en']);
  expect(noStack(r.stderr)).toBe(true);
  return { doc: JSON.parse(r.stdout) as Doc, code: r.code, stderr: r.stderr };
}

const pillars = (d: Doc, i = 0): number[] => Object.values(d.results[i]!.pillars).map((p) => p.score);

describe('survey exports, end to end', () => {
  it('Google Forms CSV: Timestamp dates the answers, comment and consent columns are ignored with one warning, "Nezinu" is dont-know', () => {
    const { doc, code } = score([`${X}/google-forms.csv`]);
    expect(code).toBe(0);
    // Anna all 4, Juris all 2, Ilze all 0 but vision "Nezinu": vision (4+2)/2 = 3 → 75, the rest (4+2+0)/3 = 2 → 50;
    // strategy (75 + 8×50)/9 = 52.78, innovation 50, participation 50, overall 50.93: two pillars ≥ 50 → transition.
    expect(doc.results).toMatchObject([{ village: 'Vecpiebalga', respondents: 3, overall: 50.9, level: 'transition', date: '2026-05-20' }]);
    expect(pillars(doc)).toEqual([52.8, 50, 50]);
    expect(doc.results[0]!.criteria['strategy.vision']).toMatchObject({ raw: 3, n: 2, na: 0, dont_know: 1 });
    expect(doc.inputs).toEqual([
      expect.objectContaining({ rows: 3, read: 3, rejected: 0, cells_dropped: 0, columns_ignored: ['Komentāri un ieteikumi VRG', 'Piekrītu datu apstrādei'] }),
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual(['2 column(s) that hold no scores are ignored: Komentāri un ieteikumi VRG, Piekrītu datu apstrādei']);
  });

  it('Microsoft Forms xlsx: its system columns are known, Completion time dates the answers, in one command', () => {
    const { doc, code, stderr } = score([`${X}/microsoft-forms.xlsx`]);
    expect(code).toBe(0);
    // all "Established" (3) and all "Started" (2): every criterion 2.5/4 = 62.5; overall 62.5 < 65 → transition
    expect(doc.results).toMatchObject([{ village: 'Ērgļi', respondents: 2, overall: 62.5, level: 'transition', date: '2026-05-12' }]);
    expect(pillars(doc)).toEqual([62.5, 62.5, 62.5]);
    expect(doc.inputs).toEqual([expect.objectContaining({ rows: 2, read: 2, sheet: 'Form1', columns_ignored: [] })]);
    expect(doc.warnings).toEqual([]);
    expect(stderr).toContain('microsoft-forms.xlsx: 2 row(s), 2 read; sheet Form1\n');
  });

  it('Microsoft Forms xlsx in a folder, by sheet name, and renamed .csv (read as a workbook with a warning)', () => {
    const tmp = tempDir();
    copyFileSync(`${X}/microsoft-forms.xlsx`, tmp.path('forms.xlsx'));
    copyFileSync(`${X}/microsoft-forms.xlsx`, tmp.path('renamed.csv'));
    const folder = score([tmp.dir, '--sheet', 'form1']);
    // The renamed copy holds the same submissions: counted once, each with a warning.
    expect(folder.doc.results).toMatchObject([{ village: 'Ērgļi', respondents: 2, overall: 62.5 }]);
    expect(folder.doc.warnings.map((w) => w.message)).toContain('this is an Excel workbook (.xlsx) with another name: read as a workbook');
    const missing = village(['score', tmp.path('forms.xlsx'), '--sheet', 'Nope']);
    tmp.cleanup();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('forms.xlsx:1:1: no sheet "Nope"; the sheets are: Form1');
  });

  it('LimeSurvey with question codes and answer codes A1…A5: needs --map; the incomplete response is left out', () => {
    const without = score([`${X}/limesurvey-codes.csv`]);
    expect(without.code).toBe(1);
    expect(without.doc.errors.map((e) => e.message)).toContain(
      'no column matches a criterion: name the question columns in a --map file (village init --format map), or check --criteria',
    );
    const { doc, code } = score([`${X}/limesurvey-codes.csv`, '--map', `${X}/limesurvey.map.yaml`]);
    expect(code).toBe(0);
    // A4 = 3 and A2 = 1: every criterion (3+1)/2 = 2 → 50; the third response (empty submitdate) is left out
    expect(doc.results).toMatchObject([{ village: 'Rucava', respondents: 2, overall: 50, level: 'transition', date: '2026-05-19' }]);
    expect(pillars(doc)).toEqual([50, 50, 50]);
    expect(doc.inputs).toEqual([expect.objectContaining({ rows: 3, read: 2, incomplete: 1 })]);
    expect(doc.warnings.map((w) => w.message)).toEqual(['1 incomplete or empty response(s) left out (no submit date, or no answers)']);
  });

  it('LimeSurvey "Question code & question text" headings are read as they are; a map names the answer codes', () => {
    const { doc, code } = score([`${X}/limesurvey-code-and-text.csv`, '--map', `${X}/codes-only.map.yaml`]);
    expect(code).toBe(0);
    expect(doc.results).toMatchObject([{ village: 'Rucava', respondents: 2, overall: 50 }]);
  });

  it('LimeSurvey full question text with 1–5 answers: warned as shifted without a map, exact with "offset: -1"', () => {
    const without = score([`${X}/limesurvey-fulltext-1to5.csv`]);
    expect(without.code).toBe(1);
    expect(without.doc.warnings.map((w) => w.message)).toContain(
      'the scores run 2–5, never 0: the answers may be coded one step up from the scale 0–4; if so, read them with a --map file holding "offset: -1"',
    );
    expect(without.doc.inputs[0]).toMatchObject({ rows: 3, read: 3, cells_dropped: 9 });
    const { doc, code } = score([`${X}/limesurvey-fulltext-1to5.csv`, '--map', `${X}/offset.map.yaml`]);
    expect(code).toBe(0);
    // minus one: strategy 4,2,1 → 7/3/4 = 58.33; innovation 3,2,1 → 50; participation 2,2,1 → 41.67; overall 50
    expect(doc.results).toMatchObject([{ village: 'Nīca', respondents: 3, overall: 50, level: 'transition', date: '2026-05-21' }]);
    expect(pillars(doc)).toEqual([58.3, 50, 41.7]);
  });

  it.each([
    ['excel-lv-cp1257.csv', 'windows-1257'],
    ['excel-lv-utf8-bom.csv', 'utf-8'],
    ['excel-lv-unicode-text.txt', 'utf-16le'],
  ])('Excel in a Latvian locale, %s (%s): the same village and numbers', (file, encoding) => {
    const { doc, code } = score([`${X}/${file}`]);
    expect(code).toBe(0);
    // all "Darbojas" (3) and all "2,0": every criterion 2.5/4 = 62.5
    expect(doc.results).toMatchObject([{ village: 'Ērgļi', respondents: 2, overall: 62.5, level: 'transition', date: '2026-05-21' }]);
    expect(doc.inputs).toEqual([expect.objectContaining({ rows: 2, read: 2, encoding, columns_ignored: ['Piezīmes (brīvā formā)'] })]);
    const assumed = doc.warnings.some((w) => w.message.startsWith('the file is not UTF-8: read as windows-1257'));
    expect(assumed).toBe(encoding === 'windows-1257');
  });

  it('--encoding overrules the guess, and a forced UTF-8 points at the real line and column of the bad byte', () => {
    const latin = score([`${X}/excel-lv-cp1257.csv`, '--encoding', 'cp1252']);
    expect(latin.doc.inputs[0]?.encoding).toBe('windows-1252');
    const r = village(['score', `${X}/excel-lv-cp1257.csv`, '--encoding', 'utf-8']);
    expect(r.code).toBe(1);
    // "Ciems;Respondents;Datums;Vai kopienai ir kopīgi…": the first non-ASCII byte, ī, is on line 1, column 39
    const header = readFileSync(`${X}/excel-lv-utf8-bom.csv`, 'utf8').slice(1);
    expect(r.stderr).toContain(`excel-lv-cp1257.csv:1:${Array.from(header).findIndex((ch) => ch.charCodeAt(0) > 0x7f) + 1}: the file is not UTF-8 text`);
    expect(village(['score', `${X}/google-forms.csv`, '--encoding', 'klingon']).code).toBe(2);
  });

  it('validate takes the same options and says the same', () => {
    const r = village(['validate', `${X}/limesurvey-codes.csv`, '--map', `${X}/limesurvey.map.yaml`, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: 1 incomplete or empty response(s) left out');
    expect(r.stderr).toContain('limesurvey-codes.csv: 3 row(s), 2 read; 1 incomplete left out\n');
    const ignored = village(['validate', `${X}/google-forms.csv`, '--ignore-column', 'Komentāri un ieteikumi VRG', '--ignore-column', 'Piekrītu datu apstrādei']);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toBe('');
  });

  it('a map file is checked like the other files: schema and criterion ids, with positions', () => {
    const tmp = tempDir({ 'bad.map.yaml': 'schema: village-kit/map@1\ncolumns:\n  G1Q01: strategy.visoin\noffset: one\n' });
    const r = village(['validate', tmp.path('bad.map.yaml'), '--lang', 'en']);
    const s = village(['score', `${X}/google-forms.csv`, '--map', tmp.path('bad.map.yaml')]);
    tmp.cleanup();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.map\.yaml:4:9: .*whole number/);
    expect(s.code).toBe(1);
    expect(noStack(s.stderr)).toBe(true);
  });

  it('init --format map writes a commented map that validates and reads', () => {
    const tmp = tempDir();
    expect(village(['init', '--format', 'map', '--out', tmp.path('m.yaml')]).code).toBe(0);
    const text = readFileSync(tmp.path('m.yaml'), 'utf8');
    expect(text).toContain('schema: village-kit/map@1');
    expect(text).toContain('# offset: -1');
    expect(village(['validate', tmp.path('m.yaml')]).code).toBe(0);
    writeFileSync(tmp.path('m.yaml'), text.replace('# offset: -1', 'offset: -1'));
    const shifted = score([`${X}/limesurvey-fulltext-1to5.csv`, '--map', tmp.path('m.yaml')]);
    tmp.cleanup();
    expect(shifted.doc.results[0]?.overall).toBe(50);
  });
});

describe('tables that are not what they seem', () => {
  it('a bad byte deep in a file: auto-detected as Windows-1257 (whole file), or with --encoding utf-8 reported at its line and column', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Alsunga,${i % 5},3`);
    const body = `village,strategy.vision,strategy.assets\n${rows.join('\n')}\nC\xe7sis,4,4\n`;
    const tmp = tempDir({ 'late.csv': Buffer.from(body, 'latin1') });
    const auto = score([tmp.path('late.csv')]);
    const forced = village(['score', tmp.path('late.csv'), '--encoding', 'utf-8']);
    tmp.cleanup();
    expect(auto.doc.results.map((r) => [r.village, r.respondents])).toEqual([['Alsunga', 20_000], ['Cēsis', 1]]);
    expect(auto.doc.inputs[0]).toMatchObject({ rows: 20_001, read: 20_001, encoding: 'windows-1257' });
    expect(forced.stderr).toContain('late.csv:20002:2: the file is not UTF-8 text');
  });

  it("Excel's sep=; line, a trailing empty column, ragged rows, and the kit's own ; and tab templates", () => {
    const tmp = tempDir({
      'sep.csv': 'sep=;\nvillage;strategy.vision;strategy.assets\nAlsunga;3,0;2\n',
      'trailing.csv': 'village,strategy.vision,\nAlsunga,3,\nAlsunga,1,,,\nAlsunga,2,,x\n',
    });
    const sep = score([tmp.path('sep.csv')]);
    expect(sep.doc.results).toMatchObject([{ village: 'Alsunga', respondents: 1 }]);
    expect(sep.doc.warnings).toEqual([]);
    const trailing = score([tmp.path('trailing.csv')]);
    expect(trailing.doc.results).toMatchObject([{ village: 'Alsunga', respondents: 2 }]);
    expect(trailing.doc.errors).toEqual([expect.objectContaining({ line: 4, column: 4, message: 'the row has 4 cells, the header has 3' })]);
    expect(trailing.doc.warnings).toEqual([]);
    for (const [name, separator] of [['t.csv', ';'], ['t.tsv', 'tab']] as const) {
      for (const headers of ['question', 'id']) {
        expect(village(['init', '--format', 'csv', '--headers', headers, '--separator', separator, '--out', tmp.path(name), '--force']).code).toBe(0);
        const v = village(['validate', tmp.path(name), '--lang', 'en']);
        expect([name, headers, v.code, v.stdout]).toEqual([name, headers, 0, `${tmp.path(name)}:2:1: warning: the CSV has a header but no rows\n`]);
      }
    }
    tmp.cleanup();
  });

  it('130,000 rows, good or bad, are read without a crash (rows stream; no spread over them)', () => {
    const tmp = tempDir();
    const header = 'village,respondent,strategy.vision,strategy.assets,innovation.social,participation.welcome';
    const good = Array.from({ length: 130_000 }, (_, i) => `Liepa,R${i},${i % 5},${(i + 1) % 5},${(i + 2) % 5},n/a`);
    const bad = Array.from({ length: 130_000 }, (_, i) => `V${i % 1000},R${i},A3,A3,A3,A3`);
    writeFileSync(tmp.path('good.csv'), `${header}\n${good.join('\n')}\n`);
    writeFileSync(tmp.path('bad.csv'), `${header}\n${bad.join('\n')}\n`);
    const g = score([tmp.path('good.csv')]);
    const b = village(['score', tmp.path('bad.csv'), '--lang', 'en']);
    tmp.cleanup();
    expect(g.code).toBe(0);
    // 0…4 in turn: the mean is exactly 2 (130,000 is a multiple of 5)
    expect(g.doc.results).toMatchObject([{ village: 'Liepa', respondents: 130_000 }]);
    expect(g.doc.results[0]!.criteria['strategy.vision']).toMatchObject({ raw: 2, n: 130_000 });
    expect(g.doc.results[0]!.criteria['participation.welcome']).toMatchObject({ n: 0, na: 130_000 });
    expect(b.code).toBe(1);
    expect(noStack(b.stderr)).toBe(true);
    expect(b.stderr).toContain('… and 519995 more like this in this file');
    expect(b.stderr).toContain('bad.csv: 130000 row(s), 0 read; 130000 rejected; 520000 cell(s) dropped\n');
    // capped: a few lines, not half a million
    expect(b.stderr.split('\n').length).toBeLessThan(20);
  });

  it('reads xlsx with read-excel-file only when an xlsx is read', () => {
    const tmp = tempDir();
    const loads = (args: string[], name: string): string[] => {
      const trace = tmp.path(name);
      spawnSync(process.execPath, ['--import', `${ROOT}/tests/helpers/trace-loads.mjs`, BIN, ...args], { env: { ...process.env, TRACE_FILE: trace }, input: '' });
      return readFileSync(trace, 'utf8').split('\n').filter((u) => u.includes('node_modules/read-excel-file'));
    };
    const help = loads(['score', '--help'], 'help.txt');
    const csv = loads(['score', `${X}/google-forms.csv`], 'csv.txt');
    const xlsx = loads(['score', `${X}/microsoft-forms.xlsx`], 'xlsx.txt');
    tmp.cleanup();
    expect([help.length, csv.length, xlsx.length > 0]).toEqual([0, 0, true]);
  });
});

describe('YAML answers take the same vocabulary as CSV cells', () => {
  it('reads "3", labels, the n/a words and a DD.MM.YYYY date, and refuses "3.5" instead of truncating it', () => {
    const head = 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Ērgļi\n';
    const tmp = tempDir({
      'ok.yaml': `${head}date: 14.03.2026\nanswers:\n  strategy.vision: "3"\n  strategy.assets: Darbojas\n  strategy.data: Nezinu\n  strategy.funding: { score: N/A, note: x }\n  strategy.identity: 1 – Idejas līmenī\n`,
      'bad.yaml': `${head}date: 31.02.2026\nanswers:\n  strategy.vision: "3.5"\n`,
    });
    const ok = score([tmp.path('ok.yaml')]);
    const bad = village(['validate', tmp.path('bad.yaml'), '--lang', 'en']);
    tmp.cleanup();
    expect(ok.code).toBe(0);
    const c = ok.doc.results[0]!.criteria;
    // vision 3, assets 3 (Darbojas), identity 1: strategy (75 + 75 + 25) / 3 = 58.3; data and funding n/a
    expect([c['strategy.vision']?.raw, c['strategy.assets']?.raw, c['strategy.identity']?.raw, c['strategy.data']?.dont_know, c['strategy.funding']?.na]).toEqual([3, 3, 1, 1, 1]);
    expect(ok.doc.results[0]).toMatchObject({ date: '2026-03-14', pillars: { strategy: { score: 58.3 } } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('bad.yaml:4:7: "31.02.2026" is not a date (YYYY-MM-DD or DD.MM.YYYY)');
    expect(bad.stdout).toContain('bad.yaml:6:20: "3.5" is not a score on 0–4, a scale label or n/a (3.5 is not 3)');
  });
});

describe('init --format map --from an export', () => {
  it('lists the export\'s headers as the kit reads them and the answer codes it found; filled in, it scores', () => {
    const tmp = tempDir();
    const made = village(['init', '--format', 'map', '--from', `${X}/limesurvey-codes.csv`, '--lang', 'en', '--out', tmp.path('m.yaml')]);
    expect(made.code).toBe(0);
    let text = readFileSync(tmp.path('m.yaml'), 'utf8');
    expect(text).toContain('  # "CIEMS": village   # recognised: no line needed');
    expect(text).toContain('  "G1Q01": ignore   # set village, respondent, date, municipality, lag or a criterion id, or keep ignore');
    expect(text).toContain('  # "A4": ');
    expect(village(['validate', tmp.path('m.yaml')]).code).toBe(0);
    // what the officer does next: each code its criterion, each answer code its score
    const ids = new Map([...readFileSync(`${X}/limesurvey.map.yaml`, 'utf8').matchAll(/^ {2}(G\dQ\d\d): (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    text = text.replace(/^ {2}"(G\dQ\d\d)": ignore.*$/gm, (_, code: string) => `  ${code}: ${ids.get(code)}`);
    text = text.replace(/^ {2}# "A(\d)": $/gm, (_, n: string) => `  A${n}: ${Number(n) - 1}`);
    writeFileSync(tmp.path('m.yaml'), text);
    const { doc, code } = score([`${X}/limesurvey-codes.csv`, '--map', tmp.path('m.yaml')]);
    tmp.cleanup();
    expect(code).toBe(0);
    expect(doc.results).toMatchObject([{ village: 'Rucava', respondents: 2, overall: 50 }]);
  });
});
