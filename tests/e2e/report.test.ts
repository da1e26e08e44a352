import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { noStack, tempDir, village } from '../helpers/cli.js';

const tmp = tempDir({
  'tricky.yaml': [
    'schema: village-kit/answers@1',
    'framework: smart-village-lv',
    'village: "Ērgļi | <b>*Smart*</b> # [x](javascript:alert(1))"',
    'answers:',
    '  strategy.vision: { score: 1, note: "- not a list\\n# not a heading\\n| not | a table |" }',
  ].join('\n'),
});
afterAll(() => tmp.cleanup());

describe('village report', () => {
  it('renders the Markdown action plan of one village to stdout', () => {
    const r = village(['report', 'examples/ergli']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('# Viedā ciema rīcības plāns: Ērgļi\n')).toBe(true);
    for (const heading of [
      '## Kur kopiena ir šobrīd: Pārejas ciems',
      '### Ceļš līdz līmenim “Bākas piemēra kandidāts”',
      '## Pirmie soļi: nākamie divpadsmit mēneši',
      '## Vērtējumi pa kritērijiem',
      '## Stiprās puses, uz kurām balstīties',
      '## ▲ Pārrunājiet kopā',
      '## Vēlāk un idejas',
      '## Jautājumi un pamatojums',
      '## Iedvesmojoši piemēri',
      '## Mūsu vienošanās',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('- Kritēriji ar 50 vai vairāk punktiem: vajag vismaz 2 (tagad 2)');
    expect(md).toContain('- Inovatīvi risinājumi: vismaz 50 (tagad 46,3)');
    expect(md).toContain('- **Holistiska stratēģija**: 59,3 / 100 (9/9 atbildēti)');
    // The respondents' notes are the evidence: one per line, led by the respondent and their answer.
    expect(md).toContain('  - **Jānis Ozols, uzņēmējs (izdomāts piemērs)** (0): Par lietotni dzirdu pirmo reizi; mani darbinieki to neizmanto.');
    expect(md).toContain('2. **Palūgt pagasta pārvaldei pamatskaitļus par ciemu');
    // Who and by when are left blank to fill in together; the action's done_when is printed.
    expect(md).toContain('   Kas atbild: ______ · Termiņš: ______ · Paveikts, kad: Pamatskaitļi ir apkopoti vienā lappusē un pārrunāti sapulcē.');
    expect(md.trimEnd().endsWith('Kritēriji: smart-village-lv 2.0.0 · Sagatavots ar smart-village-kit 0.1.0 · 2026-05-22')).toBe(true);
  });

  it('speaks English with --lang en', () => {
    const md = village(['report', 'examples/alsunga.yaml', '--lang', 'en']).stdout;
    expect(md).toContain('# Smart Village action plan: Alsunga');
    expect(md).toContain('## Where the community stands: Lighthouse candidate');
    expect(md).toContain('The community has reached the highest level of this self-assessment.');
    expect(md).toContain('Every criterion at least 50');
    expect(md).toContain('A replicable approach: answer at least 3 (now 3)');
  });

  it('escapes what the users typed', () => {
    const md = village(['report', tmp.path('tricky.yaml')]).stdout;
    expect(md).toContain('# Viedā ciema rīcības plāns: Ērgļi \\| \\<b\\>\\*Smart\\*\\</b\\> # \\[x\\](javascript:alert(1))');
    expect(md).not.toContain('<b>');
    expect(md).toContain('\\- not a list # not a heading \\| not \\| a table \\|');
  });

  it('writes a file, never over an existing one without --force', () => {
    const out = tempDir();
    const file = out.path('plāns.md');
    const first = village(['report', 'examples/alsunga.yaml', '--out', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('plāns.md');
    expect(readFileSync(file, 'utf8')).toContain('Alsunga');
    writeFileSync(file, 'my own notes');
    const second = village(['report', 'examples/lejasciems.yaml', '--out', file]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('exists; add --force to overwrite it');
    expect(readFileSync(file, 'utf8')).toBe('my own notes');
    expect(village(['report', 'examples/lejasciems.yaml', '--out', file, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Lejasciems');
    out.cleanup();
  });

  it('takes a user template, strict and without prototype access', () => {
    const t = tempDir({
      'ok.hbs': '{{village}}: {{level.title}} ({{overallText}}){{#each actions}}\n{{rank}}. {{text}}{{/each}}\n',
      'typo.hbs': 'line one\n{{vilage}}\n',
      'proto.hbs': '{{constructor.name}}{{village.constructor}}\n',
      'broken.hbs': '{{#each actions}}\n',
    });
    const ok = village(['report', 'examples/alsunga.yaml', '--template', t.path('ok.hbs')]);
    expect(ok.stdout.split('\n')[0]).toBe('Alsunga: Bākas piemēra kandidāts (75,9)');
    const typo = village(['report', 'examples/alsunga.yaml', '--template', t.path('typo.hbs')]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain(`${t.path('typo.hbs')}:2:`);
    expect(typo.stderr).toContain('"vilage" not defined');
    const proto = village(['report', 'examples/alsunga.yaml', '--template', t.path('proto.hbs')]);
    expect(proto.stdout).not.toContain('Object');
    expect(proto.stdout).not.toContain('function');
    const broken = village(['report', 'examples/alsunga.yaml', '--template', t.path('broken.hbs')]);
    expect(broken.code).toBe(1);
    expect(noStack(broken.stderr)).toBe(true);
    t.cleanup();
  });

  it('asks which village when the answers hold several, and picks one with --village', () => {
    const many = village(['report', 'examples/']);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('the answers are for 3 villages (Alsunga, Ērgļi, Lejasciems)');
    const one = village(['report', 'examples/', '--village', 'ērgļi']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('# Viedā ciema rīcības plāns: Ērgļi');
  });

  it('writes nothing when an input is rejected', () => {
    const out = tempDir({ 'bad.yaml': 'schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: X\nanswers: [1]\n' });
    const r = village(['report', out.path('bad.yaml'), '--out', out.path('plan.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:4:10: must be a mapping (key: value) or empty (null)');
    expect(() => readFileSync(out.path('plan.md'))).toThrow();
    out.cleanup();
  });
});

describe('village report --format json, from the binary', () => {
  it('prints a plan that the schema printed by `village schema plan` accepts, with at most 5 first steps', async () => {
    const { Ajv } = await import('ajv');
    const schema = JSON.parse(village(['schema', 'plan']).stdout) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const example of ['examples/alsunga.yaml', 'examples/ergli', 'examples/lejasciems.yaml']) {
      const r = village(['report', example, '--format', 'json', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const plan = JSON.parse(r.stdout) as { first_steps: unknown[]; language: string };
      expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
      expect(plan.first_steps.length).toBeLessThanOrEqual(5);
      expect(plan.language).toBe('en');
    }
  });
});
