import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse, resolvePlain } from '../../src/io/fast-yaml.js';

// Values chosen to sit on the edges of YAML 1.2 core resolution and of the fast reader's shape.
const PLAIN = [
  '3', '0', '-1', '+4', '007', '0o17', '0x1F', '0o9', '0xZ', '1_000', '1.5', '3.0', '.5', '-.5', '1e3', '1E-2', '1.e2', '.inf', '-.Inf',
  '+.INF', '.nan', '.NaN', 'nan', 'inf', 'null', 'Null', 'NULL', '~', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on',
  'n/a', 'N/A', 'Ērgļi', 'Kuldīgas novads', 'a, b', 'x]', 'x}', 'C#', 'a #b', 'a: b', 'a:b', 'ends:', 'it\'s', '2026-03-14',
  '2026-03-14 10:22', '-', '-x', '- x', '?x', ':x', '[x]', '{x}', '#x', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', 'a  b', 'é',
  'x\\y', 'x"y',
];
const QUOTED = [
  '"double"', '"with \\"escape\\""', '"tab\\tnew\\nline"', '"uni \\u0101 \\x41 \\U0001F600"', '"bad \\q"', '"\\uD83D"', '"open',
  "'single'", "'it''s'", "'open", '""', "''", '"# not a comment"', "'a: b'", '"a" # comment', '"a"#x', '"a" x',
];
const FLOW = [
  '{ score: 3, note: "ok" }', '{score: 3}', '{ score: n/a }', '{ note: "x", score: 2 }', '{ score: 3, }', '{ }', '{}', '{ score: }',
  '{ score: 3, score: 4 }', '{ score: [1] }', '{ score: {a: 1} }', '{ "score": 3 }', '{ score: 3 } # c', '{ score: 3 } x',
  "{ note: 'it''s', score: 0x10 }", '{ note: a:b }', '{ note: a, b }', '{ note: x #y }', '{ score: 3', '{ score: -1, note: ~ }',
];
const KEYS = ['schema', 'village', 'answers', 'strategy.vision', 'a-b_c', '1', 'null', 'true', 'x y', 'key ', '"q"', 'Ā'];

function* documents(seed: number, count: number): Generator<string> {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const value = () => one([...PLAIN, ...QUOTED, ...(rand() < 0.5 ? FLOW : []), '', '# comment']);
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const top = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < top; k++) {
      const key = rand() < 0.85 ? `k${k}` : one(KEYS);
      if (rand() < 0.4) {
        lines.push(`${key}:${rand() < 0.2 ? ' # note' : ''}`);
        const indent = rand() < 0.9 ? '  ' : one(['    ', ' ', '\t']);
        const nested = Math.floor(rand() * 4);
        for (let j = 0; j < nested; j++) {
          const nk = rand() < 0.85 ? `c${j}` : one(KEYS);
          lines.push(`${rand() < 0.95 ? indent : ' '.repeat(3)}${nk}: ${value()}`);
          if (rand() < 0.1) lines.push(one(['', '  # comment', '# comment', '  more text', '- item']));
        }
      } else {
        lines.push(`${key}: ${value()}`);
      }
      if (rand() < 0.05) lines.push(one(['---', '...', 'a: b: c', '  - x', '%YAML 1.2']));
    }
    const doc = lines.join(rand() < 0.2 ? '\r\n' : '\n') + (rand() < 0.8 ? '\n' : '');
    yield doc;
  }
}

describe('the fast YAML reader', () => {
  it('agrees with the yaml library on every document it accepts, and accepts most plain ones', () => {
    let accepted = 0;
    let total = 0;
    for (const doc of documents(7, 6000)) {
      total++;
      const fast = fastParse(doc);
      if (fast === undefined) continue;
      accepted++;
      let reference: unknown;
      expect(() => {
        reference = parse(doc) as unknown;
      }, doc).not.toThrow();
      expect(fast, doc).toEqual(reference);
    }
    // The test means nothing if the reader refused everything.
    expect(accepted / total).toBeGreaterThan(0.25);
  });

  it('reads the files the kit writes', () => {
    const doc = 'schema: village-kit/answers@1\r\nvillage: "Ērgļi"\r\n# c\r\nanswers:\r\n  strategy.vision: { score: 3, note: "Jā: tā ir" }\r\n  strategy.assets: n/a\r\n  innovation.social: null\r\n';
    expect(fastParse(doc)).toEqual(parse(doc));
    expect(fastParse(doc)).toEqual({
      schema: 'village-kit/answers@1',
      village: 'Ērgļi',
      answers: { 'strategy.vision': { score: 3, note: 'Jā: tā ir' }, 'strategy.assets': 'n/a', 'innovation.social': null },
    });
  });

  it('leaves anything unusual to the full parser', () => {
    for (const doc of ['', '# only a comment\n', 'a: 1\na: 2\n', 'a: &x 1\nb: *x\n', 'a: |\n  text\n', '- 1\n- 2\n', 'a:\n  b:\n    c: 1\n', 'a: "x\n  y"\n']) {
      expect(fastParse(doc), doc).toBeUndefined();
    }
  });

  it('resolves scalars as the YAML 1.2 core schema', () => {
    expect([resolvePlain('yes'), resolvePlain('0o17'), resolvePlain('1_000'), resolvePlain('~'), resolvePlain('3.0')]).toEqual(['yes', 15, '1_000', null, 3]);
  });
});
