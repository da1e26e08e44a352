import type PDFDocument from 'pdfkit';
import { localeOf } from '../i18n/messages.js';
import type { Paper } from '../vocab.js';
import { COLOR, FONT, Layout, type Column } from './pdf-layout.js';
import { band, type OverviewView, type ViewTable } from './overview-view.js';
import { pdfLibs } from './pdf-libs.js';
import { collectDocument, PAPER_SIZES } from './pdf.js';

const BAND_COLORS = ['#d9534f', '#f0a04b', '#f2d45c', '#5cb85c'] as const;

type Doc = InstanceType<typeof PDFDocument>;

function columns(t: ViewTable, widths: number[]): Column[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return t.header.map((header, i) => ({ header, width: (widths[i] ?? 1) / sum, align: t.right[i] ? 'right' : 'left' }));
}

function drawTable(l: Layout, t: ViewTable, widths: number[]): void {
  if (t.rows.length > 0) l.table(columns(t, widths), t.rows);
}

/** The heat-map as a chart: one row per village, one coloured square per pillar and the overall, the score inside. */
function heatmap(l: Layout, v: OverviewView): void {
  const doc: Doc = l.doc;
  const nameWidth = l.width * 0.34;
  const cols = v.heat.pillars.length + 1;
  const cellW = (l.width - nameWidth) / cols;
  const rowH = 14;
  // A table in the structure: the village, then each pillar's score and the overall (the colour
  // is the score's band, so the squares are artifacts); a header repeated on a new page is one too.
  const header = (repeat: boolean): void => {
    doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.accent);
    const y = doc.y;
    const [village = '', ...rest] = v.heat.table.header;
    const cells = (): void =>
      [village, ...rest].forEach((p, i) => {
        const draw = (): void => {
          if (i === 0) doc.text(p, l.left, y, { width: nameWidth - 4, height: 20, ellipsis: true });
          else doc.text(p, l.left + nameWidth + (i - 1) * cellW, y, { width: cellW - 2, align: 'center', height: 20, ellipsis: true });
        };
        if (repeat) draw();
        else l.tag('TH', draw);
      });
    if (repeat) l.artifact(cells);
    else l.group('TR', cells);
    doc.y = y + 22;
  };
  l.ensure(60);
  const one = new Intl.NumberFormat(localeOf(v.lang), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const num = (x: number | null): string => (x === null ? '—' : one.format(Math.round(x * 10) / 10));
  l.group('Table', () => {
    header(false);
    for (const r of v.heat.rows) {
      if (doc.y + rowH > l.bottom) {
        doc.addPage();
        header(true);
      }
      const y = doc.y;
      l.group('TR', () => {
        l.tag('TH', () => doc.font(FONT.body).fontSize(8).fillColor(COLOR.text).text(r.village, l.left, y + 3, { width: nameWidth - 4, height: rowH, ellipsis: true, lineBreak: false }));
        [...r.scores, r.overall].forEach((s, i) => {
          const b = band(s);
          const x = l.left + nameWidth + i * cellW;
          l.artifact(() => doc.rect(x + 1, y + 1, cellW - 2, rowH - 2).fill(b === null ? COLOR.barEmpty : BAND_COLORS[b]));
          l.tag('TD', () => doc.font(i === cols - 1 ? FONT.bold : FONT.body).fontSize(7.5).fillColor(COLOR.text).text(num(s), x, y + 3.5, { width: cellW, align: 'center', lineBreak: false }));
        });
      });
      doc.y = y + rowH;
    }
  });
  doc.x = l.left;
  l.space(10);
}

/** The LAG overview as a printable PDF (counts, R.40, ranking, heat-map chart, change, criteria, support, data quality). Deterministic for the same data. */
export async function renderOverviewPdf(v: OverviewView, opts: { paper: Paper; version: string; date: string }): Promise<Buffer> {
  const stamp = new Date(`${opts.date}T12:00:00Z`);
  const doc = new (pdfLibs().PDFDocument)({
    size: PAPER_SIZES[opts.paper],
    margins: { top: 48, bottom: 40, left: 50, right: 50 },
    bufferPages: true,
    compress: true,
    lang: v.lang,
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    info: { Title: v.title, Author: 'smart-village-kit', Creator: `smart-village-kit ${opts.version}`, Producer: `smart-village-kit ${opts.version}`, CreationDate: stamp, ModDate: stamp },
  } as unknown as PDFKit.PDFDocumentOptions);
  const finished = collectDocument(doc);
  const l = new Layout(doc, 18, { tagged: true });
  l.tag('H1', () => doc.font(FONT.bold).fontSize(20).fillColor(COLOR.text).text(v.title, l.left, l.top, { width: l.width }));
  l.space(4);
  if (v.subtitle) l.paragraph(v.subtitle, { color: COLOR.muted });
  l.paragraph(v.intro);
  for (const n of v.notes) l.paragraph(n, { color: COLOR.muted });

  l.heading(v.counts.title);
  drawTable(l, v.counts, [3, 1]);
  l.heading(v.strategy.heading);
  l.paragraph(v.strategy.count, { font: FONT.bold, size: 12 });
  l.paragraph(v.strategy.definition, { color: COLOR.muted, size: 9 });
  if (v.strategy.villages) l.paragraph(v.strategy.villages, { size: 9 });
  l.heading(v.ranking.heading);
  drawTable(l, v.ranking.table, [0.6, 2.2, 2, 2.2, 1, 0.8]);
  l.heading(v.heat.heading);
  l.paragraph(v.heat.intro.replace(/🟥|🟧|🟨|🟩/gu, '■'), { size: 9, color: COLOR.muted });
  heatmap(l, v);
  if (v.change) {
    l.heading(v.change.heading);
    l.paragraph(v.change.intro, { size: 9, color: COLOR.muted });
    drawTable(l, v.change.table, [2, 2, 1.3, 0.9, 0.9, 0.9, 3]);
  }
  l.heading(v.weakest.heading);
  drawTable(l, v.weakest.table, [5, 1, 1]);
  l.heading(v.strongest.heading);
  drawTable(l, v.strongest.table, [5, 1, 1]);
  l.heading(v.support.heading);
  l.paragraph(v.support.intro, { size: 9, color: COLOR.muted });
  drawTable(l, v.support.actions, [5, 2.5, 0.8]);
  l.bullets([v.support.partners, v.support.funding], { size: 9 });
  l.heading(v.disagree.heading);
  l.paragraph(v.disagree.intro, { size: 9, color: COLOR.muted });
  drawTable(l, v.disagree.table, [5, 1]);
  l.heading(v.quality.heading);
  l.bullets(v.quality.facts.rows.map((r) => ({ lead: `${r[0] ?? ''}:`, text: r[1] ?? '' })), { size: 9 });
  drawTable(l, v.quality.problems, [3, 0.7, 5]);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // A footer inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.body).fontSize(7.5).fillColor(COLOR.muted);
    l.artifact(() => doc.text(`${v.title} · ${i + 1}/${range.count}`, l.left, doc.page.height - 30, { width: l.width, align: 'right', lineBreak: false }), 'Pagination');
  }
  doc.end();
  return finished;
}
