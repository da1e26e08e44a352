import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, village } from '../helpers/cli.js';
import { readGrayPng } from '../helpers/png.js';

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

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const render = (input: string, name: string, extra: string[] = []): string => {
  const out = tmp.path(name);
  const r = village(['report', input, '--format', 'pdf', '--out', out, ...extra]);
  expect(r.stderr).toContain(name);
  expect(r.code).toBe(0);
  return out;
};

describe('the PDF action plan', () => {
  it('draws Latvian text that comes back unchanged from pdftotext', () => {
    const file = render('examples/ergli', 'ergli.pdf');
    const text = pdfText(file);
    for (const words of ['Ērgļi', 'Pārejas ciems', 'Holistiska stratēģija', 'Inovatīvi risinājumi', 'Līdzdalības pieeja', 'Rīcības plāns', 'Madonas novads', 'Lapa 1 no']) {
      expect(text).toContain(words);
    }
    const letters = pdfText(render(tmp.path('letters.yaml'), 'letters.pdf'));
    // pdftotext does not see the narrow spaces between one-letter words; the letters themselves must all be there.
    expect(letters).toContain(LATVIAN.replace(/ /g, ''));
    expect(letters).toContain('Žīguri-Ķoņi');
  });

  it('is a valid, small PDF with the plan metadata', () => {
    const file = render('examples/alsunga.yaml', 'alsunga.pdf', ['--lang', 'en']);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Smart Village action plan: Alsunga/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = pdfText(file);
    for (const words of ['Lighthouse candidate', 'Holistic strategy', 'Innovative solutions', 'Participatory approach', 'Page 1 of']) expect(text).toContain(words);
    const letter = execFileSync('pdfinfo', [render('examples/alsunga.yaml', 'letter.pdf', ['--paper', 'letter'])], { encoding: 'utf8' });
    expect(letter).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('renders the same bytes twice for the same answers', () => {
    const a = readFileSync(render('examples/lejasciems.yaml', 'a.pdf'));
    const b = readFileSync(render('examples/lejasciems.yaml', 'b.pdf'));
    expect(a.equals(b)).toBe(true);
  });

  it('breaks long tables across pages without losing a row, with page numbers', () => {
    const file = tmp.path('letters.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(3);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain(`Lapa ${pages} no ${pages}`);
    // Every action of the plan is there, in order.
    const md = village(['report', tmp.path('letters.yaml')]).stdout;
    const actions = [...md.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => m[2]!.trim().slice(0, 30));
    expect(actions.length).toBeGreaterThan(20);
    for (const a of actions) expect(text).toContain(a.replace(/\\/g, ''));
  });

  it('has a first page that is not blank', () => {
    const file = render('examples/alsunga.yaml', 'page.pdf');
    execFileSync('pdftoppm', ['-png', '-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, tmp.path('page')]);
    const { width, height, pixels } = readGrayPng(tmp.path('page.png'));
    expect(width).toBeGreaterThan(200);
    expect(height).toBeGreaterThan(300);
    const ink = pixels.filter((p) => p < 200).length / pixels.length;
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.5);
  });

  it('is written per village by score --reports --report-format pdf', () => {
    const r = village(['score', 'examples/', '--reports', tmp.path('plans'), '--report-format', 'pdf']);
    expect(r.code).toBe(0);
    for (const name of ['alsunga', 'ērgļi', 'lejasciems']) {
      const file = tmp.path(`plans/${name}.pdf`);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    }
    expect(pdfText(tmp.path('plans/lejasciems.pdf'))).toContain('Ceļa sākumā');
  });

  it('can be piped to another program', () => {
    const r = village(['report', 'examples/alsunga.yaml', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
