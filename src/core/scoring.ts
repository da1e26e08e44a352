import type { Response, Score } from './answers.js';
import { span, type Framework, type Scale } from './framework.js';
import { maxOf, minOf } from './limits.js';

export interface Note {
  text: string;
  source: string;
  respondent: string | null;
  /** This respondent's answer to the criterion the note belongs to. */
  score: Score;
}

export interface CriterionScore {
  id: string;
  /** Mean raw score over the respondents who scored it; null when none did. */
  raw: number | null;
  /** (raw − scale.min) / (scale.max − scale.min) × 100. */
  score: number | null;
  min: number | null;
  max: number | null;
  /** Respondents who gave a score. */
  n: number;
  /** Respondents who said not applicable. */
  na: number;
  /** Respondents who said they don't know: not scored, like n/a; the plan lists it as something to find out. */
  dontKnow: number;
  notes: Note[];
  /** Respondents are split (4.2): a quarter of them at each end, half the scale or more apart. */
  disagree: boolean;
  /** How many respondents gave each score, lowest score first: [score, count] pairs. */
  distribution: [number, number][];
}

export interface PillarScore {
  id: string;
  /** Weighted mean of the scored criteria's scores; null when none is scored. */
  score: number | null;
  /** Scored criteria / criteria in the pillar. */
  coverage: number;
  scored: number;
  total: number;
}

export interface Scores {
  overall: number | null;
  pillars: PillarScore[];
  criteria: ReadonlyMap<string, CriterionScore>;
}

/**
 * Scores one village's responses against a framework, exactly as docs/formats.md says: criterion
 * scores from the mean raw score, weighted pillar means over scored criteria, a weighted
 * overall mean over scored pillars. n/a, don't know and unanswered criteria are left out. Pure; no rounding.
 */
export function scoreResponses(framework: Framework, responses: readonly Response[]): Scores {
  const width = span(framework.scale);
  const criteria = new Map<string, CriterionScore>();

  for (const c of framework.criteria.values()) {
    const raws: number[] = [];
    const notes: Note[] = [];
    let na = 0;
    let dontKnow = 0;
    for (const r of responses) {
      const a = r.answers.get(c.id);
      if (!a) continue;
      if (typeof a.score === 'number') raws.push(a.score);
      else if (a.score === 'n/a') na++;
      else if (a.score === 'dont-know') dontKnow++;
      if (a.note) notes.push({ text: a.note, source: r.source, respondent: r.respondent, score: a.score });
    }
    const raw = raws.length > 0 ? raws.reduce((s, x) => s + x, 0) / raws.length : null;
    const lo = raws.length > 0 ? minOf(raws) : null;
    const hi = raws.length > 0 ? maxOf(raws) : null;
    criteria.set(c.id, {
      id: c.id,
      raw,
      score: raw === null ? null : criterionScore(framework.scale, raw),
      min: lo,
      max: hi,
      n: raws.length,
      na,
      dontKnow,
      notes,
      disagree: split(raws, width),
      distribution: distributionOf(raws),
    });
  }

  const pillars = framework.pillars.map((p): PillarScore => {
    const scores = p.criteria.map((c) => ({ weight: c.weight, score: criteria.get(c.id)?.score ?? null }));
    const scored = scores.filter((s) => s.score !== null).length;
    const total = p.criteria.length;
    return { id: p.id, score: weightedMean(scores), coverage: scored / total, scored, total };
  });
  const overall = weightedMean(framework.pillars.map((p, i) => ({ weight: p.weight, score: pillars[i]?.score ?? null })));
  return { overall, pillars, criteria };
}

/**
 * Respondents are split on a criterion when at least a quarter of them (⌈n/4⌉, at least one) sit
 * at each end and the two ends are half the scale or more apart: the ⌈n/4⌉-th lowest and the
 * ⌈n/4⌉-th highest score differ by ≥ width / 2. With 2–4 respondents that is max − min; with ten,
 * one outlier is not enough.
 */
export function split(raws: readonly number[], width: number): boolean {
  const n = raws.length;
  if (n < 2) return false;
  const sorted = [...raws].sort((a, b) => a - b);
  const k = Math.ceil(n / 4);
  return (sorted[n - k] ?? 0) - (sorted[k - 1] ?? 0) >= width / 2;
}

/** [score, count] pairs, lowest score first. */
export function distributionOf(raws: readonly number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const x of raws) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** A raw score on the 0–100 scale: (raw − scale.min) / (scale.max − scale.min) × 100. */
export const criterionScore = (scale: Scale, raw: number): number => ((raw - scale.min) / span(scale)) * 100;

/**
 * Σ(weight × score) / Σ(weight) over the items that have a score, summed in order (so every caller
 * gets the same floating-point result); null when none has.
 */
export function weightedMean(items: readonly { weight: number; score: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, score } of items) {
    if (score === null) continue;
    sum += weight * score;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}
