import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CRITERIA } from '../helpers/answers.js';
import { tempDir, village } from '../helpers/cli.js';

/** One answers file giving every criterion the same score. */
function answers(v: string, o: { municipality?: string; date?: string; respondent?: string; score?: number; scores?: number[] } = {}): string {
  const lines = ['schema: village-kit/answers@1', 'framework: smart-village-lv', `village: ${JSON.stringify(v)}`];
  if (o.municipality) lines.push(`municipality: ${JSON.stringify(o.municipality)}`);
  if (o.respondent) lines.push(`respondent: ${JSON.stringify(o.respondent)}`);
  if (o.date) lines.push(`date: ${o.date}`);
  lines.push('answers:', ...CRITERIA.map((id, i) => `  ${id}: ${o.scores?.[i % o.scores.length] ?? o.score ?? 2}`));
  return `${lines.join('\n')}\n`;
}

const tmp = tempDir({
  'liepa/cesis.yaml': answers('Liepa', { municipality: 'Cēsu novads', score: 3, respondent: 'A', date: '2026-05-01' }),
  'liepa/tukums.yaml': answers('Liepa', { municipality: 'Tukuma novads', score: 1, respondent: 'B', date: '2026-05-02' }),
  'years/vp-2025.yaml': answers('Vecpiebalga', { municipality: 'Cēsu novads', score: 1, respondent: 'C', date: '2025-05-01' }),
  'years/vp-2026a.yaml': answers('Vecpiebalga', { municipality: 'Cēsu novads', score: 3, respondent: 'D', date: '2026-05-01' }),
  'years/vp-2026b.yaml': answers('Vecpiebalga', { municipality: 'Cēsu novads', score: 4, respondent: 'E', date: '2026-05-03' }),
  'ergli/a.yaml': answers('Ērgļi', { municipality: 'Madonas novads', score: 2, respondent: 'F', date: '2026-04-01' }),
  'ergli/b.yaml': answers('Ergli', { score: 3, respondent: 'G', date: '2026-04-02' }),
  'ergli/c.yaml': answers('ERGLI', { score: 3, respondent: 'H', date: '2026-04-03' }),
  'dup/ilze.yaml': answers('Sausnēja', { score: 2, respondent: 'Ilze', date: '2026-04-01' }),
  'dup/ilze (1).yaml': answers('Sausnēja', { score: 2, respondent: 'Ilze', date: '2026-04-01' }),
  'dup/juris.yaml': answers('Sausnēja', { score: 3, respondent: 'Juris', date: '2026-04-01' }),
  'mixed/ergli.yaml': answers('Ērgļi', { score: 3, respondent: 'K', date: '2026-04-01' }),
  'mixed/lubana-broken.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Lubāna\nanswers:\n  strategy.vision: 7\n',
  'mixed/survey.csv': `village,strategy.vision\nĒrgļi,3\nJūrkalne,9\n`,
  'aliases.yaml': 'Ergli: Ērgļi\nERGLI: Ērgļi\n',
  'split/a.yaml': answers('Split', { respondent: 'a', score: 4, scores: [4, 0, 2] }),
});
afterAll(() => tmp.cleanup());
type Result = { village: string; municipality: string | null; period: string | null; respondents: number; overall: number; too_few: boolean; criteria: Record<string, { disagree: boolean; distribution: [number, number][] }> };
const json = (args: string[]) => {
  const r = village(['score', ...args, '--format', 'json']);
  return { ...r, doc: JSON.parse(r.stdout) as { results: Result[]; warnings: { message: string }[] } };
};

