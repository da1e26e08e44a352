import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/answers.js';
import { checkRules, classify, type ScoreView } from '../../src/core/classify.js';
import type { Framework, Rules } from '../../src/core/framework.js';
import { nextLevelPath, pathToLevel, type PathResult } from '../../src/core/path.js';
import { round1 } from '../../src/core/round.js';
import { scoreResponses } from '../../src/core/scoring.js';
import { loadFramework } from '../../src/io/load.js';
import type { CriteriaFile } from '../../src/schema/criteria.js';
import { ROOT } from '../helpers/cli.js';
import { framework, response } from '../helpers/framework.js';

type Answers = Record<string, number | 'n/a' | null>;
type Shape = Omit<Parameters<typeof framework>[0], 'levels'>;

/** A framework whose first level, `goal`, has `rules`, above a fallback `base`. */
const withGoal = (shape: Shape, rules: Rules): Framework =>
  framework({ ...shape, levels: [{ id: 'goal', rules }, { id: 'base', rules: {} }] });

const responses = (answers: Answers[]): Response[] => answers.map((a, i) => response('V', a, { respondent: `r${i}` }));

/** The responses with every score of each raised criterion set to its `to`, so its mean is `to`. */
function raised(rs: readonly Response[], result: PathResult): Response[] {
  if (result.kind !== 'path') return [...rs];
  return rs.map((r) => {
    const answers = new Map(r.answers);
    for (const { criterion, to } of result.raises) {
      const a = answers.get(criterion);
      if (a && typeof a.score === 'number') answers.set(criterion, { ...a, score: to });
    }
    return { ...r, answers };
  });
}

const holds = (fw: Framework, rs: readonly Response[], rules: Rules): boolean =>
  checkRules(rules, scoreResponses(fw, rs)).every((c) => c.held);

const sq = { pillars: { a: ['x', 'y'], b: ['x', 'y'] } };
const all = (v: number): Answers => ({ 'a.x': v, 'a.y': v, 'b.x': v, 'b.y': v });

