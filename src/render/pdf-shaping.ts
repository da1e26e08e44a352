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
  glyphForCodePoint(codePoint: number): Glyph;
  _cmapProcessor: { lookup(codePoint: number): number };
  directory: { tables: Record<string, unknown> };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
}

/**
 * Characters of a plain word: scripts fontkit lays out left to right with its default shaper
 * (Latin, Greek, Cyrillic, Common), without combining marks, default-ignorable characters (which
 * fontkit hides), the fraction slash (which starts fontkit's fraction features) or controls.
 */
const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x24f], // Basic Latin, Latin-1 without the soft hyphen, Latin Extended-A and -B
  [0x370, 0x3e1], [0x3f0, 0x3ff], // Greek (without Coptic)
  [0x400, 0x482], [0x48a, 0x4ff], // Cyrillic without its combining marks
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x200a], [0x2010, 0x2027], [0x2030, 0x2043], [0x2045, 0x205e], // spaces and punctuation
  [0x20a0, 0x20c0], [0x2100, 0x214f], [0x2190, 0x22ff], [0x25a0, 0x25ff], // currency, letterlike, arrows, maths, shapes
];
const inPlainRange = (cp: number): boolean => PLAIN_RANGES.some(([from, to]) => cp >= from && cp <= to);

/** The features fontkit's default shaper applies to a word without a fraction slash. */
const APPLIED = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);
const NO_FEATURE = 0xffff;

function coverageGlyphs(coverage: Coverage): number[] | undefined {
  if (coverage.version === 1) return coverage.glyphs;
  if (coverage.version !== 2) return undefined;
  const out: number[] = [];
  for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

function coverageIndex(coverage: Coverage): Map<number, number> {
  const index = new Map<number, number>();
  if (coverage.version === 1) coverage.glyphs?.forEach((g, i) => index.has(g) || index.set(g, i));
  else for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) index.has(g) || index.set(g, r.startCoverageIndex + g - r.start);
  return index;
}

/** A glyph's class as fontkit reads it (0 where the table does not list the glyph). */
function classOf(def: ClassDef, glyph: number): number {
  if (def.version === 1) {
    const i = glyph - (def.startGlyph ?? 0);
    return i >= 0 && i < (def.classValueArray?.length ?? 0) ? def.classValueArray![i]! : 0;
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
        if (ligature.components.length === 0) return [first];
        second.add(ligature.components[0]!);
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
      const record = table.featureList[i]!;
      if (features(record.tag) || i === lang.reqFeatureIndex) for (const l of record.feature.lookupListIndexes) out.add(l);
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
    const key = lang.featureIndexes.filter((i) => gpos.featureList[i]!.tag === 'kern').flatMap((i) => gpos.featureList[i]!.feature.lookupListIndexes).sort((a, b) => a - b).join(',');
    if (found !== undefined && found !== key) return undefined;
    found = key;
  }
  return found ? found.split(',').map(Number) : [];
}

/** A pair adjustment subtable (lookup type 2), as fontkit parses it. */
interface PairTable {
  version: number;
  coverage: Coverage;
  pairSets?: LazyArray<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }[]>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyArray<LazyArray<{ value1?: ValueRecord; value2?: ValueRecord }>>;
}

interface Plan {
  /** For each glyph that occurs in a needed glyph set: the numbers of those sets. */
  setsOf: Map<number, number[]>;
  /** For each glyph set: the subtables that need it, as lists of the sets each needs. */
  needersOf: number[][][];
  setCount: number;
  kerning: PairTable[][];
}

