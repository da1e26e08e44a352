import type { Paper } from '../vocab.js';
import type { HistoryView } from './history.js';
import { pdfLibs } from './pdf-libs.js';
import { collectDocument, PAPER_SIZES } from './pdf.js';
import { COLOR, FONT, Layout, type Cell } from './pdf-layout.js';

const LINE_COLORS = ['#1f5f5b', '#b7791f', '#7a4f9a', '#2a7f8f', '#a23b3b', '#4a6f2a'];

/**
 * A village's history as a PDF: the level and scores per assessment as a line chart (overall and
 * each pillar, with the level thresholds), the table, and the actions done between the
 * assessments. Deterministic: the creation date is the last assessment's.
 */
export async function renderHistoryPdf(view: HistoryView, opts: { paper: Paper; version: string }): Promise<Buffer> {
  const last = view.rows[view.rows.length - 1]?.date ?? '2000-01-01';
  const stamp = new Date(`${/^\d{4}-\d{2}-\d{2}$/.test(last) ? last : '2000-01-01'}T12:00:00Z`);
  const doc = new (pdfLibs().PDFDocument)({
    size: PAPER_SIZES[opts.paper],
    margins: { top: 48, bottom: 40, left: 50, right: 50 },
    compress: true,
    lang: view.lang,
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    info: { Title: view.title, Author: 'smart-village-kit', Creator: `smart-village-kit ${opts.version}`, Producer: `smart-village-kit ${opts.version}`, CreationDate: stamp, ModDate: stamp },
  } as unknown as PDFKit.PDFDocumentOptions);
  const finished = collectDocument(doc);
  const L = view.labels;
  const l = new Layout(doc, 18, { tagged: true });
  l.tag('P', () => doc.font(FONT.bold).fontSize(9).fillColor(COLOR.accent).text(L['history.title'].toUpperCase(), l.left, l.top, { characterSpacing: 0.8 }));
  l.tag('H1', () => doc.font(FONT.bold).fontSize(22).fillColor(COLOR.text).text(view.village, l.left, doc.y + 2, { width: l.width }));
  l.space(6);
  l.paragraph(view.intro, { size: 9.5, color: COLOR.muted, gap: 10 });

  l.heading(L['history.chart'], 14);
  lineChart(l, view);

  l.heading(L['history.table'], 14);
  const share = 0.62 / (view.pillars.length + 1);
  l.table(
    [
      { header: L['history.assessment'], width: 0.16 },
      { header: L['col.level'], width: 0.22 },
      { header: L['col.overall'], width: share, align: 'right' },
      ...view.pillars.map((p) => ({ header: p.title, width: share, align: 'right' as const })),
    ],
    view.rows.map((r): Cell[] => [r.date, r.level, r.overallText, ...r.pillarTexts]),
  );
  for (const n of view.notes) l.paragraph(n, { size: 9, color: COLOR.muted });

  l.heading(L['history.done'], 14);
  if (view.done.length === 0) l.paragraph(L['history.noneDone'], { size: 9.5 });
  for (const d of view.done) {
    l.tag('H3', () => doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.text).text(d.heading, l.left, doc.y, { width: l.width }));
    l.space(3);
    l.bullets(d.items, { size: 9.5 });
  }
  l.tag('P', () => doc.font(FONT.body).fontSize(7.5).fillColor(COLOR.muted).text(`${view.framework.id} ${view.framework.version} · ${L['report.footer']} ${opts.version}`, l.left, doc.y + 8, { width: l.width }));
  doc.end();
  return finished;
}

/** What the chart shows, in words (its alternate text): each assessment's overall and pillar scores. */
function chartText(view: HistoryView): string {
  const L = view.labels;
  return view.rows
    .map((r) => `${r.date}: ${L['col.overall']} ${r.overallText}; ${view.pillars.map((p, k) => `${p.title} ${r.pillarTexts[k] ?? '—'}`).join('; ')}`)
    .join('. ');
}

/** Overall and pillar scores (0–100) per assessment as lines, with the level thresholds dashed. */
function lineChart(l: Layout, view: HistoryView): void {
  const height = 190;
  const legendH = 16 * Math.ceil((view.pillars.length + 1) / 3);
  l.ensure(height + legendH + 20);
  l.tag('Figure', () => drawChart(l, view, height, legendH), { alt: chartText(view) });
}

/** The chart itself, `height` tall with a legend of `legendH` below, where the page has room for both. */
function drawChart(l: Layout, view: HistoryView, height: number, legendH: number): void {
  const { doc } = l;
  const top = doc.y;
  const left = l.left + 28;
  // The level lines are named in a column right of the plot, where no line of scores can cross them.
  const labelW = view.thresholds.length > 0 ? 100 : 0;
  const right = l.left + l.width - 10 - labelW;
  const plotH = height - 30;
  const y = (score: number): number => top + plotH - (score / 100) * plotH;
  const n = view.rows.length;
  const x = (i: number): number => (n <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));

  doc.font(FONT.body).fontSize(7.5).fillColor(COLOR.muted);
  for (const s of [0, 25, 50, 75, 100]) {
    doc.moveTo(left, y(s)).lineTo(right, y(s)).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
    doc.text(String(s), l.left, y(s) - 4, { width: 22, align: 'right', lineBreak: false });
  }
  let below = -Infinity;
  for (const t of [...view.thresholds].sort((a, b) => b.score - a.score)) {
    doc.moveTo(left, y(t.score)).lineTo(right, y(t.score)).dash(3, { space: 3 }).lineWidth(0.6).strokeColor('#b7791f').stroke().undash();
    // Centred on its line, or just below the name above it when two levels are close.
    const at = Math.max(y(t.score) - 4, below);
    doc.fillColor('#b7791f').text(t.title, right + 6, at, { width: labelW - 6, lineBreak: false, ellipsis: true });
    below = at + 10;
  }
  view.rows.forEach((r, i) => {
    doc.fillColor(COLOR.muted).text(r.date, x(i) - 40, top + plotH + 6, { width: 80, align: 'center', lineBreak: false });
  });
  const series = [
    { title: view.labels['col.overall'], values: view.rows.map((r) => r.overall), width: 2.4 },
    ...view.pillars.map((p, k) => ({ title: p.title, values: view.rows.map((r) => r.pillars[k] ?? null), width: 1.3 })),
  ];
  series.forEach((s, k) => {
    const color = LINE_COLORS[k % LINE_COLORS.length] ?? COLOR.accent;
    let started = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        started = false;
        return;
      }
      if (!started) doc.moveTo(x(i), y(v));
      else doc.lineTo(x(i), y(v));
      started = true;
    });
    doc.lineWidth(s.width).strokeColor(color).stroke();
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(x(i), y(v), s.width + 0.8).fill(color);
    });
  });
  // Legend below the plot.
  const legendTop = top + height - 8;
  const colW = l.width / 3;
  series.forEach((s, k) => {
    const color = LINE_COLORS[k % LINE_COLORS.length] ?? COLOR.accent;
    const lx = l.left + (k % 3) * colW;
    const ly = legendTop + Math.floor(k / 3) * 16;
    doc.rect(lx, ly + 3, 12, 3).fill(color);
    doc.font(FONT.body).fontSize(8.5).fillColor(COLOR.text).text(s.title, lx + 16, ly, { width: colW - 20, lineBreak: false, ellipsis: true });
  });
  doc.x = l.left;
  doc.y = legendTop + legendH + 8;
  doc.fillColor(COLOR.text);
}
