import type PDFDocument from 'pdfkit';
import type { PlanView } from './plan-view.js';
import { COLOR, FONT, fitLine } from './pdf-layout.js';

type Doc = InstanceType<typeof PDFDocument>;

/** A text box the chart draws, in page points: what the no-overlap test checks. */
export interface TextBox {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a chart drew: its height, and every text box (the layout model). */
export interface ChartModel {
  height: number;
  boxes: TextBox[];
}

/** Threshold lines: a different dash for each level, so they differ in black and white too; colours add to that. */
const THRESHOLD_STYLES: { dash: number; space: number; color: string; width: number }[] = [
  { dash: 1.2, space: 2, color: '#8a5a00', width: 1.4 },
  { dash: 6, space: 3, color: '#34495e', width: 1.1 },
  { dash: 3, space: 1.5, color: '#6b4f9b', width: 1 },
  { dash: 9, space: 2, color: '#5f6b1f', width: 1 },
];
const styleOf = (i: number): (typeof THRESHOLD_STYLES)[number] => THRESHOLD_STYLES[i % THRESHOLD_STYLES.length] ?? { dash: 3, space: 2, color: COLOR.muted, width: 1 };

const LABEL = 9;

export const intersects = (a: TextBox, b: TextBox): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function dashed(doc: Doc, i: number): Doc {
  const s = styleOf(i);
  return doc.lineWidth(s.width).dash(s.dash, { space: s.space }).strokeColor(s.color);
}

// --- bars (page 1, every framework) -------------------------------------------------------

/**
 * The pillar scores as horizontal bars with each level's line, labelled with its number on the
 * line and its meaning in the key below. A pillar without data gets an empty, dotted bar and "no data".
 */
export function pillarBars(doc: Doc, plan: PlanView, x: number, y: number, width: number, draw = true, compact = false): ChartModel {
  const L = plan.labels;
  const boxes: TextBox[] = [];
  const labelWidth = Math.min(width * 0.36, 190);
  const scoreWidth = 44;
  const barX = x + labelWidth + 10;
  const barW = width - labelWidth - 10 - scoreWidth - 6;
  const barH = 11;
  const top = y + 12; // room for the lines' numbers
  let cy = top;
  if (draw) doc.save();
  for (const p of plan.pillars) {
    doc.font(FONT.bold).fontSize(LABEL);
    // Compact (a full page 1): each title on one line, shortened; the radar and the tables give it whole.
    const title = compact ? fitLine(doc, p.title, labelWidth) : p.title;
    const th = compact ? doc.currentLineHeight(true) : doc.heightOfString(title, { width: labelWidth });
    const rowH = Math.max(th, barH) + (compact ? 4 : 6);
    const barY = cy + (Math.max(th, barH) - barH) / 2;
    boxes.push({ text: title, x, y: cy, w: labelWidth, h: th });
    const scoreText = p.score === null ? L['report.noData'] : String(Math.round(p.score));
    doc.font(FONT.bold).fontSize(LABEL);
    const sw = doc.widthOfString(scoreText);
    boxes.push({ text: scoreText, x: barX + barW + 6, y: barY, w: sw, h: LABEL * 1.2 });
    if (draw) {
      doc.font(FONT.bold).fontSize(LABEL).fillColor(COLOR.text).text(title, x, cy, { width: labelWidth, align: 'right' });
      doc.rect(barX, barY, barW, barH).fill(COLOR.barEmpty);
      if (p.score === null) {
        doc.rect(barX, barY, barW, barH).lineWidth(0.6).dash(1, { space: 2 }).strokeColor(COLOR.muted).stroke();
        doc.undash();
      } else if (p.score > 0) doc.rect(barX, barY, (barW * Math.min(100, p.score)) / 100, barH).fill(plan.provisional ? '#8fbcb7' : COLOR.bar);
      doc.font(FONT.bold).fontSize(LABEL).fillColor(p.score === null ? COLOR.muted : COLOR.accent).text(scoreText, barX + barW + 6, barY + 0.5, { lineBreak: false });
    }
    cy += rowH;
  }
  const bottom = cy - (compact ? 4 : 6);
  // Level lines across the bars, their number on top.
  plan.thresholds.forEach((t, ti) => {
    const tx = barX + (barW * t.score) / 100;
    doc.font(FONT.bold).fontSize(7.5);
    const label = String(t.score);
    const w = doc.widthOfString(label);
    boxes.push({ text: label, x: tx - w / 2, y: y + 1, w, h: 9 });
    if (draw) {
      dashed(doc, ti).moveTo(tx, top - 2).lineTo(tx, bottom).stroke();
      doc.undash();
      doc.fillColor(styleOf(ti).color).text(label, tx - w / 2, y + 1, { lineBreak: false });
    }
  });
  // The key: what each line asks.
  let ky = bottom + 8;
  for (const [ti, t] of plan.thresholds.entries()) {
    doc.font(FONT.body).fontSize(8.5);
    const kw = width - labelWidth - 10 - 28;
    const h = doc.heightOfString(t.meaning, { width: kw });
    boxes.push({ text: t.meaning, x: barX + 28, y: ky, w: kw, h });
    if (draw) {
      dashed(doc, ti).moveTo(barX, ky + 5).lineTo(barX + 22, ky + 5).stroke();
      doc.undash();
      doc.fillColor(COLOR.muted).text(t.meaning, barX + 28, ky, { width: kw });
    }
    ky += h + 2;
  }
  // Measuring (draw false) writes nothing to the page.
  if (draw) doc.restore().fillColor(COLOR.text);
  return { height: ky - y + 2, boxes };
}

// --- radar (page 2, four pillars or more) -------------------------------------------------

interface RadarGeometry {
  r: number;
  cx: number;
  cy: number;
  labels: { title: TextBox; score: TextBox; align: 'left' | 'right' | 'center' }[];
  legendY: number;
  height: number;
}

const angleOf = (i: number, n: number): number => -Math.PI / 2 + (2 * Math.PI * i) / n;

/**
 * Places the radar from measured text: each axis label (title, then score) is measured, set
 * outside its axis end, and the radius shrinks until no two labels overlap; the legend goes below
 * the lowest label. Pure geometry on pdfkit's measurements.
 */
export function radarGeometry(doc: Doc, plan: PlanView, x: number, y: number, width: number): RadarGeometry {
  const n = plan.pillars.length;
  const measure = (maxLabel: number) => plan.pillars.map((p) => {
    doc.font(FONT.bold).fontSize(LABEL);
    const w = Math.min(maxLabel, doc.widthOfString(p.title) + 1);
    const th = doc.heightOfString(p.title, { width: w });
    const score = p.score === null ? plan.labels['report.noData'] : String(Math.round(p.score));
    doc.font(FONT.body).fontSize(LABEL);
    return { title: p.title, w, th, score, sw: doc.widthOfString(score) + 1, sh: LABEL * 1.25 };
  });
  let measured = measure(Math.min(150, width * 0.3));
  const place = (r: number): RadarGeometry['labels'] => {
    const cx = x + width / 2;
    const cy = 0;
    return measured.map((m, i) => {
      const a = angleOf(i, n);
      const cos = Math.cos(a);
      const sin = Math.sin(a);
      const lx = cx + cos * (r + 8);
      const ly = cy + sin * (r + 8);
      const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
      const h = m.th + m.sh;
      const by = sin < -0.2 ? ly - h : Math.abs(sin) <= 0.2 ? ly - h / 2 : ly;
      const tx = align === 'center' ? lx - m.w / 2 : align === 'left' ? lx : lx - m.w;
      const sx = align === 'center' ? lx - m.sw / 2 : align === 'left' ? lx : lx - m.sw;
      return { title: { text: m.title, x: tx, y: by, w: m.w, h: m.th }, score: { text: m.score, x: sx, y: by + m.th, w: m.sw, h: m.sh }, align };
    });
  };
  const clash = (ls: RadarGeometry['labels'], r: number): boolean => {
    const all = ls.flatMap((l) => [l.title, l.score]);
    for (const [i, a] of all.entries()) {
      if (a.x < x - 0.5 || a.x + a.w > x + width + 0.5) return true;
      for (const [j, b] of all.entries()) if (j > i && i >> 1 !== j >> 1 && intersects(a, b)) return true;
      // Labels stay off the chart itself.
      const dx = Math.max(Math.abs(a.x + a.w / 2 - (x + width / 2)) - a.w / 2, 0);
      const dy = Math.max(Math.abs(a.y + a.h / 2) - a.h / 2, 0);
      if (Math.hypot(dx, dy) < r + 2) return true;
    }
    return false;
  };
  // The largest radius at which the labels clear each other; narrower (taller) labels when none does.
  let r = 0;
  let labels = place(r);
  for (const maxLabel of [150, 120, 96, 80]) {
    measured = measure(Math.min(maxLabel, width * 0.3));
    r = Math.min(120, width * 0.24);
    labels = place(r);
    while (r > 50 && clash(labels, r)) labels = place((r -= 4));
    if (!clash(labels, r)) break;
  }
  // Still crowded (very long titles): push labels apart vertically, side by side.
  if (clash(labels, r)) {
    for (const side of ['left', 'right', 'center'] as const) {
      const ls = labels.filter((l) => l.align === side).sort((a, b) => a.title.y - b.title.y);
      for (const [i, cur] of ls.entries()) {
        const prev = ls[i - 1];
        if (!prev) continue;
        const overlapX = cur.title.x < prev.title.x + Math.max(prev.title.w, prev.score.w) && prev.title.x < cur.title.x + Math.max(cur.title.w, cur.score.w);
        const minY = prev.score.y + prev.score.h + 2;
        if (overlapX && cur.title.y < minY) {
          const d = minY - cur.title.y;
          cur.title.y += d;
          cur.score.y += d;
        }
      }
    }
  }
  const boxes = labels.flatMap((l) => [l.title, l.score]);
  const minY = Math.min(-r, ...boxes.map((b) => b.y));
  const maxY = Math.max(r, ...boxes.map((b) => b.y + b.h));
  const shift = y + 4 - minY;
  for (const b of boxes) b.y += shift;
  const cy = shift;
  const legendY = maxY + shift + 10;
  return { r, cx: x + width / 2, cy, labels, legendY, height: legendY - y };
}

/** The radar chart with rings, level lines, the community's shape and a legend; returns its layout model. */
export function radarChart(doc: Doc, plan: PlanView, x: number, y: number, width: number): ChartModel {
  const g = radarGeometry(doc, plan, x, y, width);
  const n = plan.pillars.length;
  const { r, cx, cy } = g;
  const point = (i: number, score: number): [number, number] => [cx + Math.cos(angleOf(i, n)) * r * (score / 100), cy + Math.sin(angleOf(i, n)) * r * (score / 100)];
  const polygon = (scores: readonly (number | null)[]): void => {
    let started = false;
    scores.forEach((s, i) => {
      if (s === null) return;
      const [px, py] = point(i, s);
      if (!started) doc.moveTo(px, py);
      else doc.lineTo(px, py);
      started = true;
    });
    doc.closePath();
  };
  const boxes: TextBox[] = g.labels.flatMap((l) => [l.title, l.score]);

  doc.save();
  for (const ring of [25, 50, 75, 100]) {
    polygon(new Array<number>(n).fill(ring));
    doc.lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }
  plan.pillars.forEach((p, i) => {
    const [px, py] = point(i, 100);
    doc.moveTo(cx, cy).lineTo(px, py);
    if (p.score === null) doc.lineWidth(0.8).dash(1, { space: 2 }).strokeColor(COLOR.muted).stroke();
    else doc.lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.undash();
  });
  plan.thresholds.forEach((t, ti) => {
    polygon(new Array<number>(n).fill(t.score));
    dashed(doc, ti).stroke();
    doc.undash();
  });

  // The community's shape, through the pillars that have data only; paler when the assessment is incomplete.
  const scores = plan.pillars.map((p) => p.score);
  if (scores.some((s) => s !== null)) {
    polygon(scores);
    doc.fillColor(COLOR.bar).fillOpacity(plan.provisional ? 0.12 : 0.28).fill();
    doc.fillOpacity(1);
    polygon(scores);
    doc.lineWidth(1.6).strokeColor(COLOR.accent);
    if (plan.provisional) doc.dash(4, { space: 2 });
    doc.stroke();
    doc.undash();
    scores.forEach((s, i) => {
      if (s === null) return;
      const [px, py] = point(i, s);
      doc.circle(px, py, 2.4).fill(COLOR.accent);
    });
  }

  // Ring values along the first axis, on a white ground.
  doc.font(FONT.body).fontSize(7);
  for (const ring of [25, 50, 75, 100]) {
    const text = String(ring);
    const w = doc.widthOfString(text);
    const tx = cx + 3;
    const ty = cy - r * (ring / 100) - 3.8;
    doc.rect(tx - 1, ty - 0.5, w + 2, 8.5).fill('#ffffff');
    doc.fillColor(COLOR.muted).text(text, tx, ty, { lineBreak: false });
  }

  for (const [i, l] of g.labels.entries()) {
    const p = plan.pillars[i];
    if (!p) continue;
    doc.font(FONT.bold).fontSize(LABEL).fillColor(COLOR.text).text(l.title.text, l.title.x, l.title.y, { width: l.title.w + 1, align: l.align });
    doc.font(FONT.body).fontSize(LABEL).fillColor(p.score === null ? COLOR.muted : COLOR.accent).text(l.score.text, l.score.x, l.score.y, { lineBreak: false });
  }

  // Legend: the community, then each level line with what it asks.
  const items: { text: string; draw: (lx: number, ly: number) => void }[] = [
    {
      text: plan.provisional ? `${plan.labels['report.community']} (${plan.labels['report.incompleteData']})` : plan.labels['report.community'],
      draw: (lx, ly) => {
        doc.rect(lx, ly + 1, 18, 8).fillOpacity(0.28).fill(COLOR.bar);
        doc.fillOpacity(1).rect(lx, ly + 1, 18, 8).lineWidth(1).strokeColor(COLOR.accent).stroke();
      },
    },
    ...plan.thresholds.map((t, ti) => ({
      text: t.meaning,
      draw: (lx: number, ly: number) => {
        dashed(doc, ti).moveTo(lx, ly + 5).lineTo(lx + 18, ly + 5).stroke();
        doc.undash();
      },
    })),
  ];
  let ly = g.legendY;
  for (const it of items) {
    doc.font(FONT.body).fontSize(8.5);
    const w = Math.min(width - 24, doc.widthOfString(it.text) + 1);
    const h = doc.heightOfString(it.text, { width: w });
    const lx = x + (width - w - 24) / 2;
    it.draw(lx, ly);
    boxes.push({ text: it.text, x: lx + 24, y: ly, w, h });
    doc.fillColor(COLOR.muted).text(it.text, lx + 24, ly, { width: w });
    ly += h + 2;
  }
  doc.restore();
  doc.fillColor(COLOR.text);
  return { height: ly - y + 4, boxes };
}

/** The height the radar chart takes at `width` (its geometry and legend, measured, nothing drawn). */
export function radarHeight(doc: Doc, plan: PlanView, width: number): number {
  const g = radarGeometry(doc, plan, 0, 0, width);
  doc.font(FONT.body).fontSize(8.5);
  const legend = [plan.labels['report.community'] + ' ' + plan.labels['report.incompleteData'], ...plan.thresholds.map((t) => t.meaning)]
    .map((t) => doc.heightOfString(t, { width: Math.min(width - 24, doc.widthOfString(t) + 1) }) + 2)
    .reduce((a, b) => a + b, 0);
  return g.height + legend + 4;
}

/** The chart's values in words, for its alternative text. */
export function chartValues(plan: PlanView): string {
  return plan.pillars.map((p) => `${p.title} ${p.score === null ? plan.labels['report.noData'] : Math.round(p.score)}`).join('; ');
}
