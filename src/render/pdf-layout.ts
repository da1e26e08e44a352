import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
/** A node of the PDF's logical structure (pdfkit's PDFStructureElement). */
type StructElement = ReturnType<Doc['struct']>;

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

/** Type sizes for print: body 10.5 pt, tables 9.5 pt, small print 8.5 pt (issue #17). */
export const SIZE = { body: 10.5, table: 9.5, small: 8.5, h1: 15, h2: 12 } as const;

/** A table cell: text, or a 0–100 score drawn as a bar with its number. */
export type Cell = string | { bar: number | null; text: string };

/** A line under a table row, across the full width: a bold lead (who, their score) and the text. */
export interface SubLine {
  lead: string;
  text: string;
}

/** A table row; `below` lines (e.g. each respondent's note) run across the full width under it. */
export type Row = Cell[] | { cells: Cell[]; below: SubLine[] };

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

export interface LayoutOptions {
  /** Appended to a table row's first cell where the row continues on a new page. */
  continued?: string;
  /** Tag the content for a tagged PDF (the document was created with `tagged: true`). */
  tagged?: boolean;
}

const PAD = 4;
const LINE_GAP = 1.5;

const rowCells = (r: Row): Cell[] => (Array.isArray(r) ? r : r.cells);
const rowBelow = (r: Row): SubLine[] => (Array.isArray(r) ? [] : r.below);
const textOf = (c: Cell): string => (typeof c === 'string' ? c : c.text);

/**
 * Flow layout on top of pdfkit: keeps a cursor, breaks pages before a block that would not fit,
 * keeps headings with what follows, continues over-tall table rows on the next page (nothing is
 * ever cut), repeats table headers, and tags what it draws (headings, paragraphs, lists, tables)
 * when the document is tagged. Decorations (rules, zebra stripes, bullets) are artifacts.
 */
export class Layout {
  readonly left: number;
  readonly width: number;
  /** The width of running text: about 75 characters of body type. */
  readonly measure: number;
  private parents: StructElement[] = [];
  private readonly opts: LayoutOptions;

