import { Ajv } from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, ROOT, noStack, tempDir, village } from '../helpers/cli.js';

// The framework-specific schemas, written by the binary and used by a plain draft-07 validator
// (as an editor or a CI job would), must accept the good files and catch what validate catches.
const bundled = readFileSync(join(ROOT, 'criteria', 'smart-village.yaml'), 'utf8');
const bundledAnswers = (body: string) => `schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: Ērgļi\nanswers:\n${body}`;
const tmp = tempDir({
  'criteria.yaml': bundled,
  'broken.yaml': bundled.replace('languages: [lv, en]', 'languages: [lv, en'),
});
afterAll(() => tmp.cleanup());

const out = join(tmp.dir, 'schema');
const written = {
  criteria: village(['schema', 'criteria', '--for', tmp.path('criteria.yaml'), '--out', out]),
  answers: village(['schema', 'answers', '--criteria', tmp.path('criteria.yaml'), '--out', out]),
};
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, keywords: ['markdownDescription'] });
const load = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')) as { $id: string };
const validator = (name: string) => ajv.compile(load(name));

describe('village schema criteria --for / answers --criteria', () => {
  it('writes both schemas, named by the framework id, each with an $id', () => {
    for (const r of Object.values(written)) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['answers.smart-village-lv.schema.json', 'criteria.smart-village-lv.schema.json']);
    expect(load('criteria.smart-village-lv.schema.json').$id).toMatch(/criteria\.smart-village-lv\.schema\.json$/);
    expect(load('answers.smart-village-lv.schema.json').$id).toMatch(/answers\.smart-village-lv\.schema\.json$/);
  });

  it('accepts the bundled criteria, and rejects a missing en text, an unknown partner and a below of 7', () => {
    const check = validator('criteria.smart-village-lv.schema.json');
    expect(check(parse(bundled)), JSON.stringify(check.errors)).toBe(true);
    const broken = {
      'missing en': bundled.replace(/\n {2}en: "Smart Village self-assessment"/, ''),
      'unknown partner': bundled.replace('partners: [lag, llkc]', 'partners: [lag, llcc]'),
      'below 7': bundled.replace('below: 2.5', 'below: 7'),
    };
    for (const [what, text] of Object.entries(broken)) {
      expect(text, what).not.toBe(bundled);
      expect(check(parse(text)), what).toBe(false);
    }
  });

  it('accepts the example answers, and rejects an unknown criterion id and a score of 7', () => {
    const check = validator('answers.smart-village-lv.schema.json');
    const examples = [join(EXAMPLES, 'alsunga.yaml'), join(EXAMPLES, 'lejasciems.yaml'), ...readdirSync(join(EXAMPLES, 'ergli')).map((f) => join(EXAMPLES, 'ergli', f))];
    for (const f of examples) expect(check(parse(readFileSync(f, 'utf8'))), `${f}: ${JSON.stringify(check.errors)}`).toBe(true);
    expect(check(parse(bundledAnswers('  strategy.vision: { score: 3, note: ok }\n  strategy.assets: n/a\n  strategy.identity: null\n  strategy.challenges: dont-know\n')))).toBe(true);
    expect(check(parse(bundledAnswers('  strategy.visoin: 3\n')))).toBe(false);
    expect(check(parse(bundledAnswers('  strategy.vision: 7\n')))).toBe(false);
    expect(check(parse(bundledAnswers('  strategy.vision: { score: 7 }\n')))).toBe(false);
  });

  it('stops on a broken criteria file with located diagnostics (exit 1), and on a misplaced option (exit 2)', () => {
    const r = village(['schema', 'answers', '--criteria', tmp.path('broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(r.stdout).toBe('');
    expect(noStack(r.stderr)).toBe(true);
    const misplaced = village(['schema', 'answers', '--for', tmp.path('criteria.yaml')]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--for');
  });
});
