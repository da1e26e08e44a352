// Builds the PDF fonts in templates/fonts/ from the full Source Sans 3 TTFs in fonts/ (SIL OFL):
//   node scripts/build-fonts.mjs            (needs the dev dependency harfbuzzjs; the output is committed)
//
// The full fonts carry 2,478 glyphs, most of them small capitals, stylistic sets and alternates that
// the PDF never draws, and OpenType tables for 40 features; fontkit parses those tables at the first
// text of every PDF and walks their lookups for every word it measures. The subset keeps
//   - every character the full font maps (Latin, Latin-1, Latin Extended-A/B and Additional, Greek,
//     Cyrillic, combining marks, punctuation, currency, arrows, shapes: nothing a note could hold is lost),
//   - the OpenType features fontkit applies by default (ccmp, locl, liga, frac/numr/dnom, kern, mark,
//     mkmk, …), so text is shaped, kerned and broken into lines exactly as with the full font
//     (tests/unit/pdf-fonts.test.ts compares every glyph position), and the hinting.
// Source Sans 3 has the Reserved Font Name "Source" (scripts/fonts/OFL.txt): a modified version may not
// use it, so the subset is renamed "Village Sans" (copyright, licence and trademark notices kept).
/* global WebAssembly */
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SRC = new URL('./fonts/', import.meta.url);
const OUT = new URL('../templates/fonts/', import.meta.url);

export const FONTS = [
  { from: 'SourceSans3-Regular.ttf', to: 'VillageSans-Regular.ttf', family: 'Village Sans', style: 'Regular' },
  { from: 'SourceSans3-Semibold.ttf', to: 'VillageSans-Semibold.ttf', family: 'Village Sans', style: 'Semibold' },
];

/** The features fontkit's default shaper applies (its plan for horizontal Latin, Greek, Cyrillic text). */
const FEATURES = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;

const tagNumber = (tag) => [...tag].reduce((n, c) => n * 256 + c.charCodeAt(0), 0) >>> 0;

async function harfbuzz() {
  const bytes = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes);
  const hb = instance.exports;
  hb._initialize?.();
  return hb;
}

/** The code points a font maps (format 4 and 12 cmap subtables). */
function codePoints(font) {
  const fontkit = require('fontkit');
  return fontkit.create(font).characterSet;
}

function subset(hb, font) {
  const heap = () => new Uint8Array(hb.memory.buffer);
  const ptr = hb.malloc(font.length);
  heap().set(font, ptr);
  const blob = hb.hb_blob_create(ptr, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail');
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const cp of codePoints(font)) hb.hb_set_add(unicodes, cp);
  const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb.hb_set_clear(features);
  for (const tag of FEATURES) hb.hb_set_add(features, tagNumber(tag));
  const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const tag of ['DSIG', 'BASE']) hb.hb_set_add(drop, tagNumber(tag));
  const result = hb.hb_subset_or_fail(face, input);
  if (!result) throw new Error('hb_subset_or_fail');
  const out = hb.hb_face_reference_blob(result);
  const start = hb.hb_blob_get_data(out, 0);
  const bytes = Buffer.from(heap().slice(start, start + hb.hb_blob_get_length(out)));
  hb.hb_blob_destroy(out);
  hb.hb_face_destroy(result);
  hb.hb_subset_input_destroy(input);
  hb.hb_face_destroy(face);
  hb.free(ptr);
  return bytes;
}

// --- the sfnt container: read the tables, write them back with a new name table ----------------

function tables(font) {
  const n = font.readUInt16BE(4);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    out.set(tag, font.subarray(font.readUInt32BE(at + 8), font.readUInt32BE(at + 8) + font.readUInt32BE(at + 12)));
  }
  return out;
}

function checksum(data) {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeFont(sfntVersion, all) {
  const tags = [...all.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(sfntVersion, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  const parts = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    let data = Buffer.from(all.get(tag));
    if (tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    const at = 12 + 16 * i;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    data = Buffer.concat([data, Buffer.alloc(((data.length + 3) & ~3) - data.length)]);
    parts.push(data);
    offset += data.length;
  });
  const font = Buffer.concat(parts);
  const head = font.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, head + 8);
  return font;
}

/** A name table (format 0, Windows Unicode, US English) with the given records. */
function nameTable(records) {
  const list = [...records].sort((a, b) => a[0] - b[0]);
  const strings = list.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const head = Buffer.alloc(6 + 12 * list.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(list.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  list.forEach(([id], i) => {
    const at = 6 + 12 * i;
    head.writeUInt16BE(3, at); // Windows
    head.writeUInt16BE(1, at + 2); // Unicode BMP
    head.writeUInt16BE(0x409, at + 4); // en-US
    head.writeUInt16BE(id, at + 6);
    head.writeUInt16BE(strings[i].length, at + 8);
    head.writeUInt16BE(offset, at + 10);
    offset += strings[i].length;
  });
  return Buffer.concat([head, ...strings]);
}

function renamed(font, { family, style }, original) {
  const fontkit = require('fontkit');
  const src = fontkit.create(original);
  const name = (key) => src.getName(key) ?? '';
  const ps = `${family.replace(/ /g, '')}-${style}`;
  const regular = style === 'Regular';
  const records = new Map([
    [0, name('copyright')],
    [1, regular ? family : `${family} ${style}`],
    [2, 'Regular'],
    [3, `${name('version').replace(/^Version /, '').split(';')[0]};${ps};subset of ${name('postscriptName')}`],
    [4, `${family} ${style}`],
    [5, name('version')],
    [6, ps],
    [7, name('trademark')],
    [8, name('manufacturer')],
    [9, name('designer')],
    [10, `A subset of ${name('fontFamily')} ${style} for the PDF plans of smart-village-kit: the characters of the original, the OpenType features of default text layout.`],
    [11, name('vendorURL')],
    [13, name('license')],
    [14, name('licenseURL')],
    [16, family],
    [17, style],
  ]);
  const all = tables(font);
  all.set('name', nameTable([...records].filter(([, text]) => text !== '')));
  return writeFont(font.readUInt32BE(0), all);
}

const hb = await harfbuzz();
for (const f of FONTS) {
  const original = readFileSync(new URL(f.from, SRC));
  const out = renamed(subset(hb, original), f, original);
  writeFileSync(new URL(f.to, OUT), out);
  const fontkit = require('fontkit');
  const check = fontkit.create(out);
  console.log(`${f.to}: ${out.length} bytes, ${check.numGlyphs} glyphs (from ${original.length} bytes, ${fontkit.create(original).numGlyphs} glyphs), ${check.characterSet.length} characters`);
}
