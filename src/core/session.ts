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
  | { mode: 'edit'; id: string }
  | { mode: 'review' }
  | { mode: 'done' };

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
  | { type: 'finish' };

const isAnswered = (s: Session, id: string): boolean => {
  const a = s.answers.get(id);
  return a !== undefined && a.score !== null;
};

/** A session over a framework, resumed from earlier answers: it starts at the first unanswered criterion. */
export function startSession(fw: Framework, answers: ReadonlyMap<string, Answer> = new Map()): Session {
  const order = [...fw.criteria.keys()];
  const kept = new Map([...answers].filter(([id, a]) => fw.criteria.has(id) && a.score !== null));
  const s: Session = { order, answers: kept, skipped: [], at: { mode: 'review' } };
  const first = order.findIndex((id) => !isAnswered(s, id));
  return { ...s, at: first >= 0 ? { mode: 'walk', index: first } : { mode: 'review' } };
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
    return at.index + 1 < s.order.length ? { mode: 'walk', index: at.index + 1 } : afterWalk(s);
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
      if (at.mode === 'edit') return { ...s, at: { mode: 'review' } };
      if (at.mode === 'review') return { ...s, at: { mode: 'walk', index: s.order.length - 1 } };
      return s;
    }
    case 'jump': {
      const index = s.order.indexOf(e.id);
      if (index < 0) return s;
      // From the review, an edit returns to the review; from the walk, the walk goes on from there.
      return { ...s, at: s.at.mode === 'review' ? { mode: 'edit', id: e.id } : { mode: 'walk', index } };
    }
    case 'review':
      return { ...s, at: { mode: 'review' } };
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
