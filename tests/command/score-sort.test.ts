import { afterAll, describe, expect, it } from 'vitest';
import { answersYaml, pillarScores } from '../helpers/answers.js';
import { tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const all = (s: number): number[] => Array.from({ length: 9 }, () => s);

/**
 * Five villages chosen so that the input order and the order of every --sort differ:
 * - Ape scores 100 but answers too few participation criteria: the top overall, yet `incomplete`;
 * - alūksne is a lighthouse candidate below 100; Čaks is in transition with the lowest score;
 * - Dzērbene scores more than Čaks but reaches only `starting`; Cēsis answered nothing at all.
 * The names sort differently in Latvian (C < Č < D, case ignored) than by code point or in the
 * root collation (where Čaks comes before Cēsis).
 */
const villages: Record<string, { file: string; yaml: string; overall: number | null; level: string }> = {
  Dzērbene: {
    file: 'a-dzerbene.yaml',
    yaml: answersYaml('Dzērbene', pillarScores({ strategy: all(4), innovation: all(1), participation: all(1) })),
    overall: 50,
    level: 'starting',
  },
  Cēsis: { file: 'b-cesis.yaml', yaml: answersYaml('Cēsis', {}), overall: null, level: 'incomplete' },
  Čaks: {
    file: 'c-caks.yaml',
    // Transition needs every pillar at 25 or more, so participation is low but not zero.
    yaml: answersYaml('Čaks', pillarScores({ strategy: all(2), innovation: all(2), participation: all(1) })),
    overall: 41.7,
    level: 'transition',
  },
  Ape: {
    file: 'd-ape.yaml',
    yaml: answersYaml('Ape', pillarScores({ strategy: all(4), innovation: all(4), participation: [4, 4, 4, 4] })),
    overall: 100,
    level: 'incomplete',
  },
  alūksne: {
    file: 'e-aluksne.yaml',
    yaml: answersYaml('alūksne', pillarScores({ strategy: all(4), innovation: [4, 4, 4, 4, 4, 3, 3, 3, 3], participation: all(4) })),
    overall: 96.3,
    level: 'lighthouse',
  },
};

const INPUT = ['Dzērbene', 'Cēsis', 'Čaks', 'Ape', 'alūksne'];
const EXPECTED: Record<string, string[]> = {
  input: INPUT,
  overall: ['Ape', 'alūksne', 'Dzērbene', 'Čaks', 'Cēsis'],
  name: ['alūksne', 'Ape', 'Cēsis', 'Čaks', 'Dzērbene'],
  // Level rank first (incomplete below every level), then the higher overall score.
  level: ['alūksne', 'Čaks', 'Dzērbene', 'Ape', 'Cēsis'],
};

const tmp = tempDir(Object.fromEntries(Object.values(villages).map((v) => [v.file, v.yaml])));
afterAll(() => tmp.cleanup());

/** The answer files, named on the command line in INPUT order. */
const inputs = INPUT.map((name) => tmp.path(villages[name]!.file));

interface Doc {
  results: { village: string; overall: number | null; level: string }[];
  errors: unknown[];
}

async function scoreJson(args: string[]): Promise<Doc> {
  const r = await run(['score', ...args, '--format', 'json', '--lang', 'en']);
  expect(r.stderr).toContain('from 5 answer set(s)');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

describe('village score --sort', () => {
  it('offers exactly the orders tested here', async () => {
    const r = await run(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('--sort <order> order of villages (choices: "input", "overall", "name", "level", default: "input")');
  });

  it('scores the fixture as designed: every order below is a different one', async () => {
    const doc = await scoreJson(inputs);
    expect(doc.errors).toEqual([]);
    expect(doc.results.map((r) => [r.village, r.overall, r.level])).toEqual(INPUT.map((n) => [n, villages[n]!.overall, villages[n]!.level]));
    const orders = Object.values(EXPECTED).map((o) => o.join(' > '));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(Object.entries(EXPECTED))('--sort %s gives the documented order', async (sort, expected) => {
    expect((await scoreJson([...inputs, '--sort', sort])).results.map((r) => r.village)).toEqual(expected);
  });

  it.each(['overall', 'name', 'level'])('--sort %s does not depend on the input order', async (sort) => {
    const reversed = await scoreJson([...inputs].reverse().concat('--sort', sort));
    expect(reversed.results.map((r) => r.village)).toEqual(EXPECTED[sort]);
  });

  it('keeps the input order without --sort, also when the files are given in reverse', async () => {
    expect((await scoreJson(inputs)).results.map((r) => r.village)).toEqual(INPUT);
    expect((await scoreJson([...inputs].reverse())).results.map((r) => r.village)).toEqual([...INPUT].reverse());
  });

  it('sorts the table and the CSV the same way as the JSON', async () => {
    const table = await run(['score', ...inputs, '--sort', 'level', '--lang', 'en']);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n').slice(1);
    expect(rows.map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(EXPECTED.level);

    const csv = await run(['score', ...inputs, '--sort', 'name', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n').filter(Boolean).slice(1);
    expect(lines.map((l) => l.split(',')[0])).toEqual(EXPECTED.name);
  });

  it('applies the order after --level keeps some villages', async () => {
    const doc = await scoreJson([...inputs, '--sort', 'overall', '--level', 'incomplete,starting,transition']);
    expect(doc.results.map((r) => r.village)).toEqual(['Ape', 'Dzērbene', 'Čaks', 'Cēsis']);
  });
});
