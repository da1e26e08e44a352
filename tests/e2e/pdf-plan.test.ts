// The printed plan (issue #17): page 1 at a glance, no lost evidence, glyph safety, a tagged PDF,
// hostile sizes. Every PDF is read back with mupdf (tests/helpers/pdf.ts): no system tools.
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir, village } from '../helpers/cli.js';
import { CRITERIA, answersYaml, yamlString } from '../helpers/answers.js';
import { openPdf, reportPdf, type StructNode } from '../helpers/pdf.js';

const note = (i: number): string =>
  `${i}. piezīme: Ļoti gara piezīme par ciema dzīvi, kurā iedzīvotāji stāsta, kas izdevies un kas ne, ar skaitļiem un vārdiem. `.repeat(6).slice(0, 600).trim();

/** Twelve respondents, each with a 600-character note on the same criterion. */
const twelve: Record<string, string> = {};
for (let r = 1; r <= 12; r++) {
  const lines = answersYaml('Garpiezīmes', Object.fromEntries(CRITERIA.map((id, i) => [id, (r + i) % 5])), {
    respondent: `Respondents ${r}`,
    date: '2026-05-22',
  }).split('\n');
  twelve[`twelve/r${r}.yaml`] = lines.map((l) => (l.startsWith('  strategy.vision:') ? `  strategy.vision: { score: ${r % 5}, note: ${yamlString(note(r))} }` : l)).join('\n');
}

const tmp = tempDir({
  ...twelve,
  'incomplete.yaml': answersYaml('Nepilnciems', Object.fromEntries(CRITERIA.map((id, i) => [id, i % 3 === 0 ? 2 : 'n/a'])), { date: '2026-05-22' }),
  'zero.yaml': answersYaml('Nulle', Object.fromEntries(CRITERIA.map((id) => [id, 0])), { date: '2026-05-22' }),
  'emoji.yaml': answersYaml('Emocijas', Object.fromEntries(CRITERIA.map((id) => [id, 3])), { date: '2026-05-22' }).replace(
    / {2}strategy\.vision: 3/,
    `  strategy.vision: { score: 4, note: ${yamlString('Saulespuķes 🌻 un ģimenes 👩‍👩‍👧 ⚑ pie skolas')} }`,
  ),
  'hostile.yaml': answersYaml('Ū'.repeat(100_000), { 'strategy.vision': 2 }, { date: '2026-05-22' }).replace(
    '  strategy.vision: 2',
    `  strategy.vision: { score: 2, note: ${yamlString('x'.repeat(20_000))} }`,
  ),
});
afterAll(() => tmp.cleanup());

const render = (input: string, name: string, extra: string[] = []): string => reportPdf(tmp, input, name, extra);

/** The text of all pages without what repeats on each page (footer, table header) and the "continued" leads. */
const body = (pdf: ReturnType<typeof openPdf>): string =>
  Array.from({ length: pdf.pageCount }, (_, i) =>
    pdf
      .pageText(i)
      .split('\n')
      .filter((l) => !l.includes('· 2026. gada 22. maijs') && !/^Lapa \d+ no \d+$/.test(l) && !/^(Jautājums|Atbilde|Vērtējums| )+$/.test(l))
      .join('\n'),
  )
    .join('\n')
    .replace(/(Respondents \d+ )?\(\d\): \(turpinājums\) /g, '');

const flat = (nodes: StructNode[]): StructNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const oneLine = (s: string): string => s.replace(/[\s\u200B]+/g, ' ');

