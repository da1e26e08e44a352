import { describe, expect, it } from 'vitest';
import { oneEditApart } from '../../src/core/group.js';
import { distance } from '../../src/core/suggest.js';

describe('oneEditApart', () => {
  it.each([
    ['ērgļi', 'ērgli', true],
    ['vecpiebalga', 'vecpibealga', true],
    ['alsunga', 'alsungas', true],
    ['alsunga', 'lsunga', true],
    ['alsunga', 'alsunga', false],
    ['alsunga', 'alsungaas', false],
    ['ab', 'ba', true],
    ['abc', 'cba', false],
  ])('%s / %s → %s', (a, b, want) => {
    expect(oneEditApart(a, b)).toBe(want);
    expect(oneEditApart(b, a)).toBe(want);
  });

  it('agrees with the edit distance (with swaps) on many generated pairs', () => {
    let seed = 11;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const letter = (): string => 'abcā'.charAt(rand(4));
    const word = (): string => Array.from({ length: 1 + rand(7) }, letter).join('');
    const mutate = (w: string): string => {
      const i = rand(w.length + 1);
      const op = rand(4);
      if (op === 0) return w.slice(0, i) + letter() + w.slice(i);
      if (op === 1) return w.slice(0, i) + w.slice(i + 1);
      if (op === 2) return w.slice(0, i) + letter() + w.slice(i + 1);
      return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
    };
    for (let k = 0; k < 5000; k++) {
      const a = word();
      const b = rand(2) ? mutate(a) : word();
      expect(oneEditApart(a, b), `${a} / ${b}`).toBe(a !== b && distance(a, b) <= 1);
    }
  });
});
