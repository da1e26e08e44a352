import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PlanView } from './plan-view.js';
import { TEMPLATES_DIR } from '../paths.js';
import { pillarChart, radarSize } from './pdf-chart.js';
import { planFileBlock, progressBlock } from './pdf-progress.js';
import { COLOR, FONT, Layout, type Cell } from './pdf-layout.js';
import type { Paper } from '../vocab.js';

// Source Sans 3 (SIL OFL, vendored in templates/fonts with its licence) draws every Latvian
// letter; the 14 standard PDF fonts cannot.
const FONT_DIR = join(TEMPLATES_DIR, 'fonts');
const FONT_FILES = {
  [FONT.body]: 'SourceSans3-Regular.ttf',
  [FONT.bold]: 'SourceSans3-Semibold.ttf',
} as const;

const require = createRequire(import.meta.url);
let fonts: Map<string, Buffer> | undefined;

/**
 * The parsed fonts, once per process: batch runs render hundreds of plans, and parsing a font's
 * tables costs more than laying out a page. (pdfkit takes a fontkit font where it takes a file.)
 */
export function parsedFonts(): Map<string, Buffer> {
  if (!fonts) {
    const fontkit = require('fontkit') as { openSync: (path: string) => unknown };
    fonts = new Map(Object.entries(FONT_FILES).map(([name, file]) => [name, fontkit.openSync(join(FONT_DIR, file)) as Buffer]));
  }
  return fonts;
}

const PAPER_SIZES: Record<Paper, string> = { a4: 'A4', letter: 'LETTER' };
const FOOTER_SPACE = 18;

/** Level colours by rank: the top level, the middle ones, the fallback, and no level. */
const LEVEL_COLORS = { top: '#b7791f', middle: '#2a7f8f', last: '#5f6f7f', none: '#8a8f94' } as const;

export interface PdfOptions {
  paper: Paper;
  version: string;
}

/**
 * Renders the action plan as a printable PDF: title block, level and why, pillar chart, action
 * plan table, criteria with evidence, examples, and page numbers. Deterministic for the same plan:
 * the creation date is the plan's date, so the file ID and bytes repeat.
 */
