import type { PlanFile, PlanStatus } from '../schema/plan-file.js';
import type { Framework } from './framework.js';
import { actionKnown, planActions, type PlanList, type Snapshot } from './plan-file.js';
import { criterionScore, weightedMean } from './scoring.js';

/** How one criterion moved from one assessment to the next, by scale step (the rubric that describes it). */
export type CriterionChange = 'up' | 'down' | 'same' | 'newly-answered' | 'no-longer-answered' | 'unanswered';

export interface CriterionDelta {
  id: string;
  pillar: string;
  then: number | null;
  now: number | null;
  /** The scale steps (rounded raw means) whose rubric texts describe then and now. */
  thenStep: number | null;
  nowStep: number | null;
  /** now − then on the raw scale; null when either is not scored. */
  delta: number | null;
  change: CriterionChange;
}

export interface ScoreDelta {
  then: number | null;
  now: number | null;
  delta: number | null;
  /** False when then and now were computed over different criteria: the numbers are shown, never subtracted. */
  comparable: boolean;
}

export interface PillarDelta extends ScoreDelta {
  id: string;
  /** When not comparable: both scores recomputed over the criteria both assessments share (with today's weights). */
  shared: (ScoreDelta & { count: number }) | null;
}

export interface ActionProgress {
  id: string;
  criterion: string;
  list: PlanList;
  text: string;
  status: PlanStatus;
  owner: string;
  due: string;
  note: string;
  /** False when the action (or its criterion) is no longer in the criteria: listed, kept, never dropped. */
  known: boolean;
  /** What its criterion did; null when the criterion is not in both assessments. */
  criterionChange: CriterionDelta | null;
}

/** What changed between two assessments of one village (docs/formats.md, "Progress"). */
export interface Progress {
  then: Snapshot;
  now: Snapshot;
  /** The framework's version differs, or criteria were added or removed. */
  frameworkChanged: boolean;
  /** Criteria in the framework now that the earlier assessment did not have; and the other way round. */
  added: string[];
  removed: string[];
  level: { then: string; now: string; changed: boolean };
  overall: ScoreDelta;
  pillars: PillarDelta[];
  /** The criteria both assessments share, in today's framework order. */
  criteria: CriterionDelta[];
  /** Shared criteria unanswered then and scored now. */
  newlyAnswered: string[];
  /** With a plan file: each of its actions, with its status beside its criterion's change. */
  actions: ActionProgress[] | null;
}

const pillarOf = (criterion: string): string => criterion.slice(0, criterion.indexOf('.'));
const step = (raw: number | null): number | null => (raw === null ? null : Math.round(raw));
const minus = (now: number | null, then: number | null): number | null => (now === null || then === null ? null : now - then);

function changeOf(then: number | null, now: number | null): CriterionChange {
  if (then === null) return now === null ? 'unanswered' : 'newly-answered';
  if (now === null) return 'no-longer-answered';
  // By scale step (the rubric text that describes it): a tenth up or down is no change of answer.
  const d = Math.round(now) - Math.round(then);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

/** True when assessment `a` is dated after `b` (undated assessments are never "after"). */
export const isAfter = (a: Snapshot, b: Snapshot): boolean => a.date !== null && b.date !== null && a.date > b.date;

/**
 * Compares an earlier assessment with today's, scored with `fw` (today's framework). Only the
 * criteria both share are compared; a pillar or overall score computed over different criteria
 * is marked not comparable, and the pillar is recomputed over its shared criteria. Pure.
 */
export function compareAssessments(then: Snapshot, now: Snapshot, fw: Framework, plan?: PlanFile): Progress {
  const thenIds = new Set(then.criteria.keys());
  const nowIds = [...now.criteria.keys()];
  const added = nowIds.filter((id) => !thenIds.has(id));
  const removed = [...thenIds].filter((id) => !now.criteria.has(id));
  const criteria: CriterionDelta[] = nowIds
    .filter((id) => thenIds.has(id))
    .map((id) => {
      const t = then.criteria.get(id) ?? null;
      const n = now.criteria.get(id) ?? null;
      return { id, pillar: pillarOf(id), then: t, now: n, thenStep: step(t), nowStep: step(n), delta: minus(n, t), change: changeOf(t, n) };
    });
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const differs = (pillar: string | null): boolean =>
    [...added, ...removed].some((id) => pillar === null || pillarOf(id) === pillar);

  const pillars: PillarDelta[] = fw.pillars.map((p) => {
    const t = then.pillars.get(p.id) ?? null;
    const n = now.pillars.get(p.id) ?? null;
    const comparable = !differs(p.id) && then.pillars.has(p.id);
    let shared: PillarDelta['shared'] = null;
    if (!comparable) {
      const common = p.criteria.filter((c) => byId.has(c.id));
      const mean = (which: 'then' | 'now'): number | null =>
        weightedMean(common.map((c) => {
          const raw = byId.get(c.id)?.[which] ?? null;
          return { weight: c.weight, score: raw === null ? null : criterionScore(fw.scale, raw) };
        }));
      if (common.length > 0) {
        const st = mean('then');
        const sn = mean('now');
        shared = { then: st, now: sn, delta: minus(sn, st), comparable: true, count: common.length };
      }
    }
    return { id: p.id, then: t, now: n, delta: comparable ? minus(n, t) : null, comparable, shared };
  });
  const overallComparable = !differs(null);

  const actions = plan ? planProgress(plan, fw).map((a) => ({ ...a, criterionChange: byId.get(a.criterion) ?? null })) : null;

  return {
    then,
    now,
    frameworkChanged: then.framework.version !== now.framework.version || added.length > 0 || removed.length > 0,
    added,
    removed,
    level: { then: then.level, now: now.level, changed: then.level !== now.level },
    overall: { then: then.overall, now: now.overall, delta: overallComparable ? minus(now.overall, then.overall) : null, comparable: overallComparable },
    pillars,
    criteria,
    newlyAnswered: criteria.filter((c) => c.change === 'newly-answered').map((c) => c.id),
    actions,
  };
}

/** A plan file's actions without a comparison (`village report --plan` alone): statuses, owners and dates. */
export function planProgress(plan: PlanFile, fw: Framework): ActionProgress[] {
  return planActions(plan).map(({ list, action: a }) => ({
    id: a.id,
    criterion: a.criterion,
    list,
    text: a.text ?? '',
    status: a.status,
    owner: a.owner ?? '',
    due: a.due === null || a.due === undefined ? '' : String(a.due),
    note: a.note ?? '',
    known: actionKnown(fw, a),
    criterionChange: null,
  }));
}
