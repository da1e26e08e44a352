import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/answers.js';
import { evaluate } from '../../src/core/evaluate.js';
import { firstSteps } from '../../src/core/first-steps.js';
import { buildFramework } from '../../src/core/framework.js';
import { groupResponses } from '../../src/core/group.js';
import { criteriaFile, response } from '../helpers/framework.js';

type Extra = { after?: string[]; effort?: 'low' | 'medium' | 'high'; timeframe?: 'short' | 'medium' | 'long' };

/** Pillar a: vision, data, guide; pillar b: social, digital, network. One action per criterion, plus extras. */
function fw(extra: Record<string, Extra> = {}) {
  const file = criteriaFile({
    pillars: { a: ['vision', 'data', 'guide'], b: ['social', 'digital', 'network'] },
    actions: {
      'a.vision': [{ id: 'workshop', timeframe: 'short' }, { id: 'review', below: 4, timeframe: 'medium' }],
      'a.data': [{ id: 'indicators', timeframe: 'short' }],
      'a.guide': [{ id: 'publish', timeframe: 'long' }],
      'b.social': [{ id: 'circle', timeframe: 'short' }],
      'b.digital': [{ id: 'helpdesk', timeframe: 'short' }],
      'b.network': [{ id: 'visit', timeframe: 'medium' }],
    },
  });
  for (const p of file.pillars) for (const c of p.criteria) for (const a of c.actions ?? []) Object.assign(a, extra[a.id] ?? {});
  return buildFramework(file);
}

const village = (f: ReturnType<typeof fw>, ...answers: Record<string, number>[]) =>
  evaluate(f, groupResponses(answers.map((a, i): Response => ({ ...response('X', a), source: `r${i}.yaml` })))[0]!);

const ALL_LOW = { 'a.vision': 1, 'a.data': 1, 'a.guide': 1, 'b.social': 1, 'b.digital': 1, 'b.network': 1 };

describe('first steps', () => {
  it('take the criteria on the path to the next level first, in the path order', () => {
    const f = fw();
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: ['b.network', 'a.data'], max: 5 });
    expect(steps.first.slice(0, 2)).toEqual([
      { kind: 'action', action: 'visit', criterion: 'b.network', reason: 'path' },
      { kind: 'action', action: 'indicators', criterion: 'a.data', reason: 'path' },
    ]);
  });

  it('never exceed the cap, take at most one action per criterion, and leave the rest for later', () => {
    const f = fw();
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: [], max: 3 });
    expect(steps.first).toHaveLength(3);
    expect(new Set(steps.first.map((s) => s.criterion)).size).toBe(3);
    const later = steps.later.map((a) => a.id);
    for (const s of steps.first) expect(later).not.toContain(s.action);
    expect(later).toContain('review');
    expect(steps.first.length + steps.later.length).toBe(7);
  });

  it('put an action after the actions it waits for, taking them in first', () => {
    const f = fw({ publish: { after: ['workshop'] }, indicators: { after: ['publish'] } });
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: ['a.data'], max: 5 });
    expect(steps.first.slice(0, 3).map((s) => s.action)).toEqual(['workshop', 'publish', 'indicators']);
  });

  it('skip an action whose prerequisites do not fit under the cap', () => {
    const f = fw({ indicators: { after: ['workshop', 'publish'] } });
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: ['a.data'], max: 2 });
    expect(steps.first.map((s) => s.action)).not.toContain('indicators');
    expect(steps.first).toHaveLength(2);
  });

  it('need no prerequisite that is already done (its criterion is past its threshold)', () => {
    const f = fw({ indicators: { after: ['workshop'] } });
    const steps = firstSteps(f, village(f, { ...ALL_LOW, 'a.vision': 4 }), { pathCriteria: ['a.data'], max: 5 });
    expect(steps.first[0]).toMatchObject({ action: 'indicators', reason: 'path' });
  });

  it('talk first where respondents disagree, instead of acting', () => {
    const f = fw();
    const steps = firstSteps(f, village(f, { ...ALL_LOW, 'b.digital': 0 }, { ...ALL_LOW, 'b.digital': 4 }), { pathCriteria: ['b.digital'], max: 5 });
    expect(steps.first[0]).toEqual({ kind: 'discuss', action: null, criterion: 'b.digital', reason: 'path' });
    expect(steps.later.map((a) => a.id)).toContain('helpdesk');
  });

  it('take foundations (low criteria whose actions others wait for) after the path', () => {
    const f = fw({ visit: { after: ['circle'] } });
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: ['a.guide'], max: 5 });
    expect(steps.first.slice(0, 2)).toEqual([
      { kind: 'action', action: 'publish', criterion: 'a.guide', reason: 'path' },
      { kind: 'action', action: 'circle', criterion: 'b.social', reason: 'foundation' },
    ]);
  });

  it('add one quick win (little effort, within a year)', () => {
    const f = fw({ helpdesk: { effort: 'low' }, circle: { effort: 'low' } });
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: ['a.guide'], max: 5 });
    expect(steps.first.filter((s) => s.reason === 'quick-win')).toEqual([{ kind: 'action', action: 'circle', criterion: 'b.social', reason: 'quick-win' }]);
  });

  it('fill the rest with actions within a year, never one for the long term', () => {
    const f = fw();
    const steps = firstSteps(f, village(f, ALL_LOW), { pathCriteria: [], max: 6 });
    expect(steps.first.every((s) => s.reason === 'priority')).toBe(true);
    expect(steps.first.map((s) => s.action)).not.toContain('publish');
    expect(steps.first.map((s) => s.action)).not.toContain('visit');
  });

  it('recommend nothing for criteria at the top or unanswered', () => {
    const f = fw();
    const steps = firstSteps(f, village(f, { 'a.vision': 4, 'a.data': 4 }), { pathCriteria: [], max: 5 });
    expect(steps).toEqual({ first: [], later: [] });
  });
});
