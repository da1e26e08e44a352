import type { RuleCheck } from './classify.js';
import type { VillageResult } from './evaluate.js';
import type { PlanAction } from './actions.js';
import { DEFAULT_FIRST_STEPS, firstSteps, type FirstStep } from './first-steps.js';
import { INCOMPLETE, type Framework } from './framework.js';
import { nextLevelPath, type Raise } from './path.js';
import type { CriterionScore, Note, Voice } from './scoring.js';

/**
 * The action plan of one village as data: ids and numbers, no words. `render/plan-view.ts` puts
 * it into a language; every report format draws from that one view.
 */
export interface Plan extends Pick<VillageResult, 'village' | 'municipality' | 'lag' | 'date' | 'period' | 'respondents' | 'respondentNames' | 'sources'> {
  level: { id: string; held: RuleCheck[] };
  next: { id: string; unmet: RuleCheck[]; path: NextPath } | null;
  overall: number | null;
  pillars: PlanPillar[];
  /** Criterion ids, strongest first. */
  strengths: string[];
  /** Criterion ids where respondents disagree. */
  discuss: string[];
  /** Criterion ids still open: nobody answered them, or answered "not applicable". */
  open: string[];
  /** Criterion ids nobody scored and someone answered "don't know": things to find out before the next meeting. */
  findOut: string[];
  /** What to do in the next twelve months, in order. */
  firstSteps: FirstStep[];
  /** Every other recommended action, most important first. */
  later: PlanAction[];
  /** Example ids: those of the criteria that have actions, else all of them. */
  examples: string[];
  /** The level thresholds on the 0–100 score scale, for charts. */
  thresholds: { level: string; score: number }[];
}

/**
 * How to reach the next level: the cheapest raises (docs/formats.md, "The path to the next
 * level"), or why no raise can, or (for an incomplete assessment) the criteria to answer first.
 */
export type NextPath =
  | { kind: 'raise'; raises: Raise[] }
  | { kind: 'unreachable'; blocking: RuleCheck[] }
  | { kind: 'answer'; criteria: string[] };

export interface PlanPillar {
  id: string;
  score: number | null;
  coverage: number;
  scored: number;
  total: number;
  criteria: PlanCriterion[];
}

export interface PlanCriterion {
  id: string;
  pillar: string;
  /** Not scored: `dont-know` when anyone said so (a thing to find out), else `na` when anyone said n/a. */
  status: 'scored' | 'na' | 'dont-know' | 'unanswered';
  raw: number | null;
  score: number | null;
  /** The scale step of the rounded raw score: the label and rubric to show. */
  step: number | null;
  /** The lowest and highest raw score when respondents differ. */
  spread: { min: number; max: number } | null;
  disagree: boolean;
  /** How many respondents gave each score: [score, count] pairs, lowest first. */
  distribution: [number, number][];
  notes: Note[];
  /** Split criteria: each named respondent's score. */
  voices: Voice[];
}

/** A criterion scoring at least this (0–100) is a strength. */
export const STRENGTH_MIN = 75;
export const MAX_STRENGTHS = 8;

/** Builds the action plan of one scored village; `firstSteps` caps the first steps. Pure. */
export function buildPlan(result: VillageResult, opts: { firstSteps?: number } = {}): Plan {
  // A batch asks for each village's plan twice (its plan file, the LAG overview): build it once.
  const key = opts.firstSteps ?? -1;
  let byCount = PLANS.get(result);
  const known = byCount?.get(key);
  if (known) return known;
  const plan = makePlan(result, opts);
  if (!byCount) PLANS.set(result, (byCount = new Map<number, Plan>()));
  byCount.set(key, plan);
  return plan;
}

const PLANS = new WeakMap<VillageResult, Map<number, Plan>>();

