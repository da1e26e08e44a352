/**
 * Text made safe for the PDF: every character is one the embedded fonts can draw, and no run of
 * text is too long to break into lines. pdfkit has no fallback font, so a character outside the
 * fonts' character map (an emoji, ⚑) would print as an empty box; here it becomes a visible
 * placeholder that the plan explains. pdfkit's line breaking is quadratic in the length of an
 * unbreakable word (8,000 characters take seconds); a zero-width space every few dozen
 * characters of such a run keeps it linear, and is invisible where the line does not break there.
 */

/** What stands for a character the fonts cannot draw. */
export const PLACEHOLDER = '□';
const ZWSP = '\u200B';
/** Longest run of non-space characters left unbroken (URLs and Latvian compounds are shorter). */
const RUN = 60;

export interface GlyphCheck {
  /** Whether every font draws this code point. */
  has(codePoint: number): boolean;
  /** Matches a whole text made only of characters every font draws as they are (a quick test; no match proves nothing). */
  plain?: RegExp;
}

/** A run of non-space characters longer than RUN. */
const LONG_RUN = new RegExp(`\\S{${RUN + 1}}`);

/** Characters that are fine without a glyph: line breaks and tabs are layout, not drawing. */
const LAYOUT = new Set([0x0a, 0x0d, 0x09]);

/**
 * `text` with every character the fonts lack replaced by PLACEHOLDER (a whole emoji sequence,
 * joiners and variation selectors included, becomes one placeholder), and long runs made breakable.
 * Linear in the length of the text.
 */
export function printable(text: string, fonts: GlyphCheck): { text: string; replaced: boolean } {
  // Nearly every string of a plan is drawn as it is: one regular expression tells, else the loop below.
  if (fonts.plain?.test(text) && !LONG_RUN.test(text)) return { text, replaced: false };
  let out = '';
  let replaced = false;
  let run = 0;
  // Inside an emoji sequence that became a placeholder: its joiners, modifiers and joined parts add nothing.
  let inSequence = false;
  let afterJoiner = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const glue = cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f) || cp === 0x20e3;
    if (inSequence && (glue || (afterJoiner && !fonts.has(cp)))) {
      afterJoiner = cp === 0x200d;
      continue;
    }
    inSequence = false;
    afterJoiner = false;
    let piece: string;
    if (LAYOUT.has(cp)) piece = cp === 0x09 ? ' ' : ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) piece = '';
    else if (fonts.has(cp) && !(glue && cp !== 0x200d)) piece = ch;
    else if (glue) piece = '';
    else {
      replaced = true;
      piece = PLACEHOLDER;
      inSequence = true;
    }
    if (piece === '' || /\s/.test(piece)) run = 0;
    else if (++run > RUN) {
      out += ZWSP;
      run = 1;
    }
    out += piece;
  }
  return { text: out, replaced };
}

/** A deep copy of `value` with every string made printable; `replaced` tells whether any character was. */
export function printableDeep<T>(value: T, fonts: GlyphCheck): { value: T; replaced: boolean } {
  let replaced = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const p = printable(v, fonts);
      replaced ||= p.replaced;
      return p.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { value: walk(value) as T, replaced };
}

/** Shortens `text` to at most `max` characters (code points), ending in "…". */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
