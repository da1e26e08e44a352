// The faster font subset (src/render/pdf-subset.ts) writes the same bytes as fontkit's own, for
// every glyph of both PDF fonts, simple and composite, in any order of first use.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFastSubset, type SubsetFont } from '../../src/render/pdf-subset.js';
import { ROOT } from '../helpers/cli.js';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
type Font = SubsetFont & { numGlyphs: number; glyphForCodePoint(cp: number): { id: number } };

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): Font };
const open = (style: string): Font => fontkit.openSync(join(ROOT, 'templates', 'fonts', `VillageSans-${style}.ttf`));

/** The font subset of `glyphs` (in this order of first use), encoded. */
function subsetOf(font: Font, glyphs: number[]): Buffer {
  const subset = font.createSubset() as Subset;
  for (const g of glyphs) subset.includeGlyph(g);
  return Buffer.from(subset.encode());
}

describe('the faster font subset', () => {
  it.each(['Regular', 'Semibold'])('%s: the same bytes as fontkit’s for every glyph, a plan’s letters, and glyphs in reverse', (style) => {
    const plain = open(style);
    const fast = withFastSubset(open(style));
    const all = Array.from({ length: plain.numGlyphs }, (_, i) => i);
    const letters = Array.from('Ērgļu ļaudis: ā č ē ģ ī ķ ļ ņ š ū ž — Straße “Dorf”', (ch) => plain.glyphForCodePoint(ch.codePointAt(0) ?? 0).id);
    for (const glyphs of [all, letters, [...all].reverse()]) expect(subsetOf(fast, glyphs).equals(subsetOf(plain, glyphs))).toBe(true);
  });

  it('decodes only the composite glyphs (a simple one is copied as it is)', () => {
    const decodes = (font: Font): number => {
      const proto = Object.getPrototypeOf(font.getGlyph(1)) as { _decode: (this: unknown) => unknown };
      const decode = proto._decode;
      let n = 0;
      proto._decode = function (this: unknown) {
        n++;
        return decode.call(this);
      };
      try {
        subsetOf(font, Array.from({ length: font.numGlyphs }, (_, i) => i));
      } finally {
        proto._decode = decode;
      }
      return n;
    };
    const reference = open('Regular');
    const composites = Array.from({ length: reference.numGlyphs }, (_, g) => g).filter((g) => {
      const glyph = (reference.getGlyph(g) as unknown as { _decode(): { numberOfContours: number } | null })._decode();
      return glyph !== null && glyph.numberOfContours < 0;
    }).length;
    expect(composites).toBeGreaterThan(100);
    expect(decodes(open('Regular'))).toBe(reference.numGlyphs);
    expect(decodes(withFastSubset(open('Regular')))).toBe(composites);
  });
});
