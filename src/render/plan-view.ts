import type { RuleCheck } from '../core/classify.js';
import { INCOMPLETE, UNPLACED, translator, type Framework, type Text, type Timeframe } from '../core/framework.js';
import type { VillageResult } from '../core/evaluate.js';
import type { PlanAction } from '../core/actions.js';
import type { FirstStep } from '../core/first-steps.js';
import { buildPlan, STRENGTH_MIN, type NextPath, type Plan, type PlanCriterion } from '../core/plan.js';
import { round1 } from '../core/round.js';
import type { PlanFileView, ProgressView } from './progress-view.js';
import { fill, labelsFor, localeOf, uiLangFor, type LabelKey } from '../i18n/messages.js';

/** The action plan in one language: what the Markdown template and the PDF draw. */
export interface PlanView {
  lang: string;
  labels: Record<LabelKey, string>;
  village: string;
  municipality: string | null;
  lag: string | null;
  date: string;
  period: string | null;
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
  /** Criteria nobody could answer ("don't know"): to find out before the next meeting. */
  findOut: CriterionView[];
  examples: { id: string; name: string; text: string; url: string | null }[];
  /** The level thresholds on the 0–100 score scale, for charts; `meaning` says what the line asks ("Village in transition: 2 of 3 criteria 50+"). */
  thresholds: { level: string; title: string; score: number; meaning: string }[];
  // #17 printed plan
  /** The date in words ("2026. gada 14. marts", "14 March 2026"). */
  dateText: string;
  /** The overall score as a whole number (the community's report; decimals stay in LAG output). */
  overallWhole: string;
  /** The overall score rests on an incomplete assessment. */
  provisional: boolean;
  /** The levels from the first to the top, with the community's own marked. */
  journey: { id: string; title: string; current: boolean }[];
  /** Up to three strengths, one per pillar where possible, in the community's own words (a note) when it has one. */
  highlights: { title: string; pillar: string; quote: string; own: boolean; respondent: string | null; scoreText: string }[];
  /** How many questions score as a strength (the list `strengths` may show fewer). */
  strengthsTotal: number;
  /** What changed since the earlier assessment (`report --previous`), else null. */
  progress: ProgressView | null;
  /** The community's plan file: owners, dates, statuses (`report --plan`), else null. */
  planFile: PlanFileView | null;
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
  /** How many respondents gave each score: "0×1, 2×3, 3×4" (score×count). */
  distribution: string;
  /** Each respondent's note with that respondent's own answer (`scoreText`: "3", "n/a", "—"). */
  notes: { text: string; respondent: string | null; scoreText: string }[];
  /** Respondents split on it: who gave which score ("Anna: 0", "Jānis: 4"), in answer order. */
  voices: { respondent: string; scoreText: string }[];
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
  const { num, pct } = formatsOf(locale);
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
      scoreText: c.raw === null ? labels[c.status === 'na' ? 'report.na' : c.status === 'dont-know' ? 'report.dontKnow' : 'report.unanswered'] : fmt(c.score),
      label: c.step === null ? '' : t(fw.scale.labels.get(c.step)),
      rubric: c.step === null ? '' : t(def?.levels.get(c.step)),
      spread: c.spread ? `${c.spread.min}–${c.spread.max}` : '',
      spreadMin: c.spread?.min ?? null,
      spreadMax: c.spread?.max ?? null,
      disagree: c.disagree,
      distribution: c.distribution.map(([score, n]) => `${score}×${n}`).join(', '),
      notes: c.notes.map((n) => ({
        text: n.text,
        // One answer set (a mentor's session): its name is at the top, not before every note.
        respondent: plan.respondents === 1 ? null : n.respondent,
        scoreText: typeof n.score === 'number' ? num.format(n.score) : n.score === 'n/a' ? labels['report.na'] : '—',
      })),
      voices: c.disagree ? c.voices.map((v) => ({ respondent: v.respondent, scoreText: num.format(v.score) })) : [],
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
      text: action?.text ?? fill(labels['report.discussFirst'], { criterion: criterion?.title ?? s.criterion, spread: criterion?.distribution || criterion?.spread || '' }),
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
    period: plan.period,
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
    findOut: criteria(plan.findOut),
    examples: plan.examples.flatMap((id) => {
      const e = fw.examples.get(id);
      return e ? [{ id: e.id, name: t(e.name), text: t(e.text), url: e.url }] : [];
    }),
    thresholds: plan.thresholds.map((x) => {
      const rules = fw.levels.find((l) => l.id === x.level)?.rules;
      const count = rules?.pillar_min === undefined ? rules?.pillars_min_count?.count : undefined;
      const title = levelTitle(x.level);
      return {
        ...x,
        title,
        meaning:
          count === undefined
            ? fill(labels['report.thresholdEvery'], { level: title, score: x.score })
            : fill(labels['report.thresholdCount'], { level: title, score: x.score, count, total: fw.pillars.length }),
      };
    }),
    dateText: dateText(plan.date ?? today, locale),
    overallWhole: plan.overall === null ? '—' : String(Math.round(plan.overall)),
    provisional: levelId === INCOMPLETE,
    journey: [...fw.levels].reverse().map((l) => ({ id: l.id, title: levelTitle(l.id), current: l.id === levelId })),
    highlights: highlights(pillars),
    strengthsTotal: pillars.flatMap((p) => p.criteria).filter((c) => c.score !== null && c.score >= STRENGTH_MIN).length,
    progress: null,
    planFile: null,
  };
}

