import { fill, labelsFor, uiLangFor, type LabelKey } from '../i18n/messages.js';
import type { RuleCheck } from './classify.js';
import type { VillageResult } from './evaluate.js';
import { INCOMPLETE, UNPLACED, span, translator, type Criterion, type Framework, type Text } from './framework.js';
import type { CriterionScore } from './scoring.js';

/** The action plan as plain data in one language: what every report renderer draws. */
export interface Plan {
  lang: string;
  labels: Record<LabelKey, string>;
  village: string;
  municipality: string | null;
  lag: string | null;
  date: string;
  respondents: number;
  respondentNames: string[];
  sources: string[];
  framework: { id: string; version: string; title: string };
  scale: { min: number; max: number; labels: { step: number; label: string }[] };
  level: { id: string; title: string; description: string; why: string[]; incomplete: boolean };
  next: { id: string; title: string; unmet: string[] } | null;
  overall: number | null;
  overallText: string;
  pillars: PlanPillar[];
  strengths: PlanCriterion[];
  discuss: PlanCriterion[];
  actions: PlanAction[];
  open: PlanCriterion[];
  examples: { id: string; name: string; text: string; url: string | null }[];
  /** The level thresholds on the 0–100 score scale, for charts: `{ level, score }`. */
  thresholds: { level: string; title: string; score: number }[];
}

export interface PlanPillar {
  id: string;
  title: string;
  description: string;
  score: number | null;
  scoreText: string;
  coverage: number;
  coverageText: string;
  criteria: PlanCriterion[];
}

export interface PlanCriterion {
  id: string;
  pillar: string;
  title: string;
  question: string;
  status: 'scored' | 'na' | 'unanswered';
  raw: number | null;
  rawText: string;
  score: number | null;
  scoreText: string;
  /** The scale label of the (rounded) raw score. */
  label: string;
  /** What the (rounded) raw score means for this criterion, from its rubric. */
  rubric: string;
  spread: string;
  disagree: boolean;
  notes: { text: string; respondent: string | null }[];
}

export interface PlanAction {
  rank: number;
  id: string;
  text: string;
  criterion: string;
  pillar: string;
  timeframe: string;
  partners: string[];
  /** weight × gap: pillar weight × criterion weight × (scale.max − raw) / scale width. */
  priority: number;
}

const STRENGTH_MIN = 75;
const MAX_STRENGTHS = 8;

/**
 * Builds the action plan of one scored village in `lang` (a framework language; the kit's
 * labels are Latvian or English). `today` is the date used when the answers carry none. Pure.
 */
