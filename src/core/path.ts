import { checkRules, meets, type Classification, type RuleCheck, type ScoreView } from './classify.js';
import { INCOMPLETE, span, type Framework, type Rules } from './framework.js';
import { criterionScore, weightedMean, type Scores } from './scoring.js';
import { append } from './limits.js';

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

// The path to a level is the cheapest set of raises (Σ(to − raw), in scale steps) after which every
// rule of the level holds as classify checks it; ties go to fewer raises, then to raising earlier
// criteria, then to lower `to` values in framework order. It is solved exactly, by dynamic
// programming with dominance (a choice is dropped only when another is at least as good on every
// count that matters):
//  1. per pillar, over its criteria in framework order: the front of the choices on (pillar sum ↑;
//     cost, count, tie-break ↓), criteria_min applied; pillar_min then filters the whole choices;
//  2. across pillars, in framework order: the front on (overall sum ↑, pillars that count for
//     pillars_min_count ↑; cost, count, tie-break ↓). A state is dropped when overall_min or the
//     count is out of reach even at max, or when its cost plus a lower bound on the rest (a
//     Lagrangian relaxation of overall_min and the count over the pillars left) exceeds the cost
//     of a known solution (a greedy one, then a narrow beam search); a state that meets
//     overall_min whatever follows has its sum set to Infinity, so that those collapse;
//  3. the best final state is the path.
// Every rule is monotone in the raws, and sums are added in the order scoring.ts adds them, so the
// floating-point values compared are exactly those classify sees. Sums that differ by rounding
// noise only are merged (TOL); when a threshold was decided on a score so close to where its shown
// value changes that the merging could matter (NEAR), the search is done again without merging.
// Worst cases measured (Node 20 on a busy 2-core machine, best of 3 runs): the bundled framework
// (3 × 7 on 0–4), every level for 300 random villages of 1–7 respondents and all-zero to the top
// level: ≤ 15 ms, mostly < 5 ms; 8 pillars × 8 criteria on 1–7 (352 cases: weights 1 or 1–3, means
// of 1, 3 or 7 respondents, every rule kind): ≈ 160 ms at worst, for equal weights and means of 7
// respondents (every raise then gains the same per step, so very many choices tie), mostly < 50 ms.

/** Costs closer than this are equal. */
const EPS = 1e-9;
/** Sums closer than this share of their weights (scores closer than this) may be merged... */
const TOL = 1e-8;
/** ...unless a threshold was decided on a score closer than this to where its shown value changes. */
const NEAR = 1e-6;
/** A state goes when its cost and a lower bound of the rest exceed a known solution's by more than this. */
const SLACK = 1e-6;
/** The states kept at each step of the narrow search that finds a cost to beat. */
const BEAM = 24;

/**
 * A choice of raises for the criteria decided so far, in framework order. `d` has one character
 * per criterion, '0' raised and '1' not, so that comparing strings puts the raises of earlier
 * criteria first; `t` has the raised `to` values (offset from scale.min) and ' ' elsewhere.
 */
interface Choice {
  cost: number;
  count: number;
  d: string;
  t: string;
}

/** Better first: cheaper, then fewer raises, then raising earlier criteria, then lower values. */
function compareChoices(a: Choice, b: Choice): number {
  if (a.cost < b.cost - EPS) return -1;
  if (a.cost > b.cost + EPS) return 1;
  if (a.count !== b.count) return a.count - b.count;
  if (a.d !== b.d) return a.d < b.d ? -1 : 1;
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return 0;
}

/**
 * The Pareto front of `states`, best choice first: a state is dropped when a better or equal
 * choice has at least its sum (less `tol`) and its count of pillars met (0..meetMax).
 */
function front<T extends { sum: number; meet: number }>(states: T[], meetMax: number, tol: number, compare: (a: T, b: T) => number): T[] {
  states.sort(compare);
  const best = new Array<number>(meetMax + 1).fill(-Infinity); // [m]: the largest kept sum with meet ≥ m
  const kept: T[] = [];
  for (const s of states) {
    if ((best[s.meet] ?? -Infinity) >= s.sum - tol) continue;
    kept.push(s);
    for (let m = 0; m <= s.meet; m++) if ((best[m] ?? -Infinity) < s.sum) best[m] = s.sum;
  }
  return kept;
}

/** Set when a threshold was decided on a score within NEAR of where its shown value changes. */
interface Flag {
  close: boolean;
}

