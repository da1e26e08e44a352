import type { PlanFile, PlanFileAction } from '../schema/plan-file.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import type { VillageResult } from './evaluate.js';
import type { Framework } from './framework.js';
import { villageKey } from './group.js';

/** A month as `due` takes it: YYYY-MM. */
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The id of a talk step (respondents disagree): not an action of the framework. */
export const DISCUSS_PREFIX = 'discuss:';
export const discussId = (criterion: string): string => `${DISCUSS_PREFIX}${criterion}`;

/** The two lists of a plan file, in file order. */
export const PLAN_LISTS = ['first_steps', 'later'] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every action of a plan file with where it is: list and index. */
export function planActions(file: PlanFile): { list: PlanList; index: number; action: PlanFileAction }[] {
  return PLAN_LISTS.flatMap((list) => (file[list] ?? []).map((action, index) => ({ list, index, action })));
}

/** Whether a plan action still exists in the framework (an action id, or a talk about a criterion). */
export function actionKnown(fw: Framework, a: { id: string; criterion: string }): boolean {
  if (a.id.startsWith(DISCUSS_PREFIX)) return fw.criteria.has(a.id.slice(DISCUSS_PREFIX.length));
  return fw.actions.get(a.id)?.criterion === a.criterion;
}

/**
 * The checks of a plan file that a schema cannot make (docs/formats.md, "Plan file"): the
 * framework and (when given) the village it belongs to, `due` a month, ids once each; actions
 * no longer in the framework are a warning (they are kept). Tolerates data that failed the
 * schema. Pure.
 */
export function checkPlanFile(data: unknown, fw: Framework, village?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isObject(data)) return out;
  const framework = isObject(data.framework) ? data.framework.id : undefined;
  if (typeof framework === 'string' && framework !== fw.id) {
    out.push(error('plan.frameworkMismatch', { framework, expected: fw.id }, ['framework', 'id']));
    return out;
  }
  if (village !== undefined && typeof data.village === 'string' && villageKey(data.village) !== villageKey(village)) {
    out.push(error('plan.villageMismatch', { village: data.village, expected: village }, ['village']));
  }
  const seen = new Map<string, string>();
  for (const list of PLAN_LISTS) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (!isObject(item)) return;
      const due = item.due;
      if (due !== undefined && due !== null && due !== '' && !(typeof due === 'string' && MONTH.test(due))) {
        out.push(error('plan.badDue', { value: typeof due === 'string' || typeof due === 'number' ? String(due) : JSON.stringify(due) }, [list, i, 'due']));
      }
      if (typeof item.id !== 'string' || typeof item.criterion !== 'string') return;
      if (seen.has(item.id)) {
        out.push(error('plan.duplicateAction', { id: item.id }, [list, i, 'id']));
      } else {
        seen.set(item.id, list);
      }
      if (!actionKnown(fw, { id: item.id, criterion: item.criterion })) {
        out.push(warning('plan.actionGone', { id: item.id }, [list, i, 'id']));
      }
    });
  }
  return out;
}

/** One assessment as the comparison reads it: from answers scored now, or from a plan file. */
export interface Snapshot {
  village: string;
  date: string | null;
  framework: { id: string; version: string };
  level: string;
  overall: number | null;
  respondents: number | null;
  /** Pillar id → score (0–100). */
  pillars: ReadonlyMap<string, number | null>;
  /** Every criterion of the framework it was scored with → its mean raw score, null when not scored. */
  criteria: ReadonlyMap<string, number | null>;
}

/** The snapshot of a village scored with `result.framework`. Pure. */
export function snapshotOf(result: VillageResult): Snapshot {
  const fw = result.framework;
  return {
    village: result.village,
    date: result.date,
    framework: { id: fw.id, version: fw.version },
    level: result.classification.level,
    overall: result.scores.overall,
    respondents: result.respondents,
    pillars: new Map(result.scores.pillars.map((p) => [p.id, p.score])),
    criteria: new Map([...fw.criteria.keys()].map((id) => [id, result.scores.criteria.get(id)?.raw ?? null])),
  };
}

/** The snapshot a plan file carries: the assessment it was written from. Pure. */
export function snapshotOfPlan(file: PlanFile): Snapshot {
  const a = file.assessment;
  return {
    village: file.village,
    date: a.date ?? null,
    framework: { id: file.framework.id, version: file.framework.version },
    level: a.level,
    overall: a.overall ?? null,
    respondents: a.respondents ?? null,
    pillars: new Map(Object.entries(a.pillars).map(([k, v]) => [k, v ?? null])),
    criteria: new Map(Object.entries(a.criteria).map(([k, v]) => [k, v ?? null])),
  };
}

/** The action ids a plan file already holds, so `village plan --update` adds only the others. */
export const plannedIds = (file: PlanFile): Set<string> => new Set(planActions(file).map((x) => x.action.id));
