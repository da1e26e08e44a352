import type { VillageResult } from './evaluate.js';
import type { Action, Framework } from './framework.js';
import { rankActions, type PlanAction } from './actions.js';

/** Why a step is among the first. */
export type StepReason = 'path' | 'foundation' | 'quick-win' | 'priority';

/** One of the first steps: an action to take, or (where respondents disagree) a talk first. */
export interface FirstStep {
  kind: 'action' | 'discuss';
  /** The action's id; null for a talk. */
  action: string | null;
  criterion: string;
  reason: StepReason;
}

export const DEFAULT_FIRST_STEPS = 5;

/**
 * The first steps for the next twelve months and the rest as "later", chosen by stage rather
 * than by distance to the top of the scale (docs/formats.md, "First steps"):
 * 1. the criteria on the path to the next level, in the path's order;
 * 2. foundations: criteria scoring under 50 whose actions other actions wait for;
 * 3. one quick win (effort low, within a year);
 * 4. then, while there is room, the remaining actions within a year by weight × gap.
 * At most one step per criterion; where respondents disagree the step is to talk it through; an
 * action comes only after the actions it waits for (`after`) that are still to do, which are
 * taken in first when there is room. Pure.
 */
export function firstSteps(
  fw: Framework,
  result: VillageResult,
  opts: { pathCriteria: readonly string[]; max: number },
): { first: FirstStep[]; later: PlanAction[] } {
  const ranked = rankActions(fw, result);
  const open = new Map(ranked.map((a) => [a.id, a]));
  const steps: FirstStep[] = [];
  const taken = new Set<string>();
  const usedCriteria = new Set<string>();
  const room = (): boolean => steps.length < opts.max;

  /** Still to do before `a`: its prerequisites that are recommended and not yet a step. */
  const waitingFor = (a: Action): string[] => a.after.filter((id) => open.has(id) && !taken.has(id));

  /** Takes `id` with the prerequisites it waits for (each for a criterion with no step yet); false when it cannot. */
  const takeAction = (id: string, reason: StepReason, depth = 0): boolean => {
    const a = fw.actions.get(id);
    if (!a || taken.has(id) || usedCriteria.has(a.criterion) || depth > 8) return false;
    const before = waitingFor(a);
    if (steps.length + before.length + 1 > opts.max) return false;
    const mark = steps.length;
    for (const p of before) {
      if (!takeAction(p, reason, depth + 1)) {
        undo(mark);
        return false;
      }
    }
    if (usedCriteria.has(a.criterion) || !room()) {
      undo(mark);
      return false;
    }
    steps.push({ kind: 'action', action: id, criterion: a.criterion, reason });
    taken.add(id);
    usedCriteria.add(a.criterion);
    return true;
  };
  const undo = (mark: number): void => {
    for (const s of steps.splice(mark)) {
      if (s.action) taken.delete(s.action);
      usedCriteria.delete(s.criterion);
    }
  };

  /** The criterion's first recommended action that can be taken now (with what it waits for). */
  const takeCriterion = (criterion: string, reason: StepReason): void => {
    if (usedCriteria.has(criterion) || !room()) return;
    if (result.scores.criteria.get(criterion)?.disagree) {
      steps.push({ kind: 'discuss', action: null, criterion, reason });
      usedCriteria.add(criterion);
      return;
    }
    // rankActions orders one criterion's actions lowest `below` first (they share its priority).
    for (const a of ranked.filter((x) => x.criterion === criterion)) {
      if (takeAction(a.id, reason)) return;
    }
  };

  for (const c of opts.pathCriteria) takeCriterion(c, 'path');

  const awaited = new Set([...fw.actions.values()].flatMap((a) => a.after));
  const foundations = [...fw.criteria.values()]
    .filter((c) => {
      const score = result.scores.criteria.get(c.id)?.score;
      return score !== null && score !== undefined && score < 50 && c.actions.some((a) => awaited.has(a.id) && open.has(a.id));
    })
    .sort((a, b) => (result.scores.criteria.get(a.id)?.raw ?? 0) - (result.scores.criteria.get(b.id)?.raw ?? 0));
  for (const c of foundations) takeCriterion(c.id, 'foundation');

  const quick = ranked.find((a) => {
    const def = fw.actions.get(a.id);
    return def?.effort === 'low' && def.timeframe === 'short' && !usedCriteria.has(a.criterion) && waitingFor(def).length === 0;
  });
  if (quick && !result.scores.criteria.get(quick.criterion)?.disagree) takeAction(quick.id, 'quick-win');

  for (const a of ranked) {
    if (!room()) break;
    if (a.timeframe === 'short' || a.timeframe === null) takeCriterion(a.criterion, 'priority');
  }

  return { first: steps, later: ranked.filter((a) => !taken.has(a.id)) };
}
