import type { RuleCheck } from '../core/classify.js';
import { INCOMPLETE, UNPLACED, translator, type Framework, type Text, type Timeframe } from '../core/framework.js';
import type { VillageResult } from '../core/evaluate.js';
import type { PlanAction } from '../core/actions.js';
import type { FirstStep } from '../core/first-steps.js';
import { buildPlan, type NextPath, type Plan, type PlanCriterion } from '../core/plan.js';
import { round1 } from '../core/round.js';
import { fill, labelsFor, localeOf, uiLangFor, type LabelKey } from '../i18n/messages.js';

/** The action plan in one language: what the Markdown template and the PDF draw. */
export interface PlanView {
  lang: string;
  labels: Record<LabelKey, string>;
  village: string;
  municipality: string | null;
  lag: string | null;
  date: string;
  respondents: number;
  respondentNames: string[];
  sources: string[];
  /** `description` carries the framework's definitions, read aloud at the start. */
  framework: { id: string; version: string; title: string; description: string };
  scale: { min: number; max: number; labels: { step: number; label: string }[] };
  level: { id: string; title: string; description: string; why: string[]; incomplete: boolean };
  next: { id: string; title: string; unmet: string[]; path: PathView } | null;
  overall: number | null;
  overallText: string;
  pillars: PillarView[];
  strengths: CriterionView[];
  discuss: CriterionView[];
  firstSteps: StepView[];
  /** Every other recommended action, by pillar, then by timeframe. */
  later: { pillar: string; timeframes: { timeframe: string; actions: ActionView[] }[] }[];
  open: CriterionView[];
  examples: { id: string; name: string; text: string; url: string | null }[];
  /** The level thresholds on the 0–100 score scale, for charts. */
  thresholds: { level: string; title: string; score: number }[];
}

export interface PillarView {
  id: string;
  title: string;
  description: string;
  score: number | null;
  scoreText: string;
  coverage: number;
  coverageText: string;
  criteria: CriterionView[];
}

export interface CriterionView {
  id: string;
  pillar: string;
  title: string;
  question: string;
  status: PlanCriterion['status'];
  raw: number | null;
  rawText: string;
  score: number | null;
  scoreText: string;
  /** The scale label of the (rounded) raw score. */
  label: string;
  /** What the (rounded) raw score means for this criterion, from its rubric. */
  rubric: string;
  spread: string;
  spreadMin: number | null;
  spreadMax: number | null;
  disagree: boolean;
  notes: { text: string; respondent: string | null }[];
}

export interface ActionView {
  id: string;
  text: string;
  criterion: string;
  criterionId: string;
  pillar: string;
  timeframe: string;
  timeframeId: string | null;
  effort: string;
  effortId: string | null;
  partners: string[];
  funding: string[];
  /** The texts of the actions this one comes after that are still to do (recommended). */
  after: string[];
  afterIds: string[];
  doneWhen: string;
}

export interface StepView {
  number: number;
  kind: 'action' | 'discuss';
  /** The action, or null for a talk. */
  action: ActionView | null;
  /** What to do, in one sentence: the action's text or the invitation to talk it through. */
  text: string;
  criterion: string;
  criterionId: string;
  reason: string;
  reasonId: string;
  /** The action's details, empty for a talk (templates need no null checks). */
  effort: string;
  partners: string[];
  funding: string[];
  after: string[];
  doneWhen: string;
}

/** The way to the next level in words, with its data. */
export interface PathView {
  kind: 'raise' | 'unreachable' | 'answer';
  /** "The way to Lighthouse candidate", or "What to answer first". */
  heading: string;
  intro: string;
  /** One line per raise ("raise Replicability from 1 to 3 (Established)") or per criterion to answer. */
  lines: string[];
  raises: { criterion: string; from: number; to: number }[];
  criteria: string[];
}

/**
 * Puts a plan into `lang` (a framework language; the kit's own words come from the catalogue of
 * the nearest UI language). `today` stands in when the answers carry no date.
 */
