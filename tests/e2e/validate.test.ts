import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, noStack, tempDir, village } from '../helpers/cli.js';

const answers = (body: string, head = 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Ērgļi\n') => `${head}${body}`;

const files = tempDir({
  'ok/bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(answers('answers:\n  strategy.vision: 3\n'))]),
  'ok/crlf.yaml': answers('answers:\n  strategy.vision: { score: 2, note: "Pierakstīts" }\n').replace(/\n/g, '\r\n'),
  'ok/latvian.yaml': answers(
    'municipality: Madonas novads\nrespondent: Līga Kalniņa\nanswers:\n  strategy.vision: { score: 4, note: "ā č ē ģ ī ķ ļ ņ š ū ž Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž" }\n',
  ),
  'ok/utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(answers('answers:\n  strategy.vision: 1\n'), 'utf16le')]),
  'bad/unknown-criterion.yaml': answers('answers:\n  strategy.vision: 3\n  strategy.visoin: 2\n'),
  'bad/out-of-range.yaml': answers('answers:\n  strategy.vision: 3\n  strategy.assets: { score: 9, note: x }\n'),
  'bad/wrong-type.yaml': answers('answers:\n  strategy.vision: [3]\n'),
  'bad/bad-text.yaml': answers('answers:\n  strategy.vision: "3.5"\n'),
  'bad/framework-mismatch.yaml': 'schema: village-kit/answers@1\nframework: other-framework\nvillage: X\nanswers: {}\n',
  'bad/duplicate-key.yaml': answers('answers:\n  strategy.vision: 3\n  strategy.vision: 4\n'),
  'bad/broken.yaml': answers('answers:\n  strategy.vision: "unclosed\n  strategy.assets: 2\n'),
  'bad/empty.yaml': '',
  'bad/latin1.yaml': Buffer.concat([Buffer.from(answers('answers:\n  strategy.vision: { score: 2, note: "')), Buffer.from([0xe2, 0x72, 0x67]), Buffer.from('" }\n')]),
  'bad/list.yaml': '- strategy.vision: 3\n- strategy.assets: 2\n',
  'bad/not-kit.yaml': 'name: something else\n',
  'bad/alias-bomb.yaml': 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
  'bad/huge.yaml': `answers:\n${'  # padding\n'.repeat(250_000)}`,
  'bad/deep.yaml': `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'criteria/broken-criteria.yaml': readFileSync(`${FIXTURES}/four-pillars.yaml`, 'utf8')
    .replace('weight: 2\n    criteria:', 'weight: 0\n    criteria:')
    .replace('partners: [lab]', 'partners: [lba]')
    .replace('            below: 5', '            below: 9')
    .replace('  - id: silver', '  - id: gold'),
});
afterAll(() => files.cleanup());

/** The one-line message for a file, and its line number. */
function one(file: string): { code: number | null; line: string; lineNo: number } {
  const r = village(['validate', files.path(file)]);
  const lines = r.stdout.trim().split('\n');
  expect(lines, r.stdout).toHaveLength(1);
  expect(noStack(r.stdout + r.stderr)).toBe(true);
  const m = /:(\d+):(\d+): /.exec(lines[0] ?? '');
  return { code: r.code, line: lines[0] ?? '', lineNo: Number(m?.[1]) };
}

describe('village validate', () => {
  it('refuses to run without files (an empty variable in CI is no green run), and checks the bundled criteria with --bundled', () => {
    const none = village(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--bundled');
    const r = village(['validate', '--bundled']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
  });

  it('accepts the examples and a framework with another scale and four pillars', () => {
    expect(village(['validate', 'examples/']).code).toBe(0);
    expect(village(['validate', `${FIXTURES}/four-pillars.yaml`]).code).toBe(0);
    expect(village(['validate', `${FIXTURES}/four-pillars-answers.yaml`, '--criteria', `${FIXTURES}/four-pillars.yaml`]).code).toBe(0);
  });

  it.each(['ok/bom.yaml', 'ok/crlf.yaml', 'ok/latvian.yaml', 'ok/utf16.yaml'])('accepts %s', (file) => {
    const r = village(['validate', files.path(file)]);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['bad/unknown-criterion.yaml', 6, 'unknown criterion "strategy.visoin" (did you mean "strategy.vision"?)'],
    ['bad/out-of-range.yaml', 6, 'score 9 is outside the scale 0–4'],
    ['bad/wrong-type.yaml', 5, 'must be a whole number, "n/a", "dont-know", empty (null), a text or a mapping'],
    ['bad/bad-text.yaml', 5, '"3.5" is not a score on 0–4, a scale label or n/a (3.5 is not 3)'],
    ['bad/framework-mismatch.yaml', 2, 'these answers are for framework "other-framework", but the criteria are "smart-village-lv"'],
    ['bad/duplicate-key.yaml', 6, 'duplicate key "strategy.vision"'],
    ['bad/broken.yaml', 7, 'a quote or bracket opened earlier is not closed'],
    ['bad/empty.yaml', 1, 'the file is empty'],
    ['bad/latin1.yaml', 5, 'the file is not UTF-8 text'],
    ['bad/list.yaml', 1, 'no "schema" field'],
    ['bad/not-kit.yaml', 1, 'no "schema" field'],
    ['bad/alias-bomb.yaml', 5, 'too many YAML aliases'],
    ['bad/huge.yaml', 1, 'over the limit'],
    ['bad/deep.yaml', 1, 'nested too deeply'],
  ])('rejects %s on line %d: %s', (file, lineNo, text) => {
    const r = one(file);
    expect(r.code).toBe(1);
    expect(r.line).toContain(text);
    expect(r.line.startsWith(files.path(file))).toBe(true);
    expect(r.lineNo).toBe(lineNo);
  });

  it('reports every problem of a criteria file with its position, and goes on to the next file', () => {
    const r = village(['validate', files.path('criteria/broken-criteria.yaml'), files.path('ok/latvian.yaml'), files.path('bad/empty.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(files.dir, ''));
    // The schema error and the semantic problems of the parts that passed the schema, at once.
    expect(lines).toEqual([
      '/bad/empty.yaml:1:1: the file is empty',
      '/criteria/broken-criteria.yaml:21:13: must be greater than 0',
      '/criteria/broken-criteria.yaml:30:20: below: 9 must be above 1 and at most 7 (a score below it gets the action)',
      '/criteria/broken-criteria.yaml:32:24: unknown partner "lba" (did you mean "lab"?): add it to "partners"',
      '/criteria/broken-criteria.yaml:61:9: duplicate level id "gold" (first at line 58)',
    ]);
  });

  it('checks CSV answers row by row', () => {
    const csv = tempDir({ 's.csv': 'village;strategy.vision;Kopīga vīzija\nĒrgļi;3;\nAlsunga;nav;2\n' });
    const r = village(['validate', csv.path('s.csv')]);
    csv.cleanup();
    expect(r.code).toBe(1);
    expect(r.stdout.replaceAll(csv.dir, '').trim().split('\n')).toEqual([
      `/s.csv:1:3: warning: column C "Kopīga vīzija" holds scores but matches no criterion; map it in a --map file (columns:) or rename it, or pass --ignore-column 'Kopīga vīzija'`,
      '/s.csv:3:2: column B (strategy.vision): "nav" is not a score on 0–4, a scale label or n/a; this answer is left out, the rest of the row is kept',
    ]);
    expect(r.stderr.replaceAll(csv.dir, '')).toContain('/s.csv: 2 row(s), 1 read; 1 rejected; 1 cell(s) dropped\n');
    expect(village(['validate', 'tests/fixtures/csv/excel-lv.csv']).code).toBe(0);
  });

  it('prints JSON and GitHub annotations', () => {
    const json = village(['validate', files.path('bad/out-of-range.yaml'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      files: [{ kind: 'answers', valid: false }],
      diagnostics: [{ line: 6, column: 29, severity: 'error', message: 'score 9 is outside the scale 0–4' }],
    });
    const gh = village(['validate', files.path('bad/unknown-criterion.yaml'), '--format', 'github']);
    expect(gh.stdout).toMatch(
      /^::error file=.*unknown-criterion\.yaml,line=6,col=3,endLine=6,endColumn=18,title=ans\.unknownCriterion::unknown criterion "strategy\.visoin"/,
    );
  });

  it('speaks Latvian with --lang lv or a Latvian locale', () => {
    const r = village(['validate', files.path('bad/out-of-range.yaml'), '--lang', 'lv']);
    expect(r.stdout).toContain('vērtējums 9 ir ārpus skalas 0–4');
    const env = village(['validate', files.path('bad/empty.yaml')], { env: { LANG: 'lv_LV.UTF-8' } });
    expect(env.stdout).toContain('fails ir tukšs');
  });

  it('reads standard input as "-", named by --stdin-filepath', () => {
    const r = village(['validate', '-', '--stdin-filepath', 'answers/x.yaml'], { input: answers('answers:\n  strategy.vision: 9\n') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('answers/x.yaml:5:20: score 9 is outside the scale 0–4\n');
    expect(village(['validate', '-', '--stdin-filepath', 'x.yaml'], { input: answers('answers:\n  strategy.vision: 3\n') }).code).toBe(0);
  });

  it('exits 2 on a usage error, with a message and no stack', () => {
    const r = village(['validate', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'xml' is invalid");
    expect(village(['valdate']).code).toBe(2);
    expect(noStack(r.stderr)).toBe(true);
  });

  it('prints the JSON Schemas, the same as the committed schema files', () => {
    for (const kind of ['criteria', 'answers']) {
      const r = village(['schema', kind]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(`${ROOT}/schema/${kind}.schema.json`, 'utf8'));
    }
    expect(village(['schema', 'other']).code).toBe(2);
  });
});
