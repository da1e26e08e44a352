import { round1OrNull as r1, round2 } from '../core/round.js';
import type { ScoreDelta } from '../core/progress.js';
import type { PlanView } from './plan-view.js';

const r2 = (x: number | null): number | null => (x === null ? null : round2(x));
const delta = (d: ScoreDelta) => ({ then: r1(d.then), now: r1(d.now), delta: r1(d.delta), comparable: d.comparable });

/** The `previous` and `change` keys of `report --format json` (docs/formats.md 5.6): null without --previous. */
export function progressJson(plan: PlanView): { previous: unknown; change: unknown } {
  const p = plan.progress?.data;
  if (!p) return { previous: null, change: null };
  const sentences = new Map((plan.progress?.actions ?? []).map((a) => [a.id, a.sentence]));
  return {
    previous: {
      date: p.then.date,
      framework: p.then.framework,
      level: p.then.level,
      overall: r1(p.then.overall),
      pillars: [...p.then.pillars.entries()].map(([id, score]) => ({ id, score: r1(score) })),
    },
    change: {
      level: p.level,
      overall: delta(p.overall),
      pillars: p.pillars.map((x) => ({ id: x.id, ...delta(x) })),
      criteria: p.criteria.map((c) => ({
        criterion: c.id,
        then: r2(c.then),
        now: r2(c.now),
        then_step: c.thenStep,
        now_step: c.nowStep,
        delta: r2(c.delta),
        change: c.change,
      })),
      newly_answered: p.newlyAnswered,
      framework_changed: p.frameworkChanged,
      added: p.added,
      removed: p.removed,
      actions:
        p.actions?.map((a) => ({
          id: a.id,
          criterion: a.criterion,
          status: a.status,
          owner: a.owner,
          due: a.due,
          known: a.known,
          change: a.criterionChange?.change ?? null,
          text: sentences.get(a.id) ?? '',
        })) ?? null,
    },
  };
}
