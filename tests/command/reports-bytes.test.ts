import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// The bytes of `score examples --reports` (issue 19: the speed-ups of --reports change no byte).
// Recorded from the kit before that work (commit a6299e9). A deliberate change of the plan, the
// template, the summaries or the bundled criteria changes these: check the new output by eye,
// then record its hashes here (`sha256sum *.md *.csv *.json` in the reports folder).
// summary.xlsx is a zip with a time stamp: its cells are compared by the xlsx tests.
const GOLDEN: Record<string, Record<string, string>> = {
  lv: {
    'alsunga.md': '93b9dce83d6dad6d19e354de557c185c4ead790248eef386c90ab916ab676ad1',
    'lejasciems.md': '2a691a10b5d9e84ca25228fb7a5ed249e79a47ef21e4a9e4dca0cb449b856e11',
    'overview.md': '82121d0e52eee5b3fe8033416e36f84d9d5ab902db0c6271086e3d9a914df003',
    'ērgļi.md': 'db9999a1f19a47951d7f381a7a6c2ebcd7ad7430f560aa004492a7c78b4f69d2',
    'summary.csv': '4fdb608316f54f5c4ed07568ddeb853dcdfa65af34a65dc6da49d0c87a4173ce',
    'summary.json': 'fdcf448abcbe61248709b2fd2ad12a89f97846a2e3863dec54b27c8f2d9032fd',
  },
  en: {
    'alsunga.md': '5fa35a65cd9ec2fcd3fafe0932c3aea7426860044109f10d9ca36568a9b6b0ad',
    'lejasciems.md': 'f4c9e75dc743eca5fe5fb88d43cb22fbce3e0eab8fa56aae22b4025707193f53',
    'overview.md': 'a6c5fc5bec7422b8498d868797d24403709b467e04a8681d4b76ff59d5272cd2',
    'ērgļi.md': '9adf4ac067e16f76b7e10a9cd26a8c149a4ecfc460f7c75ebfe3be94fed433b9',
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
