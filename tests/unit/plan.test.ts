import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { groupResponses } from '../../src/core/group.js';
import { rankActions } from '../../src/core/actions.js';
import { buildPlan } from '../../src/core/plan.js';
import { round1 } from '../../src/core/round.js';
import { planView } from '../../src/render/plan-view.js';
import { framework, response } from '../helpers/framework.js';

const fw = framework({
  min: 1,
  max: 7,
  pillars: { a: ['x', 'y'], b: ['x', 'y'] },
  pillarWeights: { b: 2 },
  actions: {
    'a.x': [
      { id: 'ax-advanced', below: 7, timeframe: 'long' },
      { id: 'ax-first', below: 4, timeframe: 'short' },
    ],
    'a.y': [{ id: 'ay' }],
    'b.x': [{ id: 'bx', below: 3 }],
    'b.y': [{ id: 'by' }],
  },
});

const result = (answers: Parameters<typeof response>[1], date: string | null = null) => {
  const r = response('Ērgļi', answers);
  return evaluate(fw, groupResponses([date ? { ...r, date } : r])[0]!);
};
const data = (answers: Parameters<typeof response>[1], date: string | null = null) => buildPlan(result(answers, date));
/** The plan put into words, as the reports draw it. */
const plan = (answers: Parameters<typeof response>[1], lang = 'en', date: string | null = null) =>
  planView(data(answers, date), fw, lang, '2026-11-23');

