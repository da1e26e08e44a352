import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PRINTED_SCHEMAS } from '../../src/schema/schemas.js';
import { answersYaml, CRITERIA, type Score } from '../helpers/answers.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

interface PlanJson {
  level: { id: string };
  next_level: { id: string; kind: string; path: { criterion: string; from: number; to: number }[]; answer_first: string[]; unmet: string[] } | null;
  first_steps: { kind: string; criterion: string; text: string; reason: string; action: { id: string; after: string[] } | null }[];
  later: { id: string; criterion: string }[];
  open: { criterion: string; status: string }[];
}

const validatePlan = new Ajv({ allErrors: true, strict: false }).compile(PRINTED_SCHEMAS.plan);

async function planOf(args: string[]): Promise<PlanJson> {
  const r = await run(['report', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const doc: unknown = JSON.parse(r.stdout);
  expect(validatePlan(doc), JSON.stringify(validatePlan.errors)).toBe(true);
  return doc as PlanJson;
}

describe('the plan as data: village report --format json', () => {
  it.each([['alsunga.yaml'], ['ergli'], ['lejasciems.yaml']])('is valid against the shipped schema and opens with at most 5 first steps (%s)', async (example) => {
    const plan = await planOf([`${ROOT}/examples/${example}`]);
    expect(plan.first_steps.length).toBeLessThanOrEqual(5);
    // One step per criterion; no action both first and later.
    expect(new Set(plan.first_steps.map((s) => s.criterion)).size).toBe(plan.first_steps.length);
    const later = new Set(plan.later.map((a) => a.id));
    for (const s of plan.first_steps) if (s.action) expect(later.has(s.action.id)).toBe(false);
  });

  it('names the path to the next level, and its criteria come first', async () => {
    const plan = await planOf([`${ROOT}/examples/ergli`]);
    expect(plan.next_level?.kind).toBe('raise');
    const path = plan.next_level?.path ?? [];
    expect(path.length).toBeGreaterThan(0);
    for (const r of path) expect(r.to).toBeGreaterThan(r.from);
    const pathCriteria = path.map((r) => r.criterion);
    const firstOnPath = plan.first_steps.filter((s) => s.reason === 'path').map((s) => s.criterion);
    expect(firstOnPath.length).toBeGreaterThan(0);
    for (const c of firstOnPath) expect(pathCriteria).toContain(c);
  });

  it('caps the first steps with --first-steps, and refuses a cap out of range', async () => {
    expect((await planOf([`${ROOT}/examples/lejasciems.yaml`, '--first-steps', '2'])).first_steps).toHaveLength(2);
    const r = await run(['report', `${ROOT}/examples/lejasciems.yaml`, '--first-steps', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use a whole number from 1 to 20');
  });

  it('tells an incomplete assessment what to answer first, and lists n/a beside the unanswered', async () => {
    const answers = Object.fromEntries(CRITERIA.map((c, i): [string, Score] => [c, c.startsWith('strategy.') ? (i % 2 === 0 ? 'n/a' : 2) : 3]));
    const tmp = tempDir({ 'half.yaml': answersYaml('Pusciems', answers) });
    try {
      const plan = await planOf([tmp.path('half.yaml')]);
      expect(plan.level.id).toBe('incomplete');
      expect(plan.next_level?.kind).toBe('answer');
      expect(plan.next_level?.answer_first.length).toBeGreaterThan(0);
      for (const c of plan.next_level?.answer_first ?? []) expect(c.startsWith('strategy.')).toBe(true);
      expect(plan.open.filter((o) => o.status === 'na').length).toBeGreaterThan(0);
      const md = (await run(['report', tmp.path('half.yaml'), '--lang', 'en'])).stdout;
      expect(md).toContain('### What to answer first');
      expect(md).not.toContain('### The way to');
    } finally {
      tmp.cleanup();
    }
  });

  it('says in words when no raise can reach the next level', async () => {
    const criteria = [
      'schema: village-kit/criteria@1',
      'id: tiny',
      'version: "1"',
      'languages: [en]',
      'title: { en: Tiny }',
      'scale: { min: 0, max: 4, labels: { 0: { en: none }, 1: { en: some }, 2: { en: half }, 3: { en: most }, 4: { en: all } } }',
      'coverage_min: 0.5',
      'pillars:',
      '  - id: a',
      '    title: { en: A }',
      '    criteria:',
      '      - { id: x, title: { en: X }, question: { en: X? }, actions: [{ id: do-x, text: { en: Do X } }] }',
      '      - { id: y, title: { en: Y }, question: { en: Y? } }',
      'levels:',
      '  - { id: top, title: { en: Top }, rules: { criteria_min: { a.y: 3 } } }',
      '  - { id: base, title: { en: Base }, rules: {} }',
    ].join('\n');
    const tmp = tempDir({
      'tiny.yaml': criteria,
      'v.yaml': 'schema: village-kit/answers@1\nframework: tiny\nvillage: V\nanswers:\n  a.x: 1\n',
    });
    try {
      const plan = await planOf([tmp.path('v.yaml'), '--criteria', tmp.path('tiny.yaml')]);
      expect(plan.next_level).toMatchObject({ id: 'top', kind: 'unreachable', path: [] });
      const md = (await run(['report', tmp.path('v.yaml'), '--criteria', tmp.path('tiny.yaml')])).stdout;
      expect(md).toContain('No change in the answered questions alone reaches Top. Still missing: Y: answer at least 3 (now —).');
      // An action without done_when leaves that blank to fill in too.
      expect(md).toContain('   Who: ______ · By when: ______ · Done when: ______');
      expect(md).toContain('**Do X**');
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a framework whose actions wait for each other in a circle, with the place', async () => {
    const tmp = tempDir({
      'loop.yaml': [
        'schema: village-kit/criteria@1',
        'id: loop',
        'version: "1"',
        'languages: [en]',
        'title: { en: Loop }',
        'scale: { min: 0, max: 1, labels: { 0: { en: no }, 1: { en: yes } } }',
        'pillars:',
        '  - id: a',
        '    title: { en: A }',
        '    criteria:',
        '      - id: x',
        '        title: { en: X }',
        '        question: { en: X? }',
        '        actions:',
        '          - { id: one, text: { en: One }, after: [two] }',
        '          - { id: two, text: { en: Two }, after: [one] }',
        'levels:',
        '  - { id: base, rules: {} }',
      ].join('\n'),
      'v.yaml': 'schema: village-kit/answers@1\nframework: loop\nvillage: V\nanswers:\n  a.x: 0\n',
    });
    try {
      const r = await run(['report', tmp.path('v.yaml'), '--criteria', tmp.path('loop.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${tmp.path('loop.yaml')}:15:`);
      expect(r.stderr).toContain('the actions wait for each other in a circle (one → two → one)');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the Markdown plan says who answered once, and the reached level with its lowest pillar', () => {
  it('one answer set (a mentor session): its name after the count, notes led by the score only', async () => {
    const r = await run(['report', `${ROOT}/examples/alsunga.yaml`, '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- **Answer sets:** 1 — mentora sesija, 12 iedzīvotāji (izdomāts piemērs)\n');
    expect(r.stdout).toMatch(/^ {2}- \(4\): Alsungas attīstības vīzija/m);
    expect(r.stdout).not.toContain('**mentora sesija, 12 iedzīvotāji (izdomāts piemērs)** (');
    // Alsunga's pillars: 80.6, 69.4, 77.8; the level needs every pillar at 50.
    expect(r.stdout).toContain('- Every criterion at least 50 (lowest now 69.4)\n');
  });

  it('several answer sets: each note led by its respondent and score; Latvian wording', async () => {
    const r = await run(['report', `${ROOT}/examples/ergli`, '--format', 'md', '--lang', 'lv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/- \*\*Atbilžu kopas:\*\* 3 — Anna Bērziņa/);
    expect(r.stdout).toMatch(/^ {2}- \*\*(Anna Bērziņa|Jānis Ozols|Līga Kalniņa)[^*]*\*\* \(\d\): /m);
    expect(r.stdout).toMatch(/- Katrs kritērijs vismaz 25 \(zemākais tagad 46,3\)\n/);
  });
});

describe('what to discuss says who said what (#17 D15)', () => {
  it('lists every named respondent with their score on a split criterion, not only those who left a note', async () => {
    const r = await run(['report', `${ROOT}/examples/ergli`, '--format', 'md', '--lang', 'lv']);
    expect(r.code).toBe(0);
    const discuss = r.stdout.slice(r.stdout.indexOf('## ▲'), r.stdout.indexOf('## Vēlāk'));
    expect(discuss).toContain(
      '- **Digitālie risinājumi** (Inovatīvi risinājumi): 0×1, 2×1, 4×1  \n' +
        '  Anna Bērziņa, biedrības “Ērgļu ļaudis” valde (izdomāts piemērs): 4  \n' +
        '  Jānis Ozols, uzņēmējs (izdomāts piemērs): 0  \n' +
        '  Līga Kalniņa, bibliotekāre (izdomāts piemērs): 2\n',
    );
  });

  it('names nobody for anonymous answer sets: the distribution says it', async () => {
    const tmp = tempDir({
      'a.yaml': answersYaml('Anonīmciems', Object.fromEntries(CRITERIA.map((id) => [id, 0] as [string, Score]))),
      'b.yaml': answersYaml('Anonīmciems', Object.fromEntries(CRITERIA.map((id) => [id, 4] as [string, Score]))),
    });
    try {
      const r = await run(['report', tmp.path('.'), '--format', 'md', '--lang', 'en']);
      expect(r.code).toBe(0);
      const discuss = r.stdout.slice(r.stdout.indexOf('## ▲'));
      expect(discuss).toMatch(/^- \*\*[^*]+\*\* \([^)]+\): 0×1, 4×1\n/m);
      expect(discuss).not.toMatch(/^ {2}\S.*: [04]$/m);
    } finally {
      tmp.cleanup();
    }
  });
});
