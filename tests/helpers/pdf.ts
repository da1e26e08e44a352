import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
import { expect } from 'vitest';
import { village } from './cli.js';

/** Keys of the PDF document information dictionary that mupdf exposes as `info:<Key>` metadata. */
export type InfoKey = 'Title' | 'Author' | 'Subject' | 'Keywords' | 'Creator' | 'Producer' | 'CreationDate' | 'ModDate';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row, 0 = black, 255 = white. */
  pixels: Uint8Array;
}

export interface OutlineEntry {
  title: string;
  /** 0 for a top-level bookmark, 1 for its children, … */
  level: number;
  /** 0-based page the bookmark points to, when it points into this document. */
  page: number | undefined;
}

/** An element of a tagged PDF's structure tree. */
export interface StructNode {
  type: string;
  alt: string | undefined;
  children: StructNode[];
  /** The annotations it holds (object references, /Type /OBJR), by their page-independent /StructParent keys. */
  annotations: number[];
}

/** A link annotation as written in the file. */
export interface LinkAnnotation {
  uri: string | undefined;
  /** The alternate description (/Contents), if any. */
  contents: string | undefined;
  /** Its key in the structure parent tree, if it is tagged. */
  structParent: number | undefined;
}

/** What a structural check of the whole file found; a sound file is `{ repaired: false, blankPages: [], warnings: [] }`. */
export interface PdfCheck {
  /** mupdf had to rebuild a broken cross-reference table or object. */
  repaired: boolean;
  /** 0-based pages with no extractable text. */
  blankPages: number[];
  /** Everything mupdf logged while reading: syntax errors, broken streams, unreadable fonts. */
  warnings: string[];
}

export interface PdfFile {
  readonly pageCount: number;
  /** Visible page size in points, rounded to 1/100 pt as pdfinfo prints it (A4 = 595.28 × 841.89). */
  pageSize(page: number): { width: number; height: number };
  /** Text of all pages, see `pageText`; pages are separated by a newline. */
  text(): string;
  /**
   * Text of one page, one line per text line as mupdf reads it. Within a line, any run of whitespace
   * (including no-break and thin spaces) is one space; lines are trimmed and empty lines dropped.
   */
  pageText(page: number): string;
  /** An entry of the document information dictionary, e.g. `info('Title')`. */
  info(key: InfoKey): string | undefined;
  /** Whether reading the file so far needed repairs. mupdf repairs lazily: call after reading every page, or use `check()`. */
  wasRepaired(): boolean;
  /** Messages mupdf logged while reading this file so far. */
  warnings(): string[];
  /** Loads every page and its text and renders it coarsely, then reports what went wrong (the `qpdf --check` stand-in). */
  check(): PdfCheck;
  /** Renders a page in grayscale at the given resolution. */
  renderGray(page: number, dpi: number): GrayImage;
  /** Bookmarks, depth first; empty when the file has none. */
  outline(): OutlineEntry[];
  /** Whether the document catalog has a `/StructTreeRoot` (a tagged PDF's logical structure). */
  hasStructTree(): boolean;
  /** The logical structure (a tagged PDF's tree), read back from the file: each element's type, /Alt and children. */
  structTree(): StructNode[];
  /** The URIs of the link annotations on a page. */
  links(page: number): string[];
  /** The link annotations of a page, as written. */
  linkAnnotations(page: number): LinkAnnotation[];
  /**
   * What a PDF/UA-1 checker would find wrong with the file among the checks it can make by machine
   * (a subset of the Matterhorn Protocol): document-level entries, embedded fonts, tab order, and
   * every text-showing operator inside marked content (tagged or an artifact). Empty when sound.
   */
  uaProblems(): string[];
  /** The catalog's `/Lang`, if any. */
  language(): string | undefined;
  /** Frees the WebAssembly memory now rather than at garbage collection. */
  close(): void;
}

/** Fraction of pixels darker than `threshold` (0–255). */
export function inkRatio(image: GrayImage, threshold = 200): number {
  let ink = 0;
  for (const p of image.pixels) if (p < threshold) ink++;
  return image.pixels.length === 0 ? 0 : ink / image.pixels.length;
}

// mupdf logs to the console by default; collect its messages per document instead, so checks can assert on them.
let sink: string[] | undefined;
mupdf.setLog((message) => sink?.push(message));

