import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir, village } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The modules a run of `village ARGS` loads. */
function loaded(args: string[], name: string): string[] {
  const trace = tmp.path(`${name}.txt`);
  const r = spawnSync(process.execPath, ['--import', `${ROOT}/tests/helpers/trace-loads.mjs`, BIN, ...args], {
    env: { ...process.env, TRACE_FILE: trace },
    encoding: 'utf8',
    input: '',
  });
  expect(r.status).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

describe('the village command', () => {
  it('does not load pdfkit, inquirer or handlebars for --help or a Markdown report', () => {
    const help = loaded(['score', '--help'], 'help');
    expect(help.some((u) => u.includes('commander'))).toBe(true);
    for (const heavy of ['pdfkit', '@inquirer', 'handlebars', 'ajv', 'yaml']) expect(help.filter((u) => u.includes(`node_modules/${heavy}`))).toEqual([]);
    const md = loaded(['report', 'examples/alsunga.yaml'], 'md');
    expect(md.some((u) => u.includes('node_modules/handlebars'))).toBe(true);
    expect(md.filter((u) => u.includes('node_modules/pdfkit') || u.includes('node_modules/@inquirer') || u.includes('render/pdf-libs.js'))).toEqual([]);
    // pdfkit comes in through render/pdf-libs.js (the build's bundle of pdfkit + fontkit, or node_modules).
    const pdf = loaded(['report', 'examples/alsunga.yaml', '--format', 'pdf', '--out', tmp.path('a.pdf')], 'pdf');
    expect(pdf.some((u) => u.endsWith('/dist/render/pdf-libs.js'))).toBe(true);
  });

  it('answers --help and --version without loading the program, with the same text the program prints', async () => {
    for (const lang of ['en', 'lv', 'de']) {
      const quick = village(['--help'], { env: { VILLAGE_LANG: lang } });
      const full = await run(['--help'], { env: { VILLAGE_LANG: lang } });
      expect(quick.code).toBe(0);
      expect(quick.stdout).toBe(full.stdout);
    }
    const modules = loaded(['--help'], 'quick-help');
    expect(modules.filter((u) => u.includes('node_modules/'))).toEqual([]);
    expect(modules.filter((u) => u.includes('/dist/')).map((u) => u.replace(/.*\/dist\//, ''))).toEqual(['core/locale.js']);
    expect(loaded(['--version'], 'quick-version').filter((u) => u.includes('/dist/'))).toEqual([]);
  });

  it('shows examples in every help and prints its version', () => {
    for (const cmd of [[], ['validate'], ['score'], ['report'], ['assess'], ['init'], ['schema']]) {
      const r = village([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(village(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('colours only when asked to and never with NO_COLOR; data to stdout, messages to stderr', () => {
    const plain = village(['score', 'examples/']);
    expect(plain.stdout).not.toContain('\x1b[');
    expect(plain.stderr).toContain('village(s)');
    const forced = village(['score', 'examples/'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[');
    expect(village(['score', 'examples/'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(village(['score', 'examples/', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('answers an unknown option or command with exit 2 and a suggestion', () => {
    const r = village(['scroe', 'examples/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'scroe'");
    expect(r.stderr).toContain('score');
    const o = village(['score', 'examples/', '--formt', 'json']);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain("unknown option '--formt'");
  });
});
