import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../src/core/check-framework.js';
import type { CriteriaFile } from '../../src/schema/criteria.js';
import { criteriaFile } from '../helpers/framework.js';

const base = (): CriteriaFile => criteriaFile({ pillars: { a: ['x', 'y'], b: ['x'] } });
const codes = (f: CriteriaFile) => checkFramework(f).map((d) => [d.severity, d.code, d.path?.join('/')]);

describe('semantic checks of a criteria file', () => {
  it('accepts a clean file', () => {
    expect(checkFramework(base())).toEqual([]);
  });

  it('finds duplicate ids and points at the second, remembering the first', () => {
    const f = base();
    f.pillars[0]!.criteria[1]!.id = 'x';
    const [d] = checkFramework(f);
    expect(d).toMatchObject({ code: 'crit.duplicateId', params: { kind: 'criterion', id: 'x' }, path: ['pillars', 0, 'criteria', 1, 'id'], related: ['pillars', 0, 'criteria', 0, 'id'] });
  });

  it('needs every text in every language, and warns about extra ones', () => {
    const f = { ...base(), languages: ['en', 'lv'] };
    f.title = { en: 'T', lv: 'T' };
    f.scale.labels = Object.fromEntries(Object.entries(f.scale.labels).map(([k, v]) => [k, { ...v, lv: 'x' }]));
    f.pillars = f.pillars.map((p) => ({
      ...p,
      title: { ...p.title, lv: 'x' },
      criteria: p.criteria.map((c) => ({ ...c, title: { ...c.title, lv: 'x' }, question: { ...c.question, lv: 'x' } })),
    }));
    f.levels = f.levels.map((l) => ({ ...l, title: { ...(l.title ?? {}), lv: 'x', en: 'x' } }));
    expect(checkFramework(f)).toEqual([]);
    f.pillars[1]!.criteria[0]!.question = { en: 'Q?', de: 'F?' };
    expect(codes(f)).toEqual([
      ['error', 'crit.missingLanguage', 'pillars/1/criteria/0/question'],
      ['warning', 'crit.extraLanguage', 'pillars/1/criteria/0/question/de'],
    ]);
  });

  it('checks the scale, its labels, rubric steps and action thresholds', () => {
    const f = base();
    delete (f.scale.labels as Record<string, unknown>)['2'];
    (f.scale.labels as Record<string, unknown>)['9'] = { en: 'nine' };
    f.pillars[0]!.criteria[0]!.levels = { 5: { en: 'too high' } };
    f.pillars[0]!.criteria[0]!.actions = [{ id: 'a', text: { en: 'A' }, below: 0 }, { id: 'b', text: { en: 'B' }, below: 5 }];
    expect(codes(f)).toEqual([
      ['error', 'crit.labelMissing', 'scale/labels'],
      ['error', 'crit.stepOutOfRange', 'scale/labels/9'],
      ['error', 'crit.stepOutOfRange', 'pillars/0/criteria/0/levels/5'],
      ['error', 'crit.belowOutOfRange', 'pillars/0/criteria/0/actions/0/below'],
      ['error', 'crit.belowOutOfRange', 'pillars/0/criteria/0/actions/1/below'],
    ]);
    expect(codes({ ...base(), scale: { min: 3, max: 3, labels: { 3: { en: 'x' } } } })).toContainEqual(['error', 'crit.scaleOrder', 'scale/max']);
  });

  it('refuses a scale of more than 100 steps once, without a message per missing label', () => {
    const huge = codes({ ...base(), scale: { min: 0, max: 100_000_000, labels: { 0: { en: 'x' } } } });
    expect(huge).toContainEqual(['error', 'crit.scaleTooLarge', 'scale/max']);
    expect(huge.filter(([, code]) => code === 'crit.labelMissing')).toEqual([]);
    const hundred = codes({ ...base(), scale: { min: 0, max: 100, labels: { 0: { en: 'x' } } } });
    expect(hundred.filter(([, code]) => code === 'crit.scaleTooLarge')).toEqual([]);
  });

  it('resolves partner, example and criterion references with a suggestion', () => {
    const f = { ...base(), partners: [{ id: 'lag', name: { en: 'LAG' } }] };
    f.pillars[0]!.criteria[0]!.actions = [{ id: 'a', text: { en: 'A' }, partners: ['lga'] }];
    f.pillars[0]!.criteria[0]!.examples = ['torup'];
    f.levels[0]!.rules = { criteria_min: { 'a.z': 2, 'a.x': 7 } };
    const ds = checkFramework(f);
    expect(ds.map((d) => [d.code, d.params.suggestion ?? ''])).toEqual([
      ['crit.unknownPartner', 'lag'],
      ['crit.unknownExample', ''],
      ['crit.unknownCriterion', 'a.x'],
      ['crit.criteriaMinOutOfRange', ''],
    ]);
  });

  it('checks levels: count within the pillars, reserved ids, a fallback last', () => {
    const f = base();
    f.levels = [
      { id: 'incomplete', rules: { pillars_min_count: { count: 3, min: 50 } } },
      { id: 'base', rules: {} },
      { id: 'never', rules: { overall_min: 10 } },
    ];
    expect(codes(f)).toEqual([
      ['error', 'crit.reservedLevel', 'levels/0/id'],
      ['error', 'crit.countTooLarge', 'levels/0/rules/pillars_min_count/count'],
      ['warning', 'crit.unreachableLevel', 'levels/2/id'],
    ]);
    f.levels = [{ id: 'only', rules: { overall_min: 10 } }];
    expect(codes(f)).toEqual([['warning', 'crit.noFallback', 'levels/0/rules']]);
  });
});

