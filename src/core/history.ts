import type { Response } from './answers.js';
import type { PlanFile, PlanFileAction } from '../schema/plan-file.js';
import { planActions } from './plan-file.js';

/**
 * A village's answers split into assessments: one per calendar year of the answer date (a
 * session's respondents may answer over several days). Undated answers belong to none and are
 * returned apart. Oldest first. Pure.
 */
export function assessmentsByYear(responses: readonly Response[]): { assessments: { year: string; responses: Response[] }[]; undated: Response[] } {
  const years = new Map<string, Response[]>();
  const undated: Response[] = [];
  for (const r of responses) {
    if (r.date === null) {
      undated.push(r);
      continue;
    }
    const y = r.date.slice(0, 4);
    const list = years.get(y);
    if (list) list.push(r);
    else years.set(y, [r]);
  }
  const assessments = [...years.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([year, rs]) => ({ year, responses: rs }));
  return { assessments, undated };
}

export interface DoneInterval {
  /** The date of the assessment the actions followed. */
  from: string;
  /** The date of the next assessment; null after the last one. */
  to: string | null;
  actions: PlanFileAction[];
}

/**
 * The actions marked done in plan files, placed between the assessment each plan was written
 * from and the next assessment after it. Pure.
 */
export function doneBetween(assessmentDates: readonly string[], plans: readonly PlanFile[]): DoneInterval[] {
  const sorted = [...assessmentDates].sort();
  const out: DoneInterval[] = [];
  for (const plan of plans) {
    const from = plan.assessment.date;
    if (!from) continue;
    const done = planActions(plan).filter((x) => x.action.status === 'done').map((x) => x.action);
    if (done.length === 0) continue;
    const to = sorted.find((d) => d > from) ?? null;
    const same = out.find((o) => o.from === from);
    if (same) same.actions.push(...done.filter((a) => !same.actions.some((b) => b.id === a.id)));
    else out.push({ from, to, actions: done });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}
