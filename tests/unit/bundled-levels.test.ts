import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/answers.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { Framework } from '../../src/core/framework.js';
import { groupResponses } from '../../src/core/group.js';
import { round1 } from '../../src/core/round.js';
import { loadFramework, loadResponse } from '../../src/io/load.js';
import { ROOT } from '../helpers/cli.js';
import { response } from '../helpers/framework.js';

/**
 * The levels of the bundled framework (criteria/smart-village.yaml) on the cases of the domain
 * review (turn2-domain.md §4, A–L), scored through the real framework:
 * - village in transition: every pillar ≥ 25 and at least two pillars ≥ 50 ("most of the main
 *   characteristics", and no pillar at zero);
 * - lighthouse candidate: every pillar ≥ 50, one ≥ 75, overall ≥ 65 and replicability ≥ 3 (a
 *   model "thanks to its strategy, innovation and/or participation", and replicable);
 * - starting out: the fallback.
 */

const loaded = loadFramework(join(ROOT, 'criteria', 'smart-village.yaml'));
const fw = loaded.value as Framework;

type Score = number | 'n/a' | null;
type Answers = Record<string, Score>;

/** Every question of a pillar at one score, with exceptions by question id (`replicability`). */
function pillar(id: string, score: Score, except: Record<string, Score> = {}): Answers {
  const p = fw.pillars.find((x) => x.id === id);
  if (!p) throw new Error(`no pillar ${id}`);
  return Object.fromEntries(p.criteria.map((c) => [c.id, except[c.localId] !== undefined ? except[c.localId]! : score]));
}

const answers = (s: Answers, i: Answers, p: Answers): Answers => ({ ...s, ...i, ...p });

function place(r: Response | Response[]) {
  const result = evaluate(fw, groupResponses(Array.isArray(r) ? r : [r])[0]!);
  const show = (x: number | null) => (x === null ? null : round1(x));
  return {
    level: result.classification.level,
    pillars: result.scores.pillars.map((p) => show(p.score)),
    overall: show(result.scores.overall),
    next: result.classification.next,
  };
}

const S = (score: Score, except?: Record<string, Score>) => pillar('strategy', score, except);
const I = (score: Score, except?: Record<string, Score>) => pillar('innovation', score, except);
const P = (score: Score, except?: Record<string, Score>) => pillar('participation', score, except);