describe('pathToLevel', () => {
  it.each<{ name: string; shape: Shape; answers: Answers[]; rules: Rules; raises: [string, number][]; cost: number }>([
    { name: 'overall_min: one raise of two steps beats two of one (fewer criteria)', shape: sq, answers: [all(2)], rules: { overall_min: 60 }, raises: [['a.x', 4]], cost: 2 },
    { name: 'overall_min: a tie goes to the earliest criterion', shape: sq, answers: [all(2)], rules: { overall_min: 55 }, raises: [['a.x', 3]], cost: 1 },
    { name: 'pillar_min alone', shape: sq, answers: [{ 'a.x': 4, 'a.y': 4, 'b.x': 1, 'b.y': 1 }], rules: { pillar_min: 50 }, raises: [['b.x', 3]], cost: 2 },
    {
      name: 'pillars_min_count alone: the cheapest pillar to lift',
      shape: { pillars: { a: ['x', 'y'], b: ['x', 'y'], c: ['x', 'y'] } },
      answers: [{ 'a.x': 4, 'a.y': 4, 'b.x': 1, 'b.y': 1, 'c.x': 2, 'c.y': 1 }],
      rules: { pillars_min_count: { count: 2, min: 50 } },
      raises: [['c.x', 3]],
      cost: 1,
    },
    { name: 'criteria_min alone, to a whole value', shape: sq, answers: [{ ...all(4), 'a.x': 1 }], rules: { criteria_min: { 'a.x': 2.5 } }, raises: [['a.x', 3]], cost: 2 },
    { name: 'criteria_min met by the shown mean (8/3 shows as 2.7)', shape: sq, answers: [all(3), all(3), { ...all(3), 'a.x': 2 }], rules: { criteria_min: { 'a.x': 2.7 } }, raises: [], cost: 0 },
    { name: 'a fractional mean: the cost counts from it', shape: sq, answers: [all(2), { ...all(2), 'a.x': 3 }, all(2)], rules: { criteria_min: { 'a.x': 3 } }, raises: [['a.x', 3]], cost: 2 / 3 },
    {
      name: 'criterion weights: the heavy criterion goes further',
      shape: { pillars: { a: ['x', 'y'] }, criterionWeights: { 'a.x': 3 } },
      answers: [{ 'a.x': 2, 'a.y': 2 }],
      rules: { pillar_min: 75 },
      raises: [['a.x', 4]],
      cost: 2,
    },
    {
      name: 'pillar weights: the heavy pillar goes further',
      shape: { pillars: { a: ['x'], b: ['x'] }, pillarWeights: { a: 3 } },
      answers: [{ 'a.x': 0, 'b.x': 0 }],
      rules: { overall_min: 50 },
      raises: [['a.x', 3]],
      cost: 3,
    },
    {
      name: '1–7 scale: the same criteria, lower values first in framework order',
      shape: { min: 1, max: 7, pillars: { a: ['x', 'y', 'z'] } },
      answers: [{ 'a.x': 4, 'a.y': 4, 'a.z': 4 }],
      rules: { overall_min: 70 },
      raises: [['a.x', 5], ['a.y', 7]],
      cost: 4,
    },
    {
      name: 'every rule kind together',
      shape: sq,
      answers: [{ 'a.x': 2, 'a.y': 2, 'b.x': 3, 'b.y': 1 }],
      rules: { overall_min: 70, pillar_min: 60, pillars_min_count: { count: 1, min: 75 }, criteria_min: { 'b.y': 2 } },
      raises: [['a.x', 3], ['b.y', 4]],
      cost: 4,
    },
    { name: 'a level already met: no raise', shape: sq, answers: [all(2)], rules: { overall_min: 50, pillar_min: 50 }, raises: [], cost: 0 },
    {
      name: 'an unscored criterion stays unscored',
      shape: { pillars: { a: ['x', 'y'] } },
      answers: [{ 'a.x': 0, 'a.y': 'n/a' }],
      rules: { pillar_min: 50 },
      raises: [['a.x', 2]],
      cost: 2,
    },
    {
      name: 'a pillar of exactly 65, computed as 64.99999999999999, meets pillar_min 65',
      shape: { min: 1, max: 7, pillars: { a: ['w', 'x', 'y', 'z'] }, criterionWeights: { 'a.x': 3, 'a.y': 3, 'a.z': 3 } },
      answers: [{ 'a.w': 4, 'a.x': 5, 'a.y': 5, 'a.z': 5 }],
      rules: { pillar_min: 65 },
      raises: [],
      cost: 0,
    },
  ])('$name', ({ shape, answers, rules, raises, cost }) => {
    const fw = withGoal(shape, rules);
    const rs = responses(answers);
    const scores = scoreResponses(fw, rs);
    const result = pathToLevel(fw, scores, 'goal');
    expect(result.kind).toBe('path');
    if (result.kind !== 'path') return;
    expect(result.raises.map((r) => [r.criterion, r.to])).toEqual(raises);
    for (const r of result.raises) expect(r.from).toBe(scores.criteria.get(r.criterion)?.raw);
    expect(result.cost).toBeCloseTo(cost, 9);
    expect(holds(fw, raised(rs, result), rules)).toBe(true);
  });

  it.each<{ name: string; shape: Shape; answers: Answers; rules: Rules; blocking: object[] }>([
    {
      name: 'criteria_min on an unscored criterion',
      shape: { pillars: { a: ['x', 'y'] } },
      answers: { 'a.x': 1, 'a.y': 'n/a' },
      rules: { overall_min: 50, criteria_min: { 'a.y': 1 } },
      blocking: [{ rule: 'criteria_min', held: false, needed: 1, actual: null, criterion: 'a.y' }],
    },
    {
      name: 'pillar_min with a pillar that has no scored criterion',
      shape: { pillars: { a: ['x'], b: ['x'] } },
      answers: { 'a.x': 1, 'b.x': 'n/a' },
      rules: { pillar_min: 50 },
      blocking: [{ rule: 'pillar_min', held: false, needed: 50, actual: null, pillar: 'b' }],
    },
    {
      name: 'pillars_min_count above the pillars that have a score',
      shape: { pillars: { a: ['x'], b: ['x'] } },
      answers: { 'a.x': 1 },
      rules: { pillars_min_count: { count: 2, min: 50 } },
      blocking: [{ rule: 'pillars_min_count', held: false, needed: 2, actual: 1, min: 50 }],
    },
  ])('unreachable: $name', ({ shape, answers, rules, blocking }) => {
    const fw = withGoal(shape, rules);
    expect(pathToLevel(fw, scoreResponses(fw, responses([answers])), 'goal')).toEqual({ kind: 'unreachable', level: 'goal', blocking });
  });

  it('throws on a level the framework does not have', () => {
    const fw = withGoal(sq, {});
    expect(() => pathToLevel(fw, scoreResponses(fw, []), 'nope')).toThrow(/no level nope/);
  });
});