/** The number formats of a locale, made once: a batch puts thousands of plans into one language. */
const FORMATS = new Map<string, { num: Intl.NumberFormat; pct: Intl.NumberFormat; date: Intl.DateTimeFormat; dates: Map<string, string> }>();
function formatsOf(locale: string): { num: Intl.NumberFormat; pct: Intl.NumberFormat; date: Intl.DateTimeFormat; dates: Map<string, string> } {
  let f = FORMATS.get(locale);
  if (!f) {
    f = {
      num: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      pct: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
      dates: new Map(),
    };
    FORMATS.set(locale, f);
  }
  return f;
}

/** "2026-03-14" in words; the ISO date itself when it is not a date. */
function dateText(iso: string, locale: string): string {
  const f = formatsOf(locale);
  const known = f.dates.get(iso);
  if (known !== undefined) return known;
  const d = new Date(`${iso}T12:00:00Z`);
  const text = Number.isNaN(d.getTime()) ? iso : f.date.format(d);
  if (f.dates.size < 10_000) f.dates.set(iso, text);
  return text;
}

const QUOTE_MAX = 100;

/**
 * Three things to build on for page 1: the strongest questions (75+, else the best scored above
 * zero), one pillar at a time, those with a note first, quoted in the community's own words.
 */
function highlights(pillars: readonly PillarView[]): PlanView['highlights'] {
  const all = pillars.flatMap((p) => p.criteria).filter((c) => c.score !== null && c.score > 0);
  const strong = all.filter((c) => (c.score ?? 0) >= STRENGTH_MIN);
  const pool = (strong.length >= 3 ? strong : all)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.notes.length > 0) - Number(a.c.notes.length > 0) || (b.c.score ?? 0) - (a.c.score ?? 0) || a.i - b.i)
    .map((x) => x.c);
  const picked: CriterionView[] = [];
  const used = new Set<string>();
  // One per pillar first, then fill up.
  for (const c of pool) {
    if (picked.length < 3 && !used.has(c.pillar)) {
      picked.push(c);
      used.add(c.pillar);
    }
  }
  for (const c of pool) if (picked.length < 3 && !picked.includes(c)) picked.push(c);
  return picked.map((c) => {
    const note = [...c.notes].sort((a, b) => Number(b.scoreText) - Number(a.scoreText) || 0)[0];
    const text = note?.text ?? (c.rubric || c.label);
    const chars = Array.from(text);
    return {
      title: c.title,
      pillar: c.pillar,
      quote: chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('').replace(/\s+\S*$/, '')} …` : text,
      own: note !== undefined,
      respondent: note?.respondent ?? null,
      scoreText: c.scoreText,
    };
  });
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
        ? fill(labels['rule.pillar_min.held'], { needed: fmt(c.needed), actual: fmt(c.actual) })
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
