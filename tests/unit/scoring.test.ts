import { describe, expect, it } from 'vitest';
import { classify, checkRules } from '../../src/core/classify.js';
import { evaluate } from '../../src/core/evaluate.js';
import { groupResponses, villageKey } from '../../src/core/group.js';
import { scoreResponses } from '../../src/core/scoring.js';
import { framework, response } from '../helpers/framework.js';

// A framework unlike the bundled one: a 1–7 scale, four pillars of different sizes, weights.
const fw = framework({
  min: 1,
  max: 7,
  pillars: { a: ['x', 'y', 'z'], b: ['x', 'y'], c: ['x'], d: ['x', 'y'] },
  criterionWeights: { 'a.x': 2 },
  pillarWeights: { b: 3 },
  levels: [
    { id: 'top', rules: { overall_min: 75, pillar_min: 65, criteria_min: { 'a.x': 6 } } },
    { id: 'middle', rules: { pillars_min_count: { count: 3, min: 50 } } },
    { id: 'base', rules: {} },
  ],
});

const all = (score: number) => Object.fromEntries([...fw.criteria.keys()].map((id) => [id, score]));

describe('criterion scores', () => {
  it.each([
    [1, 0],
    [4, 50],
    [7, 100],
    [2, 16.667],
  ])('raw %d on a 1–7 scale is %d', (raw, expected) => {
    const s = scoreResponses(fw, [response('V', { 'a.x': raw })]);
    expect(s.criteria.get('a.x')?.score).toBeCloseTo(expected, 3);
    expect(s.criteria.get('a.x')?.raw).toBe(raw);
  });
});

describe('pillar and overall scores', () => {
  it('weights criteria within a pillar', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': 7, 'a.y': 1, 'a.z': 4 })]);
    // (2×100 + 1×0 + 1×50) / 4
    expect(s.pillars[0]?.score).toBeCloseTo(62.5, 10);
  });

  it('leaves n/a and unanswered criteria out of the mean and the coverage', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': 7, 'a.y': 'n/a', 'a.z': 4 })]);
    expect(s.pillars[0]?.score).toBeCloseTo(250 / 3, 10);
    expect(s.pillars[0]?.coverage).toBeCloseTo(2 / 3, 10);
    const t = scoreResponses(fw, [response('V', { 'a.x': 7, 'a.y': null })]);
    expect(t.pillars[0]?.score).toBe(100);
    expect(t.pillars[0]?.coverage).toBeCloseTo(1 / 3, 10);
    expect(t.criteria.get('a.y')).toMatchObject({ raw: null, score: null, n: 0 });
  });

  it('has no pillar score when nothing in it is scored, and leaves that pillar out of the overall', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': 7, 'c.x': 1 })]);
    expect(s.pillars.map((p) => p.score)).toEqual([100, null, 0, null]);
    // Pillars a and c, weights 1 and 1.
    expect(s.overall).toBe(50);
  });

  it('weights pillars in the overall score', () => {
    // a = 100, b = 0 (weight 3), c = 100, d = 100 -> (100 + 0 + 100 + 100) / 6
    const s = scoreResponses(fw, [response('V', { 'a.x': 7, 'b.x': 1, 'c.x': 7, 'd.x': 7 })]);
    expect(s.overall).toBeCloseTo(50, 10);
  });

  it('has no overall score without any answer', () => {
    expect(scoreResponses(fw, [response('V', {})]).overall).toBeNull();
  });
});