export async function renderPdf(plan: PlanView, opts: PdfOptions): Promise<Buffer> {
  const stamp = new Date(`${plan.date}T12:00:00Z`);
  const L = plan.labels;
  const doc = new PDFDocument({
    size: PAPER_SIZES[opts.paper],
    margins: { top: 48, bottom: 40, left: 50, right: 50 },
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    lang: plan.lang,
    displayTitle: true,
    info: {
      Title: `${L['report.title']}: ${plan.village}`,
      Author: 'smart-village-kit',
      Subject: `${plan.framework.title} (${plan.framework.id} ${plan.framework.version})`,
      Creator: `smart-village-kit ${opts.version}`,
      Producer: `smart-village-kit ${opts.version}`,
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  for (const [name, font] of parsedFonts()) doc.registerFont(name, font);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const layout = new Layout(doc, FOOTER_SPACE);
  titleBlock(layout, plan);
  progressBlock(layout, plan); // #18: what changed since last time, on page 1 when given
  levelBlock(layout, plan);
  firstStepsBlock(layout, plan);
  planFileBlock(layout, plan); // #18: the community's plan file, when given
  chartBlock(layout, plan);
  strengthsBlock(layout, plan);
  laterBlock(layout, plan);
  criteriaBlock(layout, plan);
  closingBlock(layout, plan);
  agreementBlock(layout, plan);
  footers(doc, plan, opts.version);
  doc.end();
  return finished;
}

function titleBlock(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  doc.font(FONT.bold).fontSize(9).fillColor(COLOR.accent).text(L['report.title'].toUpperCase(), l.left, l.top, { characterSpacing: 0.8 });
  l.space(2);
  doc.font(FONT.bold).fontSize(24).fillColor(COLOR.text).text(plan.village, l.left, doc.y, { width: l.width });
  l.space(2);
  // Municipality and LAG under the name; the facts below add the rest.
  const place = [plan.municipality, plan.lag].filter((x): x is string => x !== null).join(' · ');
  if (place) doc.font(FONT.body).fontSize(11).fillColor(COLOR.muted).text(place, { width: l.width });
  l.space(8);

  const respondents = plan.respondentNames.length > 0 ? `${plan.respondents} (${plan.respondentNames.join('; ')})` : String(plan.respondents);
  const facts: [string, string][] = [
    [L['report.date'], plan.date],
    [L['report.respondents'], respondents],
    [L['report.framework'], `${plan.framework.title} (${plan.framework.id} ${plan.framework.version})`],
  ];
  const keyWidth = 120;
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text(k, l.left, y, { width: keyWidth });
    doc.font(FONT.body).fontSize(9).fillColor(COLOR.text).text(v, l.left + keyWidth, y, { width: l.width - keyWidth });
    l.space(1);
  }
  l.space(8);
  l.paragraph(plan.labels['report.intro'], { size: 9.5, color: COLOR.muted, gap: 10 });
  if (plan.framework.description) l.paragraph(plan.framework.description, { size: 9.5, gap: 10 });
}

function levelColor(plan: PlanView): string {
  if (plan.level.incomplete || plan.level.id === 'none') return LEVEL_COLORS.none;
  const index = plan.thresholds.findIndex((t) => t.level === plan.level.id);
  if (index === 0 && plan.next === null) return LEVEL_COLORS.top;
  return plan.next === null ? LEVEL_COLORS.top : index >= 0 ? LEVEL_COLORS.middle : LEVEL_COLORS.last;
}

function levelBlock(l: Layout, plan: PlanView): void {
  const { doc } = l;
  const L = plan.labels;
  const color = levelColor(plan);
  const pad = 12;
  const inner = l.width - 2 * pad - 90;
  doc.font(FONT.body).fontSize(9.5);
  const descH = plan.level.description ? doc.heightOfString(plan.level.description, { width: inner, lineGap: 1.5 }) : 0;
  const boxH = Math.max(70, 2 * pad + 12 + 22 + descH);
  l.ensure(boxH + 20);
  const y = doc.y;
  doc.roundedRect(l.left, y, l.width, boxH, 6).fill('#f4f7f7');
  doc.rect(l.left, y, 5, boxH).fill(color);
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.muted).text(L['report.level'].toUpperCase(), l.left + pad + 4, y + pad, { characterSpacing: 0.6 });
  doc.font(FONT.bold).fontSize(17).fillColor(color).text(plan.level.title, l.left + pad + 4, y + pad + 12, { width: inner });
  if (plan.level.description) {
    doc.font(FONT.body).fontSize(9.5).fillColor(COLOR.text).text(plan.level.description, l.left + pad + 4, doc.y + 2, { width: inner, lineGap: 1.5 });
  }
  // Overall score on the right.
  doc.font(FONT.bold).fontSize(26).fillColor(COLOR.accent).text(plan.overallText, l.left + l.width - 90 - pad, y + pad + 6, { width: 90, align: 'right' });
  doc.font(FONT.body).fontSize(8).fillColor(COLOR.muted).text(`${L['col.overall']} / 100`, l.left + l.width - 90 - pad, doc.y, { width: 90, align: 'right' });
  doc.fillColor(COLOR.text);
  doc.y = y + boxH + 12;

  if (plan.level.why.length > 0) {
    doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text).text(L['report.levelWhy'], l.left, doc.y);
    l.space(3);
    l.bullets(plan.level.why, { size: 9.5 });
  }
  if (plan.next) {
    const path = plan.next.path;
    doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text).text(path.heading, l.left, doc.y, { width: l.width });
    l.space(3);
    if (path.kind !== 'answer') l.bullets(plan.next.unmet, { size: 9.5 });
    l.paragraph(path.intro, { size: 9.5 });
    if (path.lines.length > 0) l.bullets(path.lines, { size: 9.5 });
  } else {
    l.paragraph(L['report.nextNone'], { size: 9.5 });
  }
}

function chartBlock(l: Layout, plan: PlanView): void {
  const height = plan.pillars.length >= 3 ? radarSize(plan.pillars.length, l.width).height : plan.pillars.length * 22 + 30;
  // The heading stays with its chart: both move to the next page when the chart does not fit.
  l.ensure(height + 40);
  l.heading(plan.labels['report.scores'], 14);
  l.ensure(height);
  // The chart's own text moves pdfkit's cursor; the block ends where the chart says it does.
  const top = l.doc.y;
  const used = pillarChart(l.doc, plan, l.left, top, l.width);
  l.doc.x = l.left;
  l.doc.y = top + used;
  const rows: Cell[][] = plan.pillars.map((p) => [p.title, { bar: p.score, text: p.scoreText }, p.coverageText]);
  l.table(
    [
      { header: plan.labels['report.pillar'], width: 0.5 },
      { header: plan.labels['report.score'], width: 0.32 },
      { header: plan.labels['report.coverage'], width: 0.18, align: 'right' },
    ],
    rows,
  );
}

function strengthsBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  l.heading(L['report.strengths'], 14);
  if (plan.strengths.length === 0) l.paragraph(L['report.strengthsNone'], { size: 9.5 });
  else l.bullets(plan.strengths.map((s) => ({ lead: s.title, text: `(${s.pillar}): ${s.label}${s.rubric ? ` — ${s.rubric}` : ''}` })), { size: 9.5 });
  if (plan.discuss.length > 0) {
    l.heading(L['report.discuss'], 14);
    l.paragraph(L['report.discussIntro'], { size: 9.5, color: COLOR.muted });
    l.bullets(plan.discuss.map((d) => ({ lead: d.title, text: `(${d.pillar}): ${d.spread}` })), { size: 9.5 });
  }
}

function firstStepsBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  l.heading(L['report.firstSteps'], 14);
  if (plan.firstSteps.length === 0) {
    l.paragraph(L['report.firstStepsNone'], { size: 9.5 });
    return;
  }
  l.paragraph(L['report.firstStepsIntro'], { size: 9.5, color: COLOR.muted });
  // Who, by when and done-when are the community's to fill in: empty cells with room to write.
  l.table(
    [
      { header: '#', width: 0.05, align: 'right' },
      { header: L['report.step'], width: 0.45 },
      { header: L['report.who'], width: 0.16 },
      { header: L['report.byWhen'], width: 0.12 },
      { header: L['report.doneWhen'], width: 0.22 },
    ],
    plan.firstSteps.map((s): Cell[] => [
      String(s.number),
      `${s.text}\n${s.criterion} · ${s.reason}${s.funding.length > 0 ? ` · ${L['report.funding']}: ${s.funding.join(', ')}` : ''}`,
      '',
      '',
      s.doneWhen,
    ]),
  );
}

function laterBlock(l: Layout, plan: PlanView): void {
  if (plan.later.length === 0) return;
  const L = plan.labels;
  l.heading(L['report.later'], 14);
  l.paragraph(L['report.laterIntro'], { size: 9.5, color: COLOR.muted });
  for (const g of plan.later) {
    l.heading(g.pillar, 11.5, 4);
    for (const tf of g.timeframes) {
      l.bullets(tf.actions.map((a) => ({ lead: tf.timeframe, text: `${a.text} (${a.criterion})` })), { size: 9.5 });
    }
  }
}

function agreementBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  l.heading(L['report.agreement'], 14);
  l.paragraph(L['report.agreementIntro'], { size: 9.5, color: COLOR.muted });
  l.table(
    [
      { header: '', width: 0.45 },
      { header: '', width: 0.55 },
    ],
    [L['report.agreementWho'], L['report.agreementWhen'], L['report.agreementSigned']].map((k): Cell[] => [k, '\n']),
  );
}

function criteriaBlock(l: Layout, plan: PlanView): void {
  const L = plan.labels;
  l.heading(L['report.criteria'], 14);
  for (const p of plan.pillars) {
    l.heading(`${p.title}: ${p.scoreText} (${p.coverageText} ${L['report.coverage']})`, 11.5, 4);
    l.table(
      [
        { header: L['report.criterion'], width: 0.24 },
        { header: L['report.raw'], width: 0.19 },
        { header: L['report.score'], width: 0.12 },
        { header: L['report.evidence'], width: 0.45 },
      ],
      p.criteria.map((c): Cell[] => [
        c.disagree ? `${c.title}\n▲ ${L['report.discuss']}` : c.title,
        c.label ? `${c.rawText} — ${c.label}${c.spread ? ` (${c.spread})` : ''}` : c.scoreText,
        c.score === null ? '' : { bar: c.score, text: c.scoreText },
        c.notes.map((n) => (n.respondent ? `${n.text} (${n.respondent})` : n.text)).join('\n'),
      ]),
      { size: 8.5 },
    );
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
    l.heading(L['report.open'], 14);
    l.paragraph(L['report.openIntro'], { size: 9.5, color: COLOR.muted });
    l.bullets(plan.open.map((c) => ({ lead: c.title, text: `(${c.pillar}): ${c.question}` })), { size: 9.5 });
  }
  if (plan.examples.length > 0) {
    l.heading(L['report.examples'], 14);
    l.bullets(plan.examples.map((e) => ({ lead: e.name, text: `${e.text}${e.url ? ` ${e.url}` : ''}` })), { size: 9.5 });
  }
}

function footers(doc: InstanceType<typeof PDFDocument>, plan: PlanView, version: string): void {
  const L = plan.labels;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would start a new page; lift the margin while drawing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom - 4;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
    doc.font(FONT.body).fontSize(7.5).fillColor(COLOR.muted);
    doc.text(`${plan.village} · ${plan.framework.id} ${plan.framework.version} · ${L['report.footer']} ${version}`, left, y, {
      width: width - 80,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`${L['report.page']} ${i + 1} ${L['report.of']} ${range.count}`, left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
