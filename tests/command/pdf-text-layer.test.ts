import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { openPdf } from '../helpers/pdf.js';
import { run } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The text a reader copies out of a plan (what a screen reader and a search see). */
async function planText(example: string, name: string): Promise<string> {
  const out = tmp.path(name);
  const r = await run(['report', `${ROOT}/examples/${example}`, '--format', 'pdf', '--lang', 'en', '--out', out]);
  expect(r.code).toBe(0);
  const pdf = openPdf(out);
  return Array.from({ length: pdf.pageCount }, (_, i) => pdf.pageText(i)).join('\n');
}

// A process draws many PDFs with the same parsed fonts (a batch's plans, then the overview). Each
// PDF's text layer must not depend on what was drawn before it in the process.
describe('the text layer of a PDF drawn after others in one process', () => {
  it('is the same as when it is drawn first: no character lost (’ and . were)', async () => {
    // Ērgļi first: its texts made the glyphs that Alsunga's ’ then reused without their characters.
    const ergli = await planText('ergli', 'ergli.pdf');
    const after = await planText('alsunga.yaml', 'alsunga-1.pdf');
    await planText('lejasciems.yaml', 'lejasciems.pdf');
    const again = await planText('alsunga.yaml', 'alsunga-2.pdf');
    for (const text of [ergli, after, again]) expect(text).not.toContain('\uFFFD');
    expect(again).toBe(after);
    expect(after.match(/’/g)?.length).toBe(18);
  });
});
