/**
 * A faster font subset for the PDF, with the same bytes. pdfkit embeds the glyphs a document uses
 * through fontkit's TrueType subset, which decodes each glyph's whole outline (every point) only to
 * learn whether it is a composite glyph, whose parts it must renumber: about half of writing a
 * plan's fonts. Here a simple glyph is told by the sign of its contour count, the first two bytes
 * of its data, and copied as fontkit copies it; a composite glyph, and every font that is not a
 * static TrueType font, still goes through fontkit. tests/unit/pdf-subset.test.ts compares the
 * bytes of both subsets for every glyph of the fonts.
 */

/** fontkit's subset as far as this module uses it (its fields are set by `encode`). */
interface Subset {
  _addGlyph?: (gid: number) => number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

/** fontkit's TTFFont as far as this module reads it. */
export interface SubsetFont {
  createSubset(): unknown;
  getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): { pos: number; readInt16BE(): number; readBuffer(length: number): Uint8Array };
  loca: { offsets: number[] };
  directory: { tables: Record<string, unknown> };
}

/** Gives `font` the faster subset (for a static TrueType font; any other keeps fontkit's). */
export function withFastSubset<F extends SubsetFont>(font: F): F {
  const tables = font.directory.tables;
  if (!tables.glyf || !tables.loca || tables['CFF '] || tables.fvar) return font;
  const create = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = create() as Subset;
    const slow = subset._addGlyph?.bind(subset);
    if (!slow) return subset;
    subset._addGlyph = (gid: number): number => {
      const start = font.loca.offsets[gid];
      const end = font.loca.offsets[gid + 1];
      if (start === undefined || end === undefined) return slow(gid);
      const glyf = font._getTableStream('glyf');
      glyf.pos += start;
      // A negative contour count is a composite glyph: fontkit renumbers its parts.
      if (end > start && glyf.readInt16BE() < 0) return slow(gid);
      const glyph = font.getGlyph(gid);
      const data = font._getTableStream('glyf');
      data.pos += start;
      const buffer = data.readBuffer(end - start);
      subset.glyf.push(buffer);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
      subset.offset += buffer.length;
      return subset.glyf.length - 1;
    };
    return subset;
  };
  return font;
}
