import { describe, expect, it } from 'vitest';
import { coverageOf, currentId, progressOf, startSession, step, type Session } from '../../src/core/session.js';
import { framework } from '../helpers/framework.js';

const fw = framework({ pillars: { a: ['x', 'y'], b: ['x', 'y', 'z'] } });
const score = (n: number, note: string | null = null) => ({ type: 'answer' as const, answer: { score: n, note } });
const run = (s: Session, ...events: Parameters<typeof step>[1][]) => events.reduce(step, s);

describe('the assess session', () => {
  it('walks the criteria in order and counts progress in the pillar', () => {
    let s = startSession(fw);
    expect(currentId(s)).toBe('a.x');
    s = run(s, score(3), score(2));
    expect(currentId(s)).toBe('b.x');
    expect(progressOf(s, fw)).toEqual({ position: 3, total: 5, answered: 2, pillarId: 'b', pillarPosition: 1, pillarTotal: 3, pillarAnswered: 0 });
    expect([...s.answers.values()]).toEqual([{ score: 3, note: null }, { score: 2, note: null }]);
  });

  it('goes back, and keeps the answer when the mentor goes on without changing it', () => {
    let s = run(startSession(fw), score(3, 'Pierakstīts'), { type: 'back' });
    expect(currentId(s)).toBe('a.x');
    s = step(s, { type: 'skip' });
    expect(currentId(s)).toBe('a.y');
    expect(s.answers.get('a.x')).toEqual({ score: 3, note: 'Pierakstīts' });
    expect(s.skipped).toEqual([]);
    expect(run(startSession(fw), { type: 'back' }).at).toEqual({ mode: 'walk', index: 0 });
  });

  it('comes back to skipped criteria at the end, then reviews', () => {
    let s = run(startSession(fw), { type: 'skip' }, score(1), { type: 'skip' }, score(2), score(3));
    expect(s.at).toEqual({ mode: 'skipped', id: 'a.x' });
    s = step(s, score(4));
    expect(s.at).toEqual({ mode: 'skipped', id: 'b.x' });
    s = step(s, { type: 'back' });
    expect(s.at).toEqual({ mode: 'walk', index: 4 });
    s = run(s, score(3), score(0));
    expect(s.at).toEqual({ mode: 'review' });
    expect(s.answers.size).toBe(5);
  });

  it('skipping a skipped criterion again leaves it open and reaches the review', () => {
    const s = run(startSession(fw), { type: 'skip' }, score(1), score(1), score(1), score(1), { type: 'skip' });
    expect(s.at).toEqual({ mode: 'review' });
    expect(s.answers.has('a.x')).toBe(false);
  });

  it('a correction from the overview returns to where the room was; "back to the question" keeps the mode', () => {
    // The room is at b.x (a.x, a.y answered), corrects a.x from the overview, and is back at b.x.
    let s = run(startSession(fw), score(1), score(1));
    expect(currentId(s)).toBe('b.x');
    s = step(s, { type: 'jump', id: 'a.x' });
    expect(s.at).toEqual({ mode: 'edit', id: 'a.x', then: { mode: 'walk', index: 2 } });
    s = step(s, score(3));
    expect(s.at).toEqual({ mode: 'walk', index: 2 });
    expect(s.answers.get('a.x')?.score).toBe(3);
    // In the skipped round, opening the overview and coming back without a change stays in the round.
    let r = run(startSession(fw), { type: 'skip' }, score(1), { type: 'skip' }, score(1), score(1));
    expect(r.at).toEqual({ mode: 'skipped', id: 'a.x' });
    r = step(r, { type: 'jump', id: 'a.x' });
    expect(r.at).toEqual({ mode: 'skipped', id: 'a.x' });
    r = step(r, score(2));
    expect(r.at).toEqual({ mode: 'skipped', id: 'b.x' });
    // From the review, an edit returns to the review.
    let v = run(startSession(fw), { type: 'review' }, { type: 'jump', id: 'a.y' });
    expect(v.at).toEqual({ mode: 'edit', id: 'a.y', then: { mode: 'review' } });
    v = step(v, score(2));
    expect(v.at).toEqual({ mode: 'review' });
    expect(step(v, { type: 'jump', id: 'nope' })).toBe(v);
  });

  it('after a step back, the walk goes on with the open criteria, not the answered ones', () => {
    let s = run(startSession(fw), score(1), score(1), score(1), { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(currentId(s)).toBe('a.x');
    s = step(s, score(4));
    expect(currentId(s)).toBe('b.y');
  });

  it('"go to the unanswered ones" walks every open criterion in order, the skipped ones too', () => {
    let s = run(startSession(fw), { type: 'skip' }, score(1), { type: 'skip' }, { type: 'review' }, { type: 'continue' });
    expect(currentId(s)).toBe('a.x');
    s = step(s, score(2));
    expect(currentId(s)).toBe('b.x');
    s = step(s, score(2));
    expect(currentId(s)).toBe('b.y');
  });

  it('finishes only from the review', () => {
    const s = startSession(fw);
    expect(step(s, { type: 'finish' })).toBe(s);
    expect(run(s, { type: 'review' }, { type: 'finish' }).at).toEqual({ mode: 'done' });
  });

  it('resumes at the first open criterion, keeping notes without a score and ignoring unknown entries', () => {
    const answers = new Map([
      ['a.x', { score: 2, note: null }],
      ['a.y', { score: null, note: 'later' }],
      ['b.x', { score: 'n/a' as const, note: null }],
      ['z.z', { score: 1, note: null }],
    ]);
    const s = startSession(fw, answers);
    expect(currentId(s)).toBe('a.y');
    expect([...s.answers.keys()]).toEqual(['a.x', 'a.y', 'b.x']);
    expect(s.answers.get('a.y')).toEqual({ score: null, note: 'later' });
    const all = new Map([...fw.criteria.keys()].map((id) => [id, { score: 1, note: null }]));
    expect(startSession(fw, all).at).toEqual({ mode: 'review' });
  });

  it('resumes after the last position with the saved skip list, and the skipped ones come back at the end', () => {
    const answers = new Map([
      ['a.x', { score: 2, note: null }],
      ['b.x', { score: 1, note: null }],
    ]);
    // Stopped on b.x with a.y skipped: resume goes on at b.y, not back to a.y.
    let s = startSession(fw, answers, { at: 'b.x', skipped: ['a.y', 'nope'] });
    expect(currentId(s)).toBe('b.y');
    expect(s.skipped).toEqual(['a.y']);
    s = run(s, score(1), score(1));
    expect(s.at).toEqual({ mode: 'skipped', id: 'a.y' });
    // A saved position past every open one wraps to the first open.
    expect(currentId(startSession(fw, answers, { at: 'b.z' }))).toBe('b.z');
    expect(currentId(startSession(fw, new Map([...answers, ['b.z', { score: 1, note: null }]]), { at: 'b.z' }))).toBe('a.y');
  });

  it('counts coverage as scoring does: n/a is not a score', () => {
    const s = startSession(fw, new Map([
      ['a.x', { score: 2, note: null }],
      ['a.y', { score: 'n/a' as const, note: null }],
      ['b.x', { score: 'n/a' as const, note: null }],
    ]));
    expect(coverageOf(s, fw)).toEqual([
      { pillarId: 'a', scored: 1, needed: Math.ceil(fw.coverageMin * 2 - 1e-9), total: 2 },
      { pillarId: 'b', scored: 0, needed: Math.ceil(fw.coverageMin * 3 - 1e-9), total: 3 },
    ]);
  });
});
