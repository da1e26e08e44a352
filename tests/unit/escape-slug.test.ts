import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/core/slug.js';
import { distance, suggest } from '../../src/core/suggest.js';
import { deepEscape, escapeMarkdown, needsEscape, safeUrl } from '../../src/render/escape.js';

describe('Markdown escaping', () => {
  it.each([
    ['Ērgļi', 'Ērgļi'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[click](javascript:x)', '\\[click\\](javascript:x)'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['1.0.0', '1.0.0'],
    ['2026-03-14', '2026-03-14'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('escapes a whole data tree and keeps only http(s) URLs', () => {
    expect(deepEscape({ a: ['*x*'], n: 3, url: 'javascript:alert(1)', b: { url: 'https://a.lv/x y' } }, escapeMarkdown)).toEqual({
      a: ['\\*x\\*'],
      n: 3,
      url: null,
      b: { url: 'https://a.lv/x%20y' },
    });
    expect(safeUrl('not a url')).toBeNull();
  });

  it.each([
    ['Ērgļi', false],
    ['1.0.0', false],
    ['2026-03-14', false],
    ['a - b + c = d # e', false],
    ['  12 apples', false],
    ['12.', true],
    [' 3) x', true],
    ['  - item', true],
    ['\u00a0# x', true],
    ['=', true],
    ['tab\tend', false],
    ['a\rb', true],
    ['~', true],
  ])('needsEscape(%j) is %j', (input, expected) => {
    expect(needsEscape(input)).toBe(expected);
    if (!expected) expect(escapeMarkdown(input)).toBe(input);
  });

  it('says a text needs escaping exactly when escapeMarkdown changes it (50,000 generated texts)', () => {
    // Texts from the characters that matter: markers, digits, spaces of several kinds, line breaks.
    const alphabet = ['a', 'ā', ' ', '\u00a0', '\t', '\n', '\r', '1', '9', '.', ')', '-', '+', '=', '#', '*', '_', '`', '[', ']', '<', '>', '|', '~', '\\', '(', ','];
    let seed = 19;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let unchanged = 0;
    for (let i = 0; i < 50_000; i++) {
      let text = '';
      for (let j = next(7); j > 0; j--) text += alphabet[next(alphabet.length)] ?? '';
      const changes = escapeMarkdown(text) !== text;
      if (!changes) unchanged++;
      expect(needsEscape(text), JSON.stringify(text)).toBe(changes);
    }
    expect(unchanged).toBeGreaterThan(1_000);
  });

  it('makes bare objects: no inherited field, still printable', () => {
    const out = deepEscape({ a: { b: 'x' } }, escapeMarkdown, true) as Record<string, Record<string, unknown>>;
    for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(field in out).toBe(false);
    expect(Object.keys(out)).toEqual(['a']);
    const printable = out.a as unknown as { [Symbol.toPrimitive]: (hint: string) => string };
    expect(printable[Symbol.toPrimitive]('string')).toBe('[object]');
  });
});

describe('safe file names', () => {
  it.each([
    ['Ērgļi', 'ērgļi'],
    ['../../etc', 'etc'],
    ['..\\..\\Windows\\win.ini', 'windows-win.ini'],
    ['Vec Piebalga', 'vec-piebalga'],
    ['a/b:c*d?"e<f>g|h', 'a-b-c-d-e-f-g-h'],
    ['CON', 'con-village'],
    ['...', 'village'],
    ['', 'village'],
    ['x'.repeat(200), 'x'.repeat(80)],
    ['NUL.txt', 'nul-village.txt'],
    ['con.tar.gz', 'con-village.tar.gz'],
    ['COM¹', 'com¹-village'],
    ['Lpt1.md', 'lpt1-village.md'],
    ['evil\u202egpj.exe', 'evilgpj.exe'],
    ['a\u200bb\u200d\ufeffc', 'abc'],
    ['😀'.repeat(100), '😀'.repeat(50)],
    [`a${'.'.repeat(3)}b${'.'.repeat(200_000)}`, 'a...b'],
  ])('%j -> %j', (name, expected) => {
    expect(safeFileName(name, new Set())).toBe(expected);
  });

  it('takes linear time on long runs of dots, dashes and spaces', () => {
    const started = performance.now();
    for (const run of ['.', '-', ' ', '. -']) safeFileName(`a${run.repeat(100_000)}b${run.repeat(100_000)}`, new Set());
    // Quadratic trimming took seconds here; the bound is loose so a busy machine does not fail it.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never collides, ignoring case', () => {
    const taken = new Set(['ērgļi', 'ērgļi-2']);
    expect(safeFileName('ĒRGĻI', taken)).toBe('ērgļi-3');
  });
});

describe('suggestions', () => {
  it('suggests a close id and nothing for a far one', () => {
    expect(suggest('strategy.visoin', ['strategy.vision', 'strategy.assets'])).toBe('strategy.vision');
    expect(suggest('vilage', ['village', 'framework'])).toBe('village');
    expect(suggest('zzz', ['village'])).toBeUndefined();
    expect(distance('ab', 'ba')).toBe(1);
  });
});
