import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, noStack, tempDir, village } from '../helpers/cli.js';

const bad = tempDir({
  'broken.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: X\nanswers:\n  strategy.vision: 7\n',
});
afterAll(() => bad.cleanup());

const json = (args: string[]) => {
  const r = village(['score', ...args, '--format', 'json']);
  return { ...r, doc: JSON.parse(r.stdout) as { results: Record<string, unknown>[]; errors: Record<string, unknown>[] } };
};

describe('village score', () => {
  it('scores the bundled examples as their names say, in a table', () => {
    const r = village(['score', 'examples/']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Rank\s+Village\s+Municipality\s+Period\s+Level\s+Overall\s+Holistic stra…\s+Innovative so…\s+Participatory…\s+Coverage\s+Resp\.\s+Discuss$/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/).slice(0, 6))).toEqual([
      ['1', 'Alsunga', 'Kuldīgas novads', '2026', 'Lighthouse candidate', '75.9'],
      ['2', 'Ērgļi', 'Madonas novads', '2026', 'Village in transition', '53.7'],
      ['3', 'Lejasciems', 'Gulbenes novads', '2026', 'Starting out', '28.9'],
    ]);
    expect(r.stderr).toContain('3 village(s) from 5 answer set(s)');
  });

  it('prints the JSON of docs/formats.md, scores rounded to one decimal', () => {
    const { code, doc } = json(['examples/ergli']);
    expect(code).toBe(0);
    expect(doc.errors).toEqual([]);
    expect(doc.results).toHaveLength(1);
    const r = doc.results[0]!;
    expect(r).toMatchObject({
      village: 'Ērgļi',
      framework: 'smart-village-lv',
      respondents: 3,
      overall: 53.7,
      level: 'transition',
      pillars: { strategy: { score: 59.3, coverage: 1 }, innovation: { score: 46.3, coverage: 1 }, participation: { score: 55.6, coverage: 1 } },
      next_level: { id: 'lighthouse' },
    });
    expect(r.sources).toEqual(['examples/ergli/anna-berzina.yaml', 'examples/ergli/janis-ozols.yaml', 'examples/ergli/liga-kalnina.yaml']);
    expect((r.criteria as Record<string, unknown>)['strategy.vision']).toEqual({ raw: 2.7, score: 66.7, min: 2, max: 3, n: 3, na: 0, dont_know: 0, disagree: false, distribution: [[2, 1], [3, 2]] });
    expect((r.criteria as Record<string, unknown>)['innovation.digital']).toMatchObject({ raw: 2, min: 0, max: 4, disagree: true });
    expect((r.next_level as { unmet: unknown[] }).unmet).toContainEqual({ rule: 'pillar_min', pillar: 'innovation', needed: 50, actual: 46.3 });
    expect((r.next_level as { unmet: unknown[] }).unmet).toContainEqual({ rule: 'criteria_min', criterion: 'participation.replicability', needed: 3, actual: 1 });
  });

  it('scores each file alone with --no-group', () => {
    const { doc } = json(['examples/ergli', '--no-group']);
    expect(doc.results.map((r) => [r.village, r.respondents])).toEqual([
      ['Ērgļi', 1],
      ['Ērgļi', 1],
      ['Ērgļi', 1],
    ]);
  });

  it('goes on past a bad file, reports it with its position and exits 1', () => {
    const r = village(['score', 'examples/lejasciems.yaml', bad.path('broken.yaml'), 'examples/alsunga.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Lejasciems');
    expect(r.stdout).toContain('Alsunga');
    expect(r.stderr).toContain(`${bad.path('broken.yaml')}:5:20: score 7 is outside the scale 0–4`);
    expect(r.stderr).toContain('1 rejected');
    expect(noStack(r.stderr)).toBe(true);
    const j = json(['examples/alsunga.yaml', bad.path('broken.yaml')]);
    expect(j.doc.errors).toEqual([{ file: bad.path('broken.yaml'), line: 5, column: 20, message: 'score 7 is outside the scale 0–4' }]);
  });

  it('writes CSV for spreadsheets, with ; and decimal commas on request', () => {
    const r = village(['score', 'examples/', '--format', 'csv', '--sort', 'name']);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^village,municipality,lag,date,period,respondents,level,overall,strategy,innovation,participation,coverage\.strategy,/);
    expect(lines[1]).toMatch(/^Alsunga,Kuldīgas novads,Biedrība “Kuldīgas partnerība”,2026-03-14,2026,1,lighthouse,75.9,80.6,69.4,77.8,1,1,1,4,/);
    const semi = village(['score', 'examples/ergli', '--format', 'csv', '--separator', ';']);
    expect(semi.stdout.split('\r\n')[1]).toMatch(/^Ērgļi;Madonas novads;.*;transition;53,7;59,3;46,3;55,6;/);
  });

  it('sorts and filters by level, and fails under a level for scripts', () => {
    expect(json(['examples/', '--sort', 'overall']).doc.results.map((r) => r.village)).toEqual(['Alsunga', 'Ērgļi', 'Lejasciems']);
    expect(json(['examples/', '--sort', 'level', '--level', 'lighthouse,starting']).doc.results.map((r) => r.village)).toEqual(['Alsunga', 'Lejasciems']);
    const failing = village(['score', 'examples/', '--fail-under', 'transition']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^Below level transition: .+$/m);
    expect(village(['score', 'examples/alsunga.yaml', 'examples/ergli', '--fail-under', 'transition']).code).toBe(0);
    const wrong = village(['score', 'examples/', '--fail-under', 'gold']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown level "gold"');
  });

  it('works with another framework (1–7 scale, four pillars)', () => {
    const { doc } = json([`${FIXTURES}/four-pillars-answers.yaml`, '--criteria', `${FIXTURES}/four-pillars.yaml`]);
    expect(doc.results[0]).toMatchObject({
      village: 'Ūdrupe',
      overall: 51.4,
      level: 'incomplete',
      pillars: { land: { score: 77.8, coverage: 1 }, craft: { score: null, coverage: 0 } },
      next_level: { id: 'bronze', unmet: [{ rule: 'coverage_min', pillar: 'craft', needed: 0.5, actual: 0 }] },
    });
  });

  it('refuses answers for another framework', () => {
    const r = village(['score', 'examples/alsunga.yaml', '--criteria', `${FIXTURES}/four-pillars.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('alsunga.yaml:5:12: these answers are for framework "smart-village-lv", but the criteria are "four-pillars"');
  });

  it('exits 2 for a missing argument or a wrong option', () => {
    expect(village(['score']).code).toBe(2);
    expect(village(['score', 'examples/', '--format', 'ods']).code).toBe(2);
    expect(village(['score', 'examples/', '--separator', '|']).code).toBe(2);
  });

  it('reports a folder with nothing to score and a missing path', () => {
    const empty = tempDir({ 'readme.txt': 'nothing' });
    const r = village(['score', empty.dir, 'no-such-file.yaml']);
    empty.cleanup();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no .yaml, .yml, .csv, .tsv or .xlsx files in');
    expect(r.stderr).toContain('no-such-file.yaml:1:1: file or folder not found');
  });
});

describe('village score with CSV', () => {
  it('reads a Latvian Excel export: ";" BOM, question texts as headers, labels in cells', () => {
    const { code, doc } = json([`${FIXTURES}/csv/excel-lv.csv`]);
    expect(code).toBe(0);
    expect(doc.results.map((r) => [r.village, r.respondents, r.level])).toEqual([
      ['Ērgļi', 2, 'transition'],
      ['Dzērbene', 1, 'starting'],
    ]);
    expect(doc.results[0]!.sources).toEqual([`${FIXTURES}/csv/excel-lv.csv:2`, `${FIXTURES}/csv/excel-lv.csv:3`]);
    expect(doc.results[0]!.date).toBe('2026-05-24');
    // The export was made from version 1 of the criteria: every one of its 21 question columns
    // still reaches its criterion (through the aliases), and the 6 questions added since stay open.
    const answered = Object.values(doc.results[0]!.criteria as Record<string, { n: number; na: number; dont_know: number }>).filter((c) => c.n + c.na + c.dont_know > 0);
    expect(answered).toHaveLength(21);
    expect(Object.keys(doc.results[0]!.criteria as object)).toHaveLength(27);
  });

  it('reads a Google Forms export, its Timestamp as the answer date, without a warning', () => {
    const r = village(['score', `${FIXTURES}/csv/google-forms.csv`, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { village: string; respondents: number; level: string; date: string }[]; warnings: unknown[] };
    expect(doc.results).toMatchObject([{ village: 'Vecpiebalga', respondents: 2, level: 'lighthouse', date: '2026-05-23' }]);
    expect(doc.warnings).toEqual([]);
  });

  it('groups YAML files and CSV rows of the same village', () => {
    const { doc } = json(['examples/ergli', `${FIXTURES}/csv/excel-lv.csv`]);
    expect(doc.results.map((r) => [r.village, r.respondents])).toEqual([
      ['Ērgļi', 5],
      ['Dzērbene', 1],
    ]);
  });

  it('reports a bad row with its line and column and scores the other rows', () => {
    const csv = tempDir({
      's.csv': 'village,strategy.vision,strategy.assets\nAlsunga,3,4\nĒrgļi,seven,2\n,1,1\nAlsunga,2,"2 – Aizsākts"\n',
    });
    const r = village(['score', csv.path('s.csv'), '--format', 'json']);
    csv.cleanup();
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { village: string; respondents: number }[]; errors: unknown[] };
    // Ērgļi keeps its good answer: only the bad cell is left out
    expect(doc.results).toMatchObject([{ village: 'Alsunga', respondents: 2 }, { village: 'Ērgļi', respondents: 1 }]);
    expect(doc.errors).toEqual([
      {
        file: csv.path('s.csv'),
        line: 3,
        column: 2,
        message: 'column B (strategy.vision): "seven" is not a score on 0–4, a scale label or n/a; this answer is left out, the rest of the row is kept',
      },
      { file: csv.path('s.csv'), line: 4, column: 1, message: 'the row has no village name' },
    ]);
  });

  it('says when a quote is never closed, in the user language', () => {
    const csv = tempDir({ 's.csv': 'village,strategy.vision\n"Ērgļi,3\nX,2\n' });
    const r = village(['score', csv.path('s.csv'), '--lang', 'lv']);
    csv.cleanup();
    expect(r.code).toBe(1);
    // reported where the quote opens, and the lines it swallowed are counted, not lost
    expect(r.stderr).toContain('s.csv:2:1: pēdiņa ("), kas atvērta šajā vai kādā iepriekšējā rindā, nav aizvērta');
    expect(r.stderr).toContain('s.csv:2:1: rindas no šīs līdz faila beigām netiek nolasītas: 2');
    expect(r.stderr).toContain('s.csv: rindas 2, nolasītas 0; noraidītas 2');
  });

  it('names a column that holds scores but matches no criterion, with a hint that pastes into a shell', () => {
    const csv = tempDir({ 's.csv': 'village,Mana kolonna,strategy.vision\nAlsunga,3,2\n' });
    const r = village(['score', csv.path('s.csv'), '--lang', 'lv']);
    csv.cleanup();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("s.csv:1:2: brīdinājums: kolonnā B “Mana kolonna” ir vērtējumi, bet tā neatbilst nevienam kritērijam; norādiet to --map failā (columns:) vai pārdēvējiet, vai norādiet --ignore-column 'Mana kolonna'");
  });
});

describe('village score --reports', () => {
  it('writes one plan per village with safe, unique names, and the summaries', () => {
    const out = tempDir({
      'in/a.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: "../../etc"\nanswers: { strategy.vision: 3 }\n',
      'in/b.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Ērgļi\nanswers: { strategy.vision: 2 }\n',
      'in/c.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: ĒRGĻI\nanswers: { strategy.vision: 4 }\n',
    });
    const r = village(['score', out.path('in'), '--no-group', '--reports', out.path('plans')]);
    expect(r.code).toBe(0);
    expect(readdirSync(out.path('plans')).sort()).toEqual(['etc.md', 'overview.md', 'summary.csv', 'summary.json', 'summary.xlsx', 'ērgļi-2.md', 'ērgļi.md']);
    expect(readdirSync(out.dir).sort()).toEqual(['in', 'plans']);
    expect(readFileSync(out.path('plans/ērgļi-2.md'), 'utf8')).toContain('# Viedā ciema rīcības plāns: ĒRGĻI');
    expect(readFileSync(out.path('plans/etc.md'), 'utf8')).toContain('# Viedā ciema rīcības plāns: ../../etc');
    const csv = readFileSync(out.path('plans/summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFRank,Village,')).toBe(true);
    expect(csv).toContain(',ĒRGĻI,');
    const summary = JSON.parse(readFileSync(out.path('plans/summary.json'), 'utf8')) as { results: { village: string; level: string }[] };
    expect(summary.results.map((x) => [x.village, x.level])).toEqual([
      ['../../etc', 'incomplete'],
      ['Ērgļi', 'incomplete'],
      ['ĒRGĻI', 'incomplete'],
    ]);
    // A second run keeps the files and says so; --force replaces them.
    const again = village(['score', out.path('in'), '--no-group', '--reports', out.path('plans')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exist already');
    expect(again.stderr).toContain('nothing was written: add --force to replace them');
    expect(village(['score', out.path('in'), '--no-group', '--reports', out.path('plans'), '--force']).code).toBe(0);
    out.cleanup();
  });
});
