import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const FOUR = readFileSync(`${FIXTURES}/four-pillars.yaml`, 'utf8');
const FOUR_ANSWERS = readFileSync(`${FIXTURES}/four-pillars-answers.yaml`, 'utf8');
const answersFor = (framework: string, body = 'answers: {}\n'): string =>
  `schema: village-kit/answers@1\nframework: ${framework}\nvillage: X\n${body}`;

const files = tempDir({
  'criteria/four.yaml': FOUR,
  'criteria/broken.yaml': FOUR.replace('partners: [lab]', 'partners: [lba]'),
  'answers/four.yaml': FOUR_ANSWERS,
  'answers/lv.yaml': answersFor('smart-village-lv'),
  'answers/nobody.yaml': answersFor('no-such-framework'),
  'syntax/two.yaml': 'schema: village-kit/answers@1\nframework: x\nvillage: X\nanswers:\n\tstrategy.vision: 1\nlag: a: b\n',
  'syntax/indent.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: X\nanswers:\n  strategy.vision: 3\n   strategy.assets: 2\n',
  'syntax/merge.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nbase: &b { village: X }\n<<: *b\nanswers: {}\n',
  'mixed/mkdocs.yml': 'site_name: docs\n',
  'mixed/ok.yaml': answersFor('smart-village-lv'),
});
afterAll(() => files.cleanup());
const p = files.path;
const cwd = files.dir;

/** A criteria file whose texts use "de" while "languages" says de-AT: many texts, one root cause. */
const deAt = FOUR.replace(/\blv:/g, 'de:').replace(/languages: \[[^\]]*\]/, 'languages: [de-AT, en]');