  constructor(
    readonly doc: Doc,
    private readonly footerSpace: number,
    opts: LayoutOptions = {},
  ) {
    this.opts = opts;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.measure = Math.min(this.width, 400);
    if (opts.tagged) {
      const root = doc.struct('Document');
      doc.addStructure(root);
      this.parents.push(root);
    }
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.footerSpace;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  /** Points left on this page. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  /** The usable height of a page. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.top + 1) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  space(points: number): void {
    this.doc.y += points;
  }

  // --- structure -------------------------------------------------------------------------

  /** Draws `draw` as the content of a new structure element of `type` (or untagged). */
  tag(type: string, draw: () => void, options: { alt?: string; title?: string } = {}): void {
    const parent = this.parents[this.parents.length - 1];
    if (!parent) return draw();
    const el = this.doc.struct(type, options);
    parent.add(el);
    el.add(draw);
    el.end();
  }

  /** A structure element that holds others (a section, list, table): `fill` adds its children. */
  group(type: string, fill: () => void, options: { title?: string } = {}): void {
    const parent = this.parents[this.parents.length - 1];
    if (!parent) return fill();
    const el = this.doc.struct(type, options);
    parent.add(el);
    this.parents.push(el);
    try {
      fill();
    } finally {
      this.parents.pop();
      el.end();
    }
  }

  /**
   * Text that links to `url`, underlined, each of its link annotations (one per line) described by
   * `description` in its /Contents, as PDF/UA asks of every link (pdfkit would leave it empty).
   */
  private linkText(text: string, url: string, description: string, options: PDFKit.Mixins.TextOptions): void {
    const doc = this.doc as unknown as { link: (...args: unknown[]) => unknown };
    const link = doc.link;
    doc.link = (...args: unknown[]) => link.call(this.doc, ...args.slice(0, 5), { ...(args[5] as object | undefined), Contents: new String(description.trim()) });
    try {
      this.doc.fillColor(COLOR.accent).text(text, { ...options, link: url, underline: true });
    } finally {
      delete (doc as { link?: unknown }).link;
    }
  }

  /** Drawing that carries no content (rules, stripes, bullets; footers as `Pagination`): marked as an artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (!this.opts.tagged) return draw();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  // --- blocks ----------------------------------------------------------------------------

  /** Height of `text` in the current font at `width`. */
  heightOf(text: string, width: number, lineGap = LINE_GAP): number {
    return this.doc.heightOfString(text || ' ', { width, lineGap });
  }

  /**
   * A heading, kept with the next `keep` points (what follows it: a sub-heading, a table's header
   * and first rows). `level` 1 and 2 are H1/H2 and bookmarks.
   */
  heading(text: string, size: number = SIZE.h1, gapAfter = 6, opts: { keep?: number; level?: 1 | 2 | 3; outline?: boolean } = {}): void {
    this.doc.font(FONT.bold).fontSize(size);
    const h = this.heightOf(text, this.width, 0);
    this.ensure(h + gapAfter + Math.min(opts.keep ?? 60, this.pageHeight / 2));
    const level = opts.level ?? (size >= SIZE.h1 ? 1 : 2);
    if (opts.outline !== false && level <= 2) this.bookmark(text, level);
    this.tag(`H${level}`, () => {
      this.doc.fillColor(COLOR.accent).text(text, this.left, this.doc.y, { width: this.width });
    });
    this.doc.fillColor(COLOR.text);
    this.space(gapAfter);
  }

  private outlineTop: ReturnType<Doc['outline']['addItem']> | undefined;

  /** A bookmark to the current page: level 1 at the top, level 2 under the last level 1. */
  bookmark(title: string, level: 1 | 2 | 3): void {
    if (level === 1 || !this.outlineTop) this.outlineTop = this.doc.outline.addItem(title);
    else if (level === 2) this.outlineTop.addItem(title);
  }

  /** Running text at the measure; long paragraphs flow over pages. */
  paragraph(text: string, opts: { size?: number; color?: string; font?: string; gap?: number; width?: number } = {}): void {
    const width = opts.width ?? this.measure;
    this.doc.font(opts.font ?? FONT.body).fontSize(opts.size ?? SIZE.body);
    const lineH = this.doc.currentLineHeight(true) + LINE_GAP;
    const h = this.heightOf(text, width);
    // At least three lines (or all of a short paragraph) on this page.
    this.ensure(Math.min(h, 3 * lineH));
    this.tag('P', () => {
      this.doc.fillColor(opts.color ?? COLOR.text).text(text, this.left, this.doc.y, { width, lineGap: LINE_GAP });
    });
    this.doc.fillColor(COLOR.text);
    this.space(opts.gap ?? 6);
  }

  /** A bullet list; an item may start with a bold lead (a name) followed by plain text. */
  bullets(items: readonly Bullet[], opts: { size?: number; indent?: number; width?: number } = {}): void {
    const size = opts.size ?? SIZE.body;
    const indent = opts.indent ?? 12;
    const width = (opts.width ?? this.measure) - indent;
    this.group('L', () => {
      for (const item of items) {
        const { lead, text, link } = bulletParts(item);
        this.doc.font(FONT.body).fontSize(size);
        const lineH = this.doc.currentLineHeight(true) + LINE_GAP;
        const h = this.heightOf(bulletText(item), width);
        this.ensure(Math.min(h, 2 * lineH) + 2);
        const y = this.doc.y;
        this.artifact(() => this.doc.fillColor(COLOR.accent).circle(this.left + 3, y + size * 0.6, 1.7).fill());
        this.doc.fillColor(COLOR.text);
        const x = this.left + indent;
        const body = (): void => {
          if (lead) {
            this.doc.font(FONT.bold).text(lead, x, y, { width, lineGap: LINE_GAP, continued: true });
            this.doc.font(FONT.body).text(text, { width, lineGap: LINE_GAP, continued: link !== undefined });
          } else {
            this.doc.text(text, x, y, { width, lineGap: LINE_GAP, continued: link !== undefined });
          }
        };
        this.group('LI', () => {
          if (!link) return this.tag('LBody', body);
          // The address is a Link element holding its annotations (PDF/UA), after the text it belongs to.
          this.group('LBody', () => {
            this.tag('Span', body);
            this.tag('Link', () => this.linkText(` ${link}`, link, `${lead}${link}`, { width, lineGap: LINE_GAP }));
          });
        });
        this.doc.fillColor(COLOR.text);
        this.space(3);
      }
    });
    this.space(4);
  }

  /** The height of `bullets(items, opts)` drawn whole. */
  bulletsHeight(items: readonly Bullet[], opts: { size?: number; indent?: number; width?: number } = {}): number {
    const width = (opts.width ?? this.measure) - (opts.indent ?? 12);
    this.doc.font(FONT.body).fontSize(opts.size ?? SIZE.body);
    return items.reduce((sum, item) => sum + this.heightOf(bulletText(item), width) + 3, 0) + 4;
  }

  /** The height of `table(columns, rows, opts)` drawn whole on one page. */
  tableHeight(columns: readonly Column[], rows: readonly Row[], opts: { size?: number; header?: boolean } = {}): number {
    const size = opts.size ?? SIZE.table;
    const widths = columns.map((c) => c.width * this.width);
    const headerH = opts.header === false ? 0 : this.cellsHeight(columns.map((c) => c.header), widths, size, FONT.bold);
    return rows.reduce((sum, r) => sum + this.wholeRowHeight(r, widths, size), headerH);
  }

  /** The height of a heading of `size` with `gapAfter` below it. */
  headingHeight(text: string, size: number, gapAfter: number): number {
    this.doc.font(FONT.bold).fontSize(size);
    return this.heightOf(text, this.width, 0) + gapAfter;
  }

  /** The height of `paragraph(text, opts)`. */
  paragraphHeight(text: string, opts: { size?: number; font?: string; gap?: number; width?: number } = {}): number {
    this.doc.font(opts.font ?? FONT.body).fontSize(opts.size ?? SIZE.body);
    return this.heightOf(text, opts.width ?? this.measure) + (opts.gap ?? 6);
  }

  /**
   * The height a table needs on the page where it starts: the whole of a table of up to four rows,
   * else its header and first two rows (a heading before it keeps this much with it).
   */
  tableStart(columns: readonly Column[], rows: readonly Row[], opts: { size?: number; header?: boolean } = {}): number {
    const size = opts.size ?? SIZE.table;
    const widths = columns.map((c) => c.width * this.width);
    const headerH = opts.header === false ? 0 : this.cellsHeight(columns.map((c) => c.header), widths, size, FONT.bold);
    const units = rows.map((r) => ({ all: this.wholeRowHeight(r, widths, size), start: this.rowHeight(r, widths, size).main + this.firstBelow(r, size) }));
    const total = units.reduce((a, u) => a + u.all, 0);
    const start = rows.length <= 4 && total <= this.pageHeight - headerH ? total : (units[0]?.start ?? 0) + (units.length > 4 ? (units[1]?.all ?? 0) : 0);
    return headerH + Math.min(start, (this.pageHeight - headerH) * 0.5);
  }

  private cellsHeight(cells: readonly Cell[], widths: readonly number[], size: number, font: string): number {
    this.doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((c, i) => this.heightOf(textOf(c), (widths[i] ?? 0) - 2 * PAD, 1) + (typeof c === 'string' ? 0 : 7))) + 2 * PAD
    );
  }

  private belowHeight(line: SubLine, size: number): number {
    this.doc.font(FONT.body).fontSize(size);
    return this.heightOf(`${line.lead} ${line.text}`, this.width - 2 * PAD - 12, 1) + 2 * PAD;
  }

  private firstBelow(r: Row, size: number): number {
    const b = rowBelow(r)[0];
    return b ? Math.min(this.belowHeight(b, size), 40) : 0;
  }

  private rowHeight(r: Row, widths: readonly number[], size: number): { main: number; below: number[] } {
    return { main: this.cellsHeight(rowCells(r), widths, size, FONT.body), below: rowBelow(r).map((b) => this.belowHeight(b, size)) };
  }

  /** A row with the sub-rows under it. */
  private wholeRowHeight(r: Row, widths: readonly number[], size: number): number {
    const h = this.rowHeight(r, widths, size);
    return h.main + h.below.reduce((a, b) => a + b, 0);
  }

  /**
   * A table. Rows move whole to the next page when they fit on one; a taller row continues there
   * (marked "continued"), and so does a long note under it, so no text is ever dropped. A table
   * of up to four rows is not split; otherwise at least two rows stay on each side of a break.
   * The header is drawn again on each new page.
   */
  table(columns: readonly Column[], rows: readonly Row[], opts: { size?: number; header?: boolean } = {}): void {
    const size = opts.size ?? SIZE.table;
    const showHeader = opts.header !== false;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const headerCells = columns.map((c) => c.header);
    const headerHeight = showHeader ? this.cellsHeight(headerCells, widths, size, FONT.bold) : 0;
    const heights = rows.map((r) => this.rowHeight(r, widths, size));
    const unit = (i: number): number => {
      const h = heights[i];
      return h ? h.main + h.below.reduce((a, b) => a + b, 0) : 0;
    };

    const drawHeader = (): void => {
      if (!showHeader) return;
      const y = this.doc.y;
      this.artifact(() => this.doc.rect(this.left, y, this.width, headerHeight).fill(COLOR.faint));
      this.group('TR', () => {
        headerCells.forEach((h, i) => {
          this.tag('TH', () => {
            this.doc.font(FONT.bold).fontSize(size).fillColor(COLOR.accent);
            this.doc.text(h, (xs[i] ?? 0) + PAD, y + PAD, { width: (widths[i] ?? 0) - 2 * PAD, align: columns[i]?.align ?? 'left', lineGap: 1 });
          });
        });
      });
      this.doc.fillColor(COLOR.text);
      this.doc.y = y + headerHeight;
    };
    const breakPage = (): void => {
      this.newPage();
      drawHeader();
    };

    const usable = this.pageHeight - headerHeight;
    this.ensure(this.tableStart(columns, rows, { size, header: showHeader }));

    this.group('Table', () => {
      drawHeader();
      let onPage = 0;
      rows.forEach((row, ri) => {
        const h = heights[ri] ?? { main: 0, below: [] };
        const needed = h.main + Math.min(h.below[0] ?? 0, 40);
        // Leave at least two rows for the last page of the table, and take at least two to a page.
        const lastTwo = ri === rows.length - 2 && onPage >= 2 && unit(ri) + unit(ri + 1) > this.room && unit(ri) + unit(ri + 1) <= usable;
        if ((needed > this.room && (needed <= usable || this.room < usable / 3)) || lastTwo) {
          breakPage();
          onPage = 0;
        }
        this.drawRow(rowCells(row), rowBelow(row), h.main, xs, widths, columns, size, ri % 2 === 1, drawHeader);
        onPage++;
      });
    });
    this.doc.x = this.left;
    this.space(10);
  }

  private drawRow(
    cells: readonly Cell[],
    below: readonly SubLine[],
    height: number,
    xs: readonly number[],
    widths: readonly number[],
    columns: readonly Column[],
    size: number,
    zebra: boolean,
    drawHeader: () => void,
  ): void {
    let rest = cells.map(textOf);
    let first = true;
    // The main cells: on this page what fits, the rest on the next (rarely: a row taller than a page).
    for (;;) {
      const y = this.doc.y;
      const fits = height <= this.room;
      const parts = fits ? rest.map((t) => [t, '']) : rest.map((t, i) => this.splitToFit(t, (widths[i] ?? 0) - 2 * PAD, this.room - 2 * PAD, size));
      const h = fits ? height : this.room;
      this.artifact(() => {
        if (zebra) this.doc.rect(this.left, y, this.width, h).fill('#f7f9f9');
      });
      this.group('TR', () => {
        parts.forEach(([text], i) => {
          const cell = cells[i];
          this.tag('TD', () => {
            const x = (xs[i] ?? 0) + PAD;
            const w = (widths[i] ?? 0) - 2 * PAD;
            this.doc.font(FONT.body).fontSize(size).fillColor(COLOR.text);
            const shown = !first && i === 0 && this.opts.continued ? `${text ?? ''} (${this.opts.continued})` : (text ?? '');
            this.doc.text(shown, x, y + PAD, { width: w, align: columns[i]?.align ?? 'left', lineGap: 1 });
            if (first && cell !== undefined && typeof cell !== 'string') scoreBar(this.doc, x, y + PAD + size + 3, w, 4, cell.bar);
          });
        });
      });
      this.doc.y = y + h;
      first = false;
      rest = parts.map(([, tail]) => tail ?? '');
      if (rest.every((t) => t === '')) break;
      this.newPage();
      drawHeader();
      this.doc.font(FONT.body).fontSize(size);
      height = Math.max(...rest.map((t, i) => this.heightOf(t, (widths[i] ?? 0) - 2 * PAD, 1))) + 2 * PAD;
    }
    // Full-width lines under the row: each one led by who wrote it; a long one continues on the next page.
    for (const line of below) this.drawBelow(line, size, drawHeader);
    const y = this.doc.y;
    this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.4).strokeColor(COLOR.rule).stroke());
  }

  private drawBelow(line: SubLine, size: number, drawHeader: () => void): void {
    const x = this.left + PAD + 12;
    const width = this.width - 2 * PAD - 12;
    let text = line.text;
    let lead = `${line.lead} `;
    this.doc.font(FONT.body).fontSize(size);
    const lineH = this.doc.currentLineHeight(true) + 1;
    for (;;) {
      this.doc.font(FONT.body).fontSize(size);
      const h = this.heightOf(lead + text, width, 1) + PAD;
      if (this.room < Math.min(h, 2 * lineH + PAD)) {
        this.newPage();
        drawHeader();
      }
      const fits = h <= this.room;
      const [head, tail] = fits ? [text, ''] : this.splitToFit(lead + text, width, this.room - PAD, size).map((s, i) => (i === 0 ? s.slice(lead.length) : s));
      const y = this.doc.y;
      const y0 = y + PAD / 2;
      this.artifact(() => this.doc.moveTo(x, y).lineTo(this.left + this.width - PAD, y).lineWidth(0.3).strokeColor(COLOR.faint).stroke());
      this.group('TR', () =>
        this.tag('TD', () => {
          this.doc.font(FONT.bold).fontSize(size).fillColor(COLOR.text).text(lead, x, y0, { width, lineGap: 1, continued: true });
          this.doc.font(FONT.body).text(head ?? '', { width, lineGap: 1 });
        }),
      );
      this.doc.y = Math.max(this.doc.y, y0) + PAD / 2;
      if (!tail) break;
      text = tail;
      lead = `${line.lead} (${this.opts.continued ?? '…'}) `;
      this.newPage();
      drawHeader();
    }
  }

  /**
   * Splits `text` into the part that fits in `height` at `width` and the rest, at a word
   * boundary (or inside a word longer than a line). Binary search over the words: O(n log n).
   */
  splitToFit(text: string, width: number, height: number, size: number): [string, string] {
    this.doc.font(FONT.body).fontSize(size);
    if (this.heightOf(text, width, 1) <= height) return [text, ''];
    const words = text.split(/(?<=[\s\u200B])/);
    const fit = largestFitting(words.length, (k) => this.heightOf(words.slice(0, k).join(''), width, 1) <= height);
    if (fit === 0) {
      // Not even one word fits: cut the first word by characters.
      const chars = Array.from(words[0] ?? '');
      const cut = Math.max(1, largestFitting(chars.length, (k) => this.heightOf(chars.slice(0, k).join(''), width, 1) <= height));
      return [chars.slice(0, cut).join(''), chars.slice(cut).join('') + words.slice(1).join('')];
    }
    return [words.slice(0, fit).join('').trimEnd(), words.slice(fit).join('')];
  }
}

