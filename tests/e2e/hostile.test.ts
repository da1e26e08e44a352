import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, noStack, tempDir, village } from '../helpers/cli.js';

/**
 * Regression tests from the real binary for the breaks of the attack review (issue 9,
 * ../shared/reviews/turn2-security.md): each names its break (B3…B24). Sizes are the review's.
 */

const HEAD = 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Test\nanswers:\n';
const answers = (lines: string): string => `${HEAD}${lines}`;
const CRITERIA = (max: number): string =>
  `schema: village-kit/criteria@1\nid: x\nversion: 1.0.0\nlanguages: [en]\ntitle: { en: X }\nscale: { min: 0, max: ${max}, labels: { 0: { en: none } } }\n` +
  'pillars:\n  - id: p\n    title: { en: P }\n    criteria:\n      - id: c\n        title: { en: C }\n        question: { en: Q }\nlevels:\n  - id: l\n    title: { en: L }\n    rules: {}\n';
const ALSUNGA = join(EXAMPLES, 'alsunga.yaml');
// eslint-disable-next-line no-control-regex -- what must never reach a terminal raw
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/;

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const folder = (files: Record<string, string | Buffer>): string => {
  const dir = join(tmp.dir, `case-${n++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};

describe('crashes and denial of service', () => {
  it('B3: 130,000 bad CSV rows are rejected with a capped list, and the batch keeps the other villages', () => {
    const dir = folder({ 'bad.csv': `village,strategy.vision\n${'V,9\n'.repeat(130_000)}` });
    const r = village(['score', EXAMPLES, join(dir, 'bad.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(noStack(r.stderr)).toBe(true);
    const json = JSON.parse(r.stdout) as { results: unknown[]; errors: { message: string }[] };
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.errors.length).toBeLessThan(100);
    expect(json.errors.some((e) => /more like this/.test(e.message))).toBe(true);
  }, 60_000);

  it('B4c: a duplicate key followed by 150,000 spaces is one short, located line', () => {
    const dir = folder({ 'dup.yaml': answers(`  strategy.vision: 3\n  ? strategy.vision${' '.repeat(150_000)}# c\n  : 4\n`) });
    const r = village(['score', join(dir, 'dup.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/dup\.yaml:6:5: duplicate key "strategy\.vision"/);
    expect(lines[0]?.length).toBeLessThan(300);
  });

  it('B4d: a 200 KB village name of dots becomes a short file name', () => {
    const dir = folder({ 'dots.yaml': answers('  strategy.vision: 3\n').replace('village: Test', `village: "a${'.'.repeat(200_000)}b"`) });
    const r = village(['score', join(dir, 'dots.yaml'), '--reports', join(dir, 'plans')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual(['a.md', 'overview.md', 'summary.csv', 'summary.json', 'summary.xlsx']);
  });

  it('B4e: 1.9 MB of unknown answer keys is refused with a capped list', () => {
    let text = HEAD;
    for (let i = 0; text.length < 1_900_000; i++) text += `  strategy.unknown${i}: 3\n`;
    const dir = folder({ 'keys.yaml': text });
    const r = village(['score', join(dir, 'keys.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeLessThan(30);
    expect(r.stderr).toMatch(/… and \d+ more like this/);
  }, 60_000);

  it('B13: /dev/zero is refused at the size limit, in well under a second of reading', () => {
    // stat says 0 bytes for a device; the bound counts the bytes read. (A FIFO goes through the
    // same loop: Node alone cannot make one, so docs/formats.md records that check by hand.)
    const zero = village(['score', '/dev/zero']);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('/dev/zero:1:1: the file is 2097152+ bytes, over the limit');
  });

  it('B14: a scale of a million or a hundred million steps is one located error', () => {
    const dir = folder({ 'm.yaml': CRITERIA(1_000_000), 'h.yaml': CRITERIA(100_000_000) });
    for (const f of ['m.yaml', 'h.yaml']) {
      const r = village(['validate', join(dir, f)]);
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/:6:23: the scale from 0 to \d+ has more than 100 steps$/)]);
    }
    const s = village(['score', ALSUNGA, '--criteria', join(dir, 'm.yaml')]);
    expect(s.code).toBe(1);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('B20: five nested #each in a template stop at the size limit; {{log}} and {{__proto__}} are errors', () => {
    const dir = folder({
      'expo.hbs': `${'{{#each @root.labels.report}}'.repeat(5)}xxxxxxxxxx${'{{/each}}'.repeat(5)}\n`,
      'log.hbs': '{{log "hi"}}x\n',
      'proto.hbs': '{{__proto__}}\n',
      'ctor.hbs': '{{#with constructor}}x{{/with}}\n',
    });
    const expo = village(['report', ALSUNGA, '--template', join(dir, 'expo.hbs')]);
    expect(expo.code).toBe(1);
    expect(expo.stdout).toBe('');
    expect(expo.stderr).toMatch(/expo\.hbs:1:1: template: the report grew over/);
    for (const t of ['log.hbs', 'proto.hbs', 'ctor.hbs']) {
      const r = village(['report', ALSUNGA, '--template', join(dir, t)]);
      expect(r.code, t).toBe(1);
      expect(r.stdout, t).toBe('');
      expect(r.stderr, t).toMatch(/template: /);
    }
  });

  it('B20: one village whose plan fails its template does not stop the other plans or the summaries', () => {
    const dir = folder({ 'data.hbs': '{{village}}: {{strengths.0.title}}\n' });
    const r = village(['score', EXAMPLES, '--reports', join(dir, 'plans'), '--template', join(dir, 'data.hbs')]);
    expect(r.code).toBe(1);
    const written = readdirSync(join(dir, 'plans'));
    expect(written).toEqual(expect.arrayContaining(['summary.csv', 'summary.json']));
    expect(written.filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0);
  });
});

describe('one meaning per file: score and validate agree', () => {
  const cases = {
    'b7-proto-top.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\n__proto__: { village: Ghost }\nanswers:\n  strategy.vision: 3\n',
    'b7-proto-answer.yaml': answers('  strategy.vision: { score: 3, __proto__: 4 }\n'),
    'b7-constructor.yaml': answers('  constructor: 3\n'),
    'b8-indent.yaml': answers('\u00a0 strategy.vision: 3\n'),
    'b9-cr.yaml': HEAD.replace(/\n/g, '\r') + '  strategy.vision: 3\r',
    'b9-yaml11.yaml': `%YAML 1.1\n---\n${answers('  strategy.vision: 3\n')}`,
    'b9-float-tag.yaml': answers('  strategy.vision: !!float 3\n'),
    'b9-set.yaml': answers('  strategy.vision: !!set { a }\n'),
    'b18-3.0.yaml': answers('  strategy.vision: 3.0\n'),
    'b18-rounded.yaml': answers('  strategy.vision: 2.9999999999999999\n'),
    'b18-tiny.yaml': answers('  strategy.vision: { score: 1e-400 }\n'),
    'b18-exp.yaml': answers('  strategy.vision: 1e0\n'),
    'b16-mapkey.yaml': answers('  [a, b]: 3\n'),
  };

  it('B7, B8, B9, B16, B18: every case is refused by both, with its own located error and no Node warning', () => {
    const dir = folder(cases);
    const score = village(['score', dir, '--format', 'json']);
    const validate = village(['validate', dir, '--format', 'json']);
    expect(score.code).toBe(1);
    expect(score.stderr).not.toContain('(node:');
    expect(validate.stderr).not.toContain('(node:');
    expect((JSON.parse(score.stdout) as { results: unknown[] }).results).toEqual([]);
    const report = JSON.parse(validate.stdout) as { files: { file: string; valid: boolean }[]; diagnostics: { file: string; line: number; message: string }[] };
    expect(report.files.map((f) => f.valid)).toEqual(Object.keys(cases).map(() => false));
    const at = (name: string): string[] => report.diagnostics.filter((d) => d.file.endsWith(name)).map((d) => `${d.line}: ${d.message}`);
    expect(at('b7-proto-top.yaml')).toContainEqual('3: the key "__proto__" is not allowed');
    expect(at('b18-3.0.yaml')).toContainEqual('5: "3.0" is written as a decimal number: write a score as a whole number, like 3');
    expect(at('b9-yaml11.yaml')).toContainEqual('1: the directive "%YAML 1.1" is not supported: the kit reads YAML 1.2 only (remove the line)');
    expect(at('b9-set.yaml')[0]).toMatch(/^5: the tag "!!set" is not supported/);
    expect(at('b16-mapkey.yaml')[0]).toMatch(/^5: a key must be a single word or text/);
  });

  it('B8: a score written as text with a no-break space means the same to score and validate (the answer vocabulary trims it)', () => {
    const dir = folder({ 'b8-nbsp.yaml': answers('  strategy.vision: 3\u00a0\n') });
    const score = village(['score', dir, '--format', 'json']);
    const validate = village(['validate', dir]);
    expect(score.code).toBe(0);
    expect(validate.code).toBe(0);
    const doc = JSON.parse(score.stdout) as { results: { criteria: Record<string, { raw: number | null }> }[] };
    expect(doc.results[0]?.criteria['strategy.vision']?.raw).toBe(3);
  });

  it('B24: exactly 100 aliases pass the cap, the 101st is refused at its line', () => {
    const criteria = (aliases: number): string =>
      `${CRITERIA(4).replace('title: { en: X }', 'title: &t { en: X }')}x-refs:\n${'  - *t\n'.repeat(aliases)}`;
    const dir = folder({ 'a100.yaml': criteria(100), 'a101.yaml': criteria(101) });
    const ok = village(['validate', join(dir, 'a100.yaml')]);
    expect(ok.stdout).not.toContain('aliases');
    const bad = village(['validate', join(dir, 'a101.yaml')]);
    expect(bad.stdout).toMatch(/a101\.yaml:119:5: too many YAML aliases/);
  });
});

describe('writes only where asked', () => {
  it('B6: a symlink planted in the reports folder is refused even with --force, and its target is untouched', () => {
    const dir = folder({ 'victim.txt': 'SECRET' });
    mkdirSync(join(dir, 'plans'));
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'plans', 'alsunga.md'));
    const r = village(['score', ALSUNGA, '--reports', join(dir, 'plans'), '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/alsunga\.md:1:1: .* is a symbolic link: it is never written through, even with --force/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('SECRET');
    expect(existsSync(join(dir, 'plans', 'summary.json'))).toBe(true);
  });

  it('B6: --out onto a device (through a link or directly) is refused even with --force', () => {
    const dir = folder({});
    symlinkSync('/dev/null', join(dir, 'null.md'));
    const link = village(['report', ALSUNGA, '--out', join(dir, 'null.md'), '--force']);
    expect(link.code).toBe(1);
    expect(lstatSync(join(dir, 'null.md')).isSymbolicLink()).toBe(true);
    const device = village(['report', ALSUNGA, '--out', '/dev/null', '--force']);
    expect(device.code).toBe(1);
    expect(device.stderr).toContain('is not a regular file');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('B17: Windows device names with an extension and bidi or zero-width characters do not reach file names', () => {
    const names = ['NUL.txt', 'con.tar.gz', 'COM¹', 'evil\u202egpj.exe', 'a\u200bb'];
    const dir = folder(Object.fromEntries(names.map((v, i) => [`${i}.yaml`, answers('  strategy.vision: 3\n').replace('village: Test', `village: ${JSON.stringify(v)}`)])));
    const r = village(['score', dir, '--reports', join(dir, 'plans'), '--no-group']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual(
      ['ab.md', 'com¹-village.md', 'con-village.tar.gz.md', 'evilgpj.exe.md', 'nul-village.txt.md', 'overview.md', 'summary.csv', 'summary.json', 'summary.xlsx'].sort(),
    );
  });

  it('B21: a symlinked answers file inside an input folder is read, not skipped', () => {
    const dir = folder({ 'b.yaml': readFileSync(join(EXAMPLES, 'lejasciems.yaml')) });
    symlinkSync(ALSUNGA, join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'c.yaml'));
    const r = village(['score', dir, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { results: { village: string }[]; errors: { file: string; message: string }[] };
    expect(json.results.map((v) => v.village).sort()).toEqual(['Alsunga', 'Lejasciems']);
    expect(json.errors).toEqual([expect.objectContaining({ file: join(dir, 'c.yaml'), message: 'file or folder not found' })]);
  });
});

describe('clean terminal output', () => {
  it('B11: escape sequences and line breaks in names, keys and headers are shown as visible escapes', () => {
    const evil = 'Evil\u001b]0;PWNED\u0007\u001b[2J\u001b[31mRED\nline';
    const dir = folder({
      'name.yaml': answers('  strategy.vision: 3\n').replace('village: Test', `village: ${JSON.stringify(evil)}`),
      'key.yaml': answers(`  ${JSON.stringify(`\u001b]0;PWNED-TITLE\u0007\u001b[2J`)}: 3\n`),
      'col.csv': `village,"\u001b[2Jcol\nx",strategy.vision\nA,1,3\n`,
    });
    const table = village(['score', join(dir, 'name.yaml')]);
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    expect(table.stdout).toContain('Evil\\x1b]0;PWNED');
    for (const f of ['key.yaml', 'col.csv']) {
      const r = village(['score', join(dir, f)]);
      expect(r.stderr, f).not.toMatch(RAW_CONTROL);
      expect(r.stderr, f).toContain('\\x1b[2J');
      for (const line of r.stderr.trim().split('\n')) expect(line, f).toMatch(/^(\S+:\d+:\d+: |\d+ village|\S+: \d+ row)/);
    }
  });
});