/** Opens a PDF file (path) or PDF bytes with mupdf. */
export function openPdf(fileOrBytes: string | Uint8Array): PdfFile {
  const log: string[] = [];
  const logged = <T>(read: () => T): T => {
    const outer = sink;
    sink = log;
    try {
      return read();
    } finally {
      sink = outer;
    }
  };

  const bytes = typeof fileOrBytes === 'string' ? readFileSync(fileOrBytes) : fileOrBytes;
  const doc = logged(() => mupdf.Document.openDocument(bytes, 'application/pdf'));
  const pdf = doc.asPDF();
  if (pdf === null) throw new Error('not a PDF');
  const pageCount = logged(() => pdf.countPages());

  const withPage = <T>(index: number, use: (page: mupdf.Page) => T): T => {
    if (!Number.isInteger(index) || index < 0 || index >= pageCount) throw new RangeError(`no page ${index} in a ${pageCount}-page PDF`);
    return logged(() => {
      const page = pdf.loadPage(index);
      try {
        return use(page);
      } finally {
        page.destroy();
      }
    });
  };

  const texts = new Map<number, string>();
  const pageText = (index: number): string => {
    let text = texts.get(index);
    if (text === undefined) {
      const raw = withPage(index, (page) => {
        const stext = page.toStructuredText('');
        try {
          return stext.asText();
        } finally {
          stext.destroy();
        }
      });
      text = raw
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
      texts.set(index, text);
    }
    return text;
  };
  const pages = (): number[] => Array.from({ length: pageCount }, (_, i) => i);
  const round = (points: number): number => Math.round(points * 100) / 100;

  const renderGray = (index: number, dpi: number): GrayImage =>
    withPage(index, (page) => {
      const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false);
      try {
        const width = pixmap.getWidth();
        const height = pixmap.getHeight();
        const stride = pixmap.getStride();
        const samples = pixmap.getPixels();
        const pixels = new Uint8Array(width * height);
        for (let y = 0; y < height; y++) pixels.set(samples.subarray(y * stride, y * stride + width), y * width);
        return { width, height, pixels };
      } finally {
        pixmap.destroy();
      }
    });

  const catalog = (): mupdf.PDFObject => logged(() => pdf.getTrailer().get('Root'));

  return {
    pageCount,
    pageSize: (index) =>
      withPage(index, (page) => {
        const [x0, y0, x1, y1] = page.getBounds();
        return { width: round(x1 - x0), height: round(y1 - y0) };
      }),
    text: () => pages().map(pageText).join('\n'),
    pageText,
    info: (key) => logged(() => pdf.getMetaData(`info:${key}`)),
    wasRepaired: () => pdf.wasRepaired(),
    warnings: () => [...log],
    check: () => {
      const blankPages = pages().filter((i) => pageText(i) === '');
      // Rendering decodes what text extraction may skip (images, glyph outlines); 9 dpi keeps it cheap.
      for (const i of pages()) renderGray(i, 9);
      return { repaired: pdf.wasRepaired(), blankPages, warnings: [...log] };
    },
    renderGray,
    outline: () => {
      const entries: OutlineEntry[] = [];
      const walk = (items: ReturnType<mupdf.Document['loadOutline']>, level: number): void => {
        for (const item of items ?? []) {
          entries.push({ title: item.title ?? '', level, page: item.page });
          walk(item.down ?? null, level + 1);
        }
      };
      walk(logged(() => pdf.loadOutline()), 0);
      return entries;
    },
    hasStructTree: () => !catalog().get('StructTreeRoot').isNull(),
    structTree: () =>
      logged(() => {
        const walk = (k: mupdf.PDFObject, depth: number): StructNode[] => {
          if (depth > 64 || k.isNull()) return [];
          if (k.isArray()) {
            const out: StructNode[] = [];
            for (let i = 0; i < k.length; i++) out.push(...walk(k.get(i), depth));
            return out;
          }
          if (!k.isDictionary() || !k.get('S').isName()) return [];
          const alt = k.get('Alt');
          const kids = k.get('K');
          const list = kids.isArray() ? Array.from({ length: kids.length }, (_, i) => kids.get(i)) : [kids];
          const annotations = list.filter((x) => x.isDictionary() && x.get('Type').isName() && x.get('Type').asName() === 'OBJR').map((x) => x.get('Obj').get('StructParent').asNumber());
          return [{ type: k.get('S').asName(), alt: alt.isString() ? alt.asString() : undefined, children: walk(kids, depth + 1), annotations }];
        };
        return walk(catalog().get('StructTreeRoot').get('K'), 0);
      }),
    links: (index) => withPage(index, (page) => page.getLinks().map((l) => l.getURI())),
    linkAnnotations: (index) =>
      withPage(index, () => {
        const annots = pdf.findPage(index).get('Annots');
        const out: LinkAnnotation[] = [];
        for (let i = 0; i < annots.length; i++) {
          const a = annots.get(i);
          if (a.get('Subtype').asName() !== 'Link') continue;
          const str = (o: mupdf.PDFObject): string | undefined => (o.isString() ? o.asString() : undefined);
          out.push({ uri: str(a.get('A').get('URI')), contents: str(a.get('Contents')), structParent: a.get('StructParent').isNumber() ? a.get('StructParent').asNumber() : undefined });
        }
        return out;
      }),
    uaProblems: () => logged(() => uaProblems(pdf, catalog())),
    language: () => logged(() => pdf.getLanguage()) ?? undefined,
    close: () => pdf.destroy(),
  };
}

