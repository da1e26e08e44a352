import { criterionIndex, eachAnswer, type CriterionIndex, type Response, type Score } from './answers.js';
import { span, type Framework, type Scale } from './framework.js';
import { fromCharCodes } from './limits.js';

export interface Note {
  text: string;
  source: string;
  respondent: string | null;
  /** This respondent's answer to the criterion the note belongs to. */
  score: Score;
}

/** One named respondent's score on a criterion the respondents are split on: who said what. */
export interface Voice {
  respondent: string;
  score: number;
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
  /** When they are split (and asked for): each named respondent's score, in answer order. */
  voices: Voice[];
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
export function scoreResponses(framework: Framework, responses: readonly Response[], opts: { voices?: boolean } = {}): Scores {
  const width = span(framework.scale);
  const index = criterionIndex(framework);
  // Whole numbers: the sum of the raw scores, not their mean (the mean is the sum ÷ n when read).
  const nums: number[] = new Array<number>(index.ids.length * FIELDS).fill(0);
  const dists: [number, number][][] = [];
  let noted: (Note[] | null)[] | null = null;

  // One pass over the answer sets, then one sort of each criterion's scores.
  const raws: number[][] = index.ids.map(() => []);
  // Who gave each raw score, in the same order (only when the voices of split criteria are wanted).
  const who: (string | null)[][] | null = opts.voices ? index.ids.map(() => []) : null;
  let voiced: (Voice[] | null)[] | null = null;
  const na = new Array<number>(index.ids.length).fill(0);
  const dontKnow = new Array<number>(index.ids.length).fill(0);
  // One function for every answer of every set (a batch scores a million answers): no closure made per set.
  let r = responses[0] as Response;
  const take = (i: number, score: Score, note: string | null): void => {
    if (typeof score === 'number') {
      raws[i]?.push(score);
      who?.[i]?.push(r.respondent);
    } else if (score === 'n/a') na[i] = (na[i] ?? 0) + 1;
    else if (score === 'dont-know') dontKnow[i] = (dontKnow[i] ?? 0) + 1;
    if (note) {
      const list = ((noted ??= new Array<Note[] | null>(index.ids.length).fill(null))[i] ??= []);
      list.push({ text: note, source: r.source, respondent: r.respondent, score });
    }
  };
  for (const each of responses) {
    r = each;
    eachAnswer(r.answers, index, take);
  }
  raws.forEach((xs, i) => {
    const at = i * FIELDS;
    let sum = 0;
    for (const x of xs) sum += x;
    // Who said what, in answer order (the scores before they are sorted), for a split criterion.
    const named = who?.[i];
    const inOrder = named ? xs.slice() : null;
    sortScores(xs, framework.scale.min, framework.scale.max);
    nums[at] = sum;
    nums[at + 1] = xs[0] ?? 0;
    nums[at + 2] = xs[xs.length - 1] ?? 0;
    nums[at + 3] = xs.length;
    nums[at + 4] = na[i] ?? 0;
    nums[at + 5] = dontKnow[i] ?? 0;
    nums[at + 6] = splitSorted(xs, width) ? 1 : 0;
    if (nums[at + 6] === 1 && named && inOrder) {
      const voices = inOrder.flatMap((score, k) => (named[k] ? [{ respondent: named[k], score }] : []));
      if (voices.length > 0) (voiced ??= new Array<Voice[] | null>(index.ids.length).fill(null))[i] = voices;
    }
    dists.push(distributionSorted(xs));
  });
  const criteria = new CriterionScores(index, framework.scale, compactNumbers(nums), dists, noted, voiced);

  const pillars = framework.pillars.map((p): PillarScore => {
    const scores = p.criteria.map((c) => ({ weight: c.weight, score: criteria.get(c.id)?.score ?? null }));
    const scored = scores.filter((x) => x.score !== null).length;
    const total = p.criteria.length;
    return { id: p.id, score: weightedMean(scores), coverage: scored / total, scored, total };
  });
  const overall = weightedMean(framework.pillars.map((p, i) => ({ weight: p.weight, score: pillars[i]?.score ?? null })));
  return { overall, pillars, criteria };
}

/**
 * Sorts raw scores in place, lowest first. Whole scores on a scale of up to 1,000 steps are counted,
 * not compared (a batch sorts a few hundred thousand short lists); others are sorted as numbers.
 */
function sortScores(xs: number[], min: number, max: number): void {
  const steps = max - min;
  if (steps > 1000 || !xs.every((x) => Number.isInteger(x) && x >= min && x <= max)) {
    xs.sort((x, y) => x - y);
    return;
  }
  if (COUNTS.length <= steps) COUNTS = new Int32Array(steps + 1);
  for (const x of xs) COUNTS[x - min] = (COUNTS[x - min] ?? 0) + 1;
  let k = 0;
  for (let v = 0; v <= steps; v++) {
    for (let c = COUNTS[v] ?? 0; c > 0; c--) xs[k++] = v + min;
    COUNTS[v] = 0;
  }
}
let COUNTS = new Int32Array(16);

/** sum of the raw scores, min, max, n, na, dontKnow, disagree: the numbers of one criterion's score. */
const FIELDS = 7;

/**
 * Whole numbers from 0 to 65,535 kept as the character codes of a string: for the few hundred
 * small numbers of a village's scores, the smallest container V8 has (a typed array costs about
 * 300 bytes more). Other numbers stay in a Float64Array.
 */
type Numbers = string | Float64Array;
function compactNumbers(xs: readonly number[]): Numbers {
  return xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? fromCharCodes(xs) : Float64Array.from(xs);
}
const numberAt = (xs: Numbers, i: number): number => (typeof xs === 'string' ? xs.charCodeAt(i) : (xs[i] as number));

/**
 * The criterion scores of one village, read like a Map in the framework's criterion order. A
 * batch keeps every village's scores, so they are stored as whole numbers (`compactNumbers`) and each
 * `CriterionScore` is made when it is read (about a quarter of the memory of the objects).
 */
class CriterionScores implements ReadonlyMap<string, CriterionScore> {
  constructor(
    private readonly index: CriterionIndex,
    private readonly scale: Scale,
    private readonly nums: Numbers,
    private readonly dists: readonly [number, number][][],
    private readonly noted: readonly (Note[] | null)[] | null,
    private readonly voiced: readonly (Voice[] | null)[] | null,
  ) {}

