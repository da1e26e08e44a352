import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// The bytes of `score examples --reports` (issue 19: the speed-ups of --reports change no byte).
// Recorded from the kit before that work (commit a6299e9); the plans again after the #17 D20
// wording (one answer set named once, the lowest pillar in "every pillar at least") and D15 (who said
// what on a question to discuss). A deliberate change of the plan, the
// template, the summaries or the bundled criteria changes these: check the new output by eye,
// then record its hashes here (`sha256sum *.md *.csv *.json` in the reports folder).
// summary.xlsx is a zip with a time stamp: its cells are compared by the xlsx tests.
const GOLDEN: Record<string, Record<string, string>> = {
  lv: {
    'alsunga.md': '91e305f0afc6926d7771070de23c6b062dc021bae008550ff9c185512f869252',
    'lejasciems.md': '40516aa3dca5a2270268d4c83864c0ccd2a8a2d2a42a30049e720365b4995071',
    'overview.md': '82121d0e52eee5b3fe8033416e36f84d9d5ab902db0c6271086e3d9a914df003',
    'ērgļi.md': 'be696dd580bed3591772946b0ea040e27bfa414974c13160d47b82af075134c8',
    'summary.csv': '4fdb608316f54f5c4ed07568ddeb853dcdfa65af34a65dc6da49d0c87a4173ce',
    'summary.json': 'fdcf448abcbe61248709b2fd2ad12a89f97846a2e3863dec54b27c8f2d9032fd',
  },
  en: {
    'alsunga.md': 'd54fc432d771bdbdd91950beffd169ecf4c1959b86df47d6527875aca56f53e1',
    'lejasciems.md': '7b4a7440bc4cfc330d8b76a2e6a6d91fcbe5327262bd8a350181217dc0c44a31',
    'overview.md': 'a6c5fc5bec7422b8498d868797d24403709b467e04a8681d4b76ff59d5272cd2',
    'ērgļi.md': '04d1a333613730c7a048fd9c86d278b8e163e38830f5625ad720af83736482f5',
    'summary.csv': '59c52a52ee5cf509d3ec89bd5591abaa5706ff90ee6fbccf965d7fc5b4f4639e',
    'summary.json': 'fdcf448abcbe61248709b2fd2ad12a89f97846a2e3863dec54b27c8f2d9032fd',
  },
};

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('score --reports of the examples', () => {
  it.each(['lv', 'en'])('writes the same bytes as before in %s', async (lang) => {
    const dir = tmp.path(`reports-${lang}`);
    // From the project's folder, as `village score examples`: the summaries name the files as given.
    const r = await run(['score', 'examples', '--format', 'json', '--lang', lang, '--reports', dir], { cwd: ROOT });
    expect(r.code).toBe(0);
    const want = GOLDEN[lang] ?? {};
    const got = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => !f.endsWith('.xlsx'))
        .sort()
        .map((f) => [f, sha256(join(dir, f))]),
    );
    expect(got).toEqual(Object.fromEntries(Object.entries(want).sort()));
  });
});
