// The printed plan's pure parts (issue #17): glyph safety against the fonts' character maps, the
// breaking of unbreakable runs, and chart geometry from measured text (no two text boxes overlap).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFramework } from '../../src/core/framework.js';
import { evaluate } from '../../src/core/evaluate.js';
import { groupResponses } from '../../src/core/group.js';
import { labelsFor } from '../../src/i18n/messages.js';
import { intersects, pillarBars, radarChart, type TextBox } from '../../src/render/pdf-chart.js';
import { PLACEHOLDER, printable } from '../../src/render/pdf-text.js';
import { villagePlanView } from '../../src/render/plan-view.js';
import { fontGlyphs, renderPdf } from '../../src/render/pdf.js';
import { openPdf } from '../helpers/pdf.js';
import { criteriaFile, response } from '../helpers/framework.js';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync: (p: string) => { hasGlyphForCodePoint: (cp: number) => boolean } };
const FONTS = ['VillageSans-Regular.ttf', 'VillageSans-Semibold.ttf'].map((f) => join(ROOT, 'templates', 'fonts', f));
const parsed = FONTS.map((f) => fontkit.openSync(f));
const fonts = { has: (cp: number) => parsed.every((f) => f.hasGlyphForCodePoint(cp)) };

const missing = (s: string): string[] => [...new Set(Array.from(s).filter((ch) => !/[\n\r\t]/.test(ch) && !fonts.has(ch.codePointAt(0) ?? 0)))];

