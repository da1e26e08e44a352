// The PDF's fonts (templates/fonts/VillageSans-*, subsets of scripts/fonts/SourceSans3-* made by
// scripts/build-fonts.mjs) lay text out exactly as the full fonts: every string a plan draws gets
// the same glyphs, advances and offsets, so every line breaks and every glyph lands in the same place.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, parsedFonts } from '../../src/render/pdf.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

interface Glyph {
  id: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface Font {
  characterSet: number[];
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
  postscriptName: string;
  familyName: string;
  getName(key: string): string | null;
  layout(text: string): { glyphs: Glyph[]; positions: Position[]; advanceWidth: number };
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): Font };
const STYLES = ['Regular', 'Semibold'] as const;
const subset = Object.fromEntries(STYLES.map((s) => [s, fontkit.openSync(join(ROOT, 'templates', 'fonts', `VillageSans-${s}.ttf`))])) as Record<(typeof STYLES)[number], Font>;
const full = Object.fromEntries(STYLES.map((s) => [s, fontkit.openSync(join(ROOT, 'scripts', 'fonts', `SourceSans3-${s}.ttf`))])) as Record<(typeof STYLES)[number], Font>;

/** What pdfkit takes from a layout: per glyph its characters and its position. */
const shaped = (font: Font, text: string): string => {
  const run = font.layout(text);
  return JSON.stringify(run.glyphs.map((g, i) => [g.codePoints, run.positions[i]]));
};

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the PDF fonts', () => {
  it('are the vendored subsets, renamed (Source is a Reserved Font Name) with the notices kept', () => {
    expect(Object.values(FONT_FILES)).toEqual(['VillageSans-Regular.ttf', 'VillageSans-Semibold.ttf']);
    for (const s of STYLES) {
      expect(subset[s].postscriptName).toBe(`VillageSans-${s}`);
      expect(subset[s].familyName).not.toMatch(/Source/);
      expect(subset[s].getName('copyright')).toBe(full[s].getName('copyright'));
      expect(subset[s].getName('license')).toBe(full[s].getName('license'));
    }
  });

  it('keep every character and the metrics of the full fonts', () => {
    for (const s of STYLES) {
      expect(subset[s].characterSet).toEqual(full[s].characterSet);
      for (const k of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight'] as const) expect(subset[s][k]).toBe(full[s][k]);
      // Every character alone: the same advance (the glyph check and the placeholder rely on the character map).
      const wrong = full[s].characterSet.filter((cp) => shaped(subset[s], String.fromCodePoint(cp)) !== shaped(full[s], String.fromCodePoint(cp)));
      expect(wrong.map((cp) => cp.toString(16))).toEqual([]);
    }
  });

  it.each([
    'Ērgļi, Ķemeri, Ūdri: ā č ē ģ ī ķ ļ ņ š ū ž — Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž',
    'Straße, Größe, Übung, Äpfel, Öl — „Dorf“ ‹ok›',
    'office affine fluffy ﬁ ﬂ AVAWAY To Ty Yo LT 1/2 1⁄2 ½ 3⁄4',
    'e\u0301 i\u0307\u0301 j\u030c n\u0303 s\u030c — Ελληνικά Αθήνα, Български език, Србија',
    '▲ □ ☐ ✓ € № → ≥ ≤ • … ‰ “quoted” «guillemets»',
  ])('shape %s the same', (text) => {
    for (const s of STYLES) for (const word of [text, ...text.split(' ')]) expect(shaped(subset[s], word), word).toBe(shaped(full[s], word));
  });

  it('shape every string the bundled examples draw exactly as the full fonts (lv and en, A4 and Letter)', async () => {
    // Record what pdfkit asks the fonts to lay out while the real command draws the plans.
    const drawn = new Map<string, Set<string>>();
    const fonts = parsedFonts() as unknown as Map<string, Font>;
    for (const [name, font] of fonts) {
      const layout = font.layout.bind(font);
      const seen = new Set<string>();
      drawn.set(name, seen);
      font.layout = (text: string) => {
        seen.add(text);
        return layout(text);
      };
    }
    try {
      for (const example of ['ergli', 'alsunga.yaml', 'lejasciems.yaml']) {
        for (const [lang, paper] of [
          ['lv', 'a4'],
          ['en', 'letter'],
        ] as const) {
          const r = await run(['report', join(ROOT, 'examples', example), '--format', 'pdf', '--lang', lang, '--paper', paper, '--out', tmp.path(`${example}-${lang}.pdf`)]);
          expect(r.code, r.stderr).toBe(0);
        }
      }
    } finally {
      // The recording was an own property over fontkit's method.
      for (const font of fonts.values()) Reflect.deleteProperty(font, 'layout');
    }
    const styleOf = (name: string): (typeof STYLES)[number] => (FONT_FILES[name as keyof typeof FONT_FILES].includes('Semibold') ? 'Semibold' : 'Regular');
    let count = 0;
    for (const [name, texts] of drawn) {
      const style = styleOf(name);
      const differ = [...texts].filter((t) => shaped(subset[style], t) !== shaped(full[style], t));
      expect(differ).toEqual([]);
      count += texts.size;
    }
    expect(count).toBeGreaterThan(1500);
  });
});