/** Where `meets(x, v)` turns true, to within rounding: round1(x) ≥ v from x ≥ (the tenth at or above v) − 0.05. */
const shownEdge = (v: number): number => Math.ceil(v * 10 - 1e-7) / 10 - 0.05;

/** The values the rules read (a ScoreView), open to updates. */
interface View {
  overall: number | null;
  pillars: { id: string; score: number | null }[];
  criteria: Map<string, { raw: number | null }>;
}

/** A pillar's score from the criteria's raw scores, with scoring.ts's own arithmetic. */
function pillarScore(fw: Framework, k: number, raws: ReadonlyMap<string, number | null>): number | null {
  return weightedMean(
    (fw.pillars[k]?.criteria ?? []).map((c) => {
      const raw = raws.get(c.id) ?? null;
      return { weight: c.weight, score: raw === null ? null : criterionScore(fw.scale, raw) };
    }),
  );
}

/** `sum` plus pillar weight × score of the pillars from `k` on that have a score, added up as scoring.ts does. */
function addPillars(fw: Framework, sum: number, k: number, scores: readonly (number | null)[]): number {
  let s = sum;
  for (let j = k; j < fw.pillars.length; j++) {
    const v = scores[j] ?? null;
    if (v !== null) s += (fw.pillars[j]?.weight ?? 0) * v;
  }
  return s;
}

/** The weights of the pillars that have a score. */
const weightOf = (fw: Framework, scores: readonly (number | null)[]): number =>
  fw.pillars.reduce((sum, p, k) => sum + ((scores[k] ?? null) === null ? 0 : p.weight), 0);

/** The values the rules read, from every criterion's raw score, with the arithmetic of scoring.ts. */
function viewOf(fw: Framework, raws: ReadonlyMap<string, number | null>): View {
  const criteria = new Map<string, { raw: number | null }>();
  for (const c of fw.criteria.values()) criteria.set(c.id, { raw: raws.get(c.id) ?? null });
  const pillars = fw.pillars.map((p, k) => ({ id: p.id, score: pillarScore(fw, k, raws) }));
  const scores = pillars.map((p) => p.score);
  const weights = weightOf(fw, scores);
  return { overall: weights > 0 ? addPillars(fw, 0, 0, scores) / weights : null, pillars, criteria };
}

const holds = (rules: Rules, view: ScoreView): boolean => checkRules(rules, view).every((c) => c.held);

/** A feasible solution's cost, for pruning: raise one step at a time where the first failing check points. */
function greedyCost(fw: Framework, raws: ReadonlyMap<string, number | null>, rules: Rules): number {
  const now = new Map(raws);
  // The view of `now`, kept up to date one pillar at a time with the arithmetic of viewOf.
  const view = viewOf(fw, now);
  const raise = (k: number, id: string, to: number): void => {
    now.set(id, to);
    const cell = view.criteria.get(id);
    if (cell) cell.raw = to;
    const pillar = view.pillars[k];
    if (pillar) pillar.score = pillarScore(fw, k, now);
    const scores = view.pillars.map((p) => p.score);
    view.overall = addPillars(fw, 0, 0, scores) / weightOf(fw, scores);
  };
  const up = (id: string): number => Math.floor(now.get(id) ?? fw.scale.max) + 1;
  // Raising never makes a score null, so each pillar's weight of scored criteria stays as it is.
  const scoredWeights = fw.pillars.map((p) => p.criteria.reduce((s, d) => s + (now.get(d.id) === null ? 0 : d.weight), 0));
  /** The raisable criterion of `pillars` that lifts the overall most per step, with its pillar. */
  const bestOf = (pillars: readonly number[]): [number, string] | undefined => {
    let pick: [number, string] | undefined;
    let rate = -Infinity;
    for (const k of pillars) {
      const p = fw.pillars[k];
      if (!p) continue;
      for (const c of p.criteria) {
        if (now.get(c.id) === null || up(c.id) > fw.scale.max) continue;
        const r = (p.weight * c.weight) / (scoredWeights[k] ?? 0);
        if (r > rate) [pick, rate] = [[k, c.id], r];
      }
    }
    return pick;
  };
  const all = fw.pillars.map((_, k) => k);
  const pillarOf = new Map(fw.pillars.flatMap((p, k) => p.criteria.map((c) => [c.id, k] as const)));
  for (;;) {
    const failing = checkRules(rules, view).find((c) => !c.held);
    if (!failing) break;
    let pick: [number, string] | undefined;
    const k = failing.criterion === undefined ? undefined : pillarOf.get(failing.criterion);
    if (failing.criterion !== undefined && k !== undefined && up(failing.criterion) <= fw.scale.max) pick = [k, failing.criterion];
    else if (failing.pillar !== undefined) pick = bestOf([fw.pillars.findIndex((p) => p.id === failing.pillar)]);
    else if (failing.rule === 'pillars_min_count') {
      // The highest pillar below the count's min that can still go up.
      const order = all
        .filter((j) => !meets(view.pillars[j]?.score, failing.min ?? 0) && bestOf([j]) !== undefined)
        .sort((a, b) => (view.pillars[b]?.score ?? -1) - (view.pillars[a]?.score ?? -1));
      pick = bestOf(order.slice(0, 1));
    }
    pick ??= bestOf(all);
    if (pick === undefined) return Infinity; // unreachable; the caller has ruled it out
    raise(pick[0], pick[1], up(pick[1]));
  }
  let cost = 0;
  for (const [id, r] of raws) if (r !== null) cost += (now.get(id) ?? r) - r;
  return cost;
}

