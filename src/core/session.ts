import type { Answer } from './answers.js';
import type { Framework } from './framework.js';

/**
 * A facilitated session as a pure state machine: the mentor walks the criteria in order, may skip
 * and come back, go back, jump to a criterion from the overview, review everything and finish.
 * The command drives it with events; it never prompts, prints or saves.
 */
export type Position =
  | { mode: 'walk'; index: number }
  | { mode: 'skipped'; id: string }
  /** A correction picked from the overview or the review; `then` is where the room was, to return to. */
  | { mode: 'edit'; id: string; then: Position }
  | { mode: 'review' }
  | { mode: 'done' };

/** Where an earlier session stopped (saved in the answers file's `sessions:`). */
export interface Resume {
  /** The criterion on screen when it stopped, or null (the review). */
  at?: string | null;
  skipped?: readonly string[];
}

export interface Session {
  /** Every criterion's full id, in the framework's order. */
  order: readonly string[];
  /** Confirmed answers (a score, or n/a, with an optional note). */
  answers: ReadonlyMap<string, Answer>;
  /** Criteria skipped for now, in the order they were skipped. */
  skipped: readonly string[];
  at: Position;
}

export type SessionEvent =
  | { type: 'answer'; answer: Answer }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'jump'; id: string }
  | { type: 'review' }
  /** From the review: on through every unanswered criterion (the skipped ones included), in order. */
  | { type: 'continue' }
  | { type: 'finish' };

const isAnswered = (s: Session, id: string): boolean => {
  const a = s.answers.get(id);
  return a !== undefined && a.score !== null;
};

/** Open, and not put off for the skipped round: where the walk stops next. */
const isOpen = (s: Session, id: string): boolean => !isAnswered(s, id) && !s.skipped.includes(id);

/** The first open criterion at or after `from` (then from the start), else the skipped round, else the review. */
function openFrom(s: Session, from: number): Position {
  const n = s.order.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    const id = s.order[i];
    if (id !== undefined && isOpen(s, id)) return { mode: 'walk', index: i };
  }
  return afterWalk(s);
}

/**
 * A session over a framework, resumed from earlier answers (notes without a score are kept) and
 * from where it stopped: the next open criterion at or after the last position, with the skipped
 * ones kept for the end.
 */
export function startSession(fw: Framework, answers: ReadonlyMap<string, Answer> = new Map(), resume: Resume = {}): Session {
  const order = [...fw.criteria.keys()];
  const kept = new Map([...answers].filter(([id]) => fw.criteria.has(id)));
  const base: Session = { order, answers: kept, skipped: [], at: { mode: 'review' } };
  const skipped = (resume.skipped ?? []).filter((id, i, all) => fw.criteria.has(id) && !isAnswered(base, id) && all.indexOf(id) === i);
  const s = { ...base, skipped };
  const from = resume.at ? Math.max(0, order.indexOf(resume.at)) : 0;
  return { ...s, at: openFrom(s, from) };
}

/** The criterion on screen, or null on the review: what a session saves as its position. */
export function positionId(s: Session): string | null {
  return currentId(s);
}

/** The criterion on screen, if any. */
export function currentId(s: Session): string | null {
  switch (s.at.mode) {
    case 'walk':
      return s.order[s.at.index] ?? null;
    case 'skipped':
    case 'edit':
      return s.at.id;
    default:
      return null;
  }
}

/** Where to go after the walk reached the end: the skipped criteria still open, then the review. */
function afterWalk(s: Session): Position {
  const open = s.skipped.find((id) => !isAnswered(s, id));
  return open ? { mode: 'skipped', id: open } : { mode: 'review' };
}

function advance(s: Session): Position {
  const at = s.at;
  if (at.mode === 'walk') {
    // Answered and skipped criteria are passed over: after a resume or a step back, the walk goes on with the open ones.
    const next = s.order.findIndex((id, i) => i > at.index && isOpen(s, id));
    return next >= 0 ? { mode: 'walk', index: next } : afterWalk(s);
  }
  if (at.mode === 'edit') {
    // Back to where the room was; if that one is answered meanwhile, on from there.
    const then = at.then;
    if (then.mode === 'walk') {
      const id = s.order[then.index];
      return id !== undefined && isAnswered(s, id) ? advance({ ...s, at: then }) : then;
    }
    if (then.mode === 'skipped') return isAnswered(s, then.id) ? advance({ ...s, at: then }) : then;
    return then;
  }
  if (at.mode === 'skipped') {
    const i = s.skipped.indexOf(at.id);
    const next = s.skipped.slice(i + 1).find((id) => !isAnswered(s, id));
    return next ? { mode: 'skipped', id: next } : { mode: 'review' };
  }
  return { mode: 'review' };
}