export function planView(plan: Plan, fw: Framework, lang: string, today: string): PlanView {
  const ui = uiLangFor(lang);
  const labels = labelsFor(ui);
  const t = translator(fw, lang);
  const locale = localeOf(ui);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fmt = (x: number | null): string => (x === null ? '—' : num.format(round1(x)));

  const criterionView = (c: PlanCriterion): CriterionView => {
    const def = fw.criteria.get(c.id);
    return {
      id: c.id,
      pillar: t(fw.pillars.find((p) => p.id === c.pillar)?.title),
      title: t(def?.title),
      question: t(def?.question),
      status: c.status,
      raw: c.raw,
      rawText: fmt(c.raw),
      score: c.score,
      scoreText: c.raw === null ? labels[c.status === 'na' ? 'report.na' : 'report.unanswered'] : fmt(c.score),
      label: c.step === null ? '' : t(fw.scale.labels.get(c.step)),
      rubric: c.step === null ? '' : t(def?.levels.get(c.step)),
      spread: c.spread ? `${c.spread.min}–${c.spread.max}` : '',
      spreadMin: c.spread?.min ?? null,
      spreadMax: c.spread?.max ?? null,
      disagree: c.disagree,
      notes: c.notes.map((n) => ({ text: n.text, respondent: n.respondent })),
    };
  };
  const pillars: PillarView[] = plan.pillars.map((p) => {
    const def = fw.pillars.find((x) => x.id === p.id);
    return {
      id: p.id,
      title: t(def?.title),
      description: t(def?.description),
      score: p.score,
      scoreText: fmt(p.score),
      coverage: p.coverage,
      coverageText: `${p.scored}/${p.total}`,
      criteria: p.criteria.map(criterionView),
    };
  });

  const byId = new Map(pillars.flatMap((p) => p.criteria).map((c) => [c.id, c]));
  const byCriterion = (id: string): CriterionView | undefined => byId.get(id);
  const timeframeLabel = (tf: Timeframe | null): string => labels[tf ? (`timeframe.${tf}` as const) : 'timeframe.none'];
  const criteria = (ids: string[]): CriterionView[] => ids.map((id) => byId.get(id)).filter((c) => c !== undefined);

  const levelTitle = (id: string): string => {
    if (id === INCOMPLETE) return labels['level.incomplete'];
    if (id === UNPLACED) return labels['level.none'];
    return t(fw.levels.find((x) => x.id === id)?.title) || id;
  };
  const describe = (c: RuleCheck): string => describeCheck(c, labels, fmt, pct, fw, t);

  const stillToDo = new Set([...plan.firstSteps.flatMap((s) => (s.action ? [s.action] : [])), ...plan.later.map((a) => a.id)]);
  const actionView = (id: string): ActionView | null => {
    const a = fw.actions.get(id);
    if (!a) return null;
    return {
      id,
      text: t(a.text),
      criterion: byCriterion(a.criterion)?.title ?? '',
      criterionId: a.criterion,
      pillar: byCriterion(a.criterion)?.pillar ?? '',
      timeframe: timeframeLabel(a.timeframe),
      timeframeId: a.timeframe,
      effort: a.effort ? labels[`effort.${a.effort}`] : '',
      effortId: a.effort,
      partners: a.partners.map((p) => t(fw.partners.get(p)?.name) || p),
      funding: a.funding.map((f) => t(fw.funding.get(f)?.name) || f),
      after: a.after.filter((x) => stillToDo.has(x)).map((x) => t(fw.actions.get(x)?.text) || x),
      afterIds: a.after.filter((x) => stillToDo.has(x)),
      doneWhen: t(a.doneWhen),
    };
  };
  const stepView = (s: FirstStep, number: number): StepView => {
    const action = s.action === null ? null : actionView(s.action);
    const criterion = byCriterion(s.criterion);
    return {
      number,
      kind: s.kind,
      action,
      text: action?.text ?? fill(labels['report.discussFirst'], { criterion: criterion?.title ?? s.criterion, spread: criterion?.spread ?? '' }),
      criterion: criterion?.title ?? s.criterion,
      criterionId: s.criterion,
      reason: labels[`reason.${s.reason}`],
      reasonId: s.reason,
      effort: action?.effort ?? '',
      partners: action?.partners ?? [],
      funding: action?.funding ?? [],
      after: action?.after ?? [],
      doneWhen: action?.doneWhen ?? '',
    };
  };
  const laterView = (later: readonly PlanAction[]): PlanView['later'] =>
    fw.pillars
      .map((p) => ({
        pillar: t(p.title),
        timeframes: (['short', 'medium', 'long', null] as const)
          .map((tf) => ({
            timeframe: timeframeLabel(tf),
            actions: later.filter((a) => a.pillar === p.id && a.timeframe === tf).flatMap((a) => actionView(a.id) ?? []),
          }))
          .filter((g) => g.actions.length > 0),
      }))
      .filter((g) => g.timeframes.length > 0);
  const pathView = (path: NextPath, level: string, why: (c: RuleCheck) => string): PathView => {
    switch (path.kind) {
      case 'raise':
        return {
          kind: 'raise',
          heading: fill(labels['report.path'], { level }),
          intro: labels['report.pathIntro'],
          lines: path.raises.map((r) =>
            fill(labels['report.pathRaise'], {
              criterion: byCriterion(r.criterion)?.title ?? r.criterion,
              from: fmt(r.from),
              to: r.to,
              label: t(fw.scale.labels.get(r.to)),
            }),
          ),
          raises: path.raises.map((r) => ({ criterion: r.criterion, from: r.from, to: r.to })),
          criteria: path.raises.map((r) => r.criterion),
        };
      case 'unreachable':
        return {
          kind: 'unreachable',
          heading: fill(labels['report.path'], { level }),
          intro: fill(labels['report.pathUnreachable'], { level, reasons: path.blocking.map(why).join('; ') }),
          lines: [],
          raises: [],
          criteria: [],
        };
      case 'answer':
        return {
          kind: 'answer',
          heading: labels['report.answerFirst'],
          intro: labels['report.answerFirstIntro'],
          lines: path.criteria.map((id) => {
            const c = byCriterion(id);
            return c ? `${c.title} (${c.pillar}): ${c.question}` : id;
          }),
          raises: [],
          criteria: [...path.criteria],
        };
    }
  };
  const levelId = plan.level.id;
  const levelDescription =
    levelId === INCOMPLETE
      ? labels['level.incompleteDescription']
      : levelId === UNPLACED
        ? labels['level.noneDescription']
        : t(fw.levels.find((l) => l.id === levelId)?.description);

  return {
    lang,
    labels,
    village: plan.village,
    municipality: plan.municipality,
    lag: plan.lag,
    date: plan.date ?? today,
    respondents: plan.respondents,
    respondentNames: plan.respondentNames,
    sources: plan.sources,
    framework: { id: fw.id, version: fw.version, title: t(fw.title), description: t(fw.description) },
    scale: {
      min: fw.scale.min,
      max: fw.scale.max,
      labels: [...fw.scale.labels.entries()].sort((a, b) => a[0] - b[0]).map(([step, l]) => ({ step, label: t(l) })),
    },
    level: {
      id: levelId,
      title: levelTitle(levelId),
      description: levelDescription,
      why: plan.level.held.length > 0 ? plan.level.held.map(describe) : levelId === INCOMPLETE ? [] : [labels['report.levelAlways']],
      incomplete: levelId === INCOMPLETE,
    },
    next: plan.next
      ? {
          id: plan.next.id,
          title: levelTitle(plan.next.id),
          unmet: plan.next.unmet.map(describe),
          path: pathView(plan.next.path, levelTitle(plan.next.id), describe),
        }
      : null,
    overall: plan.overall,
    overallText: fmt(plan.overall),
    pillars,
    strengths: criteria(plan.strengths),
    discuss: criteria(plan.discuss),
    firstSteps: plan.firstSteps.map((s, i) => stepView(s, i + 1)),
    later: laterView(plan.later),
    open: criteria(plan.open),
    examples: plan.examples.flatMap((id) => {
      const e = fw.examples.get(id);
      return e ? [{ id: e.id, name: t(e.name), text: t(e.text), url: e.url }] : [];
    }),
    thresholds: plan.thresholds.map((x) => ({ ...x, title: levelTitle(x.level) })),
  };
}