describe('village identity', () => {
  it('scores two Liepas of different municipalities apart, with a warning naming both', () => {
    const { code, doc } = json([tmp.path('liepa')]);
    expect(code).toBe(0);
    expect(doc.results.map((r) => [r.village, r.municipality, r.overall])).toEqual([
      ['Liepa', 'Cēsu novads', 75],
      ['Liepa', 'Tukuma novads', 25],
    ]);
    expect(doc.warnings.map((w) => w.message).join('\n')).toContain('"Liepa" is named in several municipalities (Cēsu novads, Tukuma novads)');
  });

  it('warns that Ergli looks like Ērgļi, and --aliases merges the spellings', () => {
    const plain = json([tmp.path('ergli')]);
    expect(plain.doc.results.map((r) => r.village)).toEqual(['Ērgļi', 'Ergli']);
    expect(plain.doc.warnings.map((w) => w.message).join('\n')).toMatch(/"Ergli" looks like "Ērgļi"|"Ērgļi" looks like "Ergli"/);
    const merged = json([tmp.path('ergli'), '--aliases', tmp.path('aliases.yaml')]);
    expect(merged.doc.results.map((r) => [r.village, r.municipality, r.respondents])).toEqual([['Ērgļi', 'Madonas novads', 3]]);
  });

  it('counts a byte-identical re-download once, with a warning', () => {
    const r = json([tmp.path('dup')]);
    expect(r.doc.results.map((x) => x.respondents)).toEqual([2]);
    expect(r.doc.warnings.map((w) => w.message).join('\n')).toContain('counted once');
    expect(r.stderr).toContain('1 identical answer set(s) counted once');
  });

  it('marks villages under --min-respondents "too few answers" and leaves them unranked', () => {
    const r = json([tmp.path('liepa'), tmp.path('dup'), '--min-respondents', '2']);
    expect(r.doc.results.map((x) => [x.village, x.too_few])).toEqual([
      ['Liepa', true],
      ['Liepa', true],
      ['Sausnēja', false],
    ]);
    const table = village(['score', tmp.path('liepa'), tmp.path('dup'), '--min-respondents', '2', '--lang', 'lv']);
    expect(table.stdout).toContain('par maz atbilžu');
    expect(table.stdout.split('\n')[1]?.trim().startsWith('—')).toBe(true);
  });
});