/** The next state. Pure: the caller saves the answers after every 'answer'. */
export function step(s: Session, e: SessionEvent): Session {
  const id = currentId(s);
  switch (e.type) {
    case 'answer': {
      if (id === null) return s;
      const answers = new Map(s.answers);
      answers.set(id, e.answer);
      const next = { ...s, answers };
      return { ...next, at: advance(next) };
    }
    case 'skip': {
      // An answered criterion keeps its answer ("leave as it is"); an open one is noted to come back to.
      if (id === null) return s;
      const skipped = isAnswered(s, id) || s.skipped.includes(id) ? s.skipped : [...s.skipped, id];
      const next = { ...s, skipped };
      return { ...next, at: advance(next) };
    }
    case 'back': {
      const at = s.at;
      if (at.mode === 'walk') return { ...s, at: { mode: 'walk', index: Math.max(0, at.index - 1) } };
      if (at.mode === 'skipped') {
        const earlier = s.skipped.slice(0, s.skipped.indexOf(at.id)).filter((x) => !isAnswered(s, x));
        const prev = earlier[earlier.length - 1];
        return { ...s, at: prev ? { mode: 'skipped', id: prev } : { mode: 'walk', index: s.order.length - 1 } };
      }
      if (at.mode === 'edit') return { ...s, at: at.then };
      if (at.mode === 'review') return { ...s, at: { mode: 'walk', index: s.order.length - 1 } };
      return s;
    }
    case 'jump': {
      if (!s.order.includes(e.id) || s.at.mode === 'done') return s;
      // "Back to the question": nothing changes, the mode stays.
      if (e.id === id) return s;
      // A correction returns to where the room was (the walk, the skipped round or the review).
      const then = s.at.mode === 'edit' ? s.at.then : s.at;
      return { ...s, at: { mode: 'edit', id: e.id, then } };
    }
    case 'review':
      return { ...s, at: { mode: 'review' } };
    case 'continue': {
      const next = { ...s, skipped: [] };
      return { ...next, at: openFrom(next, 0) };
    }
    case 'finish':
      return s.at.mode === 'review' ? { ...s, at: { mode: 'done' } } : s;
  }
}

export interface Progress {
  /** 1-based position of the criterion on screen in the whole framework. */
  position: number;
  total: number;
  answered: number;
  pillarId: string;
  /** 1-based position inside its pillar, and the pillar's size and answered count. */
  pillarPosition: number;
  pillarTotal: number;
  pillarAnswered: number;
}

/** Where the criterion on screen sits, for "Criterion 5 of 21" and the pillar's progress. */
export function progressOf(s: Session, fw: Framework): Progress | null {
  const id = currentId(s);
  const c = id === null ? undefined : fw.criteria.get(id);
  if (!c || id === null) return null;
  const pillar = fw.pillars.find((p) => p.id === c.pillarId);
  const ids = pillar?.criteria.map((x) => x.id) ?? [];
  return {
    position: s.order.indexOf(id) + 1,
    total: s.order.length,
    answered: s.order.filter((x) => isAnswered(s, x)).length,
    pillarId: c.pillarId,
    pillarPosition: ids.indexOf(id) + 1,
    pillarTotal: ids.length,
    pillarAnswered: ids.filter((x) => isAnswered(s, x)).length,
  };
}

export interface PillarCoverage {
  pillarId: string;
  /** Criteria with a score (n/a does not count towards coverage). */
  scored: number;
  /** How many need a score for the pillar to count (coverage_min). */
  needed: number;
  total: number;
}

/** Scored against needed per pillar, as the result will count it: n/a is not a score. Pure. */
export function coverageOf(s: Session, fw: Framework): PillarCoverage[] {
  return fw.pillars.map((p) => ({
    pillarId: p.id,
    scored: p.criteria.filter((c) => typeof s.answers.get(c.id)?.score === 'number').length,
    needed: Math.ceil(fw.coverageMin * p.criteria.length - 1e-9),
    total: p.criteria.length,
  }));
}