  private at(i: number): CriterionScore {
    const o = i * FIELDS;
    const n = (k: number): number => numberAt(this.nums, o + k);
    const count = n(3);
    const raw = count > 0 ? n(0) / count : null;
    return {
      id: this.index.ids[i] as string,
      raw,
      score: raw === null ? null : criterionScore(this.scale, raw),
      min: count > 0 ? n(1) : null,
      max: count > 0 ? n(2) : null,
      n: count,
      na: n(4),
      dontKnow: n(5),
      notes: this.noted?.[i] ?? NO_NOTES,
      disagree: n(6) === 1,
      distribution: this.dists[i] ?? [],
      voices: this.voiced?.[i] ?? NO_VOICES,
    };
  }

  get(id: string): CriterionScore | undefined {
    const i = this.index.at.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.index.at.has(id);
  }

  get size(): number {
    return this.index.ids.length;
  }

  *entries(): MapIterator<[string, CriterionScore]> {
    for (let i = 0; i < this.index.ids.length; i++) yield [this.index.ids[i] as string, this.at(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.index.ids;
  }

  *values(): MapIterator<CriterionScore> {
    for (let i = 0; i < this.index.ids.length; i++) yield this.at(i);
  }

  [Symbol.iterator](): MapIterator<[string, CriterionScore]> {
    return this.entries();
  }

  forEach(fn: (value: CriterionScore, key: string, map: ReadonlyMap<string, CriterionScore>) => void): void {
    for (const [id, c] of this.entries()) fn(c, id, this);
  }
}

/**
 * Respondents are split on a criterion when at least a quarter of them (⌈n/4⌉, at least one) sit
 * at each end and the two ends are half the scale or more apart: the ⌈n/4⌉-th lowest and the
 * ⌈n/4⌉-th highest score differ by ≥ width / 2. With 2–4 respondents that is max − min; with ten,
 * one outlier is not enough.
 */
export const split = (raws: readonly number[], width: number): boolean => splitSorted([...raws].sort((a, b) => a - b), width);

function splitSorted(sorted: readonly number[], width: number): boolean {
  const n = sorted.length;
  if (n < 2) return false;
  const k = Math.ceil(n / 4);
  return (sorted[n - k] ?? 0) - (sorted[k - 1] ?? 0) >= width / 2;
}

/** [score, count] pairs, lowest score first. */
export const distributionOf = (raws: readonly number[]): [number, number][] => distributionSorted([...raws].sort((a, b) => a - b));

function distributionSorted(sorted: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  let key = '';
  for (let i = 0; i < sorted.length; ) {
    const score = sorted[i] as number;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === score) j++;
    pairs.push([score, j - i]);
    key += `${score}:${j - i};`;
    i = j;
  }
  let shared = DISTRIBUTIONS.get(key);
  if (!shared) {
    shared = Object.freeze(pairs.map((p) => Object.freeze(p))) as [number, number][];
    if (DISTRIBUTIONS.size < 10_000) DISTRIBUTIONS.set(key, shared);
  }
  return shared;
}

// A batch keeps the scores of every village: the empty note list and the common [score, count]
// distributions are shared (and frozen, as nothing changes them) instead of made anew for each criterion.
const NO_NOTES: Note[] = Object.freeze([]) as unknown as Note[];
const NO_VOICES: Voice[] = Object.freeze([]) as unknown as Voice[];
const DISTRIBUTIONS = new Map<string, [number, number][]>();

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