describe('classify compares shown values', () => {
  it('places a pillar of exactly 65, computed as 64.99999999999999, at a level with pillar_min 65', () => {
    const fw = withGoal(
      { min: 1, max: 7, pillars: { a: ['w', 'x', 'y', 'z'] }, criterionWeights: { 'a.x': 3, 'a.y': 3, 'a.z': 3 } },
      { pillar_min: 65, overall_min: 65 },
    );
    const scores = scoreResponses(fw, [response('V', { 'a.w': 4, 'a.x': 5, 'a.y': 5, 'a.z': 5 })]);
    expect(scores.pillars[0]?.score).toBe(64.99999999999999);
    const c = classify(fw, scores);
    expect(c.level).toBe('goal');
    // actual stays unrounded
    expect(c.held).toEqual([
      { rule: 'pillar_min', held: true, needed: 65, actual: 64.99999999999999, pillar: 'a' },
      { rule: 'overall_min', held: true, needed: 65, actual: 64.99999999999999 },
    ]);
  });

  it.each([
    [{ overall_min: 66.7 }, true], // 66.666… shows as 66.7
    [{ overall_min: 66.8 }, false],
    [{ pillars_min_count: { count: 1, min: 66.7 } }, true],
    [{ criteria_min: { 'a.x': 2.7 } }, true], // 8/3 shows as 2.7
    [{ criteria_min: { 'a.x': 2.8 } }, false],
  ])('%j holds: %s', (rules, held) => {
    const fw = framework({ pillars: { a: ['x'] } });
    const s = scoreResponses(fw, [response('V', { 'a.x': 3 }), response('V', { 'a.x': 3 }), response('V', { 'a.x': 2 })]);
    expect(checkRules(rules, s).every((c) => c.held)).toBe(held);
  });
});

describe('nextLevelPath', () => {
  // The helper's levels: top (overall_min 75, pillar_min 65), middle (2 pillars ≥ 50), base.
  const fw = framework(sq);
  const path = (answers: Answers, f = fw) => {
    const scores = scoreResponses(f, [response('V', answers)]);
    return nextLevelPath(f, scores, classify(f, scores));
  };

  it.each<[string, Answers, PathResult | null]>([
    ['base → middle', all(1), { kind: 'path', level: 'middle', raises: [{ criterion: 'a.x', from: 1, to: 3 }, { criterion: 'b.x', from: 1, to: 3 }], cost: 4 }],
    ['middle → top', all(2), { kind: 'path', level: 'top', raises: [{ criterion: 'a.x', from: 2, to: 4 }, { criterion: 'b.x', from: 2, to: 4 }], cost: 4 }],
    ['top: none', all(4), null],
    ['incomplete: none', { 'a.x': 4 }, null],
  ])('%s', (_, answers, expected) => {
    expect(path(answers)).toEqual(expected);
  });

  it('from `none`, the path to the last level', () => {
    const strict = framework({ pillars: { a: ['x'] }, levels: [{ id: 'only', rules: { overall_min: 90 } }] });
    expect(path({ 'a.x': 1 }, strict)).toEqual({ kind: 'path', level: 'only', raises: [{ criterion: 'a.x', from: 1, to: 4 }], cost: 3 });
  });
});

