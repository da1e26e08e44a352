import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { groupResponses } from '../../src/core/group.js';
import { buildPlan, round1 } from '../../src/core/plan.js';
import { framework, response } from '../helpers/framework.js';

const fw = framework({
  min: 1,
  max: 7,
  pillars: { a: ['x', 'y'], b: ['x', 'y'] },
  pillarWeights: { b: 2 },
  actions: {
    'a.x': [
      { id: 'ax-advanced', below: 7, timeframe: 'long' },
      { id: 'ax-first', below: 4, timeframe: 'short' },
    ],
    'a.y': [{ id: 'ay' }],
    'b.x': [{ id: 'bx', below: 3 }],
    'b.y': [{ id: 'by' }],
  },
});

const plan = (answers: Parameters<typeof response>[1], lang = 'en') =>
  buildPlan(evaluate(fw, groupResponses([response('Ērgļi', answers)])[0]!), lang, '2026-11-23');

describe('the action plan', () => {
  it('recommends actions whose `below` is not reached, by weight × gap, earlier steps first', () => {
    const p = plan({ 'a.x': 2, 'a.y': 6, 'b.x': 5, 'b.y': 6 });
    // a.x: 1 × (7−2)/6; b.y: 2 × (7−6)/6; a.y: 1 × (7−6)/6. b.x is at 5, not below 3.
    expect(p.actions.map((a) => a.id)).toEqual(['ax-first', 'ax-advanced', 'by', 'ay']);
    expect(p.actions.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    expect(p.actions[0]).toMatchObject({ criterion: 'Criterion x', pillar: 'Pillar a', timeframe: 'within a year' });
    expect(p.actions[0]?.priority).toBeCloseTo(5 / 6, 10);
  });

  it('recommends nothing for unanswered or n/a criteria, and lists the unanswered as open', () => {
    const p = plan({ 'a.x': 7, 'a.y': 'n/a', 'b.x': 7 });
    expect(p.actions).toEqual([]);
    expect(p.open.map((c) => c.id)).toEqual(['b.y']);
    expect(p.pillars[0]?.criteria[1]).toMatchObject({ status: 'na', scoreText: 'not applicable' });
  });

  it('lists strengths (75 or more) highest first', () => {
    const p = plan({ 'a.x': 6, 'a.y': 7, 'b.x': 2, 'b.y': 5 });
    expect(p.strengths.map((s) => s.id)).toEqual(['a.y', 'a.x']);
  });

  it('explains the level and the way to the next one in words', () => {
    const p = plan({ 'a.x': 5, 'a.y': 5, 'b.x': 5, 'b.y': 5 });
    expect(p.level).toMatchObject({ id: 'middle', title: 'Middle', why: ['At least 2 pillars with 50 or more (now 2)'] });
    expect(p.next).toEqual({
      id: 'top',
      title: 'Top',
      unmet: ['Overall score at least 75 (now 66.7)'],
    });
  });

  it('formats numbers for the language: decimal comma in Latvian', () => {
    const p = plan({ 'a.x': 5, 'a.y': 5, 'b.x': 5, 'b.y': 5 }, 'lv');
    expect(p.overallText).toBe('66,7');
    expect(p.labels['report.plan']).toBe('Rīcības plāns');
  });

  it('names the pillars lacking data when incomplete', () => {
    const p = plan({ 'a.x': 5 });
    expect(p.level.incomplete).toBe(true);
    expect(p.next?.unmet).toEqual(['Pillar b: score at least 50% of the criteria (now 0%)']);
  });

  it('uses the answers date, else today', () => {
    expect(plan({}).date).toBe('2026-11-23');
  });

  it('rounds half up to one decimal without binary surprises', () => {
    expect([round1(62.45), round1(0.05), round1(66.666), round1(100)]).toEqual([62.5, 0.1, 66.7, 100]);
  });
});
