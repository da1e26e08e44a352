import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanView } from './plan-view.js';
import { TEMPLATES_DIR } from '../paths.js';
import { chartValues, pillarBars, radarChart, radarHeight } from './pdf-chart.js';
import { COLOR, FONT, Layout, SIZE, fitLine, type Cell, type Row } from './pdf-layout.js';
import { PLACEHOLDER, printableDeep, shorten, type GlyphCheck } from './pdf-text.js';
import { planFileBlock, progressBlock } from './pdf-progress.js';
import { pdfLibs } from './pdf-libs.js';
import { withFastLayout, type LayoutData, type LayoutFont } from './pdf-shaping.js';
import { withFastSubset, type SubsetFont } from './pdf-subset.js';
import type { Paper } from '../vocab.js';

// Village Sans, a subset of Source Sans 3 (SIL OFL; built by scripts/build-fonts.mjs from fonts/,
// in templates/fonts with its licence), draws every Latvian letter; the 14 standard PDF fonts cannot.
// The subset keeps every character and the kerning, without the alternates the PDF never uses.
export const FONT_DIR = join(TEMPLATES_DIR, 'fonts');
export const FONT_FILES = {
  [FONT.body]: 'VillageSans-Regular.ttf',
  [FONT.bold]: 'VillageSans-Semibold.ttf',
} as const;

export interface ParsedFont {
  hasGlyphForCodePoint(cp: number): boolean;
}
let fonts: Map<string, ParsedFont> | undefined;

/**
 * The parsed fonts, once per process: batch runs render hundreds of plans, and parsing a font's
 * tables costs more than laying out a page. (pdfkit takes a fontkit font where it takes a file.)
 */
export function parsedFonts(): Map<string, ParsedFont> {
  fonts ??= openFonts();
  return fonts;
}

/** What the fast text layout reads from each font, stored by the build in dist/ (by font file). */
export const LAYOUT_DATA = 'font-layout.json';

/** The stored layout data; without it (running from the sources) it is read from the fonts. */
function storedLayouts(): Record<string, LayoutData | undefined> {
  try {
    return JSON.parse(readFileSync(new URL(`../${LAYOUT_DATA}`, import.meta.url), 'utf8')) as Record<string, LayoutData>;
  } catch {
    return {};
  }
}

/** The vendored fonts, parsed anew, with the fast layout of plain words and the faster subset. */
function openFonts(): Map<string, ParsedFont> {
  const { fontkit } = pdfLibs();
  const stored = storedLayouts();
  return new Map(
    Object.entries(FONT_FILES).map(([name, file]) => {
      const font = fontkit.openSync(join(FONT_DIR, file)) as LayoutFont & SubsetFont;
      return [name, withFastLayout(withFastSubset(font), stored[file]) as unknown as ParsedFont];
    }),
  );
}

/**
 * Registers the fonts (by default the parsed fonts shared by a batch's plans) on a new document and collects what it writes: the promise holds the
 * whole PDF once `doc.end()` is called. Every PDF the kit draws (plans, history, overview) starts here.
 */
