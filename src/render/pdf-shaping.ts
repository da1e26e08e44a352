/**
 * A fast path for fontkit's text layout, with the same result. fontkit shapes each word pdfkit
 * measures or draws by walking every OpenType lookup of the font over every glyph: for Village Sans
 * that is about 50 µs a word, and a plan has some 1,600 distinct words, so shaping was the largest
 * part of a PDF run. Almost every word of a plan is plain: Latin, Greek or Cyrillic letters,
 * digits and punctuation that no substitution (ligature, contextual form) and no mark positioning
 * of the font can touch. For such a word the layout is the font's character map, its advance
 * widths and the kerning of each pair of neighbours; this module works that out directly, with
 * the kerning of each pair looked up once, and leaves every other word to fontkit.
 *
 * Which words are plain is decided from the font's own tables, so a changed font cannot make the
 * fast path wrong: a word is left to fontkit when a substitution or positioning lookup fontkit
 * applies might match it (every glyph set a lookup needs occurs in the word), when a character is
 * outside the plain ranges below, or when the font has something this module does not read (a
 * variable font, a `morx` or `kern` table, a kerning lookup that is not a plain pair adjustment,
 * scripts whose kerning differs). tests/unit/pdf-shaping.test.ts compares both paths word for word.
 */

/** fontkit's Glyph, as far as the layout uses it. */
interface Glyph {
  id: number;
  advanceWidth: number;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
/** What fontkit's `layout` returns, as pdfkit reads it. */
export interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface ValueRecord {
  xAdvance?: number;
  yAdvance?: number;
  xPlacement?: number;
  yPlacement?: number;
}
interface LazyArray<T> {
  length: number;
  get(i: number): T;
}
/** One subtable of a lookup, with the fields this module reads (they depend on the lookup type). */
type SubTable = Record<string, unknown> & { version: number };
interface Lookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: Record<string, boolean> };
  subTables: SubTable[];
}
interface LangSys {
  reqFeatureIndex: number;
  featureIndexes: number[];
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: LangSys } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: LazyArray<Lookup>;
}
/** fontkit's TTFFont, as far as this module reads it. */
export interface LayoutFont {
  layout(text: string, ...rest: unknown[]): GlyphRun;
  getGlyph(glyph: number, codePoints: number[]): Glyph;
  _cmapProcessor: { lookup(codePoint: number): number };
  directory: { tables: Record<string, unknown> };
  head: { checkSumAdjustment: number };
  maxp: { numGlyphs: number };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
}

/**
 * Characters of a plain word: scripts fontkit lays out left to right with its default shaper
 * (Latin, Greek, Cyrillic, Common), without combining marks, default-ignorable characters (which
 * fontkit hides), the fraction slash (which starts fontkit's fraction features) or controls other
 * than tab and line ends.
 */
const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0a], [0x0d, 0x0d], // tab and line ends, which end pdfkit's words
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x24f], // Basic Latin, Latin-1 without the soft hyphen, Latin Extended-A and -B
  [0x370, 0x3e1], [0x3f0, 0x3ff], // Greek (without Coptic)
  [0x400, 0x482], [0x48a, 0x4ff], // Cyrillic without its combining marks
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x200a], [0x2010, 0x2027], [0x2030, 0x2043], [0x2045, 0x205e], // spaces and punctuation
  [0x20a0, 0x20c0], [0x2100, 0x214f], [0x2190, 0x22ff], [0x25a0, 0x25ff], // currency, letterlike, arrows, maths, shapes
];

/** The features fontkit's default shaper applies to a word without a fraction slash. */
const APPLIED = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);
const NO_FEATURE = 0xffff;

/** Each glyph of a coverage table with its coverage index, as fontkit's coverageIndex reads it. */
function coverageIndex(coverage: Coverage): Map<number, number> {
  const index = new Map<number, number>();
  const add = (glyph: number, at: number): void => {
    if (!index.has(glyph)) index.set(glyph, at);
  };
  if (coverage.version === 1) coverage.glyphs?.forEach(add);
  else for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) add(g, r.startCoverageIndex + g - r.start);
  return index;
}

/** The glyphs of a coverage table; undefined for a format this module does not know. */
const coverageGlyphs = (coverage: Coverage): number[] | undefined => (coverage.version === 1 || coverage.version === 2 ? [...coverageIndex(coverage).keys()] : undefined);