type Bullet = string | { lead: string; text: string; link?: string };

/** A bullet's bold lead, its text and link. An item without text is its lead alone (pdfkit's continued text needs something to continue with). */
function bulletParts(item: Bullet): { lead: string; text: string; link: string | undefined } {
  if (typeof item === 'string') return { lead: '', text: item, link: undefined };
  return { lead: item.text === '' ? '' : `${item.lead} `, text: item.text || item.lead, link: item.link };
}

/** All of a bullet's text as one string, as it is measured. */
function bulletText(item: Bullet): string {
  const { lead, text, link } = bulletParts(item);
  return lead + text + (link ? ` ${link}` : '');
}

/** `text` shortened with "…" to fit one line of `width` in the current font (binary search: O(n log n)). */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = Array.from(text);
  const keep = largestFitting(chars.length, (k) => doc.widthOfString(`${chars.slice(0, k).join('')}…`) <= width);
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

/** The largest k from 0 to n for which `fits(k)` holds, when it holds up to some k and not after (binary search). */
function largestFitting(n: number, fits: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A horizontal 0–100 bar. */
export function scoreBar(doc: Doc, x: number, y: number, width: number, height: number, score: number | null): void {
  doc.roundedRect(x, y, width, height, height / 2).fill(COLOR.barEmpty);
  if (score !== null && score > 0) {
    doc.roundedRect(x, y, Math.max(height, (width * Math.min(100, score)) / 100), height, height / 2).fill(COLOR.bar);
  }
  doc.fillColor(COLOR.text);
}