function makePlan(result: VillageResult, opts: { firstSteps?: number }): Plan {
  const fw = result.framework;
  const { scores, classification } = result;

  const pillars: PlanPillar[] = fw.pillars.map((p, i) => {
    const ps = scores.pillars[i];
    return {
      id: p.id,
      score: ps?.score ?? null,
      coverage: ps?.coverage ?? 0,
      scored: ps?.scored ?? 0,
      total: ps?.total ?? p.criteria.length,
      criteria: p.criteria.map((c) => criterionPlan(c.id, p.id, scores.criteria.get(c.id))),
    };
  });
  const all = pillars.flatMap((p) => p.criteria);
  const next = nextOf(fw, result, all);
  const steps = firstSteps(fw, result, {
    pathCriteria: next?.path.kind === 'raise' ? next.path.raises.map((r) => r.criterion) : [],
    max: opts.firstSteps ?? DEFAULT_FIRST_STEPS,
  });
  const actionCriteria = [...steps.first.map((s) => s.criterion), ...steps.later.map((a) => a.criterion)];
  const usedExamples = new Set(actionCriteria.flatMap((c) => fw.criteria.get(c)?.examples ?? []));

  return {
    village: result.village,
    municipality: result.municipality,
    lag: result.lag,
    date: result.date,
    period: result.period,
    respondents: result.respondents,
    respondentNames: result.respondentNames,
    sources: result.sources,
    level: { id: classification.level, held: collapseHeld(classification.held) },
    next,
    overall: scores.overall,
    pillars,
    strengths: all
      .filter((c) => c.score !== null && c.score >= STRENGTH_MIN)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      .slice(0, MAX_STRENGTHS)
      .map((c) => c.id),
    discuss: all.filter((c) => c.disagree).map((c) => c.id),
    open: all.filter((c) => c.status === 'na' || c.status === 'unanswered').map((c) => c.id),
    findOut: all.filter((c) => c.status === 'dont-know').map((c) => c.id),
    firstSteps: steps.first,
    later: steps.later,
    examples: (usedExamples.size > 0 ? [...usedExamples] : [...fw.examples.keys()]).filter((id) => fw.examples.has(id)),
    thresholds: thresholds(fw),
  };
}

/** The next level, what it still needs, and the way there. */
function nextOf(fw: Framework, result: VillageResult, all: readonly PlanCriterion[]): Plan['next'] {
  const { classification, scores } = result;
  if (!classification.next) return null;
  const base = { id: classification.next.id, unmet: classification.next.unmet };
  if (classification.level === INCOMPLETE) {
    // Per pillar short of coverage_min: as many of its open criteria, in framework order, as it lacks.
    const criteria = scores.pillars.flatMap((p) => {
      const lacking = Math.ceil(fw.coverageMin * p.total - 1e-9) - p.scored;
      return lacking > 0 ? all.filter((c) => c.pillar === p.id && c.status !== 'scored').slice(0, lacking).map((c) => c.id) : [];
    });
    return { ...base, path: { kind: 'answer', criteria } };
  }
  const path = nextLevelPath(fw, scores, classification);
  if (!path || path.kind === 'path') return { ...base, path: { kind: 'raise', raises: path?.raises ?? [] } };
  return { ...base, path: { kind: 'unreachable', blocking: path.blocking } };
}

function criterionPlan(id: string, pillar: string, s: CriterionScore | undefined): PlanCriterion {
  const raw = s?.raw ?? null;
  return {
    id,
    pillar,
    status: raw !== null ? 'scored' : (s?.dontKnow ?? 0) > 0 ? 'dont-know' : (s?.na ?? 0) > 0 ? 'na' : 'unanswered',
    raw,
    score: s?.score ?? null,
    step: raw === null ? null : Math.round(raw),
    spread: s && s.min !== null && s.max !== null && s.min !== s.max ? { min: s.min, max: s.max } : null,
    disagree: s?.disagree ?? false,
    distribution: s?.distribution ?? [],
    notes: s?.notes ?? [],
    voices: s?.voices ?? [],
  };
}

/**
 * "Every pillar ≥ 65 (lowest now 69.4)" reads better than one line per pillar when the level was
 * reached: the collapsed check carries the lowest pillar score.
 */
function collapseHeld(checks: RuleCheck[]): RuleCheck[] {
  const out: RuleCheck[] = [];
  for (const c of checks) {
    if (c.rule === 'pillar_min') {
      const lowest = checks.filter((x) => x.rule === 'pillar_min' && x.actual !== null).reduce<number | null>((lo, x) => (lo === null || (x.actual as number) < lo ? x.actual : lo), null);
      if (!out.some((o) => o.rule === 'pillar_min')) out.push({ ...c, pillar: '*', actual: lowest });
    } else {
      out.push(c);
    }
  }
  return out;
}

/** Score thresholds a chart can draw: each level's pillar_min, or its pillars_min_count.min. */
function thresholds(fw: Framework): Plan['thresholds'] {
  const out: Plan['thresholds'] = [];
  for (const l of fw.levels) {
    const score = l.rules.pillar_min ?? l.rules.pillars_min_count?.min;
    if (score !== undefined) out.push({ level: l.id, score });
  }
  return out;
}