/** A pillar's choice as the search across pillars uses it: its score, and whether it counts for pillars_min_count. */
interface PillarOption extends Choice {
  score: number | null;
  counts: boolean;
}

/** A choice within one pillar: Σ criterion weight × criterion score; the pillar's score once complete. */
interface PillarState extends Choice {
  sum: number;
  meet: number;
}

/**
 * The Pareto front of the choices within pillar `k` that cost at most `limit`, with sums equal to
 * within `tol` (a share of the pillar's weight). `floor`: criteria_min.
 */
function pillarOptions(
  fw: Framework,
  k: number,
  raws: ReadonlyMap<string, number | null>,
  floor: ReadonlyMap<string, number>,
  limit: number,
  tol: number,
): PillarOption[] {
  const scale = (fw.pillars[k]?.criteria ?? []).reduce((sum, c) => sum + c.weight, 0);
  let weights = 0;
  let states: PillarState[] = [{ sum: 0, meet: 0, cost: 0, count: 0, d: '', t: '' }];
  for (const c of fw.pillars[k]?.criteria ?? []) {
    const raw = raws.get(c.id) ?? null;
    if (raw === null) {
      for (const s of states) {
        s.d += '1';
        s.t += ' ';
      }
      continue;
    }
    weights += c.weight;
    const needed = floor.get(c.id);
    // One run per value (kept, or raised to `to`), each in the order of `states` (which front
    // sorted): the sort in front then merges a few sorted runs. The choices are those of taking
    // every state with every value whose cost stays within the limit.
    const next: PillarState[] = [];
    if (needed === undefined || meets(raw, needed)) {
      const gain = c.weight * criterionScore(fw.scale, raw);
      for (const s of states) next.push({ sum: s.sum + gain, meet: 0, cost: s.cost, count: s.count, d: s.d + '1', t: s.t + ' ' });
    }
    for (let to = Math.floor(raw) + 1; to <= fw.scale.max; to++) {
      if (needed !== undefined && !meets(to, needed)) continue;
      const step = to - raw;
      const gain = c.weight * criterionScore(fw.scale, to);
      const mark = String.fromCharCode(to - fw.scale.min);
      for (const s of states) {
        const cost = s.cost + step;
        if (cost > limit + EPS) continue;
        next.push({ sum: s.sum + gain, meet: 0, cost, count: s.count + 1, d: s.d + '0', t: s.t + mark });
      }
    }
    states = front(next, 0, tol * scale, compareChoices);
  }
  return states.map((s) => ({ cost: s.cost, count: s.count, d: s.d, t: s.t, score: weights > 0 ? s.sum / weights : null, counts: false }));
}

/** The first pillars decided. */
interface State extends Choice {
  /** Σ pillar weight × pillar score so far; Infinity once overall_min holds whatever follows. */
  sum: number;
  /** Pillars that count for pillars_min_count so far, capped at the count needed. */
  meet: number;
}

/** A state `s` followed by a choice `o` for the next pillar, before its strings are joined. */
interface Candidate {
  sum: number;
  meet: number;
  cost: number;
  count: number;
  s: State;
  o: Choice;
  /** Beaten by a later candidate. */
  out: boolean;
}

