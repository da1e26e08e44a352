import { FULL_ID_PATTERN, type AnswersFile, type AnswerValue } from '../schema/answers.js';
import { error, type Diagnostic } from './diagnostic.js';
import type { Framework } from './framework.js';
import { fromCharCodes, MAX_DIAGNOSTICS_PER_CODE } from './limits.js';
import { suggest } from './suggest.js';

/** One criterion's answer: a raw score, not applicable, don't know, or unanswered (null). */
export type Score = number | 'n/a' | 'dont-know' | null;

export interface Answer {
  readonly score: Score;
  readonly note: string | null;
}

/** One respondent's (or one session's) answers, from a YAML file or a CSV row. */
export interface Response {
  /** Where it came from: a file path, or `file.csv:LINE` for a CSV row. */
  source: string;
  framework: string;
  village: string;
  municipality: string | null;
  lag: string | null;
  respondent: string | null;
  date: string | null;
  language: string | null;
  answers: ReadonlyMap<string, Answer>;
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const plainAnswers = new Map<Score, Answer>();

/**
 * The answer for a score without a note. Answers are never mutated, so one object per score is
 * shared: a batch of ten thousand files makes two hundred thousand of them.
 */
export function plainAnswer(score: Score): Answer {
  // A Map sees -0 and 0 as one key: without this, the first `-0` read would be cached and given back for every 0.
  if (score === 0) score = 0;
  let a = plainAnswers.get(score);
  if (!a) {
    a = Object.freeze({ score, note: null });
    plainAnswers.set(score, a);
  }
  return a;
}

/** How text in an answers file is read (scores and dates written as a CSV cell would be). */
export interface TextReader {
  score: (value: string, id: string) => Score | undefined;
  date: (value: string) => string | undefined;
}

const asScore = (v: number | string | null | undefined, id: string, read?: TextReader): Score => {
  if (typeof v !== 'string' || v === 'n/a') return v ?? null;
  return read?.score(v, id) ?? null;
};

export function normaliseAnswer(value: AnswerValue, id = '', read?: TextReader): Answer {
  if (value !== null && typeof value === 'object') {
    const note = typeof value.note === 'string' && value.note.trim() !== '' ? value.note.trim() : null;
    return { score: asScore(value.score, id, read), note };
  }
  return plainAnswer(asScore(value, id, read));
}

const FULL_ID = new RegExp(FULL_ID_PATTERN);

const blankToNull = (s: string | null | undefined): string | null => (s == null || s.trim() === '' ? null : s.trim());

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The checks of an answers file against a framework that a schema cannot make (docs/formats.md):
 * the framework id, real dates, known criterion ids, scores on the scale. Tolerates data that
 * failed the schema (checks what it can), so one run reports every problem. Pure.
 */
export function checkAnswers(data: unknown, framework: Framework): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isObject(data)) return diagnostics;
  if (typeof data.framework === 'string' && data.framework !== framework.id) {
    diagnostics.push(error('ans.frameworkMismatch', { framework: data.framework, expected: framework.id }, ['framework']));
    return diagnostics;
  }
  if (typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.date) && !isRealDate(data.date)) {
    diagnostics.push(error('ans.badDate', { date: data.date }, ['date']));
  }
  if (!isObject(data.answers)) return diagnostics;
  const { min, max } = framework.scale;
  let unknown = 0;
  for (const [id, value] of Object.entries(data.answers)) {
    if (!framework.criteria.has(id)) {
      if (FULL_ID.test(id)) {
        // Only the first ones are shown (capDiagnostics): no edit distances for the rest.
        const suggestion = unknown++ < MAX_DIAGNOSTICS_PER_CODE ? suggest(id, framework.criteria.keys()) : undefined;
        diagnostics.push(error('ans.unknownCriterion', { id, suggestion }, ['answers', id], 'key'));
      }
      continue;
    }
    const nested = isObject(value);
    const score = nested ? value.score : value;
    if (Number.isInteger(score) && ((score as number) < min || (score as number) > max)) {
      diagnostics.push(error('ans.scoreOutOfRange', { score: score as number, min, max }, nested ? ['answers', id, 'score'] : ['answers', id]));
    }
  }
  return diagnostics;
}

