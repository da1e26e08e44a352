import { checkRules, meets, type Classification, type RuleCheck, type ScoreView } from './classify.js';
import { INCOMPLETE, type Framework } from './framework.js';
import { criterionScore, weightedMean, type Scores } from './scoring.js';

/** One raise of a path: a scored criterion from its mean raw score (unrounded) to a whole scale value. */
export interface Raise {
  criterion: string;
  from: number;
  to: number;
}

export type PathResult =
  /** The cheapest raises, in framework order; `[]` when the level already holds. Cost in scale steps. */
  | { kind: 'path'; level: string; raises: Raise[]; cost: number }
  /** Even every scored criterion at the scale's max leaves these checks failing. */
  | { kind: 'unreachable'; level: string; blocking: RuleCheck[] };

/** Costs closer than this are equal. */
const EPS = 1e-9;

// The path to a level is the cheapest set of raises (Σ(to − raw), in scale steps) after which
// every rule of the level holds; ties go to fewer raises, then to the raises of earlier criteria,
// then to lower `to` values in framework order. It is solved exactly:
//  1. per pillar, a DP over its criteria in framework order keeps the Pareto front of partial
//     choices on (pillar sum ↑; cost, count, tie-break ↓);
//  2. across pillars, a DP in pillar order keeps the front on (overall sum ↑, pillars counted for
//     pillars_min_count ↑; cost, count, tie-break ↓), dropping states that cannot reach overall_min
//     or the count and collapsing those that reach overall_min whatever comes next;
//  3. the best final state is the path.
// Every rule is monotone in the raws and the sums are accumulated in the order scoring.ts uses, so
// the floating-point values compared are exactly those classify sees, and pruning by dominance
// never drops the optimum (nor a better tie).
// TIMING

/** A partial or whole choice of raises, ordered by `compareChoices`. */
interface Choice {
  cost: number;
  count: number;
  /** One entry per criterion decided, in framework order: the `to` of a raise, or null. */
  tos: () => (number | null)[];
}

function compareTos(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if ((x === null) !== (y === null)) return x !== null ? -1 : 1;
  }
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x !== null && y !== null && x !== y) return x - y;
  }
  return 0;
}

/** Better first: cheaper, then fewer raises, then raising earlier criteria, then lower values. */
function compareChoices(a: Choice, b: Choice): number {
  if (a.cost < b.cost - EPS) return -1;
  if (a.cost > b.cost + EPS) return 1;
  if (a.count !== b.count) return a.count - b.count;
  return compareTos(a.tos(), b.tos());
}

/**
 * The Pareto front of `states`: a state is dropped when another is at least as good on the choice
 * order, the sum and the count of pillars met (0..meetMax). Best choice first.
 */
function front<T extends Choice & { sum: number; meet: number }>(states: T[], meetMax: number): T[] {
  states.sort(compareChoices);
  const best = new Array<number>(meetMax + 1).fill(-Infinity); // [m]: the largest kept sum with meet ≥ m
  const kept: T[] = [];
  for (const s of states) {
    if ((best[s.meet] ?? -Infinity) >= s.sum) continue;
    kept.push(s);
    for (let m = 0; m <= s.meet; m++) if ((best[m] ?? -Infinity) < s.sum) best[m] = s.sum;
  }
  return kept;
}


/** The values the rules read, from every criterion's raw score, with the arithmetic of scoring.ts. */
function viewOf(fw: Framework, raws: ReadonlyMap<string, number | null>): ScoreView {
  const criteria = new Map<string, { raw: number | null }>();
  for (const c of fw.criteria.values()) criteria.set(c.id, { raw: raws.get(c.id) ?? null });
  const pillars = fw.pillars.map((p) => ({
    id: p.id,
    score: weightedMean(
      p.criteria.map((c) => {
        const raw = raws.get(c.id) ?? null;
        return { weight: c.weight, score: raw === null ? null : criterionScore(fw.scale, raw) };
      }),
    ),
  }));
  const overall = weightedMean(fw.pillars.map((p, i) => ({ weight: p.weight, score: pillars[i]?.score ?? null })));
  return { overall, pillars, criteria };
}

/** A choice of raises within one pillar, with the pillar's score after them. */
interface PillarOption extends Choice {
  score: number | null;
  raises: (number | null)[];
}

/** The first criteria of a pillar decided: Σ criterion weight × criterion score so far. */
interface PillarState extends Choice {
  sum: number;
  meet: number;
  raises: (number | null)[];
}

const pillarState = (sum: number, cost: number, count: number, raises: (number | null)[]): PillarState => ({
  sum,
  meet: 0,
  cost,
  count,
  raises,
  tos: () => raises,
});

/** The Pareto front of the choices within pillar `k`. `floor`: criteria_min. */
function pillarOptions(
  fw: Framework,
  k: number,
  raws: ReadonlyMap<string, number | null>,
  floor: ReadonlyMap<string, number>,
): PillarOption[] {
  let weights = 0;
  let states = [pillarState(0, 0, 0, [])];
  for (const c of fw.pillars[k]?.criteria ?? []) {
    const raw = raws.get(c.id) ?? null;
    if (raw === null) {
      states = states.map((s) => pillarState(s.sum, s.cost, s.count, [...s.raises, null]));
      continue;
    }
    weights += c.weight;
    const needed = floor.get(c.id);
    const next: PillarState[] = [];
    for (const s of states) {
      if (needed === undefined || meets(raw, needed)) {
        next.push(pillarState(s.sum + c.weight * criterionScore(fw.scale, raw), s.cost, s.count, [...s.raises, null]));
      }
      for (let to = Math.floor(raw) + 1; to <= fw.scale.max; to++) {
        if (needed !== undefined && !meets(to, needed)) continue;
        next.push(pillarState(s.sum + c.weight * criterionScore(fw.scale, to), s.cost + (to - raw), s.count + 1, [...s.raises, to]));
      }
    }
    states = front(next, 0);
  }
  return states.map((s) => ({ score: weights > 0 ? s.sum / weights : null, cost: s.cost, count: s.count, raises: s.raises, tos: s.tos }));
}