describe('validate in CI', () => {
  it('matches answers to the criteria of their framework among the files of the run, and says which were never checked', async () => {
    const r = await run(['validate', 'criteria/four.yaml', 'answers/', '--format', 'json'], { cwd });
    const out = JSON.parse(r.stdout) as { files: { file: string; checked: boolean; valid: boolean }[]; diagnostics: { file: string; code: string }[] };
    expect(out.files).toEqual([
      { file: 'criteria/four.yaml', kind: 'criteria', checked: true, valid: true },
      { file: 'answers/four.yaml', kind: 'answers', checked: true, valid: true },
      { file: 'answers/lv.yaml', kind: 'answers', checked: true, valid: true },
      { file: 'answers/nobody.yaml', kind: 'answers', checked: false, valid: false },
    ]);
    expect(out.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['answers/nobody.yaml ans.noCriteria']);
    expect(r.stderr).toContain('1 file(s) not checked');
    expect(r.code).toBe(1);
  });

  it('lists no answers valid against a broken --criteria, and checks each file once however it is named', async () => {
    const r = await run(['validate', 'answers/four.yaml', 'criteria/broken.yaml', './criteria/broken.yaml', '--criteria', 'criteria/broken.yaml', '-f', 'json'], { cwd });
    const out = JSON.parse(r.stdout) as { files: { file: string; checked: boolean; valid: boolean }[]; diagnostics: { code: string }[] };
    expect(out.files.map((f) => [f.file, f.checked, f.valid])).toEqual([
      ['answers/four.yaml', false, false],
      ['criteria/broken.yaml', true, false],
    ]);
    expect(out.diagnostics.map((d) => d.code).sort()).toEqual(['ans.notChecked', 'crit.unknownPartner']);
  });

  it('reports every syntax error, indentation at the first character of the line, and merge keys with one message', async () => {
    const two = await run(['validate', p('syntax/two.yaml')]);
    expect(two.stdout.replaceAll(files.dir, '').trim().split('\n')).toEqual([
      '/syntax/two.yaml:5:1: a tab is used for indentation; indent with spaces',
      '/syntax/two.yaml:6:6: a key must be on one line and followed by ": " (is a colon missing, or a value not quoted?)',
    ]);
    const indent = await run(['validate', p('syntax/indent.yaml')]);
    expect(indent.stdout).toContain('indent.yaml:6:4: this line is indented by 3 space(s)');
    const merge = await run(['validate', p('syntax/merge.yaml')]);
    expect(merge.stdout.trim().split('\n')).toEqual([`${p('syntax/merge.yaml')}:4:1: YAML merge keys (<<) are not supported: write the keys out, or use an alias (*name) for a whole value`]);
  });

  it('collapses one missing language over many texts into one error with a hint', async () => {
    const d = tempDir({ 'c.yaml': deAt });
    const r = await run(['validate', d.path('c.yaml')]);
    d.cleanup();
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('"de-AT"'))).toHaveLength(1);
    expect(r.stdout).toMatch(/text\(s\) have no "de-AT" text, first here \(every text needs: de-AT, en\); the texts use "de": did you mean languages: \[de, en\]\?/);
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('writes several formats in one run, and SARIF that validates against the SARIF 2.1.0 schema', async () => {
    const out = tempDir();
    const r = await run(['validate', 'criteria/broken.yaml', 'syntax/indent.yaml', '-f', 'github', '-f', 'sarif', '-o', `sarif=${out.path('v.sarif')}`], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=criteria\/broken\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=crit\.unknownPartner::/m);
    const sarif = JSON.parse(readFileSync(out.path('v.sarif'), 'utf8')) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: object; artifactLocation: { uri: string } } }[] }[] }[];
    };
    out.cleanup();
    // The vendored schema (tests/fixtures/sarif-2.1.0-rtm.5.json) is draft-04: only its "id" keyword differs for ajv's draft-07.
    const schema = JSON.parse(readFileSync(`${FIXTURES}/sarif-2.1.0-rtm.5.json`, 'utf8')) as Record<string, unknown>;
    const { id, $schema: _, ...rest } = schema;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const check = ajv.compile({ ...rest, $id: String(id) });
    expect(check(sarif), JSON.stringify(check.errors)).toBe(true);
    // And a broken log fails it, so the check can fail.
    expect(check({ ...sarif, version: '2.0.0' })).toBe(false);
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((x) => x.ruleId).sort()).toEqual(['crit.unknownPartner', 'yaml.indent']);
    expect(Object.keys(results[0]?.locations[0]?.physicalLocation.region ?? {})).toEqual(['startLine', 'startColumn', 'endLine', 'endColumn']);
    expect(sarif.runs[0]?.tool.driver.rules.map((x) => x.id)).toEqual(['crit.unknownPartner', 'yaml.indent']);
  });

  it('caps GitHub annotations at 10 of a kind with a summary notice, and keeps every line in the log', async () => {
    const many = tempDir({ 'a.yaml': answersFor('smart-village-lv', `answers:\n${Array.from({ length: 12 }, (_, i) => `  strategy.x${i}: 1\n`).join('')}`) });
    const r = await run(['validate', many.path('a.yaml'), '--format', 'github']);
    many.cleanup();
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(10);
    expect(r.stdout).toMatch(/^::notice title=village validate::2 more error annotation\(s\) not shown/m);
    expect(r.stdout.split('\n').filter((l) => /a\.yaml:\d+:\d+: unknown criterion/.test(l))).toHaveLength(12);
  });

  it('fails on warnings with --strict or beyond --max-warnings, and leaves out --exclude paths', async () => {
    const warn = tempDir({ 'c.yaml': FOUR.replace(/(title: \{[^}]*)\}/, '$1, fr: "Titre" }') });
    const plainRun = await run(['validate', warn.path('c.yaml')]);
    expect(plainRun.code).toBe(0);
    expect(plainRun.stdout).toContain('warning');
    expect((await run(['validate', warn.path('c.yaml'), '--strict'])).code).toBe(1);
    expect((await run(['validate', warn.path('c.yaml'), '--max-warnings', '0'])).code).toBe(1);
    expect((await run(['validate', warn.path('c.yaml'), '--max-warnings', '1'])).code).toBe(0);
    warn.cleanup();
    expect((await run(['validate', 'mixed/'], { cwd })).code).toBe(1);
    expect((await run(['validate', 'mixed/', '--exclude', 'mkdocs.yml'], { cwd })).code).toBe(0);
    const all = await run(['validate', 'mixed/mkdocs.yml', '--exclude', 'mixed/**'], { cwd });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('matches no file once --exclude is applied');
  });

  it('is a usage error without files, and with "-" without --stdin-filepath', async () => {
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', '-'])).code).toBe(2);
    expect((await run(['validate', 'a.yaml', '-f', 'json', '-f', 'sarif'])).code).toBe(2);
    expect((await run(['validate', 'a.yaml', '-o', 'sarif'])).code).toBe(2);
  });

  it('writes a JSON report that its own JSON Schema accepts', async () => {
    const { PRINTED_SCHEMAS } = await import('../../src/schema/schemas.js');
    const r = await run(['validate', 'criteria/broken.yaml', 'answers/nobody.yaml', '-f', 'json'], { cwd });
    const ajv = new Ajv({ strict: false });
    const check = ajv.compile(PRINTED_SCHEMAS.validate);
    expect(check(JSON.parse(r.stdout)), JSON.stringify(check.errors)).toBe(true);
    expect(check({ version: 1, valid: true })).toBe(false);
    writeFileSync(p('unused.txt'), '');
  });
});