/** A glyph's class as fontkit reads it (0 where the table does not list the glyph). */
function classOf(def: ClassDef, glyph: number): number {
  if (def.version === 1) {
    return def.classValueArray?.[glyph - (def.startGlyph ?? 0)] ?? 0;
  }
  if (def.version === 2) for (const r of def.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/**
 * The glyph sets one subtable needs, all of them present in a word, before it can change that
 * word; undefined for a subtable this module does not know (the word then goes to fontkit).
 */
function needs(gpos: boolean, type: number, table: SubTable): (Coverage | number[])[] | undefined {
  const cov = (k: string) => table[k] as Coverage;
  const covs = (k: string) => (table[k] as Coverage[] | undefined) ?? [];
  if (type === (gpos ? 9 : 7)) return needs(gpos, table.lookupType as number, table.extension as SubTable);
  if (type === (gpos ? 7 : 5)) return table.version === 3 ? covs('coverages') : table.version <= 2 ? [cov('coverage')] : undefined;
  if (type === (gpos ? 8 : 6)) {
    if (table.version === 3) return [...covs('backtrackCoverage'), ...covs('inputCoverage'), ...covs('lookaheadCoverage')];
    return table.version <= 2 ? [cov('coverage')] : undefined;
  }
  if (!gpos && type === 8) return [cov('coverage'), ...covs('backtrackCoverage'), ...covs('lookaheadCoverage')];
  if (!gpos && type === 4) {
    // A ligature needs its first glyph and, unless it is a single glyph, one of the glyphs that can follow.
    const first = coverageGlyphs(cov('coverage'));
    if (!first) return undefined;
    const sets = table.ligatureSets as LazyArray<{ components: number[] }[]>;
    const second = new Set<number>();
    for (let i = 0; i < sets.length; i++) {
      for (const ligature of sets.get(i)) {
        const [next] = ligature.components;
        if (next === undefined) return [first];
        second.add(next);
      }
    }
    return [first, [...second]];
  }
  if (gpos && (type === 4 || type === 5)) return [cov('markCoverage'), cov(type === 4 ? 'baseCoverage' : 'ligatureCoverage')];
  if (gpos && type === 6) return [cov('mark1Coverage'), cov('mark2Coverage')];
  if (type >= 1 && type <= 3) return [cov('coverage')];
  return undefined;
}

/** The lookups of `features` in the default language of every script of the table. */
function lookupsOf(table: LayoutTable, features: (tag: string) => boolean): Set<number> | undefined {
  const out = new Set<number>();
  for (const { script } of table.scriptList) {
    const lang = script.defaultLangSys;
    if (!lang) return undefined;
    const indexes = lang.reqFeatureIndex === NO_FEATURE ? lang.featureIndexes : [...lang.featureIndexes, lang.reqFeatureIndex];
    for (const i of indexes) {
      const record = table.featureList[i];
      if (record && (features(record.tag) || i === lang.reqFeatureIndex)) for (const l of record.feature.lookupListIndexes) out.add(l);
    }
  }
  return out;
}

/** The kerning lookups, the same for every script (fontkit picks the script from the word); else undefined. */
function kerningLookups(gpos: LayoutTable): number[] | undefined {
  let found: string | undefined;
  for (const { script } of gpos.scriptList) {
    const lang = script.defaultLangSys;
    if (!lang) return undefined;
    const key = lang.featureIndexes.flatMap((i) => (gpos.featureList[i]?.tag === 'kern' ? gpos.featureList[i].feature.lookupListIndexes : [])).sort((a, b) => a - b).join(',');
    if (found !== undefined && found !== key) return undefined;
    found = key;
  }
  return found ? found.split(',').map(Number) : [];
}

/** A pair adjustment subtable (lookup type 2), as fontkit parses it. */
type PairRecord = { value1?: ValueRecord; value2?: ValueRecord };
type PairTable =
  | { version: 1; coverage: Coverage; pairSets: LazyArray<(PairRecord & { secondGlyph: number })[]> }
  | { version: 2; coverage: Coverage; classDef1: ClassDef; classDef2: ClassDef; class1Count: number; class2Count: number; classRecords: LazyArray<LazyArray<PairRecord>> };

/** A value record: its x advance alone, or [x advance, y advance, x placement, y placement]. */
export type Value = number | [number, number, number, number];

/** One kerning subtable as data: pairs of glyphs (format 1) or of glyph classes (format 2). */
export interface KernTable {
  /** [glyph, coverage index, ...]. */
  coverage: number[];
  /** Format 1: for each coverage index, [second glyph, value 1, value 2, ...]. */
  pairs?: Value[][];
  /** Format 2: [glyph, class, ...] for the first and the second glyph (a glyph not listed is class 0). */
  classes?: [number[], number[]];
  /**
   * Format 2: value 1 and value 2 for each class of the first glyph and each class of the second;
   * a row where every value is 0 is null, and so is the whole of value 2 when it is always 0.
   */
  values?: [(Value[] | null)[], (Value[] | null)[] | null];
}

/**
 * What the fast path reads from a font, as data: `npm run build` stores it for the bundled fonts
 * (dist/font-layout.json), so a PDF run reads neither the font's substitution nor its positioning
 * tables for a plain word. Data made from another font is not used.
 */
export interface LayoutData {
  /** The font it was read from: its checksum adjustment and its number of glyphs. */
  font: [number, number];
  /** The plain characters and their glyphs: [code point, glyph, ...]. */
  chars: number[];
  /** Glyph sets that a lookup needs. */
  sets: number[][];
  /**
   * For each lookup subtable that could change a plain word: [ANYWHERE, set, ...] (all the sets
   * occur in the word) or [ADJACENT, first, second] (a glyph of the first set right before one of
   * the second: a ligature).
   */
  needs: number[][];
  /** The kerning lookups, in the order fontkit applies them, each a list of subtables. */
  kerning: KernTable[][];
}
const ANYWHERE = 0;
const ADJACENT = 1;

const fontId = (font: LayoutFont): [number, number] => [font.head.checkSumAdjustment, font.maxp.numGlyphs];

const value = (v: ValueRecord | undefined): Value => {
  const all: [number, number, number, number] = [v?.xAdvance ?? 0, v?.yAdvance ?? 0, v?.xPlacement ?? 0, v?.yPlacement ?? 0];
  return all[1] || all[2] || all[3] ? all : all[0];
};

function kernTable(t: PairTable): KernTable {
  const coverage = [...coverageIndex(t.coverage)].flat();
  if (t.version === 1) {
    const pairs: Value[][] = [];
    for (let i = 0; i < t.pairSets.length; i++) pairs.push(t.pairSets.get(i).flatMap((r) => [r.secondGlyph, value(r.value1), value(r.value2)]));
    return { coverage, pairs };
  }
  /** [glyph, class, ...] for every glyph the class table lists with a class other than 0. */
  const classes = (def: ClassDef): number[] => {
    const listed = def.version === 1 ? (def.classValueArray ?? []).map((_, i) => (def.startGlyph ?? 0) + i) : (def.classRangeRecord ?? []).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
    return listed.flatMap((g) => {
      const c = classOf(def, g);
      return c ? [g, c] : [];
    });
  };
  const v1: Value[][] = [];
  const v2: Value[][] = [];
  for (let c1 = 0; c1 < t.class1Count; c1++) {
    const row = t.classRecords.get(c1);
    const first: Value[] = [];
    const second: Value[] = [];
    for (let c2 = 0; c2 < t.class2Count; c2++) {
      first.push(value(row.get(c2).value1));
      second.push(value(row.get(c2).value2));
    }
    v1.push(first);
    v2.push(second);
  }
  const rows = (m: Value[][]): (Value[] | null)[] => m.map((row) => (row.every((v) => v === 0) ? null : row));
  const second = rows(v2);
  return { coverage, classes: [classes(t.classDef1), classes(t.classDef2)], values: [rows(v1), second.every((r) => r === null) ? null : second] };
}

/** Reads what the fast path needs from the font's tables; undefined for a font it does not read. */
export function layoutData(font: LayoutFont): LayoutData | undefined {
  const { GSUB: gsub, GPOS: gpos, GDEF: gdef } = font;
  const tables = font.directory.tables;
  if (!gpos || !gdef?.glyphClassDef || tables.fvar || tables.morx || tables.kern) return undefined;
  const kernIndexes = kerningLookups(gpos);
  const gsubLookups = gsub ? lookupsOf(gsub, (t) => APPLIED.has(t)) : new Set<number>();
  const gposLookups = lookupsOf(gpos, (t) => APPLIED.has(t));
  if (!kernIndexes || !gsubLookups || !gposLookups) return undefined;

  const setIds = new Map<Coverage | number[], number>();
  const needList: number[][] = [];
  const add = (gposTable: boolean, lookup: Lookup): boolean => {
    // A ligature's glyphs are neighbours in a plain word unless the lookup skips more than marks.
    const { ignoreBaseGlyphs, ignoreLigatures } = lookup.flags.flags;
    for (const table of lookup.subTables) {
      const sets = needs(gposTable, lookup.lookupType, table);
      if (!sets) return false;
      const ids = sets.map((s) => setIds.get(s) ?? setIds.set(s, setIds.size).size - 1);
      const ligature = !gposTable && sets.length === 2 && ligatureType(lookup, table);
      needList.push(ligature && !ignoreBaseGlyphs && !ignoreLigatures ? [ADJACENT, ...ids] : [ANYWHERE, ...ids]);
    }
    return true;
  };
  if (gsub) for (const i of gsubLookups) if (!add(false, gsub.lookupList.get(i))) return undefined;
  const kerning: KernTable[][] = [];
  for (const i of [...gposLookups].sort((a, b) => a - b)) {
    const lookup = gpos.lookupList.get(i);
    if (!kernIndexes.includes(i)) {
      if (!add(true, lookup)) return undefined;
      continue;
    }
    // Only marks may be skipped (a plain word has none); the pairs are then plain neighbours.
    const { markAttachmentType, flags } = lookup.flags;
    if (markAttachmentType || flags.rightToLeft || flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.useMarkFilteringSet) return undefined;
    const pairs: KernTable[] = [];
    for (const table of lookup.subTables) {
      const [type, t] = lookup.lookupType === 9 ? [table.lookupType as number, table.extension as SubTable] : [lookup.lookupType, table];
      if (type !== 2 || (t.version !== 1 && t.version !== 2)) return undefined;
      pairs.push(kernTable(t as unknown as PairTable));
    }
    kerning.push(pairs);
  }
  const sets: number[][] = [];
  for (const [set, id] of setIds) {
    const glyphs = Array.isArray(set) ? set : coverageGlyphs(set);
    if (!glyphs) return undefined;
    sets[id] = [...glyphs];
  }

  // The plain characters: in a plain range and not a mark (a character the font lacks is its glyph 0, as in fontkit).
  const chars: number[] = [];
  for (const [from, to] of PLAIN_RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const glyph = font._cmapProcessor.lookup(cp);
      if (classOf(gdef.glyphClassDef, glyph) !== 3) chars.push(cp, glyph);
    }
  }
  return { font: fontId(font), chars, sets, needs: needList, kerning };
}

/** Whether a GSUB subtable is a ligature substitution (directly or through an extension). */
function ligatureType(lookup: Lookup, table: SubTable): boolean {
  return lookup.lookupType === 4 || (lookup.lookupType === 7 && table.lookupType === 4);
}

const addValue = (p: Position, v: Value): void => {
  if (typeof v === 'number') p.xAdvance += v;
  else {
    p.xAdvance += v[0];
    p.yAdvance += v[1];
    p.xOffset += v[2];
    p.yOffset += v[3];
  }
};

/** Pairs [key, value, ...] as a map. */
const pairMap = (flat: number[]): Map<number, number> => {
  const m = new Map<number, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) m.set(flat[i] ?? 0, flat[i + 1] ?? 0);
  return m;
};

