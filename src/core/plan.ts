import type { RuleCheck } from './classify.js';
import type { VillageResult } from './evaluate.js';
import { span, type Framework, type Timeframe } from './framework.js';
import type { CriterionScore, Note } from './scoring.js';

/**
 * The action plan of one village as data: ids and numbers, no words. `render/plan-view.ts` puts
 * it into a language; every report format draws from that one view.
 */
export interface Plan extends Pick<VillageResult, 'village' | 'municipality' | 'lag' | 'date' | 'respondents' | 'respondentNames' | 'sources'> {
  level: { id: string; held: RuleCheck[] };
  next: { id: string; unmet: RuleCheck[] } | null;
  overall: number | null;
  pillars: PlanPillar[];
  /** Criterion ids, strongest first. */
  strengths: string[];
  /** Criterion ids where respondents disagree. */
  discuss: string[];
  /** Criterion ids nobody answered. */
  open: string[];
  actions: PlanAction[];
  /** Example ids: those of the criteria that have actions, else all of them. */
  examples: string[];
  /** The level thresholds on the 0–100 score scale, for charts. */
  thresholds: { level: string; score: number }[];
}

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
  status: 'scored' | 'na' | 'unanswered';
  raw: number | null;
  score: number | null;
  /** The scale step of the rounded raw score: the label and rubric to show. */
  step: number | null;
  /** The lowest and highest raw score when respondents differ. */
  spread: { min: number; max: number } | null;
  disagree: boolean;
  notes: Note[];
}

export interface PlanAction {
  rank: number;
  id: string;
  criterion: string;
  pillar: string;
  timeframe: Timeframe | null;
  partners: string[];
  /** weight × gap: pillar weight × criterion weight × (scale.max − raw) / scale width. */
  priority: number;
}

/** A criterion scoring at least this (0–100) is a strength. */
export const STRENGTH_MIN = 75;
export const MAX_STRENGTHS = 8;

/** Builds the action plan of one scored village. Pure. */
export function buildPlan(result: VillageResult): Plan {
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
  const actions = rankActions(fw, result);
  const usedExamples = new Set(actions.flatMap((a) => fw.criteria.get(a.criterion)?.examples ?? []));

  return {
    village: result.village,
    municipality: result.municipality,
    lag: result.lag,
    date: result.date,
    respondents: result.respondents,
    respondentNames: result.respondentNames,
    sources: result.sources,
    level: { id: classification.level, held: collapseHeld(classification.held) },
    next: classification.next,
    overall: scores.overall,
    pillars,
    strengths: all
      .filter((c) => c.score !== null && c.score >= STRENGTH_MIN)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      .slice(0, MAX_STRENGTHS)
      .map((c) => c.id),
    discuss: all.filter((c) => c.disagree).map((c) => c.id),
    open: all.filter((c) => c.status === 'unanswered').map((c) => c.id),
    actions,
    examples: (usedExamples.size > 0 ? [...usedExamples] : [...fw.examples.keys()]).filter((id) => fw.examples.has(id)),
    thresholds: thresholds(fw),
  };
}

function criterionPlan(id: string, pillar: string, s: CriterionScore | undefined): PlanCriterion {
  const raw = s?.raw ?? null;
  return {
    id,
    pillar,
    status: raw !== null ? 'scored' : (s?.na ?? 0) > 0 ? 'na' : 'unanswered',
    raw,
    score: s?.score ?? null,
    step: raw === null ? null : Math.round(raw),
    spread: s && s.min !== null && s.max !== null && s.min !== s.max ? { min: s.min, max: s.max } : null,
    disagree: s?.disagree ?? false,
    notes: s?.notes ?? [],
  };
}

/** "Every pillar ≥ 65" reads better than one line per pillar when the level was reached. */
function collapseHeld(checks: RuleCheck[]): RuleCheck[] {
  const out: RuleCheck[] = [];
  for (const c of checks) {
    if (c.rule === 'pillar_min') {
      if (!out.some((o) => o.rule === 'pillar_min')) out.push({ ...c, pillar: '*' });
    } else {
      out.push(c);
    }
  }
  return out;
}

/**
 * The actions whose `below` is not yet reached, most important first: weight × gap, where the
 * weight is pillar weight × criterion weight and the gap is how far the criterion's raw score is
 * from the top of the scale. Within one criterion the earlier steps (lower `below`) come first.
 */
export function rankActions(fw: Framework, result: VillageResult): PlanAction[] {
  const width = span(fw.scale);
  const found: (PlanAction & { order: number; below: number })[] = [];
  let order = 0;
  for (const p of fw.pillars) {
    for (const c of p.criteria) {
      const raw = result.scores.criteria.get(c.id)?.raw ?? null;
      for (const a of c.actions) {
        order++;
        if (raw === null || raw >= a.below) continue;
        found.push({
          rank: 0,
          id: a.id,
          criterion: c.id,
          pillar: p.id,
          timeframe: a.timeframe,
          partners: [...a.partners],
          priority: (p.weight * c.weight * (fw.scale.max - raw)) / width,
          order,
          below: a.below,
        });
      }
    }
  }
  found.sort((a, b) => b.priority - a.priority || (a.criterion === b.criterion ? a.below - b.below : 0) || a.order - b.order);
  return found.map(({ order: _o, below: _b, ...a }, i) => ({ ...a, rank: i + 1 }));
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
