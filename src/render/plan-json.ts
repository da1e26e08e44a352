import { round1, round1OrNull as r1, round2 } from '../core/round.js';
import type { ActionView, PlanView } from './plan-view.js';
import { progressJson } from './progress-json.js';


const actionJson = (a: ActionView) => ({
  id: a.id,
  criterion: a.criterionId,
  text: a.text,
  timeframe: a.timeframeId,
  effort: a.effortId,
  partners: a.partners,
  funding: a.funding,
  after: a.afterIds,
  done_when: a.doneWhen === '' ? null : a.doneWhen,
});

/**
 * One village's plan as the JSON of `village report --format json` (schema: `village schema
 * plan`, docs/formats.md): ids for what tools match on, texts in the report's language, scores
 * rounded to one decimal.
 */
export function planJson(plan: PlanView): string {
  const doc = {
    format: 'village-kit/plan-report@1',
    village: plan.village,
    municipality: plan.municipality,
    lag: plan.lag,
    date: plan.date,
    period: plan.period,
    respondents: plan.respondents,
    language: plan.lang,
    framework: { id: plan.framework.id, version: plan.framework.version },
    level: { id: plan.level.id, title: plan.level.title },
    overall: r1(plan.overall),
    pillars: plan.pillars.map((p) => ({ id: p.id, title: p.title, score: r1(p.score), coverage: round2(p.coverage) })),
    next_level: plan.next && {
      id: plan.next.id,
      title: plan.next.title,
      unmet: plan.next.unmet,
      kind: plan.next.path.kind,
      path: plan.next.path.raises.map((r) => ({ criterion: r.criterion, from: round1(r.from), to: r.to })),
      answer_first: plan.next.path.kind === 'answer' ? plan.next.path.criteria : [],
    },
    first_steps: plan.firstSteps.map((s) => ({
      kind: s.kind,
      criterion: s.criterionId,
      text: s.text,
      reason: s.reasonId,
      action: s.action && actionJson(s.action),
    })),
    later: plan.later.flatMap((g) => g.timeframes.flatMap((t) => t.actions.map(actionJson))),
    strengths: plan.strengths.map((c) => ({ criterion: c.id, title: c.title, score: r1(c.score) })),
    discuss: plan.discuss.map((c) => ({ criterion: c.id, title: c.title, min: c.spreadMin, max: c.spreadMax, distribution: c.distribution })),
    open: plan.open.map((c) => ({ criterion: c.id, title: c.title, status: c.status })),
    find_out: plan.findOut.map((c) => ({ criterion: c.id, title: c.title, question: c.question })),
    ...progressJson(plan),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
