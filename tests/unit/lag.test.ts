import { describe, expect, it } from 'vitest';
import type { Response } from '../../src/core/answers.js';
import { groupBatch } from '../../src/core/group.js';
import { foldKey, nameKey, nearDuplicate, sourceAt } from '../../src/core/identity.js';
import { parsePeriod } from '../../src/core/period.js';
import { distributionOf, split } from '../../src/core/scoring.js';
import { response } from '../helpers/framework.js';

const r = (village: string, o: Partial<Response> = {}): Response =>
  response(village, { 'a.x': Math.floor(Math.random() * 1e6) }, { source: `${village}-${Math.random()}.yaml`, framework: 'f', ...o });

describe('split (disagreement)', () => {
  it.each([
    [[0, 4], true],
    [[1, 3], true],
    [[2, 3], false],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 0], false], // one outlier of ten
    [[3, 3, 3, 3, 3, 3, 3, 0, 0, 0], true], // three of ten at the other end
    [[0, 1, 1, 2, 2, 3, 3, 4], true],
    [[4], false],
  ] as const)('%j → %s on 0–4', (raws, want) => {
    expect(split(raws, 4)).toBe(want);
  });

  it('counts answers per score, lowest first', () => {
    expect(distributionOf([3, 0, 2, 3, 2, 2, 4])).toEqual([[0, 1], [2, 3], [3, 2], [4, 1]]);
  });
});

describe('names', () => {
  it.each([
    ['  Vec  piebalga ', 'vec piebalga'],
    ['ĒRGĻI', 'ērgļi'],
  ])('%j has the key %j', (name, key) => expect(nameKey(name)).toBe(key));

  it.each([
    ['ergli', 'ērgļi', true],
    ['vecpiebalga', 'vecpiebalg', true],
    ['alsunga', 'alsunga', false],
    ['liepa', 'lieta', false],
    ['ērgļi', 'ērgļu pagasts', false],
  ])('%s ~ %s: %s', (a, b, want) => expect(nearDuplicate(a, b)).toBe(want));

  it('folds diacritics', () => expect(foldKey('Ērgļi')).toBe('ergli'));
  it('places a CSV row source', () => expect(sourceAt('a/b.csv:12')).toEqual({ file: 'a/b.csv', line: 12, column: 1 }));
});

describe('periods', () => {
  it.each([
    ['all', { kind: 'all' }],
    ['year', { kind: 'year' }],
    ['2026', { kind: 'range', from: '2026-01', to: '2026-12', label: '2026' }],
    ['2025-09..2026-06', { kind: 'range', from: '2025-09', to: '2026-06', label: '2025-09..2026-06' }],
    ['2026-13..2026-01', null],
    ['last', null],
  ])('%s', (text, spec) => expect(parsePeriod(text)).toEqual(spec));
});

describe('groupBatch', () => {
  it('puts an undated answer set into its village’s latest period, with a warning', () => {
    const g = groupBatch([r('V', { date: '2025-03-01' }), r('V', { date: '2026-03-01' }), r('V')]);
    expect(g.groups.map((x) => [x.period, x.responses.length])).toEqual([['2025', 1], ['2026', 2]]);
    expect(g.diagnostics.map((d) => d.code)).toEqual(['batch.periods', 'batch.undated']);
  });

  it('joins a set without a municipality to the only municipality its name has', () => {
    const g = groupBatch([r('Liepa', { municipality: 'Cēsu novads' }), r('liepa')], { period: { kind: 'all' } });
    expect(g.groups.map((x) => [x.village, x.municipality, x.responses.length])).toEqual([['Liepa', 'Cēsu novads', 2]]);
  });

  it('applies aliases before telling villages apart', () => {
    const g = groupBatch([r('Ērgļi'), r('Ergli')], { aliases: new Map([['ergli', 'Ērgļi']]) });
    expect(g.groups).toHaveLength(1);
    expect(g.diagnostics).toEqual([]);
  });
});