/** Every string in a YAML value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v !== null && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

describe('glyph safety', () => {
  // The screens of `village assess` draw on a terminal, not in the PDF; ⏎ and arrows are theirs.
  // The overview's Markdown heat-map legend uses coloured squares; overview-pdf.ts draws ■ instead.
  const printed = (k: string): boolean => !k.startsWith('assess.') && k !== 'ov.heatmapIntro';
  it.each([
    ['en', labelsFor('en')],
    ['lv', labelsFor('lv')],
    ['de', labelsFor('de')],
  ] as const)('every %s catalogue label the PDF can print is in both fonts', (_, labels) => {
    const bad = Object.entries(labels)
      .filter(([k]) => printed(k))
      .flatMap(([k, v]) => missing(v).map((ch) => `${k}: ${ch}`));
    expect(bad).toEqual([]);
  });

  it('every text of the bundled criteria is in both fonts', () => {
    const all = strings(parse(readFileSync(join(ROOT, 'criteria', 'smart-village.yaml'), 'utf8')));
    expect(all.length).toBeGreaterThan(200);
    expect(all.flatMap(missing)).toEqual([]);
  });

  it.each([
    ['Saulespuķes 🌻 pie skolas', `Saulespuķes ${PLACEHOLDER} pie skolas`],
    ['ģimenes 👩‍👩‍👧 un ⚑', `ģimenes ${PLACEHOLDER} un ${PLACEHOLDER}`],
    ['👍🏽 labi', `${PLACEHOLDER} labi`],
    ['Ērgļi — “Ļaudis” ▲ 50–65 ≥ 3 · ☐ ✓', 'Ērgļi — “Ļaudis” ▲ 50–65 ≥ 3 · ☐ ✓'],
  ])('%s prints as %s', (input, output) => {
    const p = printable(input, fonts);
    expect(p.text).toBe(output);
    expect(printable(input, fontGlyphs())).toEqual(p);
    expect(p.replaced).toBe(input !== output);
    expect(missing(p.text)).toEqual([]);
  });

  it.each([
    ['a tab becomes a space', 'a\tb', 'a b'],
    ['a control character is dropped', 'a\u0007b\u0085c', 'abc'],
    ['line ends stay', 'rinda\nnākamā\r\n', 'rinda\nnākamā\r\n'],
    ['a run of 60 stays whole', 'x'.repeat(60), 'x'.repeat(60)],
    ['a run of 61 gets a break', 'x'.repeat(61), `${'x'.repeat(60)}\u200Bx`],
    ['a no-break space ends a run', `${'x'.repeat(40)}\u00a0${'x'.repeat(40)}`, `${'x'.repeat(40)}\u00a0${'x'.repeat(40)}`],
    ['a variation selector after a drawn character goes', '✓\ufe0f', '✓'],
  ])('%s', (_what, input, output) => {
    expect(printable(input, fonts).text).toBe(output);
    // The same through the renderer's check, whose quick pattern answers most texts.
    expect(printable(input, fontGlyphs()).text).toBe(output);
  });

  it('has a quick pattern for common text the fonts draw, and it leaves out what printable must change', () => {
    const { plain } = fontGlyphs();
    expect(plain?.test('Ērgļi — “Ļaudis”, 2018–2019: 50 % … Straße\n')).toBe(true);
    for (const text of ['a\tb', 'a\u0007b', '🌻', 'a\u200db', '✓\ufe0f']) expect(plain?.test(text), JSON.stringify(text)).toBe(false);
  });

  it('makes a long unbreakable run breakable without changing its visible characters', () => {
    const p = printable('x'.repeat(20_000), fonts);
    expect(p.text.replace(/\u200B/g, '')).toBe('x'.repeat(20_000));
    expect(Math.max(...p.text.split('\u200B').map((s) => s.length))).toBeLessThanOrEqual(60);
    // An ordinary URL stays whole.
    expect(printable('https://www.smartrural21.eu/villages/torup_dk/', fonts).text).not.toContain('\u200B');
  });
});

const LONG = [
  'Mobilitāte un sabiedriskā transporta pieejamība lauku teritorijās',
  'Digitālā savienojamība un e-pakalpojumu pieejamība visiem iedzīvotājiem',
  'Vietējā ekonomika, uzņēmējdarbība, darba vietas un jaunie uzņēmēji',
  'Mājokļi, tukšās ēkas un jaunu iedzīvotāju piesaiste ciemam',
  'Kopienas līdzdalība, pārvaldība un sadarbība ar pašvaldību',
  'Izglītība, kultūra, mūžizglītība un paaudžu sadarbība',
  'Enerģētika, klimats un vides aizsardzība ikdienas dzīvē',
  'Veselība, sociālā aprūpe un kaimiņu atbalsta tīkli',
];

function planOf(n: number) {
  const pillars = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, ['a', 'b']]));
  const file = criteriaFile({ pillars });
  file.pillars.forEach((p, i) => (p.title = { en: LONG[i] ?? 'x' }));
  const fw = buildFramework(file);
  // One pillar without data, the others spread over the scale.
  const answers = Object.fromEntries(Array.from({ length: n }, (_, i) => [[`p${i}.a`, i === n - 1 ? 'n/a' : i % 5], [`p${i}.b`, i === n - 1 ? 'n/a' : (i * 3) % 5]]).flat()) as Record<string, number | 'n/a'>;
  const result = evaluate(fw, groupResponses([response('Testciems', answers)])[0]!);
  return villagePlanView(result, 'en', '2026-05-22');
}

function doc() {
  const d = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 58, left: 56, right: 56 } });
  d.registerFont('Body', FONTS[0] ?? '');
  d.registerFont('Bold', FONTS[1] ?? '');
  return d;
}

const overlaps = (boxes: readonly TextBox[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!, boxes[j]!)) out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
  return out;
};

describe('chart geometry from measured text', () => {
  const width = 595.28 - 112;
  it.each([2, 3, 4, 5, 6, 7, 8])('%i pillars with the longest titles: no two text boxes of the bars or the radar intersect (D03)', (n) => {
    const plan = planOf(n);
    const d = doc();
    const bars = pillarBars(d, plan, 56, 100, width);
    expect(overlaps(bars.boxes)).toEqual([]);
    expect(bars.boxes.some((b) => b.text === 'no data')).toBe(true);
    if (n >= 4) {
      const radar = radarChart(d, plan, 56, 100, width);
      expect(overlaps(radar.boxes)).toEqual([]);
      for (const b of radar.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(55);
        expect(b.x + b.w).toBeLessThanOrEqual(56 + width + 1);
        expect(b.y + b.h).toBeLessThanOrEqual(100 + radar.height);
      }
      // The legend names the community and each level line.
      expect(radar.boxes.some((b) => b.text.startsWith('Your community'))).toBe(true);
    }
  });
});

/** A framework of `n` pillars with long titles and a long action for every criterion; three respondents who disagree on some criteria. */
function stepsPlanOf(n: number) {
  const pillars = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, ['a', 'b']]));
  const actions = Object.fromEntries(Object.entries(pillars).flatMap(([p, cs]) => cs.map((c) => [`${p}.${c}`, [{ id: `${p}-${c}`, timeframe: 'short' as const }]])));
  const file = criteriaFile({ pillars, actions });
  file.pillars.forEach((p, i) => {
    p.title = { en: LONG[i] ?? 'x' };
    for (const c of p.criteria) for (const a of c.actions ?? []) a.text = { en: `Together with the municipality, prepare a simple plan for ${LONG[i] ?? 'x'}: where to meet, who calls whom, and how to tell everyone.` };
  });
  const fw = buildFramework(file);
  const ids = [...fw.criteria.keys()];
  const rs = [0, 1, 2].map((r) =>
    response('Testciems', Object.fromEntries(ids.map((id, i) => [id, i % 3 === 0 ? [0, 4, 2][r]! : (i + r) % 3])), { respondent: `Respondent ${r + 1}`, source: `r${r}.yaml` }),
  );
  const result = evaluate(fw, groupResponses(rs)[0]!);
  return villagePlanView(result, 'en', '2026-05-22');
}

describe('page 1 fits on one page', () => {
  it.each([
    [5, 'letter'],
    [7, 'letter'],
    [8, 'a4'],
  ] as const)('%i pillars with the longest titles on %s: every first step and the discussion line on page 1', async (n, paper) => {
    const plan = stepsPlanOf(n);
    const pdf = openPdf(await renderPdf(plan, { paper, version: 'test' }));
    const first = pdf.pageText(0).replace(/\s+/g, ' ');
    expect(plan.firstSteps.length).toBeGreaterThanOrEqual(3);
    expect(plan.discuss.length).toBeGreaterThan(0);
    for (const step of plan.firstSteps) expect(first).toContain(step.text.replace(/\s+/g, ' ').slice(0, 30));
    expect(first).toContain('▲ ');
    expect(pdf.pageText(1)).not.toContain('▲ ');
  });
});
