import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA, yamlString } from '../helpers/answers.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

/**
 * `village score` hands a share of the YAML files to helper threads when there are many (the
 * threshold is 800 files; `VILLAGE_THREADS` sets the number of threads, 1 turns them off). The
 * helper threads must change nothing but the speed: the same results, errors and order.
 *
 * These runs spawn the built binary: from the sources (an in-process `main`) the helper thread
 * cannot start, as its entry is resolved as `./worker.js` next to `src/io/responses.ts`, and the
 * thread count is read from `process.env`, not from the environment `main` is given.
 */

const FILES = 900;

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** One answers file of many shapes: the plain shape, notes, n/a, YAML that needs a full parser, and broken files. */
function answerFile(i: number, next: () => number): string | Buffer {
  // 301 villages: the files of one village fall to different threads.
  const names = [`Ciems ${i % 301}`, 'Ērgļi', ' ĒRGĻI ', 'Žīguri', 'Ķegums'];
  const village = i % 37 === 0 ? names[1 + (i % 4)]! : names[0]!;
  const head = `schema: village-kit/answers@1\nframework: smart-village-lv\nvillage: ${yamlString(village)}\nrespondent: "Respondents ${i}"\n`;
  const answer = (id: string): string => {
    const r = next();
    if (r < 0.05) return `  ${id}: n/a\n`;
    if (r < 0.1) return `  ${id}: null\n`;
    const score = Math.floor(next() * 5);
    if (r < 0.25) return `  ${id}: { score: ${score}, note: ${yamlString(`Piezīme ${i}: “${id}” – ļoti labi, 50% #${score}`)} }\n`;
    return `  ${id}: ${score}\n`;
  };
  const answers = CRITERIA.filter(() => next() < 0.9).map(answer).join('');
  switch (i % 50) {
    case 7: // out of the scale: an error with its line and column
      return `${head}answers:\n  strategy.vision: 9\n${answers.replace(/^ {2}strategy\.vision: .*\n/m, '')}`;
    case 13: // an unknown criterion, with a suggestion
      return `${head}answers:\n  strategy.visoin: 2\n`;
    case 21: // a YAML syntax error
      return `${head}answers:\n  strategy.vision: "3\n`;
    case 29: // not UTF-8
      return Buffer.concat([Buffer.from(`${head}answers:\n  strategy.vision: 2\n`), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    case 33: // a block mapping with a comment and an anchor: the full parser's path
      return `# a comment\n${head}municipality: &m Madonas novads\nlag: *m\nanswers:\n${answers}`;
    case 41: // CRLF and a BOM
      return `\uFEFF${head}answers:\n${answers}`.replace(/\n/g, '\r\n');
    default:
      return `${head}${answers === '' ? 'answers: {}\n' : `answers:\n${answers}`}`;
  }
}

function corpus(count: number): Record<string, string | Buffer> {
  const next = random(20260314);
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < count; i++) files[`answers/${String(i).padStart(4, '0')}.yaml`] = answerFile(i, next);
  // A CSV among the YAML files: rows are merged in input order with the files around it.
  files['answers/0450-survey.csv'] = 'village;strategy.vision;strategy.assets\nCiems 3;4;4\nJaunciems;1;n/a\n';
  return files;
}

const big = tempDir(corpus(FILES));
const small = tempDir(corpus(100));
afterAll(() => {
  big.cleanup();
  small.cleanup();
});

interface Traced {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How many helper threads loaded the worker module. */
  workers: number;
}

/** `village score DIR --format json`, recording which modules the process and its threads load. */
function score(dir: string, threads: string | undefined, name: string): Traced {
  const trace = `${dir}/${name}.trace`;
  const r = spawnSync(process.execPath, ['--import', `${ROOT}/tests/helpers/trace-loads.mjs`, BIN, 'score', `${dir}/answers`, '--format', 'json', '--lang', 'en'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', TRACE_FILE: trace, ...(threads ? { VILLAGE_THREADS: threads } : {}) },
    encoding: 'utf8',
    input: '',
    maxBuffer: 256 * 1024 * 1024,
  });
  const loads = readFileSync(trace, 'utf8').split('\n');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, workers: loads.filter((u) => /\/io\/worker\.js$/.test(u)).length };
}

interface Doc {
  results: { village: string; respondents: number; sources: string[] }[];
  errors: { file: string; line: number; column: number; message: string }[];
  warnings: unknown[];
}

describe('village score with helper threads', () => {
  let one: Traced;
  let three: Traced;
  beforeAll(() => {
    one = score(big.dir, '1', 'one');
    three = score(big.dir, '3', 'three');
  }, 60_000);

  it('reads 900 files on one thread with VILLAGE_THREADS=1, and with helper threads otherwise', () => {
    expect(one.workers).toBe(0);
    expect(three.workers).toBe(2);
  });

  it('scores the corpus as generated: good files, bad files with positions, the CSV rows', () => {
    expect(one.code).toBe(1);
    const doc = JSON.parse(one.stdout) as Doc;
    expect(doc.errors).toHaveLength(4 * (FILES / 50));
    expect(doc.errors.map((e) => e.message)).toContainEqual(expect.stringContaining('score 9 is outside the scale 0–4'));
    expect(doc.errors.map((e) => e.message)).toContainEqual(expect.stringContaining('strategy.visoin'));
    const ergli = doc.results.find((r) => r.village === 'Ērgļi');
    expect(ergli?.respondents).toBeGreaterThan(5);
    expect(doc.results.find((r) => r.village === 'Ciems 3')?.sources).toContain(`${big.dir}/answers/0450-survey.csv:2`);
    expect(doc.results.map((r) => r.village)).toContain('Jaunciems');
    expect(one.stderr).toMatch(/village\(s\) from 902 answer set\(s\)/);
  });

  it('gives byte for byte the same JSON, messages and exit code with helper threads as without', () => {
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
  });

  it('gives the same with the default number of threads', () => {
    const auto = score(big.dir, undefined, 'auto');
    expect(auto.code).toBe(one.code);
    expect(auto.stdout).toBe(one.stdout);
    expect(auto.stderr).toBe(one.stderr);
  });

  it('starts no helper thread for a small batch, where it would cost more than it saves', () => {
    const r = score(small.dir, '3', 'small');
    expect(r.workers).toBe(0);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Doc).results.length).toBeGreaterThan(50);
  });
});