describe('the plan fields of actions: after, effort, funding, done_when', () => {
  const withActions = (): CriteriaFile => {
    const f = criteriaFile({
      pillars: { a: ['x', 'y'], b: ['x'] },
      actions: { 'a.x': [{ id: 'vision' }, { id: 'review' }], 'a.y': [{ id: 'guide' }], 'b.x': [{ id: 'visit' }] },
    });
    f.funding = [{ id: 'leader', name: { en: 'LEADER' } }, { id: 'none', name: { en: 'No money needed' } }];
    return f;
  };
  const action = (f: CriteriaFile, p: number, c: number, a: number) => f.pillars[p]!.criteria[c]!.actions![a]!;

  it('accepts prerequisites, effort, funding and a sign of done', () => {
    const f = withActions();
    Object.assign(action(f, 0, 0, 1), { after: ['vision'], effort: 'low', funding: ['none'], done_when: { en: 'The board adopted it' } });
    Object.assign(action(f, 1, 0, 0), { after: ['vision', 'guide'], funding: ['leader', 'none'] });
    expect(checkFramework(f)).toEqual([]);
  });

  it.each([
    ['an unknown funding id', (f: CriteriaFile) => (action(f, 0, 0, 0).funding = ['leadr']), ['error', 'crit.unknownFunding', 'pillars/0/criteria/0/actions/0/funding/0'], { suggestion: 'leader' }],
    ['an unknown action in after', (f: CriteriaFile) => (action(f, 0, 0, 1).after = ['visoin']), ['error', 'crit.unknownAction', 'pillars/0/criteria/0/actions/1/after/0'], { suggestion: 'vision' }],
    [
      'an action id two criteria use',
      (f: CriteriaFile) => {
        action(f, 0, 1, 0).id = 'visit';
        action(f, 0, 0, 0).after = ['visit'];
      },
      ['error', 'crit.ambiguousAction', 'pillars/0/criteria/0/actions/0/after/0'],
      { criteria: 'a.y, b.x' },
    ],
    [
      'a done_when without every language',
      (f: CriteriaFile) => (action(f, 0, 0, 0).done_when = { lv: 'Pieņemts' }),
      ['error', 'crit.missingLanguage', 'pillars/0/criteria/0/actions/0/done_when'],
      { lang: 'en' },
    ],
  ])('refuses %s, with its place', (_what, change, want, params) => {
    const f = withActions();
    change(f);
    const found = checkFramework(f).filter((d) => d.code === want[1]);
    expect(found.map((d) => [d.severity, d.code, d.path?.join('/')])).toEqual([want]);
    expect(found[0]?.params).toMatchObject(params);
  });

  it('refuses a circle of prerequisites once, naming it', () => {
    const f = withActions();
    action(f, 0, 0, 0).after = ['guide'];
    action(f, 0, 1, 0).after = ['visit'];
    action(f, 1, 0, 0).after = ['vision'];
    const cycles = checkFramework(f).filter((d) => d.code === 'crit.actionCycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.params.cycle).toBe('vision → guide → visit → vision');
    action(f, 1, 0, 0).after = [];
    expect(checkFramework(f)).toEqual([]);
  });

  it('refuses an action that waits for itself', () => {
    const f = withActions();
    action(f, 0, 0, 0).after = ['vision'];
    expect(checkFramework(f).map((d) => d.code)).toEqual(['crit.actionCycle']);
  });
});