/** The first pillars decided. */
interface State extends Choice {
  /** Σ pillar weight × pillar score so far; Infinity once overall_min holds whatever follows. */
  sum: number;
  /** Pillars that count for pillars_min_count so far, capped at the count needed. */
  meet: number;
  prev: State | null;
  option: PillarOption | null;
}

function tosOf(s: State): (number | null)[] {
  const parts: (number | null)[][] = [];
  for (let x: State | null = s; x?.option; x = x.prev) parts.push(x.option.raises);
  return parts.reverse().flat();
}

/** The cheapest raises that make every rule of level `levelId` hold (see the top of this file). Pure. */
export function pathToLevel(fw: Framework, scores: Scores, levelId: string): PathResult {
  const level = fw.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`pathToLevel: framework ${fw.id} has no level ${levelId}`);
  const rules = level.rules;

  const raws = new Map<string, number | null>();
  for (const c of fw.criteria.values()) raws.set(c.id, scores.criteria.get(c.id)?.raw ?? null);
  const now = viewOf(fw, raws);
  if (checkRules(rules, now).every((c) => c.held)) return { kind: 'path', level: levelId, raises: [], cost: 0 };

  // Raising never hurts, so the level is reachable exactly when it holds with everything at max.
  const top = viewOf(fw, new Map([...raws].map(([id, r]) => [id, r === null ? null : Math.max(r, fw.scale.max)])));
  const blocking = checkRules(rules, top).filter((c) => !c.held);
  if (blocking.length > 0) return { kind: 'unreachable', level: levelId, blocking };

  const P = fw.pillars.length;
  const base = now.pillars.map((p) => p.score);
  const best = top.pillars.map((p) => p.score);
  let weights = 0;
  fw.pillars.forEach((p, i) => {
    if (base[i] !== null && base[i] !== undefined) weights += p.weight;
  });
  const overallMin = rules.overall_min;
  const count = rules.pillars_min_count;
  const need = count?.count ?? 0;
  /** The overall score when the pillars from `k` on have `values`. */
  const finish = (sum: number, k: number, values: readonly (number | null)[]): number => {
    let s = sum;
    for (let j = k; j < P; j++) {
      const v = values[j];
      if (v !== null && v !== undefined) s += (fw.pillars[j]?.weight ?? 0) * v;
    }
    return s / weights;
  };
  /** [k]: the pillars from `k` on that can count for pillars_min_count. */
  const canMeet = new Array<number>(P + 1).fill(0);
  for (let k = P - 1; k >= 0; k--) canMeet[k] = (canMeet[k + 1] ?? 0) + (count && meets(best[k], count.min) ? 1 : 0);
  const floor = new Map(Object.entries(rules.criteria_min ?? {}));

  let states: State[] = [{ sum: 0, meet: 0, cost: 0, count: 0, prev: null, option: null, tos: () => [] }];
  for (let k = 0; k < P; k++) {
    const pillarMin = rules.pillar_min;
    const options = pillarOptions(fw, k, raws, floor).filter((o) => pillarMin === undefined || meets(o.score, pillarMin));
    const w = fw.pillars[k]?.weight ?? 0;
    const next: State[] = [];
    for (const s of states) {
      for (const o of options) {
        let sum = s.sum;
        if (overallMin !== undefined && o.score !== null && sum !== Infinity) {
          sum += w * o.score;
          if (meets(finish(sum, k + 1, base), overallMin)) sum = Infinity;
          else if (!meets(finish(sum, k + 1, best), overallMin)) continue;
        }
        const meet = Math.min(need, s.meet + (count && meets(o.score, count.min) ? 1 : 0));
        if (meet + (canMeet[k + 1] ?? 0) < need) continue;
        const state: State = { sum, meet, cost: s.cost + o.cost, count: s.count + o.count, prev: s, option: o, tos: () => tosOf(state) };
        next.push(state);
      }
    }
    states = front(next, need);
  }

  // What is left meets the count (meet = need) and overall_min (sum collapsed to Infinity).
  const done = states.find((s) => s.meet >= need && (overallMin === undefined || s.sum === Infinity));
  if (!done) throw new Error(`pathToLevel: no path found to ${levelId}, though the scale's max reaches it`);
  const tos = done.tos();
  const raises: Raise[] = [];
  [...fw.criteria.values()].forEach((c, i) => {
    const to = tos[i] ?? null;
    const from = raws.get(c.id) ?? null;
    if (to !== null && from !== null) raises.push({ criterion: c.id, from, to });
  });
  return { kind: 'path', level: levelId, raises, cost: raises.reduce((sum, r) => sum + (r.to - r.from), 0) };
}

/**
 * The path to the level above the village's (to the last level when it is at `none`); null at
 * the top level and for `incomplete`. Pure.
 */
export function nextLevelPath(fw: Framework, scores: Scores, classification: Classification): PathResult | null {
  if (classification.level === INCOMPLETE || classification.next === null) return null;
  return pathToLevel(fw, scores, classification.next.id);
}
