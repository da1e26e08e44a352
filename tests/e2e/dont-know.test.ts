import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, village } from '../helpers/cli.js';
import { openPdf } from '../helpers/pdf.js';

// #14b: a survey's "nezinu" / "don't know" is its own answer: scored like n/a, listed in the plan as a thing to find out.
const tmp = tempDir({
  'survey.csv': [
    'Ciems,Vārds,strategy.vision,strategy.assets,strategy.identity,strategy.challenges',
    'Ērgļi,Anna,3,nezinu,nav attiecināms,2',
    'Ērgļi,Jānis,2,Nezinu,,Don’t know',
    '',
  ].join('\r\n'),
});
afterAll(() => tmp.cleanup());

describe('"nezinu" in a CSV survey', () => {
  it('is counted as dont_know, not n/a, and scores like n/a', () => {
    const r = village(['score', tmp.path('survey.csv'), '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { criteria: Record<string, object>; pillars: Record<string, object> }[] };
    const c = doc.results[0]!.criteria;
    expect(c['strategy.assets']).toEqual({ raw: null, score: null, min: null, max: null, n: 0, na: 0, dont_know: 2, disagree: false, distribution: [] });
    expect(c['strategy.identity']).toMatchObject({ n: 0, na: 1, dont_know: 0 });
    // A score beside a "don't know" is the score: challenges is scored by one respondent.
    expect(c['strategy.challenges']).toMatchObject({ raw: 2, n: 1, na: 0, dont_know: 1 });
    // (62.5 + 50) / 2: vision 2.5 and challenges 2 on 0–4; 2 of 9 scored.
    expect(doc.results[0]!.pillars.strategy).toEqual({ score: 56.3, coverage: 0.22 });
  });

  it('is listed in the plan to find out, in JSON (valid against `village schema plan`), Markdown and PDF', async () => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(village(['schema', 'plan']).stdout) as object);
    const json = village(['report', tmp.path('survey.csv'), '--format', 'json', '--lang', 'en']);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as { find_out: { criterion: string; title: string; question: string }[]; open: { criterion: string; status: string }[] };
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.find_out.map((c) => c.criterion)).toEqual(['strategy.assets']);
    expect(plan.find_out[0]!.question).toMatch(/\?$/);
    expect(plan.open.find((c) => c.criterion === 'strategy.identity')).toEqual(expect.objectContaining({ status: 'na' }));
    expect(plan.open.map((c) => c.criterion)).not.toContain('strategy.assets');

    const md = village(['report', tmp.path('survey.csv'), '--lang', 'lv']);
    expect(md.code).toBe(0);
    const section = md.stdout.slice(md.stdout.indexOf('\n## Jānoskaidro\n'));
    expect(section).toMatch(/^\n## Jānoskaidro\n\nUz šiem jautājumiem neviens klātesošais nezināja atbildi[^\n]*\n\n- \*\*[^\n]+\*\* \(Holistiska stratēģija\): [^\n]+\?\n\n## Vēl jāpārrunā\n/);
    expect(md.stdout).toMatch(/^- \*\*[^*\n]+\*\*: nezinām$/m);

    const out = tmp.path('plan.pdf');
    expect(village(['report', tmp.path('survey.csv'), '--format', 'pdf', '--lang', 'en', '--out', out]).code).toBe(0);
    const pdf = openPdf(out);
    try {
      const text = pdf.text();
      expect(text).toContain('To find out');
      expect(text).toContain('Nobody in the room knew the answer');
    } finally {
      pdf.close();
    }
  });
});