/** The checks of `PdfFile.uaProblems`. */
function uaProblems(pdf: mupdf.PDFDocument, root: mupdf.PDFObject): string[] {
  const problems: string[] = [];
  /** obj[k1][k2]…, stopping at the first missing key (mupdf's null object). */
  const at = (o: mupdf.PDFObject, ...keys: string[]): mupdf.PDFObject => keys.reduce((x, k) => (x.isNull() ? x : x.get(k)), o);
  const name = (o: mupdf.PDFObject): string | undefined => (o.isName() ? o.asName() : undefined);
  const yes = (o: mupdf.PDFObject): boolean => o.isBoolean() && o.asBoolean();
  if (!yes(at(root, 'MarkInfo', 'Marked'))) problems.push('catalog: /MarkInfo /Marked is not true');
  if (root.get('StructTreeRoot').isNull()) problems.push('catalog: no /StructTreeRoot');
  if (!root.get('Lang').isString() || root.get('Lang').asString() === '') problems.push('catalog: no /Lang');
  if (!yes(at(root, 'ViewerPreferences', 'DisplayDocTitle'))) problems.push('catalog: /DisplayDocTitle is not true');
  const xmp = root.get('Metadata').isStream() ? root.get('Metadata').readStream().asString() : '';
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) problems.push('metadata: no pdfuaid:part 1');
  if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) problems.push('metadata: no dc:title');
  for (let i = 0; i < pdf.countPages(); i++) {
    const page = pdf.findPage(i);
    if (page.get('Annots').length > 0 && name(page.get('Tabs')) !== 'S') problems.push(`page ${i + 1}: annotations without /Tabs /S`);
    const fonts = at(page, 'Resources', 'Font');
    if (!fonts.isNull()) {
      fonts.forEach((font, key) => {
        const descendant = at(font, 'DescendantFonts');
        const descriptor = at(descendant.isNull() ? font : descendant.get(0), 'FontDescriptor');
        if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => at(descriptor, k).isStream())) problems.push(`page ${i + 1}: font ${String(key)} is not embedded`);
      });
    }
    const contents = page.get('Contents');
    const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, j) => contents.get(j)) : [contents];
    const text = streams.map((c) => c.readStream().asString()).join('\n');
    const unmarked = unmarkedText(text);
    if (unmarked > 0) problems.push(`page ${i + 1}: ${unmarked} text operator(s) outside marked content`);
  }
  return problems;
}

/** How many text-showing operators (Tj TJ ' ") of a content stream lie outside every BDC/BMC … EMC. */
function unmarkedText(content: string): number {
  let depth = 0;
  let unmarked = 0;
  let i = 0;
  while (i < content.length) {
    const c = content[i]!;
    if (c === '%') {
      while (i < content.length && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let nest = 0;
      for (; i < content.length; i++) {
        if (content[i] === '\\') i++;
        else if (content[i] === '(') nest++;
        else if (content[i] === ')' && --nest === 0) break;
      }
      i++;
    } else if (c === '<' && content[i + 1] !== '<') {
      i = content.indexOf('>', i) + 1;
    } else if (/[A-Za-z'"]/.test(c)) {
      let j = i;
      while (j < content.length && /[A-Za-z0-9*'"]/.test(content[j]!)) j++;
      const op = content.slice(i, j);
      if (op === 'BDC' || op === 'BMC') depth++;
      else if (op === 'EMC') depth--;
      else if ((op === 'Tj' || op === 'TJ' || op === "'" || op === '"') && depth <= 0) unmarked++;
      i = j;
    } else if (c === '/') {
      i++;
      while (i < content.length && !/[\s/[\]<>(){}%]/.test(content[i]!)) i++;
    } else {
      i++;
    }
  }
  return unmarked;
}

/** Runs the built `village report INPUT --format pdf` into `dir`/`name` (it must say so and exit 0); the PDF's path. */
export function reportPdf(dir: { path: (f: string) => string }, input: string, name: string, extra: string[] = []): string {
  const out = dir.path(name);
  const r = village(['report', input, '--format', 'pdf', '--out', out, ...extra]);
  expect(r.stderr).toContain(name);
  expect(r.code).toBe(0);
  return out;
}
