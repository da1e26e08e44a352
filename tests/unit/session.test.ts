import { describe, expect, it } from 'vitest';
import { currentId, progressOf, startSession, step, type Session } from '../../src/core/session.js';
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

  it('jumps from the overview and goes on from there; an edit from the review returns to the review', () => {
    let s = step(startSession(fw), { type: 'jump', id: 'b.y' });
    expect(s.at).toEqual({ mode: 'walk', index: 3 });
    s = run(s, { type: 'review' }, { type: 'jump', id: 'a.y' });
    expect(s.at).toEqual({ mode: 'edit', id: 'a.y' });
    s = step(s, score(2));
    expect(s.at).toEqual({ mode: 'review' });
    expect(step(s, { type: 'jump', id: 'nope' })).toBe(s);
  });

  it('finishes only from the review', () => {
    const s = startSession(fw);
    expect(step(s, { type: 'finish' })).toBe(s);
    expect(run(s, { type: 'review' }, { type: 'finish' }).at).toEqual({ mode: 'done' });
  });

  it('resumes at the first unanswered criterion, ignoring unknown and unanswered entries', () => {
    const answers = new Map([
      ['a.x', { score: 2, note: null }],
      ['a.y', { score: null, note: 'later' }],
      ['b.x', { score: 'n/a' as const, note: null }],
      ['z.z', { score: 1, note: null }],
    ]);
    const s = startSession(fw, answers);
    expect(currentId(s)).toBe('a.y');
    expect([...s.answers.keys()]).toEqual(['a.x', 'b.x']);
    const all = new Map([...fw.criteria.keys()].map((id) => [id, { score: 1, note: null }]));
    expect(startSession(fw, all).at).toEqual({ mode: 'review' });
  });
});
