import { describe, expect, it } from 'vitest';
import { criterionIndex, packAnswers, packResponse, packedParts, unpackParts, type Answer } from '../../src/core/answers.js';
import { groupBatch } from '../../src/core/group.js';
import { fingerprint } from '../../src/core/identity.js';
import { scoreResponses } from '../../src/core/scoring.js';
import { framework, response } from '../helpers/framework.js';

// A 1–7 scale: scores are stored as their distance from the minimum.
const fw = framework({ min: 1, max: 7, pillars: { a: ['x', 'y', 'z'], b: ['x', 'y'] } });
const index = criterionIndex(fw);

type Given = Record<string, Answer['score'] | { score: Answer['score']; note: string }>;
const cases: [string, Given][] = [
  ['every kind of answer', { 'a.x': 1, 'a.y': 7, 'a.z': 'n/a', 'b.x': 'dont-know', 'b.y': null }],
  ['some criteria not given', { 'b.y': 4, 'a.x': 2 }],
  ['nothing given', {}],
  ['notes', { 'a.x': { score: 3, note: 'Ērgļu kopienas māja' }, 'a.y': { score: 'n/a', note: 'nav skolas' }, 'b.x': 5 }],
];

describe('a packed answer set reads like the Map it replaces', () => {
  it.each(cases)('%s', (_, given) => {
    const map = response('V', given).answers;
    const packed = packAnswers(map, index, true);
    expect(packed).not.toBe(map);
    for (const id of [...fw.criteria.keys(), 'c.none']) {
      expect(packed.get(id)).toEqual(map.get(id));
      expect(packed.has(id)).toBe(map.has(id));
    }
    expect(packed.size).toBe(map.size);
    // In the framework's order, whatever the order of the file.
    const inOrder = [...fw.criteria.keys()].filter((id) => map.has(id)).map((id) => [id, map.get(id)]);
    expect([...packed.entries()]).toEqual(inOrder);
    expect([...packed]).toEqual(inOrder);
    expect([...packed.keys()]).toEqual(inOrder.map(([id]) => id));
    expect([...packed.values()]).toEqual(inOrder.map(([, a]) => a));
    const seen: string[] = [];
    packed.forEach((_a, id) => seen.push(id));
    expect(seen).toEqual(inOrder.map(([id]) => id));
    // The same after a trip to another thread (its parts are plain data).
    const parts = packedParts(packed);
    expect(parts).not.toBeNull();
    expect([...unpackParts(structuredClone(parts as NonNullable<typeof parts>), index).entries()]).toEqual(inOrder);
  });

  it('drops the notes when asked, keeping the scores', () => {
    const packed = packAnswers(response('V', { 'a.x': { score: 3, note: 'piezīme' } }).answers, index, false);
    expect(packed.get('a.x')).toEqual({ score: 3, note: null });
  });

  it.each([
    ['an id outside the framework', { 'a.x': 2, 'q.other': 3 }],
    ['a score that is not whole', { 'a.x': 2.5 }],
    ['a score below the scale', { 'a.x': 0 }],
  ] as [string, Given][])('keeps the Map as it is for %s', (_, given) => {
    const map = response('V', given).answers;
    expect(packAnswers(map, index, true)).toBe(map);
    expect(packedParts(map)).toBeNull();
  });
});

describe('a batch of packed answer sets scores and groups as the Maps did', () => {
  const rs = [
    response('Ērgļi', { 'a.x': 1, 'a.y': { score: 6, note: 'labi' }, 'b.x': 'n/a' }, { respondent: 'A', source: 'a.yaml' }),
    response('Ērgļi', { 'a.x': 7, 'a.y': 2, 'b.y': 'dont-know' }, { respondent: 'B', source: 'b.yaml' }),
    response('Ērgļi', { 'a.x': 4, 'a.z': { score: 5, note: 'vidēji' } }, { respondent: 'C', source: 'c.yaml' }),
  ];
  const packed = rs.map((r) => packResponse(r, index, true));

  it('gives the same criterion, pillar and overall scores', () => {
    const before = scoreResponses(fw, rs);
    const after = scoreResponses(fw, packed);
    expect(after.overall).toBe(before.overall);
    expect(after.pillars).toEqual(before.pillars);
    expect([...after.criteria.entries()]).toEqual([...before.criteria.entries()]);
    expect(after.criteria.get('a.y')?.notes).toEqual([{ text: 'labi', source: 'a.yaml', respondent: 'A', score: 6 }]);
  });

  it('tells the same answer sets apart, and the same twins', () => {
    const twin = packResponse(response('Ērgļi', { 'a.x': 1, 'a.y': { score: 6, note: 'labi' }, 'b.x': 'n/a' }, { respondent: 'A', source: 'copy/a.yaml' }), index, true);
    const otherNote = packResponse(response('Ērgļi', { 'a.x': 1, 'a.y': { score: 6, note: 'slikti' }, 'b.x': 'n/a' }, { respondent: 'A', source: 'x.yaml' }), index, true);
    expect(fingerprint(twin)).toBe(fingerprint(packed[0]!));
    expect(fingerprint(otherNote)).not.toBe(fingerprint(packed[0]!));
    expect(fingerprint(packed[1]!)).not.toBe(fingerprint(packed[0]!));
    const g = groupBatch([...packed, twin, otherNote], { period: { kind: 'all' } });
    expect(g.duplicates).toBe(1);
    expect(g.groups[0]?.responses.map((r) => r.source)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'x.yaml']);
  });
});

describe('criterion scores kept as whole numbers read back exactly', () => {
  it.each([
    ['a 1–7 scale, a mean that is not whole', { min: 1, max: 7 }, [1, 2, 2], 5 / 3, 1, 2],
    ['a scale below zero', { min: -2, max: 2 }, [-2, 1, 2], 1 / 3, -2, 2],
    ['sums beyond 65,535', { min: 0, max: 1000 }, Array.from({ length: 100 }, (_, i) => 900 + (i % 3)), 90_099 / 100, 900, 902],
  ] as [string, { min: number; max: number }, number[], number, number, number][])('%s', (_, scale, raws, mean, lo, hi) => {
    const f = framework({ ...scale, pillars: { a: ['x', 'y'] } });
    const rs = raws.map((x, i) => response('V', { 'a.x': x, 'a.y': i === 0 ? 'n/a' : 'dont-know' }));
    const c = scoreResponses(f, rs).criteria.get('a.x');
    expect(c?.raw).toBe(raws.reduce((s, x) => s + x, 0) / raws.length);
    expect(c?.raw).toBeCloseTo(mean, 9);
    expect([c?.min, c?.max, c?.n]).toEqual([lo, hi, raws.length]);
    const y = scoreResponses(f, rs).criteria.get('a.y');
    expect([y?.raw, y?.min, y?.max, y?.n, y?.na, y?.dontKnow]).toEqual([null, null, null, 0, 1, raws.length - 1]);
  });
});
