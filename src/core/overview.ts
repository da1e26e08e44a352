import type { VillageResult } from './evaluate.js';
import { INCOMPLETE, UNPLACED, type Framework } from './framework.js';
import { buildPlan } from './plan.js';
import { levelRank, ranks } from './rank.js';

/**
 * The LAG's overview as data (ids and numbers, no words): what `render/overview-md.ts` and
 * `render/overview-pdf.ts` draw. Built from every village's result; where a village has several
 * periods, its latest one stands for it and the change from the one before is shown. Pure.
 */
export interface Overview {
  framework: Framework;
  /** The periods found, oldest first (empty when results carry none). */
  periods: string[];
  lags: string[];
  villages: number;
  respondents: number;
  /** Villages per level id, in framework order, then `incomplete` and `none` when present. */
  levels: { id: string; count: number }[];
  tooFew: number;
  /** The R.40 count: villages at `strategy.level` or above (latest period, enough answers). */
  strategy: { level: string; count: number; villages: string[] };
  /** One row per village (its latest period), ranked; `rank` null without a score or with too few answers. */
  rows: OverviewRow[];
  /** Criteria by mean score across villages, lowest first: the weakest and strongest ends are shown. */
  criteria: { id: string; mean: number; villages: number }[];
  /** Actions in villages' first steps, most frequent first; partners and funding routes counted over them. */
  actions: { id: string; criterion: string; villages: number }[];
  partners: { id: string; villages: number }[];
  funding: { id: string; villages: number }[];
  /** Criteria on which most villages' respondents are split, most first. */
  disagreements: { id: string; villages: number }[];
}

export interface OverviewRow {
  result: VillageResult;
  rank: number | null;
  /** The village's result in the period before its latest, when there is one. */
  previous: VillageResult | null;
}

export interface OverviewOptions {
  /** The level id from which a village counts as having a strategy (R.40). */
  strategyLevel: string;
  firstSteps?: number;
}

/** The level the R.40 count starts from by default: `transition` when the framework has it, else the one above the last. */
export function defaultStrategyLevel(fw: Framework): string {
  if (fw.levels.some((l) => l.id === 'transition')) return 'transition';
  return fw.levels[Math.max(0, fw.levels.length - 2)]?.id ?? '';
}

const identity = (r: VillageResult): string => `${r.village.toLowerCase()}\u0000${(r.municipality ?? '').toLowerCase()}`;

const countBy = (ids: Iterable<string>): Map<string, number> => {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};

const sortedCounts = (m: Map<string, number>): { id: string; villages: number }[] =>
  [...m.entries()].map(([id, villages]) => ({ id, villages })).sort((a, b) => b.villages - a.villages || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function buildOverview(fw: Framework, results: readonly VillageResult[], opts: OverviewOptions): Overview {
  // The latest period of each village stands for it; the one before gives the change.
  const byVillage = new Map<string, VillageResult[]>();
  for (const r of results) (byVillage.get(identity(r)) ?? byVillage.set(identity(r), []).get(identity(r)))?.push(r);
  const latest: { result: VillageResult; previous: VillageResult | null }[] = [];
  for (const rs of byVillage.values()) {
    const sorted = [...rs].sort((a, b) => ((a.period ?? '') < (b.period ?? '') ? -1 : (a.period ?? '') > (b.period ?? '') ? 1 : 0));
    const last = sorted[sorted.length - 1];
    if (last) latest.push({ result: last, previous: sorted[sorted.length - 2] ?? null });
  }
  const current = latest.map((l) => l.result);
  const rankOf = ranks(current);
  const rows = latest
    .map((l) => ({ ...l, rank: rankOf.get(l.result) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.result.scores.overall ?? -1) - (a.result.scores.overall ?? -1));

  const levelIds = [...fw.levels.map((l) => l.id), INCOMPLETE, UNPLACED];
  const perLevel = countBy(current.map((r) => r.classification.level));
  const strategyRank = levelRank(fw, opts.strategyLevel);
  const withStrategy = current.filter(
    (r) => !r.tooFew && r.classification.level !== INCOMPLETE && r.classification.level !== UNPLACED && levelRank(fw, r.classification.level) <= strategyRank,
  );

  const counted = current.filter((r) => !r.tooFew);
  const criteria = [...fw.criteria.keys()]
    .map((id) => {
      const scores = counted.map((r) => r.scores.criteria.get(id)?.score ?? null).filter((s): s is number => s !== null);
      return { id, mean: scores.length > 0 ? scores.reduce((s, x) => s + x, 0) / scores.length : -1, villages: scores.length };
    })
    .filter((c) => c.villages > 0)
    .sort((a, b) => a.mean - b.mean);

  const stepActions: string[] = [];
  const partners: string[] = [];
  const funding: string[] = [];
  for (const r of counted) {
    const plan = buildPlan(r, opts.firstSteps === undefined ? {} : { firstSteps: opts.firstSteps });
    const ids = new Set(plan.firstSteps.map((s) => s.action).filter((a): a is string => a !== null));
    stepActions.push(...ids);
    partners.push(...new Set([...ids].flatMap((a) => fw.actions.get(a)?.partners ?? [])));
    funding.push(...new Set([...ids].flatMap((a) => fw.actions.get(a)?.funding ?? [])));
  }

  return {
    framework: fw,
    periods: [...new Set(results.map((r) => r.period).filter((p): p is string => p !== null))].sort(),
    lags: [...new Set(current.map((r) => r.lag).filter((l): l is string => l !== null))],
    villages: current.length,
    respondents: current.reduce((s, r) => s + r.respondents, 0),
    levels: levelIds.filter((id) => fw.levels.some((l) => l.id === id) || perLevel.has(id)).map((id) => ({ id, count: perLevel.get(id) ?? 0 })),
    tooFew: current.filter((r) => r.tooFew).length,
    strategy: { level: opts.strategyLevel, count: withStrategy.length, villages: withStrategy.map((r) => r.village) },
    rows,
    criteria,
    actions: sortedCounts(countBy(stepActions)).map((a) => ({ ...a, criterion: fw.actions.get(a.id)?.criterion ?? '' })),
    partners: sortedCounts(countBy(partners)),
    funding: sortedCounts(countBy(funding)),
    disagreements: sortedCounts(countBy(counted.flatMap((r) => [...r.scores.criteria.values()].filter((c) => c.disagree).map((c) => c.id)))),
  };
}
