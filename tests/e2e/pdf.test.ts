import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, village } from '../helpers/cli.js';
import { inkRatio, openPdf, reportPdf } from '../helpers/pdf.js';

const LATVIAN = 'ā č ē ģ ī ķ ļ ņ š ū ž Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž';
const long = 'Ļoti gara piezīme par ciema dzīvi, kurā iedzīvotāji stāsta, kas izdevies un kas ne. '.repeat(12);
const tmp = tempDir({
  'letters.yaml': [
    'schema: village-kit/answers@1',
    'framework: smart-village-lv',
    'village: Žīguri-Ķoņi',
    'municipality: Gulbenes novads',
    'date: 2026-07-01',
    'answers:',
    `  strategy.vision: { score: 1, note: "${LATVIAN}" }`,
    ...['assets', 'challenges', 'cross-sector', 'data', 'funding', 'alignment'].map((c) => `  strategy.${c}: { score: 0, note: "${long}" }`),
    ...['social', 'digital', 'connectivity', 'services', 'economy', 'energy', 'learning'].map((c) => `  innovation.${c}: 1`),
    ...['involvement', 'inclusion', 'leadership', 'communication', 'partnerships', 'networks', 'replicability'].map((c) => `  participation.${c}: 0`),
  ].join('\n'),
});
afterAll(() => tmp.cleanup());

/** Whether an executable of that name is on PATH (without spawning anything). */
const hasCommand = (name: string): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const render = (input: string, name: string, extra: string[] = []): string => reportPdf(tmp, input, name, extra);

/** Opens without repairs, every page loads, has text and renders, and mupdf logged no syntax, stream or font error. */
const expectSound = (file: string): void => {
  const pdf = openPdf(file);
  expect(pdf.pageCount).toBeGreaterThan(0);
  expect(pdf.check()).toEqual({ repaired: false, blankPages: [], warnings: [] });
};

describe('the PDF action plan', () => {
  it('draws Latvian text that comes back unchanged from text extraction', () => {
    const text = openPdf(render('examples/ergli', 'ergli.pdf')).text();
    for (const words of ['Ērgļi', 'Pārejas ciems', 'Holistiska stratēģija', 'Inovatīvi risinājumi', 'Līdzdalības pieeja', 'Kas ir Viedais ciems?', 'Ko darīt vispirms', 'Vēlāk un idejas', 'Mūsu vienošanās', 'Madonas novads', 'Lapa 1 no']) {
      expect(text).toContain(words);
    }
    const letters = openPdf(render(tmp.path('letters.yaml'), 'letters.pdf')).text();
    // Unlike pdftotext, mupdf also sees the narrow spaces between the one-letter words.
    expect(letters).toContain(LATVIAN);
    expect(letters).toContain('Žīguri-Ķoņi');
  });

  it('is a valid, small PDF with the plan metadata', () => {
    const file = render('examples/alsunga.yaml', 'alsunga.pdf', ['--lang', 'en']);
    expectSound(file);
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    const pdf = openPdf(file);
    expect(pdf.info('Title')).toBe('Smart Village action plan: Alsunga');
    for (let i = 0; i < pdf.pageCount; i++) expect(pdf.pageSize(i)).toEqual({ width: 595.28, height: 841.89 });
    const text = pdf.text();
    for (const words of ['Lighthouse candidate', 'Holistic strategy', 'Innovative solutions', 'Participatory approach', 'Page 1 of']) expect(text).toContain(words);
    const letter = openPdf(render('examples/alsunga.yaml', 'letter.pdf', ['--paper', 'letter']));
    for (let i = 0; i < letter.pageCount; i++) expect(letter.pageSize(i)).toEqual({ width: 612, height: 792 });
  });

  it('renders the same bytes twice for the same answers', () => {
    const a = readFileSync(render('examples/lejasciems.yaml', 'a.pdf'));
    const b = readFileSync(render('examples/lejasciems.yaml', 'b.pdf'));
    expect(a.equals(b)).toBe(true);
  });

  it('breaks long tables across pages without losing a row, with page numbers', () => {
    const pdf = openPdf(render(tmp.path('letters.yaml'), 'long-table.pdf'));
    const pages = pdf.pageCount;
    expect(pages).toBeGreaterThan(3);
    const text = pdf.text().replace(/\s+/g, ' ');
    expect(text).toContain(`Lapa ${pages} no ${pages}`);
    // Every action of the plan (first steps, then later ones) is there, in order.
    const plan = JSON.parse(village(['report', tmp.path('letters.yaml'), '--format', 'json']).stdout) as {
      first_steps: { text: string }[];
      later: { text: string }[];
    };
    const actions = [...plan.first_steps, ...plan.later].map((a) => a.text.slice(0, 30));
    expect(actions.length).toBeGreaterThan(20);
    let from = 0;
    for (const a of actions) {
      const at = text.indexOf(a, from);
      expect(at, a).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('has a first page that is not blank', () => {
    const page = openPdf(render('examples/alsunga.yaml', 'page.pdf')).renderGray(0, 40);
    expect(page.width).toBeGreaterThan(200);
    expect(page.height).toBeGreaterThan(300);
    const ink = inkRatio(page);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);
  });

  it('is written per village by score --reports --report-format pdf', () => {
    const r = village(['score', 'examples/', '--reports', tmp.path('plans'), '--report-format', 'pdf']);
    expect(r.code).toBe(0);
    for (const name of ['alsunga', 'ērgļi', 'lejasciems']) {
      const file = tmp.path(`plans/${name}.pdf`);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expectSound(file);
    }
    expect(openPdf(tmp.path('plans/lejasciems.pdf')).text()).toContain('Ceļa sākumā');
  });

  it('can be piped to another program', () => {
    const r = village(['report', 'examples/alsunga.yaml', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

// The mupdf checks above need nothing but Node; where qpdf is installed, it also checks every object and stream.
describe.skipIf(!hasCommand('qpdf'))('the PDF action plan, checked by qpdf', () => {
  it('has no syntax or stream encoding errors', () => {
    for (const file of [render('examples/alsunga.yaml', 'qpdf-alsunga.pdf', ['--lang', 'en']), render(tmp.path('letters.yaml'), 'qpdf-letters.pdf')]) {
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    }
  });
});