export function buildPlan(result: VillageResult, lang: string, today: string): Plan {
  const fw = result.framework;
  const ui = uiLangFor(lang);
  const labels = labelsFor(ui);
  const t = translator(fw, lang);
  const num = new Intl.NumberFormat(ui === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: 1 });
  const fmt = (x: number | null): string => (x === null ? '—' : num.format(round1(x)));
  const pct = new Intl.NumberFormat(ui === 'lv' ? 'lv-LV' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const { scores, classification } = result;

  const criterionPlan = (c: Criterion, s: CriterionScore | undefined): PlanCriterion => {
    const raw = s?.raw ?? null;
    const step = raw === null ? null : Math.round(raw);
    const status = raw !== null ? 'scored' : (s?.na ?? 0) > 0 ? 'na' : 'unanswered';
    return {
      id: c.id,
      pillar: t(fw.pillars.find((p) => p.id === c.pillarId)?.title),
      title: t(c.title),
      question: t(c.question),
      status,
      raw,
      rawText: fmt(raw),
      score: s?.score ?? null,
      scoreText: raw === null ? labels[status === 'na' ? 'report.na' : 'report.unanswered'] : fmt(s?.score ?? null),
      label: step === null ? '' : t(fw.scale.labels.get(step)),
      rubric: step === null ? '' : t(c.levels.get(step)),
      spread: s && s.min !== null && s.max !== null && s.min !== s.max ? `${s.min}–${s.max}` : '',
      disagree: s?.disagree ?? false,
      notes: (s?.notes ?? []).map((n) => ({ text: n.text, respondent: n.respondent })),
    };
  };

  const pillars: PlanPillar[] = fw.pillars.map((p, i) => {
    const ps = scores.pillars[i];
    return {
      id: p.id,
      title: t(p.title),
      description: t(p.description),
      score: ps?.score ?? null,
      scoreText: fmt(ps?.score ?? null),
      coverage: ps?.coverage ?? 0,
      coverageText: `${ps?.scored ?? 0}/${ps?.total ?? p.criteria.length}`,
      criteria: p.criteria.map((c) => criterionPlan(c, scores.criteria.get(c.id))),
    };
  });
  const all = pillars.flatMap((p) => p.criteria);

  const levelTitle = (id: string): string => {
    if (id === INCOMPLETE) return labels['level.incomplete'];
    if (id === UNPLACED) return labels['level.none'];
    const l = fw.levels.find((x) => x.id === id);
    return t(l?.title) || id;
  };
  const level = fw.levels.find((l) => l.id === classification.level);
  const describe = (c: RuleCheck): string => describeCheck(c, labels, fmt, pct, fw, t);
  const held = collapseHeld(classification.held);

  const actions = planActions(fw, result, t, labels);
  const usedExamples = new Set(
    actions.flatMap((a) => fw.criteria.get(a.criterionId)?.examples ?? []),
  );
  const exampleIds = usedExamples.size > 0 ? [...usedExamples] : [...fw.examples.keys()];

  return {
    lang,
    labels,
    village: result.village,
    municipality: result.municipality,
    lag: result.lag,
    date: result.date ?? today,
    respondents: result.respondents,
    respondentNames: result.respondentNames,
    sources: result.sources,
    framework: { id: fw.id, version: fw.version, title: t(fw.title) },
    scale: {
      min: fw.scale.min,
      max: fw.scale.max,
      labels: [...fw.scale.labels.entries()].sort((a, b) => a[0] - b[0]).map(([step, l]) => ({ step, label: t(l) })),
    },
    level: {
      id: classification.level,
      title: levelTitle(classification.level),
      description:
        classification.level === INCOMPLETE
          ? labels['level.incompleteDescription']
          : classification.level === UNPLACED
            ? labels['level.noneDescription']
            : t(level?.description),
      why: held.length > 0 ? held.map(describe) : classification.level === INCOMPLETE ? [] : [labels['report.levelAlways']],
      incomplete: classification.level === INCOMPLETE,
    },
    next: classification.next
      ? { id: classification.next.id, title: levelTitle(classification.next.id), unmet: classification.next.unmet.map(describe) }
      : null,
    overall: scores.overall,
    overallText: fmt(scores.overall),
    pillars,
    strengths: all
      .filter((c) => c.score !== null && c.score >= STRENGTH_MIN)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      .slice(0, MAX_STRENGTHS),
    discuss: all.filter((c) => c.disagree),
    actions: actions.map(({ criterionId: _unused, ...a }) => a),
    open: all.filter((c) => c.status === 'unanswered'),
    examples: exampleIds
      .map((id) => fw.examples.get(id))
      .filter((e) => e !== undefined)
      .map((e) => ({ id: e.id, name: t(e.name), text: t(e.text), url: e.url })),
    thresholds: thresholds(fw, levelTitle),
  };
}

export const round1 = (x: number): number => Math.round((x + Number.EPSILON) * 10) / 10;

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

/**
 * The actions whose `below` is not yet reached, most important first: weight × gap, where the
 * weight is pillar weight × criterion weight and the gap is how far the criterion's raw score is
 * from the top of the scale. Within one criterion the earlier steps (lower `below`) come first.
 */
function planActions(
  fw: Framework,
  result: VillageResult,
  t: (x: Text | null | undefined) => string,
  labels: Record<LabelKey, string>,
): (PlanAction & { criterionId: string })[] {
  const width = span(fw.scale);
  const found: (PlanAction & { criterionId: string; order: number; below: number })[] = [];
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
          text: t(a.text),
          criterion: t(c.title),
          criterionId: c.id,
          pillar: t(p.title),
          timeframe: labels[a.timeframe ? (`timeframe.${a.timeframe}` as const) : 'timeframe.none'],
          partners: a.partners.map((id) => t(fw.partners.get(id)?.name) || id),
          priority: (p.weight * c.weight * (fw.scale.max - raw)) / width,
          order,
          below: a.below,
        });
      }
    }
  }
  found.sort((a, b) => b.priority - a.priority || (a.criterionId === b.criterionId ? a.below - b.below : 0) || a.order - b.order);
  return found.map(({ order: _o, below: _b, ...a }, i) => ({ ...a, rank: i + 1 }));
}

/** Score thresholds a chart can draw: each level's pillar_min, or its pillars_min_count.min. */
function thresholds(fw: Framework, title: (id: string) => string): Plan['thresholds'] {
  const out: Plan['thresholds'] = [];
  for (const l of fw.levels) {
    const score = l.rules.pillar_min ?? l.rules.pillars_min_count?.min;
    if (score !== undefined) out.push({ level: l.id, title: title(l.id), score });
  }
  return out;
}