class Run implements GlyphRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * The layout of a plain word, as fontkit would make it, or undefined where the word is not plain
 * (or the font is one this module does not read: then for every word). `stored` is data made
 * by `layoutData` for this font (it is read from the font where it is missing or for another font).
 */
export function plainLayout(font: LayoutFont, stored?: LayoutData): (text: string) => GlyphRun | undefined {
  const id = fontId(font);
  const data = stored && stored.font[0] === id[0] && stored.font[1] === id[1] ? stored : layoutData(font);
  if (!data) return () => undefined;
  const glyphOf = pairMap(data.chars);
  // Each glyph's sets and each subtable's needs as bit masks: a word is checked in a few dozen steps.
  const words = Math.ceil(data.sets.length / 32);
  const setBit = (mask: Uint32Array, bit: number): void => {
    mask[bit >> 5] = (mask[bit >> 5] ?? 0) | (1 << (bit & 31));
  };
  const setsOf = new Map<number, Uint32Array>();
  data.sets.forEach((glyphs, set) => {
    for (const g of glyphs) {
      let mask = setsOf.get(g);
      if (!mask) setsOf.set(g, (mask = new Uint32Array(words)));
      setBit(mask, set);
    }
  });
  const needs = data.needs.map(([kind, first = -1, second = -1, ...more]) => {
    const mask = new Uint32Array(words);
    for (const set of [first, second, ...more]) if (set >= 0) setBit(mask, set);
    return { adjacent: kind === ADJACENT, mask, first, second };
  });
  const inSet = (glyph: number, set: number): boolean => (((setsOf.get(glyph)?.[set >> 5] ?? 0) >>> (set & 31)) & 1) === 1;
  const present = new Uint32Array(words);
  /** Whether some subtable finds what it needs among these glyphs. */
  const mayChange = (glyphs: Glyph[]): boolean => {
    present.fill(0);
    for (const g of glyphs) {
      const mask = setsOf.get(g.id);
      if (mask) for (let w = 0; w < words; w++) present[w] = (present[w] ?? 0) | (mask[w] ?? 0);
    }
    next: for (const need of needs) {
      for (let w = 0; w < words; w++) {
        const wanted = need.mask[w] ?? 0;
        if ((wanted & (present[w] ?? 0)) >>> 0 !== wanted) continue next;
      }
      if (!need.adjacent) return true;
      let before: Glyph | undefined;
      for (const g of glyphs) {
        if (before && inSet(before.id, need.first) && inSet(g.id, need.second)) return true;
        before = g;
      }
    }
    return false;
  };

  const tables = data.kerning.map((lookup) => lookup.map((t) => ({ t, coverage: undefined as Map<number, number> | undefined, classes: undefined as [Map<number, number>, Map<number, number>] | undefined })));
  /** What each kerning lookup adds to a pair: the first subtable that covers it decides, as in fontkit. */
  const pairs = new Map<number, Value[]>();
  const pairValues = (a: number, b: number): Value[] => {
    const key = a * 0x10000 + b;
    let values = pairs.get(key);
    if (values) return values;
    values = [];
    for (const lookup of tables) {
      for (const table of lookup) {
        const index = (table.coverage ??= pairMap(table.t.coverage)).get(a);
        if (index === undefined) continue;
        const { pairs: list, classes, values: matrix } = table.t;
        if (list) {
          const row = list[index] ?? [];
          let at = -1;
          for (let i = 0; i < row.length; i += 3) if (row[i] === b) at = i;
          if (at < 0) continue;
          values.push(row[at + 1] ?? 0, row[at + 2] ?? 0);
        } else if (classes && matrix) {
          const [first, second] = (table.classes ??= [pairMap(classes[0]), pairMap(classes[1])]);
          const c1 = first.get(a) ?? 0;
          const c2 = second.get(b) ?? 0;
          values.push(matrix[0][c1]?.[c2] ?? 0, matrix[1]?.[c1]?.[c2] ?? 0);
        }
        break;
      }
    }
    pairs.set(key, values);
    return values;
  };

  return (text) => {
    const glyphs: Glyph[] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      const glyph = glyphOf.get(cp);
      if (glyph === undefined) return undefined;
      // What glyphForCodePoint does, with the character map already read.
      glyphs.push(font.getGlyph(glyph, [cp]));
    }
    if (mayChange(glyphs)) return undefined;
    // Each pair of neighbours adds its values to both (whole font units: the order of sums is free).
    const positions: Position[] = [];
    let before: { glyph: Glyph; position: Position } | undefined;
    for (const glyph of glyphs) {
      const position = { xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
      if (before) {
        const values = pairValues(before.glyph.id, glyph.id);
        for (let j = 0; j + 1 < values.length; j += 2) {
          addValue(before.position, values[j] ?? 0);
          addValue(position, values[j + 1] ?? 0);
        }
      }
      positions.push(position);
      before = { glyph, position };
    }
    return new Run(glyphs, positions);
  };
}

/**
 * Gives `font` the fast path: its `layout` answers plain words itself (the tables, or `stored`,
 * are read at the first word) and passes everything else, and every call with features or a
 * script, to fontkit.
 */
export function withFastLayout<F extends LayoutFont>(font: F, stored?: LayoutData): F {
  const slow = font.layout.bind(font);
  let fast: ((text: string) => GlyphRun | undefined) | undefined;
  font.layout = (text: string, ...rest: unknown[]): GlyphRun => {
    if (rest.length === 0 || (rest.length === 1 && rest[0] === undefined)) {
      fast ??= plainLayout(font, stored);
      const run = typeof text === 'string' ? fast(text) : undefined;
      if (run) return run;
    }
    return slow(text, ...rest);
  };
  return font;
}
