// The fast path for plain words (src/render/pdf-shaping.ts) lays text out exactly as fontkit does:
// the same glyphs, with the same characters, at the same advances and offsets, for every word of
// the catalogues, the bundled criteria and the examples, every pair of common characters, and
// random words; and it leaves to fontkit every word it cannot be sure of.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutData, plainLayout, withFastLayout, type GlyphRun, type LayoutData, type LayoutFont } from '../../src/render/pdf-shaping.js';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): LayoutFont };
const STYLES = ['Regular', 'Semibold'] as const;
const open = (style: string): LayoutFont => fontkit.openSync(join(ROOT, 'templates', 'fonts', `VillageSans-${style}.ttf`));

/** What pdfkit takes from a layout: per glyph its id, characters and position; and the width. */
const shaped = (run: GlyphRun): string =>
  JSON.stringify([
    run.glyphs.map((g, i) => [g.id, (g as unknown as { codePoints: number[] }).codePoints, run.positions[i]]),
    run.advanceWidth,
  ]);

/** Every whitespace-separated word of the files under `dir` (recursively), with pdfkit's trailing space. */
function wordsOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ya?ml|md|csv)$/.test(entry.name)) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const w of text.split(/[\s]+/)) if (w) out.push(w, `${w} `);
  }
  return out;
}

const LATIN = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const EXTRA = 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽäöüßÄÖÜéèêàçñøåæœÉÀŁłŻżŚśĆćŃńŐőŰűĞğİıŞş–—“”„‘’‚…·•€£«»‹›№°±×÷';
// Also tab and line end (ending pdfkit's words) and characters of the plain ranges the font lacks.
const OTHER = '\t\n\u0378\u2100\u214fΑΒΓΔΕΖΗΘαβγδεζηθλμπσςωάέήίόύώЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяёђјљњћџ';

/** A reproducible stream of pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the fast layout of plain words', () => {
  const corpus = [...new Set([...wordsOf('locales'), ...wordsOf('criteria'), ...wordsOf('examples')])];
  const chars = Array.from(LATIN + EXTRA);
  const pairs: string[] = [];
  for (const a of chars) for (const b of chars) pairs.push(a + b);
  const next = random(17);
  const alphabet = Array.from(LATIN + EXTRA + OTHER);
  const randomWords = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));

  it.each(STYLES)('%s: gives fontkit’s layout for every word it answers, and answers almost every word of a plan', (style) => {
    // As the build stores it: the data read from the font, through JSON.
    const stored = JSON.parse(JSON.stringify(layoutData(open(style)))) as LayoutData;
    const fast = plainLayout(open(style), stored);
    const reference = open(style);
    let answered = 0;
    const wrong: string[] = [];
    const all = [...corpus, ...pairs, ...randomWords];
    for (const word of all) {
      const run = fast(word);
      if (!run) continue;
      answered++;
      if (shaped(run) !== shaped(reference.layout(word))) wrong.push(word);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    // The catalogues, criteria and examples are what plans are made of: nearly all of it is plain
    // (in a plan about 96–98% of the distinct words; the files also have YAML's own marks).
    const plainCorpus = corpus.filter((w) => fast(w)).length;
    expect(plainCorpus / corpus.length).toBeGreaterThan(0.9);
    expect(answered).toBeGreaterThan(all.length * 0.9);
  });

  it.each([
    ['a ligature', 'office '],
    ['a combining mark', 'a\u0304bols '],
    ['a soft hyphen, which fontkit hides', 'pa\u00adšvaldība '],
    ['a fraction slash, which starts fontkit’s fractions', '1\u20442 '],
    ['a character outside the plain scripts', 'مرحبا '],
    ['an emoji (outside the plain ranges)', '\u{1F600} '],
    ['a zero-width space', 'ab\u200bcd '],
  ])('leaves a word with %s to fontkit', (_what, word) => {
    for (const style of STYLES) {
      expect(plainLayout(open(style))(word)).toBeUndefined();
      // Through the font, the answer is fontkit's own.
      expect(shaped(withFastLayout(open(style)).layout(word))).toBe(shaped(open(style).layout(word)));
    }
  });

  it.each(STYLES)('%s: answers words of several scripts, kerned as fontkit kerns them', (style) => {
    const fast = plainLayout(open(style));
    const reference = open(style);
    for (const word of ['AVAWAY ', 'To ', 'Ty, ', 'Ērgļi ', 'fonds ', 'ģimene ', 'apmaiņa\n', 'Србија ', '“Kopiena” ', '2018–2019 ']) {
      const run = fast(word);
      expect(run, word).toBeDefined();
      expect(shaped(run!)).toBe(shaped(reference.layout(word)));
    }
    // The kerning is really applied (a pair the font kerns): else the comparison above proves little.
    const av = fast('AV')!;
    expect(av.positions[0]!.xAdvance).toBeLessThan(av.glyphs[0]!.advanceWidth);
  });

  it('does not use data stored for another font', () => {
    const regular = layoutData(open('Regular'))!;
    const semibold = open('Semibold');
    // Stored for Regular, used with Semibold: the data is read from Semibold instead.
    const run = plainLayout(semibold, regular)('Wolf ')!;
    expect(shaped(run)).toBe(shaped(open('Semibold').layout('Wolf ')));
    expect(regular.font).not.toEqual(layoutData(semibold)!.font);
  });

  it('turns itself off for a font it does not read', () => {
    const font = open('Regular');
    const variable = Object.create(font, { directory: { value: { tables: { ...font.directory.tables, fvar: {} } } } }) as LayoutFont;
    expect(plainLayout(variable)('plain ')).toBeUndefined();
  });

  it('passes calls with features, a script or no text to fontkit', () => {
    const font = withFastLayout(open('Regular'));
    const reference = open('Regular');
    expect(shaped(font.layout('office ', ['liga']))).toBe(shaped(reference.layout('office ', ['liga'])));
    expect(shaped(font.layout('plain ', [], 'latn'))).toBe(shaped(reference.layout('plain ', [], 'latn')));
    expect(shaped(font.layout(''))).toBe(shaped(reference.layout('')));
  });
});
