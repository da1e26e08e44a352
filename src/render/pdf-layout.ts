import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export const FONT = { body: 'Body', bold: 'Bold' } as const;

export const COLOR = {
  text: '#1d2a2f',
  muted: '#5b6b73',
  rule: '#c9d3d6',
  faint: '#eef3f3',
  accent: '#1f5f5b',
  bar: '#2a8c82',
  barEmpty: '#dde6e6',
} as const;

/** A table cell: text, or a 0–100 score drawn as a bar with its number. */
export type Cell = string | { bar: number | null; text: string };

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

const PAD = 4;

/**
 * Flow layout on top of pdfkit: keeps a cursor, breaks pages before a block that would not fit
 * (so table rows are never cut in half), and repeats table headers on every page.
 */
export class Layout {
  readonly left: number;
  readonly width: number;

  constructor(
    readonly doc: Doc,
    private readonly footerSpace: number,
  ) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.footerSpace;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    this.doc.y += points;
  }

  heading(text: string, size = 15, gapAfter = 6): void {
    this.doc.font(FONT.bold).fontSize(size);
    // Keep a heading with what follows: a sub-heading and a table's header and first row.
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 80);
    this.doc.fillColor(COLOR.accent).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOR.text);
    this.space(gapAfter);
  }

  paragraph(text: string, opts: { size?: number; color?: string; font?: string; gap?: number } = {}): void {
    this.doc.font(opts.font ?? FONT.body).fontSize(opts.size ?? 10);
    const h = this.doc.heightOfString(text, { width: this.width, lineGap: 1.5 });
    this.ensure(Math.min(h, 60));
    this.doc.fillColor(opts.color ?? COLOR.text).text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.fillColor(COLOR.text);
    this.space(opts.gap ?? 6);
  }

  /** A bullet list; an item may start with a bold lead (a name) followed by plain text. */
  bullets(items: readonly (string | { lead: string; text: string })[], opts: { size?: number; indent?: number } = {}): void {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 12;
    const width = this.width - indent;
    for (const item of items) {
      const lead = typeof item === 'string' ? '' : `${item.lead} `;
      const text = typeof item === 'string' ? item : item.text;
      this.doc.font(FONT.body).fontSize(size);
      // Measured as one run: the bold lead is only slightly wider than the regular one.
      const h = this.doc.heightOfString(lead + text, { width, lineGap: 1.5 });
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.fillColor(COLOR.accent).circle(this.left + 3, y + size * 0.55, 1.6).fill();
      this.doc.fillColor(COLOR.text);
      if (lead) {
        this.doc.font(FONT.bold).text(lead, this.left + indent, y, { width, lineGap: 1.5, continued: true });
        this.doc.font(FONT.body).text(text, { width, lineGap: 1.5 });
      } else {
        this.doc.text(text, this.left + indent, y, { width, lineGap: 1.5 });
      }
      this.space(2);
    }
    this.space(4);
  }

  /** A table whose rows never split across pages; the header is drawn again on each new page. */
  table(columns: readonly Column[], rows: readonly Cell[][], opts: { size?: number } = {}): void {
    const size = opts.size ?? 9;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const textOf = (c: Cell): string => (typeof c === 'string' ? c : c.text);
    const measure = (cells: readonly Cell[], font: string): number => {
      this.doc.font(font).fontSize(size);
      return Math.max(
        ...cells.map((c, i) => {
          const h = this.doc.heightOfString(textOf(c) || ' ', { width: (widths[i] ?? 0) - 2 * PAD, lineGap: 1 });
          return h + (typeof c === 'string' ? 0 : 7);
        }),
      ) + 2 * PAD;
    };
    const headerCells = columns.map((c) => c.header);
    const headerHeight = measure(headerCells, FONT.bold);
    const maxRow = this.bottom - this.top - headerHeight - 4;

    const drawHeader = (): void => {
      const y = this.doc.y;
      this.doc.rect(this.left, y, this.width, headerHeight).fill(COLOR.faint);
      this.doc.font(FONT.bold).fontSize(size).fillColor(COLOR.accent);
      headerCells.forEach((h, i) => {
        this.doc.text(h, (xs[i] ?? 0) + PAD, y + PAD, { width: (widths[i] ?? 0) - 2 * PAD, align: columns[i]?.align ?? 'left', lineGap: 1 });
      });
      this.doc.fillColor(COLOR.text);
      this.doc.y = y + headerHeight;
    };

    this.ensure(headerHeight + Math.min(measure(rows[0] ?? headerCells, FONT.body), maxRow));
    drawHeader();
    rows.forEach((row, ri) => {
      const height = Math.min(measure(row, FONT.body), maxRow);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      const y = this.doc.y;
      if (ri % 2 === 1) this.doc.rect(this.left, y, this.width, height).fill('#f7f9f9');
      row.forEach((cell, i) => {
        const x = (xs[i] ?? 0) + PAD;
        const w = (widths[i] ?? 0) - 2 * PAD;
        this.doc.font(FONT.body).fontSize(size).fillColor(COLOR.text);
        if (typeof cell === 'string') {
          this.doc.text(cell, x, y + PAD, { width: w, height: height - 2 * PAD, ellipsis: true, align: columns[i]?.align ?? 'left', lineGap: 1 });
        } else {
          this.doc.text(cell.text, x, y + PAD, { width: w, align: columns[i]?.align ?? 'left', lineGap: 1 });
          scoreBar(this.doc, x, y + PAD + size + 3, w, 4, cell.bar);
        }
      });
      this.doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      this.doc.y = y + height;
    });
    this.doc.x = this.left;
    this.space(10);
  }
}

/** A horizontal 0–100 bar. */
export function scoreBar(doc: Doc, x: number, y: number, width: number, height: number, score: number | null): void {
  doc.roundedRect(x, y, width, height, height / 2).fill(COLOR.barEmpty);
  if (score !== null && score > 0) {
    doc.roundedRect(x, y, Math.max(height, (width * Math.min(100, score)) / 100), height, height / 2).fill(COLOR.bar);
  }
  doc.fillColor(COLOR.text);
}