function plan(font: LayoutFont): Plan | undefined {
  const { GSUB: gsub, GPOS: gpos, GDEF: gdef } = font;
  const tables = font.directory.tables;
  if (!gpos || !gdef?.glyphClassDef || tables.fvar || tables.morx || tables.kern) return undefined;
  const kernIndexes = kerningLookups(gpos);
  const gsubLookups = gsub ? lookupsOf(gsub, (t) => APPLIED.has(t)) : new Set<number>();
  const gposLookups = lookupsOf(gpos, (t) => APPLIED.has(t));
  if (!kernIndexes || !gsubLookups || !gposLookups) return undefined;

  const setIds = new Map<Coverage | number[], number>();
  const subtables: number[][] = [];
  const add = (gposTable: boolean, lookup: Lookup): boolean => {
    for (const table of lookup.subTables) {
      const sets = needs(gposTable, lookup.lookupType, table);
      if (!sets) return false;
      subtables.push(sets.map((s) => setIds.get(s) ?? setIds.set(s, setIds.size).size - 1));
    }
    return true;
  };
  for (const i of gsubLookups) if (!add(false, gsub!.lookupList.get(i))) return undefined;
  const kerning: PairTable[][] = [];
  for (const i of [...gposLookups].sort((a, b) => a - b)) {
    const lookup = gpos.lookupList.get(i);
    if (!kernIndexes.includes(i)) {
      if (!add(true, lookup)) return undefined;
      continue;
    }
    // Only marks may be skipped (a plain word has none); the pairs are then plain neighbours.
    const { markAttachmentType, flags } = lookup.flags;
    if (markAttachmentType || flags.rightToLeft || flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.useMarkFilteringSet) return undefined;
    const pairs: PairTable[] = [];
    for (const table of lookup.subTables) {
      const [type, t] = lookup.lookupType === 9 ? [table.lookupType as number, table.extension as SubTable] : [lookup.lookupType, table];
      if (type !== 2 || (t.version !== 1 && t.version !== 2)) return undefined;
      pairs.push(t as unknown as PairTable);
    }
    kerning.push(pairs);
  }

  const setsOf = new Map<number, number[]>();
  for (const [set, id] of setIds) {
    const glyphs = Array.isArray(set) ? set : coverageGlyphs(set);
    if (!glyphs) return undefined;
    for (const g of glyphs) {
      const list = setsOf.get(g);
      if (!list) setsOf.set(g, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }
  const needersOf: number[][][] = Array.from({ length: setIds.size }, () => []);
  for (const sets of subtables) for (const id of new Set(sets)) needersOf[id]!.push(sets);
  return { setsOf, needersOf, setCount: setIds.size, kerning };
}

const addValue = (p: Position, v: ValueRecord | undefined): void => {
  if (!v) return;
  if (v.xAdvance != null) p.xAdvance += v.xAdvance;
  if (v.yAdvance != null) p.yAdvance += v.yAdvance;
  if (v.xPlacement != null) p.xOffset += v.xPlacement;
  if (v.yPlacement != null) p.yOffset += v.yPlacement;
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
 * (or the font is one this module does not read: then for every word).
 */
export function plainLayout(font: LayoutFont): (text: string) => GlyphRun | undefined {
  const p = plan(font);
  if (!p) return () => undefined;
  const gdef = font.GDEF!.glyphClassDef!;
  const plainChar = new Map<number, boolean>();
  const isPlain = (cp: number): boolean => {
    let ok = plainChar.get(cp);
    if (ok === undefined) {
      const glyph = inPlainRange(cp) ? font._cmapProcessor.lookup(cp) : 0;
      // A glyph the font lacks, a ligature or a mark is fontkit's.
      const glyphClass = glyph ? classOf(gdef, glyph) : 0;
      plainChar.set(cp, (ok = glyph !== 0 && glyphClass !== 2 && glyphClass !== 3));
    }
    return ok;
  };

  const seen = new Uint32Array(p.setCount);
  let stamp = 0;
  /** Whether some subtable has every glyph set it needs among these glyphs. */
  const mayChange = (glyphs: Glyph[]): boolean => {
    stamp++;
    const present: number[] = [];
    for (const g of glyphs) {
      for (const id of p.setsOf.get(g.id) ?? []) {
        if (seen[id] !== stamp) present.push(id);
        seen[id] = stamp;
      }
    }
    return present.some((id) => p.needersOf[id]!.some((sets) => sets.every((s) => seen[s] === stamp)));
  };

  const coverages = new Map<Coverage, Map<number, number>>();
  const covered = (table: PairTable, glyph: number): number | undefined => {
    let index = coverages.get(table.coverage);
    if (!index) coverages.set(table.coverage, (index = coverageIndex(table.coverage)));
    return index.get(glyph);
  };
  /** What each kerning lookup adds to a pair: the first subtable that covers it decides, as in fontkit. */
  const pairs = new Map<number, (ValueRecord | undefined)[]>();
  const pairValues = (a: number, b: number): (ValueRecord | undefined)[] => {
    const key = a * 0x10000 + b;
    let values = pairs.get(key);
    if (values) return values;
    values = [];
    for (const lookup of p.kerning) {
      for (const table of lookup) {
        const index = covered(table, a);
        if (index === undefined) continue;
        if (table.version === 1) {
          const pair = table.pairSets!.get(index).find((r) => r.secondGlyph === b);
          if (!pair) continue;
          values.push(pair.value1, pair.value2);
        } else {
          const pair = table.classRecords!.get(classOf(table.classDef1!, a)).get(classOf(table.classDef2!, b));
          values.push(pair.value1, pair.value2);
        }
        break;
      }
    }
    pairs.set(key, values);
    return values;
  };

  return (text) => {
    for (let i = 0; i < text.length; i++) if (!isPlain(text.charCodeAt(i))) return undefined;
    const glyphs: Glyph[] = [];
    for (let i = 0; i < text.length; i++) glyphs.push(font.glyphForCodePoint(text.charCodeAt(i)));
    if (mayChange(glyphs)) return undefined;
    const positions: Position[] = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 0; i + 1 < glyphs.length; i++) {
      const values = pairValues(glyphs[i]!.id, glyphs[i + 1]!.id);
      for (let j = 0; j < values.length; j += 2) {
        addValue(positions[i]!, values[j]);
        addValue(positions[i + 1]!, values[j + 1]);
      }
    }
    return new Run(glyphs, positions);
  };
}

/**
 * Gives `font` the fast path: its `layout` answers plain words itself (the tables are read at the
 * first word) and passes everything else, and every call with features or a script, to fontkit.
 */
export function withFastLayout<F extends LayoutFont>(font: F): F {
  const slow = font.layout.bind(font);
  let fast: ((text: string) => GlyphRun | undefined) | undefined;
  font.layout = (text: string, ...rest: unknown[]): GlyphRun => {
    if (rest.length === 0 || (rest.length === 1 && rest[0] === undefined)) {
      fast ??= plainLayout(font);
      const run = typeof text === 'string' ? fast(text) : undefined;
      if (run) return run;
    }
    return slow(text, ...rest);
  };
  return font;
}