describe('the levels of the bundled framework', () => {
  it('loads without a diagnostic and has the rules of issue 11', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(fw.levels.map((l) => [l.id, l.rules])).toEqual([
      ['lighthouse', { pillar_min: 50, pillars_min_count: { count: 1, min: 75 }, overall_min: 65, criteria_min: { 'participation.replicability': 3 } }],
      ['transition', { pillar_min: 25, pillars_min_count: { count: 2, min: 50 } }],
      ['starting', {}],
    ]);
  });

  // [case, answers, pillar scores S/I/P, level]
  const cases: [string, Answers, (number | null)[], string][] = [
    ['A: no innovation at all (50/0/50)', answers(S(2), I(0), P(2)), [50, 0, 50], 'starting'],
    ['B: no participation at all (50/50/0)', answers(S(2), I(2), P(0)), [50, 50, 0], 'starting'],
    ['C: no vision or strategy (0/100/100)', answers(S(0), I(4), P(4)), [0, 100, 100], 'starting'],
    ['D: all established, replicability 3 (75/75/75)', answers(S(3), I(3), P(3)), [75, 75, 75], 'lighthouse'],
    ['E: all established but replicability 2', answers(S(3), I(3), P(3, { replicability: 2 })), [75, 75, 72.2], 'transition'],
    ['F: all embedded, replicability not known', answers(S(4), I(4), P(4, { replicability: 'n/a' })), [100, 100, 100], 'transition'],
    ['G: a model of participation (75/50/100), replicability 4', answers(S(3), I(2), P(4)), [75, 50, 100], 'lighthouse'],
    ['I: every pillar ≥ 50, one at 75, but overall under 65', answers(S(3), I(2), P(2, { replicability: 3 })), [75, 50, 52.8], 'transition'],
    ['J: all started (50/50/50)', answers(S(2), I(2), P(2)), [50, 50, 50], 'transition'],
    ['K: a model of strategy (100/50/53), replicability 3', answers(S(4), I(2), P(2, { replicability: 3 })), [100, 50, 52.8], 'lighthouse'],
    ['L: all started but two questions at 1 (47/47/50)', answers(S(2, { vision: 1 }), I(2, { social: 1 }), P(2)), [47.2, 47.2, 50], 'starting'],
    ['M: a model of participation (50/50/100), replicability 4', answers(S(2), I(2), P(4)), [50, 50, 100], 'lighthouse'],
    ['N: two strong pillars, one under the floor of 25', answers(S(4), I(4), P(1, { replicability: 0, networks: 0 })), [100, 100, 19.4], 'starting'],
    ['O: two pillars at 50, one exactly at the floor of 25', answers(S(2), I(2), P(1)), [50, 50, 25], 'transition'],
    ['P: every pillar ≥ 75 but replicability 2', answers(S(4), I(4), P(4, { replicability: 2 })), [100, 100, 94.4], 'transition'],
  ];

  it.each(cases)('%s', (_name, a, pillars, level) => {
    const got = place(response('Testciems', a));
    expect(got.pillars).toEqual(pillars);
    expect(got.level).toBe(level);
  });

  it('says what a village without innovation lacks for transition: the floor, not the count', () => {
    expect(place(response('Testciems', answers(S(2), I(0), P(2)))).next).toEqual({
      id: 'transition',
      unmet: [{ rule: 'pillar_min', held: false, needed: 25, actual: 0, pillar: 'innovation' }],
    });
  });

  it('H: too little data in one pillar gives no level, and names the level the scores would reach', () => {
    // 4 of 9 innovation questions scored: under coverage_min (5 of 9).
    const a = answers(S(3), I(3, { social: 'n/a', digital: 'n/a', connectivity: 'n/a', services: 'n/a', economy: null }), P(3));
    const got = place(response('Testciems', a));
    expect(got.level).toBe('incomplete');
    expect(got.next?.id).toBe('lighthouse');
    expect(got.next?.unmet).toHaveLength(1);
    expect(got.next?.unmet[0]).toMatchObject({ rule: 'coverage_min', held: false, needed: 0.55, pillar: 'innovation' });
    expect(got.next?.unmet[0]?.actual).toBeCloseTo(4 / 9, 2);
    // 5 of 9 is enough: the same 5 answers that version 1 (5 of 7) asked for.
    expect(place(response('Testciems', { ...a, 'innovation.economy': 3 })).level).toBe('lighthouse');
  });

  it('F: a lighthouse needs replicability answered, not only high scores', () => {
    const next = place(response('Testciems', answers(S(4), I(4), P(4, { replicability: 'n/a' })))).next;
    expect(next).toEqual({
      id: 'lighthouse',
      unmet: [{ rule: 'criteria_min', held: false, needed: 3, actual: null, criterion: 'participation.replicability' }],
    });
  });
});

describe('the bundled examples keep their levels', () => {
  const read = (file: string) => {
    const r = loadResponse(join(ROOT, 'examples', file), fw);
    expect(r.diagnostics).toEqual([]);
    return r.value as Response;
  };

  it('Alsunga (a mentor session) is a lighthouse candidate', () => {
    expect(place(read('alsunga.yaml'))).toMatchObject({ level: 'lighthouse', pillars: [80.6, 69.4, 77.8], overall: 75.9 });
  });

  it('Ērgļi (three respondents who disagree on some questions) is a village in transition', () => {
    const files = readdirSync(join(ROOT, 'examples', 'ergli')).sort();
    const rs = files.map((f) => read(join('ergli', f)));
    expect(rs).toHaveLength(3);
    const got = place(rs);
    expect(got).toMatchObject({ level: 'transition', pillars: [59.3, 46.3, 55.6], overall: 53.7 });
    const result = evaluate(fw, groupResponses(rs)[0]!);
    expect([...result.scores.criteria.values()].filter((c) => c.disagree).map((c) => c.id)).toEqual([
      'innovation.digital',
      'innovation.learning',
      'participation.welcome',
    ]);
  });

  it('Lejasciems (with n/a and unanswered questions) is starting out', () => {
    const r = read('lejasciems.yaml');
    expect([...r.answers.values()].some((a) => a.score === 'n/a')).toBe(true);
    expect([...r.answers.values()].some((a) => a.score === null)).toBe(true);
    expect(place(r)).toMatchObject({ level: 'starting', pillars: [31.3, 25, 30.6], overall: 28.9 });
  });
});