describe('periods', () => {
  it('gives one result per year by default, with the period in JSON, CSV and the table', () => {
    const { doc, stderr } = json([tmp.path('years')]);
    expect(doc.results.map((r) => [r.period, r.respondents, r.overall])).toEqual([
      ['2025', 1, 25],
      ['2026', 2, 87.5],
    ]);
    expect(stderr).toContain('span several periods (2025, 2026)');
    const csv = village(['score', tmp.path('years'), '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toContain(',date,period,');
    expect(csv[1]).toContain(',2025-05-01,2025,');
  });

  it('--period all combines the years, --period 2026 keeps one', () => {
    expect(json([tmp.path('years'), '--period', 'all']).doc.results.map((r) => [r.period, r.respondents])).toEqual([[null, 3]]);
    const y = json([tmp.path('years'), '--period', '2026']);
    expect(y.doc.results.map((r) => [r.period, r.respondents])).toEqual([['2026', 2]]);
    expect(y.stderr).toContain('1 outside the period');
    expect(village(['score', tmp.path('years'), '--period', 'last-year']).code).toBe(2);
  });
});

describe('report --village', () => {
  it("writes Ērgļi's plan although other villages' files and rows are broken, and says how many it hid", () => {
    const r = village(['report', tmp.path('mixed'), '--village', 'Ērgļi']);
    expect(r.stderr).not.toContain('Lubāna');
    expect(r.stderr).toContain('2 problem(s) in other villages’ answers are not shown');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ērgļi');
  });

  it('refuses when the village itself has a broken input, and offers "did you mean"', () => {
    expect(village(['report', tmp.path('mixed'), '--village', 'Lubāna']).code).toBe(1);
    const r = village(['report', tmp.path('liepa'), tmp.path('dup'), '--village', 'Sausneja']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean "Sausnēja"');
  });

  it('asks for --municipality when the name is in two, and takes the latest period', () => {
    expect(village(['report', tmp.path('liepa'), '--village', 'Liepa']).code).toBe(2);
    const r = village(['report', tmp.path('liepa'), '--village', 'Liepa', '--municipality', 'Tukuma novads']);
    expect(r.code).toBe(0);
    const y = village(['report', tmp.path('years')]);
    expect(y.code).toBe(0);
    expect(y.stdout).toContain('2026');
    expect(y.stderr).toContain('other periods (2025)');
  });
});

describe('the reports folder', () => {
  it('is written whole; a second run writes nothing and says so once; --force replaces and reports stale plans', () => {
    const out = tempDir();
    try {
      const dir = out.path('plans');
      const first = village(['score', tmp.path('liepa'), tmp.path('years'), '--reports', dir]);
      expect(first.code).toBe(0);
      for (const f of ['summary.csv', 'summary.json', 'summary.xlsx', 'overview.md', 'liepa-cēsu-novads.md', 'liepa-tukuma-novads.md', 'vecpiebalga-2025.md', 'vecpiebalga-2026.md']) {
        expect(existsSync(`${dir}/${f}`)).toBe(true);
      }
      writeFileSync(`${dir}/summary.json`, 'old');
      const second = village(['score', tmp.path('liepa'), tmp.path('years'), tmp.path('dup'), '--reports', dir]);
      expect(second.code).toBe(1);
      expect(second.stderr.match(/exist already/g)).toHaveLength(1);
      expect(second.stderr).toContain('nothing was written');
      expect(existsSync(`${dir}/sausnēja.md`)).toBe(false);
      expect(readFileSync(`${dir}/summary.json`, 'utf8')).toBe('old');
      // The summaries in the folder are never read back as answers, even from inside the inputs.
      const third = village(['score', tmp.path('dup'), out.dir, '--reports', dir, '--force']);
      expect(third.code).toBe(0);
      expect(third.stderr).not.toContain('matches no criterion');
      expect(third.stderr).toContain('liepa-cēsu-novads.md:1:1: warning: a plan of a village that is not in this batch');
      expect(existsSync(`${dir}/liepa-cēsu-novads.md`)).toBe(true);
      expect(readFileSync(`${dir}/summary.json`, 'utf8')).toContain('Sausnēja');
    } finally {
      out.cleanup();
    }
  });

  it('writes summary.xlsx (a zip) and --format xlsx to a pipe', () => {
    const r = village(['score', tmp.path('liepa'), '--format', 'xlsx']);
    expect(r.code).toBe(0);
    expect([...r.out.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });
});

describe('the LAG overview', () => {
  it('counts villages per level, states the R.40 count and its definition, ranks with municipality, shows the change', () => {
    const r = village(['overview', tmp.path('liepa'), tmp.path('years'), tmp.path('dup')]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toContain('# LAG overview');
    expect(md).toContain('**3 of 4 villages have a Smart Village strategy.**');
    expect(md).toContain('at the level “Village in transition” or above');
    expect(md).toMatch(/\| 1 \| Vecpiebalga \| Cēsu novads \| Lighthouse candidate \| 87\.5 \| 2 \|/);
    expect(md).toContain('| Vecpiebalga | Cēsu novads | 2025: 25.0 | 2026 | 87.5 | \\+62.5 |');
    expect(md).toContain('## Appendix: data quality');
    expect(md).toContain('Identical answer sets counted once: 1');
  });

  it('speaks Latvian and writes a PDF with --out', () => {
    const lv = village(['overview', tmp.path('liepa'), '--lang', 'lv']);
    expect(lv.stdout).toContain('Viedo ciemu stratēģijas (R.40)');
    const out = tempDir();
    try {
      const r = village(['overview', tmp.path('liepa'), '--out', out.path('o.pdf')]);
      expect(r.code).toBe(0);
      expect(readFileSync(out.path('o.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      out.cleanup();
    }
  });
});

describe('disagreement', () => {
  it('shows the distribution of answers and flags a genuine split', () => {
    const { doc } = json([tmp.path('split')]);
    const c = doc.results[0]?.criteria['strategy.vision'];
    expect(c?.distribution).toEqual([[4, 1]]);
  });
});