/** Makes a Response of an answers file that passed the schema and `checkAnswers`. Pure. */
export function toResponse(file: AnswersFile, source: string, read?: TextReader): Response {
  const answers = new Map<string, Answer>();
  for (const [id, value] of Object.entries(file.answers ?? {})) {
    const answer = normaliseAnswer(value, id, read);
    answers.set(shared(id), answer.note === null ? answer : { score: answer.score, note: own(answer.note) });
  }
  const date = file.date == null ? null : /^\d{4}-/.test(file.date) ? file.date : (read?.date(file.date) ?? null);
  return {
    source,
    framework: shared(file.framework),
    village: own(file.village.trim()),
    municipality: ownOrNull(blankToNull(file.municipality)),
    lag: ownOrNull(blankToNull(file.lag)),
    respondent: ownOrNull(blankToNull(file.respondent)),
    date: ownOrNull(date),
    language: file.language == null ? null : shared(file.language),
    answers,
  };
}

/**
 * A parser's strings may be slices of the whole file text, which then stays in memory as long as
 * the string does; a batch keeps every answer set. `own` copies a string out of its file.
 */
const own = (s: string): string => (s.length < 13 ? s : (` ${s}`).slice(1));
const ownOrNull = (s: string | null): string | null => (s === null ? null : own(s));

/** The few strings many files repeat (criterion ids, framework ids, languages): one copy each. */
const SHARED = new Map<string, string>();
function shared(s: string): string {
  const known = SHARED.get(s);
  if (known !== undefined) return known;
  const copy = own(s);
  if (SHARED.size < 50_000) SHARED.set(copy, copy);
  return copy;
}

/** A framework's criterion ids in order, each with its position: shared by a batch's packed answer sets. */
export interface CriterionIndex {
  readonly ids: readonly string[];
  readonly at: ReadonlyMap<string, number>;
  /** The lowest score of the scale: scores are stored as their distance from it. */
  readonly min: number;
}

const indexes = new WeakMap<Framework, CriterionIndex>();

export function criterionIndex(fw: Framework): CriterionIndex {
  let index = indexes.get(fw);
  if (!index) {
    const ids = [...fw.criteria.keys()];
    index = { ids, at: new Map(ids.map((id, i) => [id, i])), min: fw.scale.min };
    indexes.set(fw, index);
  }
  return index;
}

/** One UTF-16 unit per criterion: not given, unanswered, n/a, don't know, or a score from the scale's minimum on. */
const ABSENT = 0;
const UNANSWERED = 1;
const NOT_APPLICABLE = 2;
const DONT_KNOW = 3;
const FIRST_SCORE = 4;

/** What a packed answer set is made of; a worker thread sends these and the main thread unpacks them. */
export interface PackedAnswers {
  codes: string;
  /** The answers that carry a note, by criterion position; null when none does. */
  noted: (Answer | null)[] | null;
}

/**
 * An answer set as a batch keeps it: one character per criterion and the noted answers, about a
 * tenth of a Map's size; read like the Map it replaces (in the framework's criterion order).
 */
class PackedAnswerSet implements ReadonlyMap<string, Answer> {
  constructor(
    private readonly index: CriterionIndex,
    private readonly codes: string,
    private readonly noted: (Answer | null)[] | null,
  ) {}

  private scoreOf(code: number): Score {
    return code === UNANSWERED ? null : code === NOT_APPLICABLE ? 'n/a' : code === DONT_KNOW ? 'dont-know' : code - FIRST_SCORE + this.index.min;
  }

  private answerAt(i: number): Answer | undefined {
    const code = this.codes.charCodeAt(i);
    if (code === ABSENT) return undefined;
    return this.noted?.[i] ?? plainAnswer(this.scoreOf(code));
  }