/** compareChoices on the joined choices, without joining them: `s` comes first and has the same length. */
function compareParts(a: Candidate, cost: number, count: number, s: State, o: Choice): number {
  if (a.cost < cost - EPS) return -1;
  if (a.cost > cost + EPS) return 1;
  if (a.count !== count) return a.count - count;
  if (a.s.d !== s.d) return a.s.d < s.d ? -1 : 1;
  if (a.o.d !== o.d) return a.o.d < o.d ? -1 : 1;
  if (a.s.t !== s.t) return a.s.t < s.t ? -1 : 1;
  if (a.o.t !== o.t) return a.o.t < o.t ? -1 : 1;
  return 0;
}

const compareCandidates = (a: Candidate, b: Candidate): number => compareParts(a, b.cost, b.count, b.s, b.o);

/** The cheapest raises that make every rule of level `levelId` hold (see the top of this file). Pure. */
export function pathToLevel(fw: Framework, scores: Scores, levelId: string): PathResult {
  const level = fw.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`pathToLevel: framework ${fw.id} has no level ${levelId}`);
  const rules = level.rules;

  const raws = new Map<string, number | null>();
  for (const c of fw.criteria.values()) raws.set(c.id, scores.criteria.get(c.id)?.raw ?? null);
  const now = viewOf(fw, raws);
  if (holds(rules, now)) return { kind: 'path', level: levelId, raises: [], cost: 0 };

  // Raising never hurts, so the level is reachable exactly when it holds with everything at max.
  const top = viewOf(fw, new Map([...raws].map(([id, r]) => [id, r === null ? null : Math.max(r, fw.scale.max)])));
  const blocking = checkRules(rules, top).filter((c) => !c.held);
  if (blocking.length > 0) return { kind: 'unreachable', level: levelId, blocking };

  const P = fw.pillars.length;
  const floor = new Map(Object.entries(rules.criteria_min ?? {}));
  const pillarMin = rules.pillar_min;
  const overallMin = rules.overall_min;
  const count = rules.pillars_min_count;
  const need = count?.count ?? 0;
  const m1 = need + 1;

  const base = now.pillars.map((p) => p.score);
  const best = top.pillars.map((p) => p.score);
  const pw = fw.pillars.map((p) => p.weight);
  const weights = weightOf(fw, base);
  /** [k]: Σ pillar weight × score of the pillars from k on as they are, and all at max. */
  const restBase = new Array<number>(P + 1).fill(0);
  const restBest = new Array<number>(P + 1).fill(0);
  for (let k = P - 1; k >= 0; k--) {
    restBase[k] = (restBase[k + 1] ?? 0) + (pw[k] ?? 0) * (base[k] ?? 0);
    restBest[k] = (restBest[k + 1] ?? 0) + (pw[k] ?? 0) * (best[k] ?? 0);
  }
  /** The overall score from `sum` when the pillars from `k` on have `values`. */
  const finish = (sum: number, k: number, values: readonly (number | null)[]): number => addPillars(fw, sum, k, values) / weights;
  // The overall sum where overall_min starts to hold (to within rounding).
  const edge = overallMin === undefined ? 0 : shownEdge(overallMin) * weights;
  // The costs per unit of overall sum of the criteria's raises (for the lower bound below).
  const lambdas = [0];
  if (overallMin !== undefined) {
    const unit = new Set<number>();
    fw.pillars.forEach((p, j) => {
      const pWeights = p.criteria.reduce((sum, c) => sum + ((raws.get(c.id) ?? null) === null ? 0 : c.weight), 0);
      for (const c of p.criteria) {
        if ((raws.get(c.id) ?? null) !== null) unit.add((pWeights * span(fw.scale)) / ((pw[j] ?? 0) * c.weight * 100));
      }
    });
    append(lambdas, [...unit].sort((x, y) => x - y));
  }
  const L = lambdas.length;

  const decide = (x: number | null, v: number, flag: Flag | null): boolean => {
    if (flag && x !== null && Math.abs(x - shownEdge(v)) < NEAR) flag.close = true;
    return meets(x, v);
  };

  /**
   * The pillars' choices and the lower bound, with sums equal to within `tol` (a share of their
   * weights) merged; `flag` notes decisions that the merging could have changed.
   */
  const prepare = (tol: number, limit: number, flag: Flag | null) => {
    const options = fw.pillars.map((_, k) => {
      const kept = pillarOptions(fw, k, raws, floor, limit, tol).filter((o) => pillarMin === undefined || decide(o.score, pillarMin, flag));
      for (const o of kept) o.counts = count !== undefined && decide(o.score, count.min, flag);
      return kept;
    });
    /** [k]: the pillars from k on that can count for pillars_min_count. */
    const canCount = new Array<number>(P + 1).fill(0);
    for (let k = P - 1; k >= 0; k--) canCount[k] = (canCount[k + 1] ?? 0) + ((options[k] ?? []).some((o) => o.counts) ? 1 : 0);

    // A lower bound on what the pillars from k on must still cost, by Lagrangian relaxation: for any
    // λ ≥ 0, cost ≥ λ·G − Σ_j max_o (λ·gain_j(o) − cost(o)), where G is the overall sum still missing
    // and the max is taken over the counting options for the pillars that must count (those that
    // give up least). λ = 0 gives the cheapest option of every pillar; the other λ are the costs per
    // unit of gain of the criteria, where the relaxation's optimum lies for overall_min alone.
    /** [j][i]: the most λ_i·gain − cost of pillar j's options, and of its counting ones. */
    const h = options.map((opts, j) =>
      lambdas.map((lambda) => {
        let all = -Infinity;
        let counting = -Infinity;
        for (const o of opts) {
          const v = lambda * (pw[j] ?? 0) * ((o.score ?? 0) - (base[j] ?? 0)) - o.cost;
          if (v > all) all = v;
          if (v > counting && o.counts) counting = v;
        }
        return [all, counting] as const;
      }),
    );
    /** [k][i·m1 + m]: the most Σ (λ_i·gain − cost) over the pillars from k on, m of them counting. */
    const H: Float64Array[] = Array.from({ length: P + 1 }, () => new Float64Array(L * m1));
    for (let k = P - 1; k >= 0; k--) {
      const row = H[k];
      if (!row) continue;
      for (let i = 0; i < L; i++) {
        let sum = 0;
        const penalties: number[] = [];
        for (let j = k; j < P; j++) {
          const [all, counting] = h[j]?.[i] ?? [0, -Infinity];
          sum += all;
          penalties.push(all - counting);
        }
        penalties.sort((x, y) => x - y);
        let extra = 0;
        for (let m = 0; m < m1; m++) {
          row[i * m1 + m] = sum - extra;
          extra += penalties[m] ?? Infinity;
        }
      }
    }
    /** The bound for the pillars from k on, `gap` short of the overall sum, `m` pillars short of the count. */
    const lowerBound = (k: number, gap: number, m: number): number => {
      const row = H[k];
      if (!row) return 0;
      const at = (i: number): number => (lambdas[i] ?? 0) * gap - (row[i * m1 + m] ?? 0);
      if (gap <= 0 || L === 1) return at(0);
      // Concave in λ: find its top by bisection.
      let lo = 0;
      let hi = L - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at(mid + 1) > at(mid)) lo = mid + 1;
        else hi = mid;
      }
      return at(lo);
    };
    return { tol, options, canCount, lowerBound };
  };

  /**
   * The DP across pillars, within `limit`; with `beam`, only that many of the states that look
   * cheapest are kept at each step (a quick feasible solution, not necessarily the best).
   */
  const run = (prep: ReturnType<typeof prepare>, limit: number, beam: number, flag: Flag | null): State | null => {
    const { options, canCount, lowerBound } = prep;
    const g = prep.tol * weights;
    /** Whether overall_min holds from `sum` when the pillars from `k` on have `values` (exact near the edge). */
    const reaches = (sum: number, k: number, values: readonly (number | null)[], rest: number): boolean => {
      const margin = sum + rest - edge;
      if (Math.abs(margin) > NEAR * weights) return margin > 0;
      return decide(finish(sum, k, values), overallMin ?? 0, flag);
    };
    const gapOf = (sum: number, k: number): number => (sum === Infinity ? 0 : edge - 1e-6 * weights - (sum + (restBase[k] ?? 0)));

    let states: State[] = [{ sum: 0, meet: 0, cost: 0, count: 0, d: '', t: '' }];
    for (let k = 0; k < P; k++) {
      const w = pw[k] ?? 0;
      const nextBase = restBase[k + 1] ?? 0;
      const nextBest = restBest[k + 1] ?? 0;
      const next: Candidate[] = [];
      const leaders = new Map<number, Candidate>();
      const opts = options[k] ?? [];
      for (const s of states) {
        // The options come with rising sums: skip those that leave overall_min out of reach.
        let first = 0;
        if (overallMin !== undefined && s.sum !== Infinity) {
          let hi = opts.length;
          while (first < hi) {
            const mid = (first + hi) >> 1;
            if (reaches(s.sum + w * (opts[mid]?.score ?? 0), k + 1, best, nextBest)) hi = mid;
            else first = mid + 1;
          }
        }
        // Once a choice settles the overall sum, a later (worse) one needs more pillars counted to matter.
        let settled = -1;
        for (let i = first; i < opts.length; i++) {
          const o = opts[i];
          if (!o) break;
          const cost = s.cost + o.cost;
          // Options come cheapest first (to within EPS): the rest cost more still.
          if (cost > limit + 2 * EPS) break;
          const meet = Math.min(need, s.meet + (o.counts ? 1 : 0));
          if (meet <= settled) continue;
          if (meet + (canCount[k + 1] ?? 0) < need) continue;
          let sum = s.sum;
          if (overallMin !== undefined && o.score !== null && sum !== Infinity) {
            sum += w * o.score;
            if (reaches(sum, k + 1, base, nextBase)) sum = Infinity;
            else if (!reaches(sum, k + 1, best, nextBest)) continue;
          }
          if (cost + lowerBound(k + 1, gapOf(sum, k + 1), need - meet) > limit + SLACK) continue;
          const n = s.count + o.count;
          const settles = overallMin === undefined || sum === Infinity;
          if (settles) settled = meet;
          // Most candidates are beaten outright by the best so far with the same cost and meet.
          const at = Math.round(cost * 1e6) * m1 + meet;
          const leader = leaders.get(at);
          const order = leader ? compareParts(leader, cost, n, s, o) : 1;
          if (!leader || leader.sum < sum - g || order > 0) {
            const c: Candidate = { sum, meet, cost, count: n, s, o, out: false };
            if (leader && sum >= leader.sum && order > 0) leader.out = true;
            if (!leader || leader.out) leaders.set(at, c);
            next.push(c);
          }
          if (settles && meet === need) break;
        }
      }
      states = front(
        next.filter((c) => !c.out),
        need,
        g,
        compareCandidates,
      ).map((c) => ({ sum: c.sum, meet: c.meet, cost: c.cost, count: c.count, d: c.s.d + c.o.d, t: c.s.t + c.o.t }));
      if (states.length > beam) {
        const bound = states.map((s, i) => ({ i, at: s.cost + lowerBound(k + 1, gapOf(s.sum, k + 1), need - s.meet) }));
        const keep = new Set(bound.sort((x, y) => x.at - y.at || x.i - y.i).slice(0, beam).map((x) => x.i));
        states = states.filter((_, i) => keep.has(i));
      }
    }
    return states[0] ?? null;
  };

  /** The raises of a choice, in framework order, if they make the level hold. */
  const raisesOf = (done: Choice | null): Raise[] | null => {
    if (!done) return null;
    const out: Raise[] = [];
    const after = new Map(raws);
    [...fw.criteria.values()].forEach((c, i) => {
      const from = raws.get(c.id) ?? null;
      if (done.d[i] !== '0' || from === null) return;
      const to = fw.scale.min + done.t.charCodeAt(i);
      out.push({ criterion: c.id, from, to });
      after.set(c.id, to);
    });
    return holds(rules, viewOf(fw, after)) ? out : null;
  };
  const costOf = (raises: readonly Raise[]): number => raises.reduce((sum, r) => sum + (r.to - r.from), 0);

  // Every state left at the end meets the count (meet = need) and overall_min (its sum collapsed
  // to Infinity): the first is the best. Sums equal but for rounding noise would make the search
  // keep many states that lead to the same place; merging them is safe unless a decision was that
  // close, and then the search is done again exactly. A greedy solution, then a narrow search,
  // give the costs to beat. (Checking that the result holds is only a safeguard.)
  let limit = greedyCost(fw, raws, rules);
  const flag: Flag = { close: false };
  const merged = prepare(TOL, limit, flag);
  const quick = raisesOf(run(merged, limit, BEAM, null));
  if (quick) limit = Math.min(limit, costOf(quick));
  let raises = raisesOf(run(merged, limit, Infinity, flag));
  if (!raises || flag.close) raises = raisesOf(run(prepare(0, limit, null), limit, Infinity, null));
  if (!raises) throw new Error(`pathToLevel: no path found to ${levelId}, though the scale's max reaches it`);
  return { kind: 'path', level: levelId, raises, cost: costOf(raises) };
}

/**
 * The path to the level above the village's (to the last level when it is at `none`); null at
 * the top level and for `incomplete`. Pure.
 */
export function nextLevelPath(fw: Framework, scores: Scores, classification: Classification): PathResult | null {
  if (classification.level === INCOMPLETE || classification.next === null) return null;
  return pathToLevel(fw, scores, classification.next.id);
}
