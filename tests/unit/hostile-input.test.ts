import { describe, expect, it } from 'vitest';
import { error, type Diagnostic } from '../../src/core/diagnostic.js';
import { append, capDiagnostics, maxOf, minOf } from '../../src/core/limits.js';
import { MAX_ALIASES, parseYaml } from '../../src/io/yaml.js';
import { sanitize } from '../../src/render/escape.js';

const codes = (text: string): [string, number, number][] =>
  parseYaml(text, 'f.yaml').diagnostics.map((d) => [d.code, d.line ?? 0, d.column ?? 0]);

describe('one YAML 1.2 core meaning', () => {
  it.each([
    ['a prototype key', 'a: 1\n__proto__: { village: Ghost }\n', ['yaml.reservedKey', 2, 1]],
    ['a constructor key', 'answers:\n  constructor: 3\n', ['yaml.reservedKey', 2, 3]],
    ['a prototype key in a flow mapping', 'a: { score: 3, prototype: 4 }\n', ['yaml.reservedKey', 1, 16]],
    ['a non-core tag', 'a: !!set { x }\n', ['yaml.tag', 1, 10]],
    ['a local tag', 'a: !foo 3\n', ['yaml.tag', 1, 9]],
    ['a core tag that does not fit', 'a: !!float 3\n', ['yaml.tag', 1, 4]],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: 1\n', ['yaml.directive', 1, 1]],
    ['a TAG directive', 'x: 1\n'.replace(/^/, '%TAG !x! tag:x,2026:\n---\n'), ['yaml.directive', 1, 1]],
    ['an unknown directive', '%FOO bar\n---\na: 1\n', ['yaml.warning', 1, 1]],
    ['a collection key', 'a:\n  [x, y]: 1\n', ['yaml.collectionKey', 2, 3]],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', ['yaml.duplicateKey', 3, 1]],
    ['keys equal as text', '1: a\n"1": b\n', ['yaml.duplicateKey', 2, 1]],
  ])('refuses %s where it stands', (_what, text, expected) => {
    const r = parseYaml(text, 'f.yaml');
    expect(r.parsed).toBeNull();
    expect(codes(text)).toContainEqual(expected);
    expect(r.diagnostics.every((d) => d.severity === 'error' || d.code === 'yaml.warning')).toBe(true);
  });

  it('reads %YAML 1.2 and core tags as plain YAML', () => {
    const r = parseYaml('%YAML 1.2\n---\na: !!int 3\nb: !!str 3\n', 'f.yaml');
    expect(r.parsed?.data).toEqual({ a: 3, b: '3' });
  });

  it('lists whole-number float literals with their paths, and leaves integers and real fractions alone', () => {
    const text = 'answers:\n  a: 3.0\n  b: { score: 1e-400 }\n  c: 2.9999999999999999\n  d: 3\n  e: 3.5\n  f: "3.0"\n';
    const floats = parseYaml(text, 'f.yaml').parsed?.wholeFloats.map((f) => [f.path.join('/'), f.source, f.line]);
    expect(floats).toEqual([
      ['answers/a', '3.0', 2],
      ['answers/b/score', '1e-400', 3],
      ['answers/c', '2.9999999999999999', 4],
    ]);
  });

  it(`lets exactly ${MAX_ALIASES} aliases through and refuses one more, at that alias`, () => {
    const doc = (n: number): string => `a: &v 1\nx:\n${'  - *v\n'.repeat(n)}`;
    expect(parseYaml(doc(MAX_ALIASES), 'f.yaml').parsed).not.toBeNull();
    expect(codes(doc(MAX_ALIASES + 1))).toEqual([['yaml.aliasLimit', MAX_ALIASES + 3, 5]]);
  });

  it('still refuses a nested alias bomb with few aliases', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${`*${'abcd'[i]},`.repeat(10)}]`)].join('\n');
    expect(codes(bomb).map(([c]) => c)).toEqual(['yaml.aliasLimit']);
  });

  it('finds duplicates among 60,000 keys and positions each in linear time, and shows a long key shortened', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n');
    const started = performance.now();
    const r = parseYaml(`${many}\nk7: 2\n? k8${' '.repeat(150_000)}# c\n: 3\n`, 'f.yaml');
    // The library's own unique-key check alone took tens of seconds on this.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['yaml.duplicateKey', 60_001],
      ['yaml.duplicateKey', 60_002],
    ]);
    const longKey = 'x'.repeat(1000);
    const d = parseYaml(`${longKey}: 1\n${longKey}: 2\n`, 'f.yaml').diagnostics[0];
    expect(String(d?.params.key).length).toBeLessThan(100);
  });
});

describe('bounded work', () => {
  it('appends and finds extremes of 300,000 items without overflowing the stack', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    expect(append([-1], big)).toHaveLength(300_001);
    expect(maxOf(big)).toBe(299_999);
    expect(minOf(big)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
  });

  it('caps the diagnostics of a file per code and counts the rest where the first left-out one stands', () => {
    const ds: Diagnostic[] = Array.from({ length: 50 }, (_, i) => ({ ...error('yaml.duplicateKey', { key: `k${i}` }), file: 'f', line: i + 1, column: 1 }));
    ds.push({ ...error('yaml.tab'), file: 'f', line: 99, column: 1 });
    const capped = capDiagnostics(ds, 20);
    expect(capped).toHaveLength(22);
    const more = capped.find((d) => d.code === 'diagnostics.more');
    expect(more).toMatchObject({ severity: 'error', params: { count: 30 }, line: 21 });
    expect(capped.filter((d) => d.code === 'yaml.tab')).toHaveLength(1);
  });
});

describe('terminal sanitising', () => {
  it.each([
    ['Evil\u001b]0;PWNED\u0007\u001b[2J', 'Evil\\x1b]0;PWNED\\x07\\x1b[2J'],
    ['A\nB\rC\tD', 'A\\nB\\rC\\tD'],
    ['a\u202egpj.exe', 'a\\u202egpj.exe'],
    ['x\u2028y\u0085z\u200bw', 'x\\u2028y\\x85z\\u200bw'],
    ['Ērgļi “ok” 😀', 'Ērgļi “ok” 😀'],
  ])('%j -> %j', (raw, shown) => {
    expect(sanitize(raw)).toBe(shown);
  });
});