describe('the bundled framework', () => {
  const fw = loadFramework(`${ROOT}/criteria/smart-village.yaml`).value!;
  const zero = [response('V', Object.fromEntries([...fw.criteria.keys()].map((id) => [id, 0])))];

  it('finds the path from all-zero to the top level', () => {
    const scores = scoreResponses(fw, zero);
    expect(classify(fw, scores).level).toBe('starting');
    const result = pathToLevel(fw, scores, 'lighthouse');
    expect(result.kind).toBe('path');
    if (result.kind !== 'path') return;
    // Each pillar of 9 needs 18 of 36 steps (≥ 50), one of them 27 (≥ 75), the overall 71 of 108 (≥ 65):
    // 71 steps on at least 18 criteria.
    expect(result.cost).toBe(71);
    expect(result.raises).toHaveLength(18);
    expect(result.raises.map((r) => r.criterion)).toContain('participation.replicability');
    expect(holds(fw, raised(zero, result), fw.levels[0]!.rules)).toBe(true);
    const after = scoreResponses(fw, raised(zero, result));
    expect(classify(fw, after).level).toBe('lighthouse');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the solver agrees with an exhaustive search on many seeded random small cases.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The scores the rules read, from raw scores, with scoring.ts's arithmetic (written again here);
 * one object, updated in place by `set`, so the exhaustive search allocates nothing per assignment.
 */
function viewer(fw: Framework): { view: ScoreView; set: (raws: readonly (number | null)[]) => void } {
  const { min, max } = fw.scale;
  const cells = [...fw.criteria.keys()].map(() => ({ raw: null as number | null }));
  const criteria = new Map([...fw.criteria.keys()].map((id, i) => [id, cells[i]!]));
  const pillars = fw.pillars.map((p) => ({ id: p.id, score: null as number | null }));
  const view = { overall: null as number | null, pillars, criteria };
  const set = (raws: readonly (number | null)[]) => {
    let i = 0;
    let sum = 0;
    let weights = 0;
    fw.pillars.forEach((p, k) => {
      let psum = 0;
      let pweights = 0;
      for (const c of p.criteria) {
        const raw = raws[i] ?? null;
        cells[i++]!.raw = raw;
        if (raw === null) continue;
        psum += c.weight * (((raw - min) / (max - min)) * 100);
        pweights += c.weight;
      }
      const score = pweights > 0 ? psum / pweights : null;
      pillars[k]!.score = score;
      if (score === null) return;
      sum += p.weight * score;
      weights += p.weight;
    });
    view.overall = weights > 0 ? sum / weights : null;
  };
  return { view, set };
}

interface Candidate {
  cost: number;
  /** Framework indices of the raised criteria, ascending. */
  raised: number[];
  tos: number[];
}

/** The brief's order, literally: cost (1e-9), then fewer raises, then the sorted index lists, then the `to` values. */
function better(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.cost - b.cost) > 1e-9) return a.cost < b.cost;
  if (a.raised.length !== b.raised.length) return a.raised.length < b.raised.length;
  for (let i = 0; i < a.raised.length; i++) if (a.raised[i] !== b.raised[i]) return a.raised[i]! < b.raised[i]!;
  for (let i = 0; i < a.tos.length; i++) if (a.tos[i] !== b.tos[i]) return a.tos[i]! < b.tos[i]!;
  return false;
}

/**
 * Every assignment of `to` values (or none) to the scored criteria, in turn; the best that meets
 * `rules`. Only branches already dearer than the best found are skipped.
 */
function bruteForce(fw: Framework, raws: readonly (number | null)[], rules: Rules): Candidate | null {
  const options = raws.map((r) => {
    const out: (number | null)[] = [null];
    if (r !== null) for (let to = fw.scale.min; to <= fw.scale.max; to++) if (to > r) out.push(to);
    return out;
  });
  const { view, set } = viewer(fw);
  const now = [...raws];
  const tos: (number | null)[] = raws.map(() => null);
  let best: Candidate | null = null;
  // Raises only add cost, so a branch already dearer than the best found cannot win: skip it.
  const visit = (i: number, cost: number): void => {
    if (best && cost > best.cost + 1e-9) return;
    if (i === raws.length) {
      set(now);
      if (!checkRules(rules, view).every((c) => c.held)) return;
      const raised = tos.flatMap((t, k) => (t === null ? [] : [k]));
      const cand: Candidate = { cost: raised.reduce((s, k) => s + (tos[k]! - raws[k]!), 0), raised, tos: raised.map((k) => tos[k]!) };
      if (!best || better(cand, best)) best = cand;
      return;
    }
    for (const to of options[i]!) {
      tos[i] = to;
      now[i] = to ?? raws[i]!;
      visit(i + 1, to === null ? cost : cost + (to - raws[i]!));
    }
  };
  visit(0, 0);
  return best;
}

/**
 * A random small framework and village. Half the thresholds are random; the other half are the
 * shown values of a random raise of the village, so that the best path often lands exactly on a
 * threshold (where rounding decides).
 */
function randomCase(rand: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const [min, max] = rand() < 0.5 ? [0, 4] : [1, 5];
  const pillars: Record<string, string[]> = {};
  const pillarWeights: Record<string, number> = {};
  const criterionWeights: Record<string, number> = {};
  const nPillars = int(2, 3);
  for (let p = 0; p < nPillars; p++) {
    const id = `p${p}`;
    pillars[id] = Array.from({ length: int(2, 3) }, (_, c) => `c${c}`);
    pillarWeights[id] = int(1, 3);
    for (const c of pillars[id]) criterionWeights[`${id}.${c}`] = int(1, 3);
  }
  const shape = { min, max, pillars, pillarWeights, criterionWeights, coverageMin: 0 };
  const ids = Object.entries(pillars).flatMap(([p, cs]) => cs.map((c) => `${p}.${c}`));
  const rs = Array.from({ length: int(1, 3) }, () =>
    response('V', Object.fromEntries(ids.map((id) => [id, rand() < 0.1 ? 'n/a' : rand() < 0.05 ? null : int(min, max)]))),
  );

  // The shown values of a random raise of the village.
  const plain = framework({ ...shape, levels: [{ id: 'x', rules: {} }] });
  const raws = ids.map((id) => scoreResponses(plain, rs).criteria.get(id)!.raw);
  const { view, set } = viewer(plain);
  const tos = raws.map((r) => (r !== null && r < max && rand() < 0.5 ? int(Math.floor(r) + 1, max) : r));
  set(tos);
  const shown = (x: number | null) => (x === null ? int(0, 100) : round1(x));
  const scored = view.pillars.map((p) => p.score).filter((x): x is number => x !== null).sort((x, y) => y - x);

  const edgy = () => rand() < 0.5;
  const threshold = () => (rand() < 0.5 ? int(0, 20) * 5 : Math.round(rand() * 1000) / 10);
  const levels: CriteriaFile['levels'] = Array.from({ length: int(1, 3) }, (_, l) => {
    const rules: Rules & Record<string, unknown> = {};
    if (rand() < 0.5) rules.overall_min = edgy() ? shown(view.overall) : threshold();
    if (rand() < 0.35) rules.pillar_min = edgy() ? shown(scored[scored.length - 1] ?? null) : threshold();
    if (rand() < 0.35) {
      const count = int(1, nPillars + (rand() < 0.1 ? 1 : 0));
      rules.pillars_min_count = { count, min: edgy() ? shown(scored[count - 1] ?? null) : threshold() };
    }
    if (rand() < 0.4) {
      const cm: Record<string, number> = {};
      for (let k = int(1, 2); k > 0; k--) {
        const i = int(0, ids.length - 1);
        cm[ids[i]!] = edgy() ? shown(tos[i] ?? null) : min + Math.round(rand() * (max - min) * 10) / 10;
      }
      rules.criteria_min = cm;
    }
    return { id: `L${l}`, rules };
  });
  return { fw: framework({ ...shape, levels }), rs };
}

describe('pathToLevel against an exhaustive search', () => {
  it('gives the same cost and the same raises on 3000 seeded random cases', () => {
    const rand = mulberry32(20260101);
    let paths = 0;
    let unreachable = 0;
    let raisedSome = 0;
    for (let n = 0; n < 3000; n++) {
      const { fw, rs } = randomCase(rand);
      const scores = scoreResponses(fw, rs);
      const raws = [...fw.criteria.keys()].map((id) => scores.criteria.get(id)!.raw);
      const level = fw.levels[Math.floor(rand() * fw.levels.length)]!;
      const { view, set } = viewer(fw);
      set(raws);
      expect([view.overall, ...view.pillars.map((p) => p.score)]).toEqual([scores.overall, ...scores.pillars.map((p) => p.score)]);
      const got = pathToLevel(fw, scores, level.id);
      const want = bruteForce(fw, raws, level.rules);
      const label = `case ${n}: ${JSON.stringify({ raws, rules: level.rules })}`;
      if (want === null) {
        unreachable++;
        // The checks that still fail with every scored criterion at max.
        set(raws.map((r) => (r === null ? null : fw.scale.max)));
        expect(got, label).toEqual({ kind: 'unreachable', level: level.id, blocking: checkRules(level.rules, view).filter((c) => !c.held) });
        continue;
      }
      paths++;
      expect(got.kind, label).toBe('path');
      if (got.kind !== 'path') continue;
      const ids = [...fw.criteria.keys()];
      expect(got.raises.map((r) => [r.criterion, r.to]), label).toEqual(want.raised.map((i, k) => [ids[i], want.tos[k]]));
      expect(Math.abs(got.cost - want.cost), label).toBeLessThan(1e-9);
      if (got.raises.length > 0) raisedSome++;
      expect(holds(fw, raised(rs, got), level.rules), label).toBe(true);
    }
    // The generator covers every outcome.
    expect(Math.min(paths - raisedSome, raisedSome, unreachable)).toBeGreaterThan(100);
  });
});