describe('the action plan as data', () => {
  it('recommends actions whose `below` is not reached, by weight × gap, earlier steps first', () => {
    const actions = rankActions(fw, result({ 'a.x': 2, 'a.y': 6, 'b.x': 5, 'b.y': 6 }));
    // a.x: 1 × (7−2)/6; b.y: 2 × (7−6)/6; a.y: 1 × (7−6)/6. b.x is at 5, not below 3.
    expect(actions.map((a) => a.id)).toEqual(['ax-first', 'ax-advanced', 'by', 'ay']);
    expect(actions.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    expect(actions[0]).toMatchObject({ criterion: 'a.x', pillar: 'a', timeframe: 'short' });
    expect(actions[0]?.priority).toBeCloseTo(5 / 6, 10);
  });

  it('recommends nothing for unanswered or n/a criteria, and lists the unanswered as open', () => {
    const p = data({ 'a.x': 7, 'a.y': 'n/a', 'b.x': 7 });
    expect([...p.firstSteps, ...p.later]).toEqual([]);
    expect(p.open).toEqual(['a.y', 'b.y']);
    expect(p.pillars[0]?.criteria[1]).toMatchObject({ status: 'na', raw: null, step: null });
  });

  it('lists "don\'t know" apart from the open ones, as things to find out (#14b)', () => {
    const p = data({ 'a.x': 7, 'a.y': 'dont-know', 'b.x': 'n/a' });
    expect(p.findOut).toEqual(['a.y']);
    expect(p.open).toEqual(['b.x', 'b.y']);
    expect(p.pillars[0]?.criteria[1]).toMatchObject({ status: 'dont-know', raw: null, step: null });
    expect([...p.firstSteps, ...p.later]).toEqual([]);
  });

  it.each<[string, Parameters<typeof response>[1][], string[], string[]]>([
    ['n/a and don\'t know on one criterion: to find out', [{ 'a.x': 'n/a' }, { 'a.x': 'dont-know' }], ['a.x'], ['a.y', 'b.x', 'b.y']],
    ['a score beside a don\'t know: scored, not to find out', [{ 'a.x': 'dont-know' }, { 'a.x': 4 }], [], ['a.y', 'b.x', 'b.y']],
    ['nothing but scores and blanks', [{ 'a.x': 4, 'b.y': 2 }], [], ['a.y', 'b.x']],
  ])('%s', (_name, sets, findOut, open) => {
    const p = buildPlan(evaluate(fw, groupResponses(sets.map((a) => response('Ērgļi', a)))[0]!));
    expect(p.findOut).toEqual(findOut);
    expect(p.open).toEqual(open);
  });

  it('lists strengths (75 or more) highest first, at most eight', () => {
    expect(data({ 'a.x': 6, 'a.y': 7, 'b.x': 2, 'b.y': 5 }).strengths).toEqual(['a.y', 'a.x']);
    const many = framework({ min: 0, max: 4, pillars: { a: ['c1', 'c2', 'c3', 'c4', 'c5'], b: ['c1', 'c2', 'c3', 'c4', 'c5'] } });
    const all = Object.fromEntries(['a', 'b'].flatMap((p) => [1, 2, 3, 4, 5].map((i) => [`${p}.c${i}`, 4])));
    expect(buildPlan(evaluate(many, groupResponses([response('X', all)])[0]!)).strengths).toHaveLength(8);
  });

  it('carries the level checks as data, pillar_min collapsed into one check', () => {
    const p = data({ 'a.x': 5, 'a.y': 5, 'b.x': 5, 'b.y': 5 });
    expect(p.level.id).toBe('middle');
    expect(p.next?.id).toBe('top');
    expect(p.next?.unmet.map((u) => u.rule)).toEqual(['overall_min']);
  });

  it('keeps the answers date, or null', () => {
    expect(data({}, '2026-03-14').date).toBe('2026-03-14');
    expect(data({}).date).toBeNull();
  });
});

describe('the action plan in words', () => {
  it('names criteria, pillars and timeframes in the language', () => {
    const p = plan({ 'a.x': 2, 'a.y': 6, 'b.x': 5, 'b.y': 6 });
    expect(p.firstSteps[0]?.action).toMatchObject({ criterion: 'Criterion x', pillar: 'Pillar a', timeframe: 'within a year' });
    expect(plan({ 'a.x': 7, 'a.y': 'n/a', 'b.x': 7 }).pillars[0]?.criteria[1]).toMatchObject({ status: 'na', scoreText: 'not applicable' });
  });

  it('explains the level and the way to the next one in words', () => {
    const p = plan({ 'a.x': 5, 'a.y': 5, 'b.x': 5, 'b.y': 5 });
    expect(p.level).toMatchObject({ id: 'middle', title: 'Middle', why: ['Criteria with 50 or more: at least 2 (now 2)'] });
    expect(p.next).toMatchObject({
      id: 'top',
      title: 'Top',
      unmet: ['Overall score at least 75 (now 66.7)'],
    });
  });

  it.each([
    ['en', "don't know", 'not applicable'],
    ['lv', 'nezinām', 'nav attiecināms'],
  ])('words "don\'t know" and n/a apart (%s), and lists the former to find out', (lang, dontKnow, na) => {
    const v = plan({ 'a.x': 7, 'a.y': 'dont-know', 'b.x': 'n/a' }, lang);
    const byId = new Map(v.pillars.flatMap((p) => p.criteria).map((c) => [c.id, c]));
    expect(byId.get('a.y')?.scoreText).toBe(dontKnow);
    expect(byId.get('b.x')?.scoreText).toBe(na);
    expect(v.findOut.map((c) => c.id)).toEqual(['a.y']);
    expect(v.open.map((c) => c.id)).toEqual(['b.x', 'b.y']);
  });

  it('formats numbers for the language: decimal comma in Latvian', () => {
    const p = plan({ 'a.x': 5, 'a.y': 5, 'b.x': 5, 'b.y': 5 }, 'lv');
    expect(p.overallText).toBe('66,7');
    expect(p.labels['report.later']).toBe('Vēlāk un idejas');
  });

  it('names the pillars lacking data when incomplete', () => {
    const p = plan({ 'a.x': 5 });
    expect(p.level.incomplete).toBe(true);
    expect(p.next?.unmet).toEqual(['Pillar b: score at least 50% of the questions (now 0%)']);
  });

  it('uses the answers date, else today', () => {
    expect(plan({}, 'en', '2026-03-14').date).toBe('2026-03-14');
    expect(plan({}).date).toBe('2026-11-23');
  });
});

describe('round1', () => {
  it('rounds half up to one decimal without binary surprises', () => {
    expect([round1(62.45), round1(0.05), round1(66.666), round1(100)]).toEqual([62.5, 0.1, 66.7, 100]);
  });
});