describe('grouping respondents', () => {
  it('groups by village name after trimming, NFC and case-folding', () => {
    const nfd = 'E\u0304rg\u013Ci'.normalize('NFD');
    const groups = groupResponses([response('Ērgļi', {}), response(` ${nfd.toUpperCase()} `, {}), response('Alsunga', {})]);
    expect(groups.map((g) => [g.village, g.responses.length])).toEqual([
      ['Ērgļi', 2],
      ['Alsunga', 1],
    ]);
    expect(villageKey(' ĒRGĻI ')).toBe(villageKey('ērgļi'));
  });

  it('keeps every response apart with group = false', () => {
    expect(groupResponses([response('A', {}), response('a', {})], false)).toHaveLength(2);
  });

  it('uses the mean raw score over the respondents who scored, with the spread', () => {
    const s = scoreResponses(fw, [
      response('V', { 'a.x': 3, 'a.y': 2 }),
      response('V', { 'a.x': 6, 'a.y': 'n/a' }),
      response('V', { 'a.x': 'n/a' }),
    ]);
    expect(s.criteria.get('a.x')).toMatchObject({ raw: 4.5, min: 3, max: 6, n: 2, na: 1 });
    expect(s.criteria.get('a.x')?.score).toBeCloseTo(58.333, 3);
    expect(s.criteria.get('a.y')).toMatchObject({ raw: 2, n: 1, na: 1 });
  });

  // #14b: "don't know" is counted on its own but scored exactly like n/a: same raw, score, n, coverage, level.
  it.each<[string, Record<string, number | 'n/a'>[]]>([
    ['one set, one n/a', [{ 'a.x': 3, 'a.y': 'n/a', 'b.x': 7, 'c.x': 5, 'd.x': 2, 'd.y': 4 }]],
    ['a whole pillar n/a', [{ 'a.x': 6, 'a.y': 6, 'a.z': 6, 'b.x': 'n/a', 'b.y': 'n/a', 'c.x': 6, 'd.x': 6, 'd.y': 6 }]],
    ['n/a beside scores of others', [{ 'a.x': 'n/a', 'a.y': 2 }, { 'a.x': 5, 'a.y': 'n/a', 'c.x': 'n/a' }, { 'a.x': 1, 'b.x': 4 }]],
    ['coverage below coverage_min', [{ 'a.x': 'n/a', 'a.y': 'n/a', 'a.z': 3, 'b.x': 4, 'c.x': 'n/a', 'd.x': 5 }]],
  ])('dont-know scores like n/a: %s', (_name, sets) => {
    const asNa = evaluate(fw, groupResponses(sets.map((a) => response('V', a)))[0]!);
    const swapped = sets.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === 'n/a' ? ('dont-know' as const) : v])));
    const asDk = evaluate(fw, groupResponses(swapped.map((a) => response('V', a)))[0]!);
    expect(asDk.scores.overall).toBe(asNa.scores.overall);
    expect(asDk.scores.pillars).toEqual(asNa.scores.pillars);
    expect(asDk.classification).toEqual(asNa.classification);
    for (const [id, c] of asNa.scores.criteria) {
      const d = asDk.scores.criteria.get(id)!;
      expect({ ...d, na: d.dontKnow, dontKnow: d.na }).toEqual(c);
      expect(d.na).toBe(0);
    }
  });

  it('counts n/a and dont-know apart on one criterion', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': 'n/a' }), response('V', { 'a.x': 'dont-know' }), response('V', { 'a.x': 'dont-know' }), response('V', { 'a.x': 4 })]);
    expect(s.criteria.get('a.x')).toMatchObject({ raw: 4, n: 1, na: 1, dontKnow: 2 });
  });

  it('flags disagreement of half the scale or more', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': 2, 'a.y': 2 }), response('V', { 'a.x': 5, 'a.y': 4 })]);
    expect(s.criteria.get('a.x')?.disagree).toBe(true); // 3 >= 6 / 2
    expect(s.criteria.get('a.y')?.disagree).toBe(false); // 2 < 3
  });

  it('keeps notes with their respondent as evidence', () => {
    const s = scoreResponses(fw, [response('V', { 'a.x': { score: 5, note: 'Vīzija pieņemta' } }, { respondent: 'Līga' })]);
    expect(s.criteria.get('a.x')?.notes).toEqual([{ text: 'Vīzija pieņemta', source: 'V.yaml', respondent: 'Līga', score: 5 }]);
  });

  it('takes the latest date and the first municipality of a group', () => {
    const r = evaluate(fw, groupResponses([
      response('V', {}, { date: '2026-01-05', municipality: null }),
      response('V', {}, { date: '2026-03-01', municipality: 'Kuldīgas novads' }),
    ])[0]!);
    expect(r).toMatchObject({ date: '2026-03-01', municipality: 'Kuldīgas novads', respondents: 2 });
  });
});