export function collectDocument(doc: PDFKit.PDFDocument, fontSet: Map<string, ParsedFont> = parsedFonts()): Promise<Buffer> {
  for (const [name, font] of fontSet) {
    // fontkit keeps one glyph object per glyph, with the characters of the first text that made
    // it, and pdfkit maps each drawn glyph back to text from those: shared across documents, a
    // later PDF's text layer lost characters (’ . became U+FFFD). Each document starts with none.
    const glyphs = font as { _glyphs?: unknown };
    if (glyphs._glyphs !== undefined) glyphs._glyphs = {};
    doc.registerFont(name, font as unknown as Buffer);
  }
  rememberHeights(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * pdfkit's heightOfString wraps the whole text each time it is asked, and the layout asks for the
 * same heights again and again (a table row for keeping with its heading, for fitting the page,
 * for drawing: about 1,000 calls for 220 different texts in a plan). The document remembers them.
 * A height depends on the text, the options, the font, its size and line gap, all in the key;
 * with continued text pending or no width given it is measured every time, as before.
 */
function rememberHeights(doc: PDFKit.PDFDocument): void {
  const measure = doc.heightOfString.bind(doc);
  const state = doc as unknown as { _font?: { id?: string }; _fontSize: number; _lineGap: number; _textOptions?: unknown };
  const known = new Map<string, number>();
  doc.heightOfString = (text: string, options?: PDFKit.Mixins.TextOptions): number => {
    if (state._textOptions || typeof options?.width !== 'number') return measure(text, options);
    const key = `${state._font?.id}\u0000${state._fontSize}\u0000${state._lineGap}\u0000${JSON.stringify(options)}\u0000${text}`;
    let height = known.get(key);
    if (height === undefined) known.set(key, (height = measure(text, options)));
    return height;
  };
}

let glyphCheck: GlyphCheck | undefined;

/** Whether both fonts draw a code point (the glyph check of every drawn string), once per process like the fonts. */
export function fontGlyphs(): GlyphCheck {
  glyphCheck ??= glyphCheckOf([...parsedFonts().values()]);
  return glyphCheck;
}

function glyphCheckOf(all: ParsedFont[]): GlyphCheck {
  const cache = new Map<number, boolean>();
  const has = (cp: number): boolean => {
    let ok = cache.get(cp);
    if (ok === undefined) cache.set(cp, (ok = all.every((f) => f.hasGlyphForCodePoint(cp))));
    return ok;
  };
  return { has, plain: plainPattern(has) };
}

/** The characters most text is made of: line ends, Latin letters, digits, punctuation, quotes and dashes. */
const COMMON_CHARACTERS: readonly (readonly [number, number])[] = [
  [0x0a, 0x0a], [0x0d, 0x0d], [0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a],
];

/** A pattern for a whole text of common characters that every font draws (printable's quick test). */
function plainPattern(has: (cp: number) => boolean): RegExp {
  const hex = (cp: number): string => `\\u${cp.toString(16).padStart(4, '0')}`;
  const ranges: string[] = [];
  for (const [from, to] of COMMON_CHARACTERS) {
    let start = -1;
    for (let cp = from; cp <= to + 1; cp++) {
      const ok = cp <= to && (cp < 0x20 || has(cp));
      if (ok && start < 0) start = cp;
      if (!ok && start >= 0) {
        ranges.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`);
        start = -1;
      }
    }
  }
  return new RegExp(`^[${ranges.join('')}]*$`);
}

export const PAPER_SIZES: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };
/** The footer sits in the bottom margin, below the text block. */
const MARGINS = { top: 48, bottom: 58, left: 56, right: 56 };

/** Level colours: the top level, a middle one, the first one, and no level (incomplete). */
const LEVEL_COLORS = { top: '#946200', middle: '#1f6f7f', first: '#3d5a80', none: '#6b7075' } as const;
/** The marker of a question to discuss, in the PDF and the Markdown alike. */
export const DISCUSS_MARK = '▲';

/** A section drawn by another module (e.g. progress since last time), inserted after page 1. */
export type PdfSection = (layout: Layout, plan: PlanView) => void;

export interface PdfOptions {
  paper: Paper;
  version: string;
  /** Sections drawn after the first page, before the level in detail. */
  sections?: readonly PdfSection[];
}

/** What a render produced beside the bytes: for tests and for the caller's notices. */
export interface PdfResult {
  data: Buffer;
  /** Characters the fonts cannot draw were shown as PLACEHOLDER. */
  replaced: boolean;
}

/**
 * Renders the action plan as a printable, tagged PDF: page 1 "at a glance" (where the community
 * stands on the way, the criteria as bars with the levels' lines, three strengths in its own
 * words, the first steps with room to write who and when, what to discuss), then the level in
 * detail, the chart, later actions, every question with all its evidence, examples and the
 * agreement, with a colophon. Deterministic for the same plan: the creation date is the plan's date.
 */
export async function renderPdf(plan: PlanView, opts: PdfOptions): Promise<Buffer> {
  return (await renderPdfResult(plan, opts)).data;
}

export async function renderPdfResult(original: PlanView, opts: PdfOptions): Promise<PdfResult> {
  const glyphs = fontGlyphs();
  const { value: plan, replaced } = printableDeep(original, glyphs);
  // Link targets stay exact (the safe text may have break opportunities in it).
  plan.examples = plan.examples.map((e, i) => ({ ...e, url: original.examples[i]?.url ?? null }));
  const stamp = new Date(`${plan.date}T12:00:00Z`);
  const L = plan.labels;
  const village = shorten(plan.village, 160);
  const doc = new (pdfLibs().PDFDocument)({
    size: PAPER_SIZES[opts.paper],
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    lang: plan.lang,
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    info: {
      Title: `${L['report.title']}: ${village}`,
      Author: plan.lag ?? village,
      Subject: `${plan.framework.title} (${plan.framework.id} ${plan.framework.version})`,
      Keywords: [L['report.title'], village, plan.municipality, plan.lag, plan.framework.id].filter((x) => x).join(', '),
      Creator: `smart-village-kit ${opts.version}`,
      Producer: `smart-village-kit ${opts.version}`,
      CreationDate: Number.isNaN(stamp.getTime()) ? new Date(0) : stamp,
      ModDate: Number.isNaN(stamp.getTime()) ? new Date(0) : stamp,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  const finished = collectDocument(doc);

  const layout = new Layout(doc, 0, { continued: L['report.continued'], tagged: true });
  const view = { ...plan, village };
  // #18: with an earlier assessment, what changed opens page 1; the plan file follows the glance page.
  if (view.progress) layout.group('Sect', () => progressBlock(layout, view));
  layout.group('Sect', () => glancePage(layout, view), { title: L['report.glance'] });
  if (view.planFile) layout.group('Sect', () => planFileBlock(layout, view));
  for (const section of opts.sections ?? []) section(layout, view);
  layout.newPage();
  layout.group('Sect', () => detailBlock(layout, view));
  layout.group('Sect', () => laterBlock(layout, view));
  layout.group('Sect', () => criteriaBlock(layout, view));
  layout.group('Sect', () => closingBlock(layout, view));
  layout.group('Sect', () => agreementBlock(layout, view, opts.version, replaced));
  footers(layout, view);
  doc.end();
  return { data: await finished, replaced };
}

// --- page 1: at a glance -----------------------------------------------------------------

function glancePage(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  l.tag('P', () => {
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.accent).text(L['report.title'].toUpperCase(), l.left, l.top, { characterSpacing: 0.8 });
  });
  l.space(2);
  l.bookmark(plan.village, 1);
  l.tag('H1', () => {
    doc.font(FONT.bold).fontSize(22).fillColor(COLOR.text).text(plan.village, l.left, doc.y, { width: l.width });
  });
  const place = [plan.municipality, plan.lag].filter((x): x is string => x !== null).join(' · ');
  const names = plan.respondentNames.join('; ');
  l.tag('P', () => {
    doc.font(FONT.body).fontSize(10).fillColor(COLOR.muted);
    if (place) doc.text(place, l.left, doc.y + 1, { width: l.width });
    // One line: the date, then how many answered and who, shortened to the line (all names are on page 2).
    const head = `${plan.dateText} · ${L['report.respondents']} ${plan.respondents}`;
    doc.text(fitLine(doc, names ? `${head}: ${names}` : head, l.width), l.left, doc.y + 1, { width: l.width, lineBreak: false });
  });
  doc.fillColor(COLOR.text);
  l.space(10);
  journey(l, plan);
  l.space(6);

  // Page 1 holds the bars, then three strengths, the first steps and what to discuss. When they
  // would run over (Letter paper, many pillars, long notes), the page tightens step by step: a wider
  // column for the steps, one line per strength, the discussion line in small type, and last the
  // bars' titles on one line each (in full on page 2).
  const finishing = plan.level.incomplete && plan.next ? plan.next.path : null;
  const fixed =
    l.headingHeight(L['report.scores'], SIZE.h2, 4) +
    l.paragraphHeight(L['report.thresholdNote'], { size: SIZE.small, gap: 8, width: l.width }) +
    (finishing
      ? l.headingHeight(L['report.finish'], SIZE.h2, 4) +
        l.paragraphHeight(finishing.intro) +
        l.bulletsHeight(finishing.lines.slice(0, 6), { size: SIZE.body, width: l.width }) +
        (finishing.lines.length > 6 ? l.paragraphHeight('+', { size: SIZE.small }) : 0)
      : 0);
  const room = l.room;
  // Measured one level at a time, so a page that fits (the usual case) is measured once; the bars
  // are measured once in each form.
  const barsHeight = new Map<boolean, number>();
  const barsOf = (compact: boolean): number => barsHeight.get(compact) ?? barsHeight.set(compact, pillarBars(doc, plan, l.left, 0, l.width, false, compact).height).get(compact) ?? 0;
  const attempt = (level: number): { compactBars: boolean; rest: ReturnType<typeof glanceRest> } => ({ compactBars: level >= 4, rest: glanceRest(l, plan, Math.min(level, 3)) });
  const fitsRoom = (t: ReturnType<typeof attempt>): boolean => fixed + barsOf(t.compactBars) + t.rest.height <= room;
  let chosen = attempt(0);
  for (let level = 1; level <= 4 && !fitsRoom(chosen); level++) chosen = attempt(level);

  // The criteria as bars, with what each level line asks.
  l.heading(L['report.scores'], SIZE.h2, 4, { keep: 60, level: 2 });
  const values = chartValues(plan);
  const thresholds = plan.thresholds.map((t) => t.meaning).join('; ');
  const chartH = barsOf(chosen.compactBars);
  l.ensure(chartH);
  const top = doc.y;
  l.tag('Figure', () => void pillarBars(doc, plan, l.left, top, l.width, true, chosen.compactBars), { alt: L['report.barsAlt'].replace('{values}', values).replace('{thresholds}', thresholds) });
  doc.x = l.left;
  doc.y = top + chartH;
  l.paragraph(L['report.thresholdNote'], { size: SIZE.small, color: COLOR.muted, gap: 8, width: l.width });

  if (finishing) {
    l.heading(L['report.finish'], SIZE.h2, 4, { level: 2 });
    l.paragraph(finishing.intro, { size: SIZE.body });
    l.bullets(finishing.lines.slice(0, 6), { size: SIZE.body, width: l.width });
    if (finishing.lines.length > 6) l.paragraph(`+ ${finishing.lines.length - 6}`, { size: SIZE.small, color: COLOR.muted });
  }
  chosen.rest.draw();
}

/** What follows the bars on page 1, laid out at a tightening `level` (0–3): its height and how to draw it. */
function glanceRest(l: Layout, plan: PlanView, level: number): { height: number; draw: () => void } {
  const { doc } = l;
  const L = plan.labels;
  const bulletWidth = l.width - 12;
  const strengths = plan.highlights.map((h) => {
    const lead = `${h.title} (${h.scoreText}):`;
    const quote = h.own ? `“${h.quote}”` : h.quote;
    if (level < 2) return { lead, text: quote };
    doc.font(FONT.bold).fontSize(SIZE.body);
    const leadWidth = doc.widthOfString(`${lead} `);
    doc.font(FONT.body).fontSize(SIZE.body);
    return { lead, text: fitLine(doc, quote, Math.max(bulletWidth - leadWidth - 4, bulletWidth / 3)) };
  });
  const stepColumns = [
    { header: '#', width: 0.05, align: 'right' as const },
    { header: L['report.step'], width: level >= 1 ? 0.71 : 0.65 },
    { header: L['report.who'], width: level >= 1 ? 0.12 : 0.15 },
    { header: L['report.byWhen'], width: level >= 1 ? 0.12 : 0.15 },
  ];
  const stepRows = plan.firstSteps.map((s): Cell[] => [String(s.number), `${s.text} (${s.criterion})`, '', '']);
  const discuss = plan.discuss.length > 0 ? `${DISCUSS_MARK} ${L['report.discussShort'].replace('{count}', String(plan.discuss.length))} ${plan.discuss.map((d) => d.title).join('; ')}.` : null;
  const discussSize = level >= 3 ? SIZE.small : SIZE.body;

  const height =
    (strengths.length > 0 ? l.headingHeight(L['report.ourWords'], SIZE.h2, 4) + l.bulletsHeight(strengths, { size: SIZE.body, width: l.width }) : 0) +
    l.headingHeight(L['report.doFirst'], SIZE.h2, 4) +
    (plan.firstSteps.length > 0 ? l.tableHeight(stepColumns, stepRows) : l.paragraphHeight(L['report.firstStepsNone'])) +
    (discuss ? l.paragraphHeight(discuss, { size: discussSize, width: l.width }) : 0);

  const draw = (): void => {
    // Three strengths in the community's own words.
    if (strengths.length > 0) {
      l.heading(L['report.ourWords'], SIZE.h2, 4, { keep: 40, level: 2 });
      l.bullets(strengths, { size: SIZE.body, width: l.width });
    }
    // The first steps, with room to write who and by when.
    l.heading(L['report.doFirst'], SIZE.h2, 4, { keep: plan.firstSteps.length > 0 ? l.tableStart(stepColumns, stepRows) : 30, level: 2 });
    if (plan.firstSteps.length === 0) l.paragraph(L['report.firstStepsNone']);
    else l.table(stepColumns, stepRows);
    if (discuss) l.paragraph(discuss, { size: discussSize, width: l.width });
  };
  return { height, draw };
}

/** The levels as a way, first to top, the community's own marked "you are here"; the overall number small beside it. */
function journey(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  const steps = plan.journey;
  const boxH = 52;
  l.ensure(boxH + 30);
  const y = doc.y;
  const here = steps.findIndex((s) => s.current);
  const color = levelColor(plan);
  const overallW = 96;
  const w = l.width - overallW - 8;
  const stepW = steps.length > 0 ? w / steps.length : w;
  l.tag(
    'Figure',
    () => {
      doc.roundedRect(l.left, y, l.width, boxH, 6).fill('#f4f7f7');
      steps.forEach((s, i) => {
        const sx = l.left + 10 + i * stepW;
        const cx = sx + 8;
        const cy = y + 16;
        if (i < steps.length - 1) {
          doc.moveTo(cx + 8, cy).lineTo(cx + stepW - 8, cy).lineWidth(1.2).strokeColor(COLOR.rule).stroke();
          // an arrow head
          doc.moveTo(cx + stepW - 12, cy - 3).lineTo(cx + stepW - 8, cy).lineTo(cx + stepW - 12, cy + 3).lineWidth(1.2).stroke();
        }
        if (i === here) doc.circle(cx, cy, 6).fill(color);
        else doc.circle(cx, cy, 5).lineWidth(1.2).strokeColor(i < here ? color : COLOR.muted).stroke();
        doc.font(i === here ? FONT.bold : FONT.body).fontSize(i === here ? 10.5 : 9.5).fillColor(i === here ? color : COLOR.muted);
        doc.text(s.title, sx, cy + 10, { width: stepW - 14 });
        if (i === here) doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.text).text(`▲ ${L['report.youAreHere']}`, sx, doc.y, { width: stepW - 14 });
      });
      if (here < 0) {
        doc.font(FONT.bold).fontSize(10.5).fillColor(color).text(plan.level.title, l.left + 10, y + boxH - 16, { width: w });
      }
      const ox = l.left + l.width - overallW - 8;
      doc.font(FONT.body).fontSize(8.5).fillColor(COLOR.muted).text(L['col.overall'], ox, y + 8, { width: overallW, align: 'right' });
      doc.font(FONT.bold).fontSize(16).fillColor(COLOR.accent).text(`${plan.overallWhole} / 100`, ox, doc.y, { width: overallW, align: 'right' });
      if (plan.provisional) doc.font(FONT.body).fontSize(7.5).fillColor(COLOR.muted).text(L['report.provisional'], ox, doc.y, { width: overallW, align: 'right' });
    },
    {
      alt: `${L['report.level']}: ${plan.level.title}. ${steps.map((s) => (s.current ? `${s.title} (${L['report.youAreHere']})` : s.title)).join(' → ')}. ${L['col.overall']} ${plan.overallWhole} / 100${plan.provisional ? ` (${L['report.provisional']})` : ''}.`,
    },
  );
  doc.fillColor(COLOR.text);
  doc.x = l.left;
  doc.y = Math.max(doc.y, y + boxH) + 6;
}

function levelColor(plan: PlanView): string {
  if (plan.level.incomplete || plan.level.id === 'none') return LEVEL_COLORS.none;
  if (plan.next === null) return LEVEL_COLORS.top;
  const index = plan.journey.findIndex((s) => s.current);
  return index <= 0 ? LEVEL_COLORS.first : LEVEL_COLORS.middle;
}

// --- page 2 onwards ------------------------------------------------------------------------

function detailBlock(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  l.heading(L['report.details'], SIZE.h1, 6);
  if (plan.respondentNames.length > 0) l.paragraph(`${L['report.respondents']} ${plan.respondents}: ${plan.respondentNames.join('; ')}`, { color: COLOR.muted });
  if (plan.level.description) l.paragraph(`${plan.level.title}: ${plan.level.description}`);
  if (plan.level.why.length > 0) {
    l.heading(L['report.levelWhy'], SIZE.h2, 3, { level: 2, keep: 40 });
    l.bullets(plan.level.why);
  }
  if (plan.next) {
    const path = plan.next.path;
    l.heading(path.heading, SIZE.h2, 3, { level: 2, keep: 40 });
    if (path.kind !== 'answer') l.bullets(plan.next.unmet);
    l.paragraph(path.intro);
    if (path.lines.length > 0) l.bullets(path.lines);
  } else {
    l.paragraph(L['report.nextNone']);
  }
  l.paragraph(L['report.intro'], { color: COLOR.muted });
  if (plan.framework.description) l.paragraph(plan.framework.description, { size: SIZE.small + 1, color: COLOR.muted });

  if (plan.pillars.length >= 4) {
    const height = radarHeight(doc, plan, l.width);
    l.heading(L['report.scores'], SIZE.h2, 4, { level: 2, keep: height });
    const top = doc.y;
    let used = 0;
    l.tag('Figure', () => (used = radarChart(doc, plan, l.left, top, l.width).height), { alt: L['report.chartAlt'].replace('{values}', chartValues(plan)) });
    doc.x = l.left;
    doc.y = top + used + 6;
  }

  l.heading(L['report.strengths'], SIZE.h2, 4, { level: 2, keep: 40 });
  if (plan.strengths.length === 0) l.paragraph(L['report.strengthsNone']);
  else {
    l.bullets(plan.strengths.map((s) => ({ lead: `${s.title} (${s.pillar}, ${s.scoreText}):`, text: s.notes[0]?.text ?? (s.rubric || s.label) })));
    if (plan.strengthsTotal > plan.strengths.length) {
      l.paragraph(L['report.strengthsShown'].replace('{shown}', String(plan.strengths.length)).replace('{total}', String(plan.strengthsTotal)), { color: COLOR.muted, size: SIZE.small + 1 });
    }
  }
  if (plan.discuss.length > 0) {
    l.heading(`${DISCUSS_MARK} ${L['report.discuss']}`, SIZE.h2, 4, { level: 2, keep: 40 });
    l.paragraph(L['report.discussIntro'], { color: COLOR.muted });
    l.bullets(plan.discuss.map((d) => ({ lead: `${d.title} (${d.pillar}):`, text: `${d.distribution || d.spread}${d.voices.length > 0 ? ` — ${d.voices.map((v) => `${v.respondent}: ${v.scoreText}`).join('; ')}` : ''}` })));
  }
}

function laterBlock(l: Layout, plan: PlanView): void {
  if (plan.later.length === 0) return;
  const L = plan.labels;
  l.heading(L['report.later'], SIZE.h1, 6, { keep: 80 });
  l.paragraph(L['report.laterIntro'], { color: COLOR.muted });
  for (const g of plan.later) {
    l.heading(g.pillar, SIZE.h2, 3, { level: 2, keep: 50 });
    for (const tf of g.timeframes) {
      l.heading(tf.timeframe, SIZE.body, 2, { level: 3, keep: 30 });
      l.bullets(tf.actions.map((a) => `${a.text} (${a.criterion})`));
    }
  }
}

function criteriaBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  const columns = [
    { header: L['report.criterion'], width: 0.44 },
    { header: L['report.raw'], width: 0.36 },
    { header: L['report.score'], width: 0.2 },
  ];
  const tables = plan.pillars.map((p) => ({
    p,
    rows: p.criteria.map(
      (c): Row => ({
        cells: [
          c.disagree ? `${c.title}\n${DISCUSS_MARK} ${L['report.discuss']}` : c.title,
          c.label ? `${c.rawText} — ${c.label}${c.spread ? ` (${c.spread})` : ''}` : c.scoreText,
          c.score === null ? '' : { bar: c.score, text: c.scoreText },
        ],
        below: c.notes.map((n) => ({ lead: n.respondent ? `${n.respondent} (${n.scoreText}):` : `(${n.scoreText}):`, text: n.text })),
      }),
    ),
  }));
  const first = tables[0];
  l.heading(L['report.criteria'], SIZE.h1, 6, { keep: first ? 30 + l.tableStart(columns, first.rows) : 60 });
  for (const { p, rows } of tables) {
    l.heading(`${p.title}: ${p.scoreText} (${p.coverageText} ${L['report.coverage']})`, SIZE.h2, 4, { level: 2, keep: l.tableStart(columns, rows) });
    l.table(columns, rows);
  }
}

function closingBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  if (plan.findOut.length > 0) {
    l.heading(L['report.findOut'], 14);
    l.paragraph(L['report.findOutIntro'], { size: 9.5, color: COLOR.muted });
    l.bullets(plan.findOut.map((c) => ({ lead: c.title, text: `(${c.pillar}): ${c.question}` })), { size: 9.5 });
  }
  if (plan.open.length > 0) {
    l.heading(L['report.open'], SIZE.h1, 6);
    l.paragraph(L['report.openIntro'], { color: COLOR.muted });
    l.bullets(plan.open.map((c) => ({ lead: `${c.title} (${c.pillar}):`, text: c.question })));
  }
  if (plan.examples.length > 0) {
    l.heading(L['report.examples'], SIZE.h1, 6);
    l.bullets(plan.examples.map((e) => ({ lead: `${e.name}:`, text: e.text, ...(e.url ? { link: e.url } : {}) })));
  }
}

/** The agreement and the colophon stay together, so the last page is never a stray line or two. */
function agreementBlock(l: Layout, plan: PlanView, version: string, replaced: boolean): void {
  const L = plan.labels;
  const { doc } = l;
  const colophon = L['report.colophon']
    .replace('{version}', version)
    .replace('{framework}', plan.framework.id)
    .replace('{fwVersion}', plan.framework.version)
    .replace('{date}', plan.dateText);
  doc.font(FONT.body).fontSize(SIZE.body);
  const rows = [L['report.agreementWho'], L['report.agreementWhen'], L['report.agreementSigned']].map((k): Cell[] => [k, '\n\n']);
  const need = 40 + l.heightOf(L['report.agreementIntro'], l.measure) + l.tableStart([{ header: '', width: 0.45 }, { header: '', width: 0.55 }], rows, { header: false }) + 50;
  l.ensure(need);
  l.heading(L['report.agreement'], SIZE.h1, 6, { keep: need - 30 });
  l.paragraph(L['report.agreementIntro'], { color: COLOR.muted });
  l.table(
    [
      { header: '', width: 0.45 },
      { header: '', width: 0.55 },
    ],
    rows,
    { header: false },
  );
  l.space(6);
  l.paragraph(colophon, { size: SIZE.small, color: COLOR.muted, width: l.width });
  if (replaced) l.paragraph(L['report.replaced'].replace('{mark}', PLACEHOLDER), { size: SIZE.small, color: COLOR.muted, width: l.width });
}

/** "Village · date · Page x of y" on every page, marked as a pagination artifact. */
function footers(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would start a new page; lift the margin while drawing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 20;
    const width = l.width;
    const pageText = `${L['report.page']} ${i + 1} ${L['report.of']} ${range.count}`;
    doc.font(FONT.body).fontSize(8.5);
    const pageW = doc.widthOfString(pageText) + 2;
    const tail = ` · ${plan.dateText}`;
    const name = fitLine(doc, plan.village, width - pageW - 16 - doc.widthOfString(tail));
    l.artifact(() => {
      doc.moveTo(l.left, y - 6).lineTo(l.left + width, y - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      doc.fillColor(COLOR.muted).text(`${name}${tail}`, l.left, y, { lineBreak: false });
      doc.text(pageText, l.left + width - pageW, y, { lineBreak: false });
    }, 'Pagination');
    doc.page.margins.bottom = bottom;
  }
}