  get(id: string): Answer | undefined {
    const i = this.index.at.get(id);
    return i === undefined ? undefined : this.answerAt(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.codes.length; i++) if (this.codes.charCodeAt(i) !== ABSENT) n++;
    return n;
  }

  *entries(): MapIterator<[string, Answer]> {
    for (let i = 0; i < this.codes.length; i++) {
      const a = this.answerAt(i);
      if (a) yield [this.index.ids[i] as string, a];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Answer> {
    for (const [, a] of this.entries()) yield a;
  }

  [Symbol.iterator](): MapIterator<[string, Answer]> {
    return this.entries();
  }

  forEach(fn: (value: Answer, key: string, map: ReadonlyMap<string, Answer>) => void): void {
    for (const [id, a] of this.entries()) fn(a, id, this);
  }

  packed(): PackedAnswers {
    return { codes: this.codes, noted: this.noted };
  }

  each(fn: (i: number, score: Score, note: string | null) => void): void {
    for (let i = 0; i < this.codes.length; i++) {
      const code = this.codes.charCodeAt(i);
      if (code !== ABSENT) fn(i, this.scoreOf(code), this.noted?.[i]?.note ?? null);
    }
  }
}

/**
 * Packs an answer set for a batch (notes dropped unless `notes`); gives the set back as it is when
 * it cannot be packed (an id outside the framework, a score that is not a whole number on the scale).
 */
export function packAnswers(answers: ReadonlyMap<string, Answer>, index: CriterionIndex, notes: boolean): ReadonlyMap<string, Answer> {
  if (answers instanceof PackedAnswerSet) return answers;
  const codes = new Array<number>(index.ids.length).fill(ABSENT);
  let noted: (Answer | null)[] | null = null;
  for (const [id, a] of answers) {
    const i = index.at.get(id);
    if (i === undefined) return answers;
    const s = a.score;
    let code: number;
    if (s === null) code = UNANSWERED;
    else if (s === 'n/a') code = NOT_APPLICABLE;
    else if (s === 'dont-know') code = DONT_KNOW;
    else if (Number.isInteger(s) && s - index.min >= 0 && s - index.min < 0xffff - FIRST_SCORE) code = s - index.min + FIRST_SCORE;
    else return answers;
    codes[i] = code;
    if (notes && a.note !== null) (noted ??= new Array<Answer | null>(index.ids.length).fill(null))[i] = a;
  }
  return new PackedAnswerSet(index, fromCharCodes(codes), noted);
}

/** The parts of a packed set (to send to another thread), or null for a set that is not packed. */
export const packedParts = (answers: ReadonlyMap<string, Answer>): PackedAnswers | null => (answers instanceof PackedAnswerSet ? answers.packed() : null);

/** A packed set again from its parts (received from another thread). */
export const unpackParts = (parts: PackedAnswers, index: CriterionIndex): ReadonlyMap<string, Answer> => new PackedAnswerSet(index, parts.codes, parts.noted);

/**
 * The response as a batch keeps it: answers packed, repeated texts (village, municipality, LAG,
 * date) one copy each.
 */
export function packResponse(r: Response, index: CriterionIndex, notes: boolean): Response {
  return {
    source: r.source,
    framework: shared(r.framework),
    village: shared(r.village),
    municipality: r.municipality === null ? null : shared(r.municipality),
    lag: r.lag === null ? null : shared(r.lag),
    respondent: r.respondent,
    date: r.date === null ? null : shared(r.date),
    language: r.language === null ? null : shared(r.language),
    answers: packAnswers(r.answers, index, notes),
  };
}

/**
 * Calls `fn` with each given answer of a set by its criterion's position in `index`: read straight
 * from a packed set's characters, else looked up in the Map.
 */
export function eachAnswer(answers: ReadonlyMap<string, Answer>, index: CriterionIndex, fn: (i: number, score: Score, note: string | null) => void): void {
  if (answers instanceof PackedAnswerSet) {
    answers.each(fn);
    return;
  }
  index.ids.forEach((id, i) => {
    const a = answers.get(id);
    if (a) fn(i, a.score, a.note);
  });
}
