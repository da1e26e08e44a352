import type PDFDocument from 'pdfkit';
import type { PlanView } from './plan-view.js';
import { COLOR, FONT } from './pdf-layout.js';

type Doc = InstanceType<typeof PDFDocument>;

const THRESHOLD_COLORS = ['#c8912b', '#2a7f8f', '#7a6aa8', '#8a8f3a'];

/**
 * The pillar scores as a radar chart (three or more pillars) or as bars (one or two), drawn as
 * vectors, with each level's threshold visible. Returns the height used.
 */
export function pillarChart(doc: Doc, plan: PlanView, x: number, y: number, width: number): number {
  return plan.pillars.length >= 3 ? radar(doc, plan, x, y, width) : bars(doc, plan, x, y, width);
}

const LABEL_SPACE = 26;
const LEGEND_SPACE = 18;

/** The radius and the height a radar chart of n axes takes (its lowest vertex decides the bottom). */
export function radarSize(n: number, width: number): { r: number; height: number; below: number } {
  const r = Math.min(115, width * 0.22);
  let below = 0;
  for (let i = 0; i < n; i++) below = Math.max(below, Math.sin(-Math.PI / 2 + (2 * Math.PI * i) / n));
  return { r, below, height: LABEL_SPACE + r + r * below + LABEL_SPACE + LEGEND_SPACE };
}

function radar(doc: Doc, plan: PlanView, x: number, y: number, width: number): number {
  const n = plan.pillars.length;
  const { r, height } = radarSize(n, width);
  const cx = x + width / 2;
  const cy = y + LABEL_SPACE + r;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, score: number): [number, number] => [
    cx + Math.cos(angle(i)) * r * (score / 100),
    cy + Math.sin(angle(i)) * r * (score / 100),
  ];
  const polygon = (scores: number[]): void => {
    scores.forEach((s, i) => {
      const [px, py] = point(i, s);
      if (i === 0) doc.moveTo(px, py);
      else doc.lineTo(px, py);
    });
    doc.closePath();
  };

  doc.save();
  // Grid: rings at 25, 50, 75, 100 and the axes.
  for (const ring of [25, 50, 75, 100]) {
    polygon(new Array<number>(n).fill(ring));
    doc.lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }
  for (let i = 0; i < n; i++) {
    const [px, py] = point(i, 100);
    doc.moveTo(cx, cy).lineTo(px, py).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }

  // Level thresholds: dashed rings.
  plan.thresholds.forEach((t, ti) => {
    polygon(new Array<number>(n).fill(t.score));
    doc.lineWidth(1).dash(3, { space: 2.5 }).strokeColor(THRESHOLD_COLORS[ti % THRESHOLD_COLORS.length] ?? COLOR.muted).stroke();
    doc.undash();
  });

  // The village.
  const scores = plan.pillars.map((p) => p.score ?? 0);
  polygon(scores);
  doc.fillColor(COLOR.bar).fillOpacity(0.28).fill();
  doc.fillOpacity(1);
  polygon(scores);
  doc.lineWidth(1.6).strokeColor(COLOR.accent).stroke();
  scores.forEach((s, i) => {
    const [px, py] = point(i, s);
    doc.circle(px, py, 2.4).fill(COLOR.accent);
  });

  // Ring values on the first axis, on a white ground so the lines do not cross them.
  doc.font(FONT.body).fontSize(6.5);
  for (const ring of [50, 100]) {
    const ty = cy - r * (ring / 100) - 3.5;
    const w = doc.widthOfString(String(ring));
    doc.rect(cx - w / 2 - 1, ty - 0.5, w + 2, 8).fill('#ffffff');
    doc.fillColor(COLOR.muted).text(String(ring), cx - w / 2, ty, { lineBreak: false });
  }

  // Axis labels: pillar title and score, placed outside the chart on the side they point to.
  plan.pillars.forEach((p, i) => {
    const a = angle(i);
    const lx = cx + Math.cos(a) * (r + 10);
    const ly = cy + Math.sin(a) * (r + 10);
    const labelWidth = 130;
    const cos = Math.cos(a);
    const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
    const tx = align === 'center' ? lx - labelWidth / 2 : align === 'left' ? lx : lx - labelWidth;
    const above = Math.sin(a) < -0.2;
    doc.font(FONT.bold).fontSize(8.5);
    const titleH = doc.heightOfString(p.title, { width: labelWidth, align });
    const ty = above ? ly - titleH - 11 : Math.abs(Math.sin(a)) <= 0.2 ? ly - 10 : ly;
    doc.fillColor(COLOR.text).text(p.title, tx, ty, { width: labelWidth, align });
    doc.font(FONT.body).fontSize(8.5).fillColor(COLOR.accent).text(p.scoreText, tx, ty + titleH, { width: labelWidth, align });
  });

  legend(doc, plan, x, y + height - LEGEND_SPACE + 4, width);
  doc.restore();
  doc.fillColor(COLOR.text);
  return height;
}

function bars(doc: Doc, plan: PlanView, x: number, y: number, width: number): number {
  const labelWidth = width * 0.32;
  const barX = x + labelWidth + 8;
  const barW = width - labelWidth - 50;
  let cy = y + 6;
  doc.save();
  for (const p of plan.pillars) {
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(p.title, x, cy, { width: labelWidth, align: 'right' });
    doc.rect(barX, cy, barW, 10).fill(COLOR.barEmpty);
    if (p.score !== null) doc.rect(barX, cy, (barW * p.score) / 100, 10).fill(COLOR.bar);
    doc.font(FONT.body).fontSize(9).fillColor(COLOR.accent).text(p.scoreText, barX + barW + 6, cy, { width: 44 });
    cy += 22;
  }
  plan.thresholds.forEach((t, ti) => {
    const tx = barX + (barW * t.score) / 100;
    doc.moveTo(tx, y).lineTo(tx, cy - 8).lineWidth(1).dash(3, { space: 2.5 })
      .strokeColor(THRESHOLD_COLORS[ti % THRESHOLD_COLORS.length] ?? COLOR.muted).stroke();
    doc.undash();
  });
  legend(doc, plan, x, cy, width);
  doc.restore();
  doc.fillColor(COLOR.text);
  return cy - y + 20;
}

function legend(doc: Doc, plan: PlanView, x: number, y: number, width: number): void {
  const items = plan.thresholds.map((t, i) => ({ text: `${t.title} ≥ ${t.score}`, color: THRESHOLD_COLORS[i % THRESHOLD_COLORS.length] ?? COLOR.muted }));
  doc.font(FONT.body).fontSize(7.5);
  const total = items.reduce((s, it) => s + 22 + doc.widthOfString(it.text) + 14, 0);
  let lx = x + Math.max(0, (width - total) / 2);
  for (const it of items) {
    doc.moveTo(lx, y + 4).lineTo(lx + 18, y + 4).lineWidth(1).dash(3, { space: 2.5 }).strokeColor(it.color).stroke();
    doc.undash();
    doc.fillColor(COLOR.muted).text(it.text, lx + 22, y, { lineBreak: false });
    lx += 22 + doc.widthOfString(it.text) + 14;
  }
}