describe('the printed plan', () => {
  it('keeps every respondent’s note, each led by the respondent and their score (D01, D10)', () => {
    const pdf = openPdf(render(tmp.path('twelve'), 'twelve.pdf'));
    const text = oneLine(body(pdf));
    for (let r = 1; r <= 12; r++) {
      expect(text, `note ${r}`).toContain(oneLine(note(r)));
      expect(text).toContain(`Respondents ${r} (${r % 5}):`);
    }
    expect(pdf.text()).toContain('turpinājums');
    expect(pdf.check()).toEqual({ repaired: false, blankPages: [], warnings: [] });
  });

  it('says on page 1 where the community stands and what to do first, with the date in the footer (D06, D13, D18)', () => {
    const pdf = openPdf(render('examples/ergli', 'ergli.pdf'));
    const plan = JSON.parse(village(['report', 'examples/ergli', '--format', 'json']).stdout) as { first_steps: { text: string }[] };
    const first = oneLine(pdf.pageText(0));
    for (const words of ['Ko darīt vispirms', 'jūs esat šeit', 'Stiprās puses jūsu pašu vārdiem', 'Kas atbild', 'Termiņš', '▲ Jautājumi, kuros viedokļi atšķiras', '54 / 100']) {
      expect(first).toContain(words);
    }
    for (const step of plan.first_steps) expect(first).toContain(oneLine(step.text).slice(0, 40));
    for (let i = 0; i < pdf.pageCount; i++) {
      expect(pdf.pageText(i)).toContain(`Ērgļi · 2026. gada 22. maijs`);
      expect(pdf.pageText(i)).toContain(`Lapa ${i + 1} no ${pdf.pageCount}`);
    }
    // The tool and framework version are in the colophon on the last page, not in every footer.
    expect(pdf.pageText(pdf.pageCount - 1)).toContain('Sagatavots ar smart-village-kit');
    expect(pdf.pageText(0)).not.toContain('smart-village-kit');
  });

  it.each([
    ['examples/ergli', 'letter', 'lv'],
    ['examples/ergli', 'letter', 'en'],
    ['examples/ergli', 'a4', 'en'],
    ['examples/lejasciems.yaml', 'letter', 'lv'],
    ['examples/alsunga.yaml', 'letter', 'en'],
    [`${FIXTURES}/four-pillars-answers.yaml`, 'letter', 'en'],
  ])('fits page 1 on one page: every first step and the discussion line (%s, %s, %s)', (input, paper, lang) => {
    const extra = input.includes('four-pillars') ? ['--criteria', `${FIXTURES}/four-pillars.yaml`] : [];
    const name = `fit-${paper}-${lang}-${input.replace(/\W+/g, '-')}.pdf`;
    const pdf = openPdf(render(input, name, ['--paper', paper, '--lang', lang, ...extra]));
    const plan = JSON.parse(village(['report', input, '--format', 'json', '--lang', lang, ...extra]).stdout) as { first_steps: { text: string }[]; discuss?: unknown[] };
    const first = oneLine(pdf.pageText(0));
    for (const step of plan.first_steps) expect(first).toContain(oneLine(step.text).slice(0, 40));
    if ((plan.discuss ?? []).length > 0) expect(first).toContain('▲');
    // Page 2 starts the detail, not a leftover of page 1.
    expect(oneLine(pdf.pageText(1))).not.toContain('▲ ');
  });

  it('says who said what on a question to discuss: every named respondent and their score (D15)', () => {
    const text = oneLine(openPdf(render('examples/ergli', 'ergli-d15.pdf')).text());
    expect(text).toContain('Digitālie risinājumi (Inovatīvi risinājumi): 0×1, 2×1, 4×1 — Anna Bērziņa, biedrības “Ērgļu ļaudis” valde (izdomāts piemērs): 4; Jānis Ozols, uzņēmējs (izdomāts piemērs): 0; Līga Kalniņa, bibliotekāre (izdomāts piemērs): 2');
  });

  it('marks an incomplete assessment: finish it first, the number provisional, no data drawn as "no data" (D04, D12)', () => {
    const text = oneLine(openPdf(render(tmp.path('incomplete.yaml'), 'incomplete.pdf', ['--lang', 'en'])).pageText(0));
    expect(text).toContain('Finish the assessment first');
    expect(text).toContain('provisional');
    const four = oneLine(openPdf(render(`${FIXTURES}/four-pillars-answers.yaml`, 'four.pdf', ['--criteria', `${FIXTURES}/four-pillars.yaml`, '--lang', 'en'])).text());
    expect(four).toContain('no data');
  });

  it('is tagged: structure tree with headings, lists, tables, figures with the chart values, links, bookmarks, author (D07, D17)', () => {
    const file = render('examples/ergli', 'tagged.pdf', ['--lang', 'en']);
    const pdf = openPdf(file);
    expect(pdf.hasStructTree()).toBe(true);
    const nodes = flat(pdf.structTree());
    const types = new Set(nodes.map((n) => n.type));
    for (const t of ['Document', 'Sect', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(types, t).toContain(t);
    const figures = nodes.filter((n) => n.type === 'Figure');
    expect(figures.every((f) => (f.alt ?? '').length > 10)).toBe(true);
    expect(figures.some((f) => /Holistic strategy \d+/.test(f.alt ?? ''))).toBe(true);
    const outline = pdf.outline().map((o) => o.title);
    expect(outline).toContain('Ērgļi');
    expect(outline).toContain('Questions and evidence');
    expect(pdf.info('Author')).toBe('Biedrība “Madonas novada fonds”');
    const links = Array.from({ length: pdf.pageCount }, (_, i) => pdf.links(i)).flat();
    expect(links.some((l) => l.startsWith('http'))).toBe(true);
    expect(pdf.language()).toBe('en');
    // Each link annotation is described and held by a Link element (PDF/UA-1 7.18.5).
    const annotations = Array.from({ length: pdf.pageCount }, (_, i) => pdf.linkAnnotations(i)).flat();
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect(a.contents, a.uri).toContain(a.uri);
      expect(a.contents!.length, a.uri).toBeGreaterThan(a.uri!.length);
    }
    const held = nodes.filter((n) => n.type === 'Link').flatMap((n) => n.annotations);
    expect(held.sort()).toEqual(annotations.map((a) => a.structParent).sort());
  });

  it.each([
    ['examples/ergli', ['--lang', 'en']],
    ['examples/alsunga.yaml', ['--paper', 'letter']],
    ['twelve', ['--lang', 'en']],
    ['incomplete.yaml', []],
    ['emoji.yaml', ['--paper', 'letter']],
  ] as const)('passes the PDF/UA-1 checks a machine can make: %s %j', (input, extra) => {
    const file = render(input.startsWith('examples') ? input : tmp.path(input), `ua-${input.replace(/\W+/g, '-')}.pdf`, [...extra]);
    expect(openPdf(file).uaProblems()).toEqual([]);
  });

  it('the other PDFs pass the same checks: the LAG overview (its heat-map a table) and a village’s history (its chart a figure in words)', () => {
    const r = village(['score', `${ROOT}/examples`, '--reports', tmp.path('lag'), '--report-format', 'pdf', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const overview = openPdf(tmp.path('lag/overview.pdf'));
    expect(overview.uaProblems()).toEqual([]);
    const cells = flat(overview.structTree());
    expect(cells.filter((n) => n.type === 'Table').length).toBeGreaterThan(3);
    const h = village(['history', `${ROOT}/examples-progress/ergli-2025/`, `${ROOT}/examples/ergli/`, '--out', tmp.path('history.pdf'), '--lang', 'en']);
    expect(h.code, h.stderr).toBe(0);
    const history = openPdf(tmp.path('history.pdf'));
    expect(history.uaProblems()).toEqual([]);
    const figure = flat(history.structTree()).find((n) => n.type === 'Figure');
    expect(figure?.alt).toMatch(/^2025-05-14: Overall 38\.5; Holistic strategy 41\.7; .*2026-05-22: Overall 53\.7/);
  });

  it('draws no missing glyph: an emoji becomes a visible placeholder, explained in the colophon, and ▲ marks a discussion (D02)', () => {
    const text = oneLine(openPdf(render(tmp.path('emoji.yaml'), 'emoji.pdf', ['--lang', 'en'])).text());
    expect(text).toContain('Saulespuķes □ un ģimenes □ □ pie skolas');
    expect(text).toContain('□ stands for a character the printed font does not have');
    expect(text).not.toContain('🌻');
  });

  it('lays out a 100,000-character village name and a 20,000-character word, every character kept', () => {
    const pdf = openPdf(render(tmp.path('hostile.yaml'), 'hostile.pdf'));
    expect(pdf.check().repaired).toBe(false);
    const text = body(pdf).replace(/[\s\u200B]+/g, '');
    expect(text).toContain('x'.repeat(20_000));
    // The footer shortens the name to one line.
    const last = pdf.pageText(pdf.pageCount - 1);
    expect(last).toContain('ŪŪŪ');
    expect(last).toContain('…');
    expect(last).toContain('2026. gada 22. maijs');
  });

  it('never ends on a page with three lines or fewer (D09)', () => {
    for (const [input, extra] of [
      ['examples/alsunga.yaml', ['--lang', 'en']],
      [tmp.path('zero.yaml'), ['--paper', 'letter']],
    ] as const) {
      const pdf = openPdf(render(input, `last-${extra[1]}.pdf`, [...extra]));
      const lines = pdf.pageText(pdf.pageCount - 1).split('\n');
      expect(lines.length, input).toBeGreaterThan(4 + 1);
    }
  });
});
