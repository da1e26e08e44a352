import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('a batch keeps only what it prints', () => {
  it('scores the same whether the notes are kept (plans written) or dropped (JSON, CSV, table only)', async () => {
    const inputs = [`${ROOT}/examples/`, `${ROOT}/tests/fixtures/exports/google-forms.csv`];
    for (const format of ['json', 'csv', 'table']) {
      const dropped = await run(['score', ...inputs, '--format', format]);
      const kept = await run(['score', ...inputs, '--format', format, '--reports', tmp.path(format)]);
      expect(dropped.code).toBe(0);
      expect(kept.code).toBe(0);
      expect(dropped.stdout).toBe(kept.stdout);
    }
    // The plans written from the kept notes quote them.
    expect(readFileSync(tmp.path('json/alsunga.md'), 'utf8')).toContain('Alsungas attīstības vīzija 2035 pieņemta kopienas sapulcē');
  });
});

describe('the framework of a batch', () => {
  it('has its warnings shown with the run\'s, not dropped', async () => {
    const criteria = readFileSync(`${ROOT}/tests/fixtures/four-pillars.yaml`, 'utf8').replace('title: { en: "Four pillars", lv: "Četri pīlāri" }', 'title: { en: "Four pillars", lv: "Četri pīlāri", de: "Vier Säulen" }');
    const file = tmp.path('four.yaml');
    writeFileSync(file, criteria);
    const r = await run(['score', `${ROOT}/tests/fixtures/four-pillars-answers.yaml`, '--criteria', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { warnings: { file: string; line: number; message: string }[] };
    expect(doc.warnings).toContainEqual(expect.objectContaining({ file, line: 5 }));
    expect(r.stderr).toContain(`${file}:5:`);
  });
});
