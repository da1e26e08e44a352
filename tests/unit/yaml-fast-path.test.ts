import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, quickParse } from '../../src/io/yaml.js';

// The fast path (js-yaml) must mean exactly what the one reference reading (yaml, YAML 1.2 core)
// means on every text it accepts. Values sit on the edges of core-schema resolution and of YAML
// features the two libraries treat differently.
const PLAIN = [
  '3', '0', '-0', '-00', '+0', '-1', '+4', '007', '0o17', '0x1F', '0o9', '0xZ', '1_000', '1.5', '3.0', '.5', '-.5', '1e3', '1E-2', '1.e2', '1e-400',
  '2.9999999999999999', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'inf', 'null', 'Null', 'NULL', '~', 'nUll', 'true', 'True',
  'TRUE', 'tRue', 'false', 'yes', 'no', 'on', 'n/a', 'N/A', 'Ērgļi', 'Kuldīgas novads', 'a, b', 'x]', 'x}', 'C#', 'a #b', 'a: b', 'a:b',
  'ends:', "it's", '2026-03-14', '2026-03-14 10:22', '-', '-x', '- x', '?x', ':x', '[x]', '{x}', '#x', '&a', '*a', '!t', '!!float 3',
  '!!str 3', '!!set', '!!binary aGk=', '|', '>', '%x', '@x', '`x', 'a  b', 'é', 'x\\y', 'x"y', '3\u00a0', '\u00a03', '3\u2003', 'a\u200bb',
  'a\u0085b', '😀', '__proto__', 'constructor', 'R&D', 'a*b', 'Hi!',
];
const QUOTED = [
  '"double"', '"with \\"escape\\""', '"tab\\tnew\\nline"', '"uni \\u0101 \\x41 \\U0001F600"', '"bad \\q"', '"\\uD83D"', '"open',
  "'single'", "'it''s'", "'open", '""', "''", '"# not a comment"', "'a: b'", '"a" # comment', '"a"#x', '"a" x', '"line\r\nbreak"',
  '"\u00a0"', '"\\N \\_ \\L \\P"',
];
const FLOW = [
  '{ score: 3, note: "ok" }', '{score: 3}', '{ score: n/a }', '{ note: "x", score: 2 }', '{ score: 3, }', '{ }', '{}', '{ score: }',
  '{ score: 3, score: 4 }', '{ score: [1] }', '{ score: {a: 1} }', '{ "score": 3 }', '{ score: 3 } # c', '{ score: 3 } x',
  "{ note: 'it''s', score: 0x10 }", '{ note: a:b }', '{ note: a, b }', '{ note: x #y }', '{ score: 3', '{ score: -1, note: ~ }',
  '{ __proto__: { score: 4 } }', '{ <<: { score: 4 } }', '&a { score: 3 }', '*a',
];
const KEYS = ['schema', 'village', 'answers', 'strategy.vision', 'a-b_c', '1', 'null', 'true', 'x y', 'key ', '"q"', 'Ā', '__proto__', '<<', '? x', 'constructor'];
const LINE_ENDS = ['\n', '\r\n', '\r', '\u2028', '\u0085'];
const EXTRA = ['---', '...', 'a: b: c', '  - x', '%YAML 1.2', '%YAML 1.1', '%TAG ! tag:x,2026:', '--- !!map', '<<: *a', 'b: &a 1', '\ufeffc: 1'];

function* documents(seed: number, count: number): Generator<string> {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const value = (): string => one([...PLAIN, ...QUOTED, ...(rand() < 0.5 ? FLOW : []), '', '# comment']);
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const top = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < top; k++) {
      const key = rand() < 0.85 ? `k${k}` : one(KEYS);
      if (rand() < 0.4) {
        lines.push(`${key}:${rand() < 0.2 ? ' # note' : ''}`);
        const indent = rand() < 0.9 ? '  ' : one(['    ', ' ', '\t', '\u00a0 ']);
        const nested = Math.floor(rand() * 4);
        for (let j = 0; j < nested; j++) {
          const nk = rand() < 0.85 ? `c${j}` : one(KEYS);
          lines.push(`${rand() < 0.95 ? indent : ' '.repeat(3)}${nk}: ${value()}`);
          if (rand() < 0.1) lines.push(one(['', '  # comment', '# comment', '  more text', '- item']));
        }
      } else {
        lines.push(`${key}: ${value()}`);
      }
      if (rand() < 0.06) lines.push(one(EXTRA));
    }
    yield lines.join(rand() < 0.7 ? '\n' : one(LINE_ENDS)) + (rand() < 0.8 ? '\n' : '');
  }
}

/** What YAML 1.2 core says the text means, or undefined when the reference refuses it. */
function reference(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) return undefined;
  return { data: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

/**
 * A value as text that keeps what JSON loses (NaN, ±Infinity, −0, undefined) and key order, and
 * ignores prototypes (an own `constructor` key would otherwise break deep equality).
 */
function canon(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`).join(',')}}`;
}

describe('the fast YAML path', () => {
  it('means what the YAML 1.2 core reference means on every text it accepts, and accepts most plain ones', () => {
    let accepted = 0;
    let total = 0;
    for (const doc of documents(7, 8000)) {
      total++;
      const fast = quickParse(doc);
      if (fast === undefined) continue;
      accepted++;
      const ref = reference(doc);
      expect(ref, JSON.stringify(doc)).toBeDefined();
      expect(canon(fast.data), JSON.stringify(doc)).toBe(canon(ref?.data));
    }
    // The test means nothing if the fast path refused everything (it refuses anything float-like,
    // and a good part of the generated values are floats).
    expect(accepted / total).toBeGreaterThan(0.2);
  });

  it('reads the files the kit writes', () => {
    const doc = 'schema: village-kit/answers@1\r\nvillage: "Ērgļi"\r\n# c\r\nanswers:\r\n  strategy.vision: { score: 3, note: "Jā: tā ir" }\r\n  strategy.assets: n/a\r\n  innovation.social: null\r\n';
    expect(quickParse(doc)?.data).toStrictEqual({
      schema: 'village-kit/answers@1',
      village: 'Ērgļi',
      answers: { 'strategy.vision': { score: 3, note: 'Jā: tā ir' }, 'strategy.assets': 'n/a', 'innovation.social': null },
    });
  });

  it.each([
    ['a prototype key', 'village: X\n__proto__: { village: Ghost }\n'],
    ['Unicode whitespace after a score', 'a: 3\u00a0\n'],
    ['a lone CR line end', 'a: 1\rb: 2\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: 1\n'],
    ['a tag', 'a: !!float 3\n'],
    ['a set', 'a: !!set { x }\n'],
    ['a constructor key', 'answers:\n  constructor: 3\n'],
    ['a float literal score', 'a: 3.0\n'],
    ['an exponent', 'a: { score: 1e0 }\n'],
    ['a rounded float', 'a: 2.9999999999999999\n'],
    ['a tiny float', 'a: 1e-400\n'],
    ['a merge key', 'base: &b { x: 1 }\nc:\n  <<: *b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('leaves %s to the full parser, which reports or reads it', (_what, doc) => {
    expect(quickParse(doc)).toBeUndefined();
    expect(() => parseYaml(doc, 'x.yaml')).not.toThrow();
  });
});