function describeCheck(
  c: RuleCheck,
  labels: Record<LabelKey, string>,
  fmt: (x: number | null) => string,
  pct: Intl.NumberFormat,
  fw: Framework,
  t: (x: Text | null | undefined) => string,
): string {
  const pillar = t(fw.pillars.find((p) => p.id === c.pillar)?.title);
  const criterion = c.criterion ? t(fw.criteria.get(c.criterion)?.title) : '';
  switch (c.rule) {
    case 'overall_min':
      return fill(labels['rule.overall_min'], { needed: fmt(c.needed), actual: fmt(c.actual) });
    case 'pillar_min':
      return c.pillar === '*'
        ? fill(labels['rule.pillar_min.held'], { needed: fmt(c.needed) })
        : fill(labels['rule.pillar_min'], { pillar, needed: fmt(c.needed), actual: fmt(c.actual) });
    case 'pillars_min_count':
      return fill(labels['rule.pillars_min_count'], { needed: c.needed, min: fmt(c.min ?? 0), actual: c.actual ?? 0 });
    case 'criteria_min':
      return fill(labels['rule.criteria_min'], { criterion, needed: fmt(c.needed), actual: fmt(c.actual) });
    case 'coverage_min':
      return fill(labels['rule.coverage_min'], { pillar, needed: pct.format(c.needed), actual: pct.format(c.actual ?? 0) });
  }
}

/** The plan of a scored village, in `lang`. */
export const villagePlanView = (result: VillageResult, lang: string, today: string, opts: { firstSteps?: number } = {}): PlanView =>
  planView(buildPlan(result, opts), result.framework, lang, today);