describe('classification', () => {
  it('places a village at the first level whose rules all hold', () => {
    expect(classify(fw, scoreResponses(fw, [response('V', all(7))])).level).toBe('top');
    expect(classify(fw, scoreResponses(fw, [response('V', all(5))])).level).toBe('middle');
    expect(classify(fw, scoreResponses(fw, [response('V', all(2))])).level).toBe('base');
  });

  it('is incomplete when a pillar is covered below coverage_min (0.5 by default), naming the pillar', () => {
    const answers = { ...all(7), 'a.y': null, 'a.z': 'n/a' as const };
    const c = classify(fw, scoreResponses(fw, [response('V', answers)]));
    expect(c.level).toBe('incomplete');
    expect(c.next).toEqual({
      id: 'top',
      unmet: [{ rule: 'coverage_min', held: false, needed: 0.5, actual: 1 / 3, pillar: 'a' }],
    });
  });

  it('lists what is missing for the next level', () => {
    // Every pillar at 66.7 but overall below 75, and a.x at 5 < 6.
    const c = classify(fw, scoreResponses(fw, [response('V', all(5))]));
    expect(c.held).toEqual([{ rule: 'pillars_min_count', held: true, needed: 3, actual: 4, min: 50 }]);
    expect(c.next?.id).toBe('top');
    expect(c.next?.unmet).toEqual([
      { rule: 'overall_min', held: false, needed: 75, actual: expect.closeTo(66.667, 3) as number },
      { rule: 'criteria_min', held: false, needed: 6, actual: 5, criterion: 'a.x' },
    ]);
  });

  it('has no next level at the top', () => {
    expect(classify(fw, scoreResponses(fw, [response('V', all(7))])).next).toBeNull();
  });

  it('checks every rule type', () => {
    const s = scoreResponses(fw, [response('V', { ...all(5), 'b.x': 1, 'b.y': 1 })]);
    expect(checkRules({ overall_min: 30 }, s).every((c) => c.held)).toBe(true);
    expect(checkRules({ overall_min: 40 }, s)[0]).toMatchObject({ held: false, needed: 40, actual: expect.closeTo(33.333, 3) as number });
    expect(checkRules({ pillar_min: 50 }, s).filter((c) => !c.held).map((c) => c.pillar)).toEqual(['b']);
    expect(checkRules({ pillars_min_count: { count: 3, min: 60 } }, s)).toEqual([
      { rule: 'pillars_min_count', held: true, needed: 3, actual: 3, min: 60 },
    ]);
    expect(checkRules({ pillars_min_count: { count: 4, min: 60 } }, s)[0]?.held).toBe(false);
    expect(checkRules({ criteria_min: { 'a.x': 5, 'b.x': 2 } }, s).map((c) => c.held)).toEqual([true, false]);
    expect(checkRules({}, s)).toEqual([]);
  });

  it('a criterion without a score fails criteria_min, a pillar without a score fails pillar_min', () => {
    const open = framework({ min: 1, max: 7, pillars: { a: ['x', 'y'], b: ['x'] }, coverageMin: 0 });
    const s = scoreResponses(open, [response('V', { 'a.y': 7 })]);
    expect(checkRules({ criteria_min: { 'a.x': 1 } }, s)[0]).toMatchObject({ held: false, actual: null });
    expect(checkRules({ pillar_min: 0 }, s).map((c) => c.held)).toEqual([true, false]);
  });

  it('reports no level ("none") when a framework without a fallback matches nothing', () => {
    const strict = framework({ pillars: { a: ['x'] }, levels: [{ id: 'only', rules: { overall_min: 90 } }] });
    const c = classify(strict, scoreResponses(strict, [response('V', { 'a.x': 1 })]));
    expect(c.level).toBe('none');
    expect(c.next?.unmet[0]).toMatchObject({ rule: 'overall_min', needed: 90, actual: 25 });
  });
});
