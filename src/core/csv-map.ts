import { DONT_KNOW, NOT_APPLICABLE } from '../schema/answers.js';
import { isRealDate, type Score } from './answers.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import type { Criterion, Framework } from './framework.js';
import { suggest } from './suggest.js';

/**
 * The form in which headers and cells are compared: NFC, trimmed, inner whitespace collapsed,
 * lower case, and typographic apostrophes as ' (spreadsheets turn don't into don’t).
 */
export const textKey = (s: string): string =>
  s.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();

export type MetaField = 'village' | 'respondent' | 'date' | 'municipality' | 'lag';
export const META_FIELDS: readonly MetaField[] = ['village', 'respondent', 'date', 'municipality', 'lag'];

/**
 * What a survey tool's own column is for: `date` feeds the answer date when there is no date
 * column; `submitted` is LimeSurvey's submit date (empty: an incomplete response), `lastpage` its
 * last page reached (empty: never started); `skip` is read past.
 */
export type SystemRole = 'date' | 'submitted' | 'lastpage' | 'skip';

/**
 * The words a CSV may use besides the criteria: header names of the answer fields, n/a and
 * "don't know" cells, "note" words and the columns survey tools add (by role). The catalogues
 * supply them in every language (`i18n/csv-words.ts`, `words.csv.*`); the core knows only the
 * language-neutral names of NEUTRAL_WORDS.
 */
export interface CsvWords {
  meta: Readonly<Record<MetaField, readonly string[]>>;
  na: readonly string[];
  dontKnow: readonly string[];
  note: readonly string[];
  system: Readonly<Record<string, SystemRole>>;
}

/** The field names themselves, "n/a", "?", and LimeSurvey's question codes: no language. */
export const NEUTRAL_WORDS: CsvWords = {
  meta: { village: ['village'], respondent: ['respondent'], date: ['date'], municipality: ['municipality'], lag: ['lag'] },
  na: [NOT_APPLICABLE],
  dontKnow: [DONT_KNOW],
  note: ['note'],
  system: {
    id: 'skip', submitdate: 'submitted', lastpage: 'lastpage', startlanguage: 'skip', seed: 'skip', startdate: 'skip',
    datestamp: 'skip', ipaddr: 'skip', refurl: 'skip', token: 'skip',
  },
};

/** The neutral words with a catalogue's (or several catalogues') added; keys in `textKey` form. */
export function withNeutral(words: Partial<CsvWords>): CsvWords {
  const uniq = (a: readonly string[], b: readonly string[] = []): string[] => [...new Set([...a, ...b].map(textKey))];
  const meta = Object.fromEntries(META_FIELDS.map((f) => [f, uniq(NEUTRAL_WORDS.meta[f], words.meta?.[f])])) as unknown as CsvWords['meta'];
  const system: Record<string, SystemRole> = {};
  for (const [k, role] of Object.entries({ ...NEUTRAL_WORDS.system, ...words.system })) system[textKey(k)] ??= role;
  return {
    meta,
    na: uniq(NEUTRAL_WORDS.na, words.na),
    dontKnow: uniq(NEUTRAL_WORDS.dontKnow, words.dontKnow),
    // longest first, so "notes" is found before "note"
    note: uniq(NEUTRAL_WORDS.note, words.note).sort((a, b) => b.length - a.length),
    system,
  };
}

/** What a map file (`--map`, docs/formats.md) says, with its keys already in `textKey` form. */
export interface IntakeMap {
  /** header → a meta field, `ignore`, or a criterion id */
  columns: ReadonlyMap<string, string>;
  /** cell text → a score or n/a; never shifted by `offset` */
  values: ReadonlyMap<string, Score>;
  /** added to every numeric score cell */
  offset: number;
}

export const EMPTY_MAP: IntakeMap = { columns: new Map(), values: new Map(), offset: 0 };

export type Column =
  | { kind: 'meta'; field: MetaField }
  | { kind: 'criterion'; criterion: Criterion }
  | { kind: 'note'; criterion: Criterion }
  | { kind: 'system'; role: SystemRole }
  | { kind: 'ignored' }
  /** Matches nothing: read past, and its values looked at to tell the user what it may be. */
  | { kind: 'unknown'; header: string; suggestion: string | undefined };

/** Every text a column header may match for each criterion: its full id, question and title in every language. */
function criterionNames(fw: Framework, key: (s: string) => string): Map<string, Set<Criterion>> {
  const names = new Map<string, Set<Criterion>>();
  const add = (text: string, c: Criterion): void => {
    const k = key(text);
    if (k === '') return;
    const set = names.get(k) ?? new Set<Criterion>();
    set.add(c);
    names.set(k, set);
  };
  for (const c of fw.criteria.values()) {
    add(c.id, c);
    for (const t of Object.values(c.question)) add(t, c);
    for (const t of Object.values(c.title)) add(t, c);
    for (const t of c.aliases) add(t, c);
  }
  return names;
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * A looser form of a header for near-matches: `textKey`, without a leading number ("1. ", "2) ")
 * or LimeSurvey code ("g1q01. "), a trailing " *", "?", ":" or ".", and diacritics. Linear.
 */
export function looseKey(s: string): string {
  let k = textKey(s);
  // a leading "12. " / "3) " / "g1q01. " / "q1: "
  let i = 0;
  while (i < k.length && i < 40 && /[a-z0-9_]/.test(k[i] ?? '')) i++;
  if (i > 0 && (k[i] === '.' || k[i] === ')' || k[i] === ':') && k[i + 1] === ' ' && (isDigit(k[i - 1]) || isDigit(k[0]))) k = k.slice(i + 2);
  let end = k.length;
  while (end > 0 && (k[end - 1] === '*' || k[end - 1] === '?' || k[end - 1] === ':' || k[end - 1] === '.' || k[end - 1] === ' ')) end--;
  return k.slice(0, end).normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

const NOTE_SEPARATORS = new Set([' ', '\t', '.', ':', '–', '—', '-']);

/**
 * The criterion part of a note header ("Vision note", "Vīzija (piezīmes)", "x – comment"), or
 * undefined. A scan from the end, linear in the header's length (no backtracking regex).
 */
export function noteBase(raw: string, noteWords: readonly string[] = NEUTRAL_WORDS.note): string | undefined {
  const s = raw.trim();
  let i = s.length;
  if (s[i - 1] === ')' || s[i - 1] === ']') i--;
  while (isSpace(s[i - 1])) i--;
  const word = noteWords.find((w) => i >= w.length && s.slice(i - w.length, i).toLowerCase() === w);
  if (!word) return undefined;
  i -= word.length;
  const wordStart = i;
  while (isSpace(s[i - 1])) i--;
  if (s[i - 1] === '(' || s[i - 1] === '[') i--;
  while (i > 0 && NOTE_SEPARATORS.has(s[i - 1] ?? '')) i--;
  // the word must stand apart ("Vision note", not "Visionnote")
  if (i === wordStart && i > 0) return undefined;
  return s.slice(0, i);
}

/**
 * The inner part of a Google Forms grid header "Pillar [Criterion]" (the first "[" after the last
 * "]" but one), or undefined. Linear.
 */
export function gridInner(raw: string): string | undefined {
  const s = raw.trimEnd();
  if (!s.endsWith(']')) return undefined;
  const close = s.length - 1;
  const previous = s.lastIndexOf(']', close - 1);
  const open = s.indexOf('[', previous + 1);
  if (open < 0 || open >= close - 1) return undefined;
  return s.slice(open + 1, close);
}

/**
 * A header without LimeSurvey's question code in front ("G1Q01. Question text" -> "Question
 * text"), or undefined when it has none. The code starts with a letter (a number in front is the form's own numbering: a near match).
 */
export function withoutCode(raw: string): string | undefined {
  const s = raw.trimStart();
  let i = 0;
  while (i < s.length && i < 40 && /[A-Za-z0-9_]/.test(s[i] ?? '')) i++;
  if (i === 0 || !/[A-Za-z]/.test(s[0] ?? '') || s[i] !== '.' || !isSpace(s[i + 1])) return undefined;
  return s.slice(i + 2);
}

/** Headers longer than this get no "did you mean" (the edit distance is quadratic). */
const MAX_SUGGEST_CHARS = 400;

export interface HeaderMap {
  columns: Column[];
  diagnostics: Diagnostic[];
}

/**
 * Maps a header to columns (docs/formats.md): the map file's columns first, then the answer
 * fields by name in any catalogue's language (`words`), survey tools' own columns, criteria by full id, question
 * or title in any framework language (also inside a Google Forms grid header "Pillar [Criterion]"),
 * `<criterion> note` columns, and last a near-match (numbering, " *", "?", case, diacritics) with a
 * warning. A column that matches nothing is `unknown`: the intake looks at its values before it
 * says anything. Diagnostics carry the 1-based column index in `column`. Pure.
 */
export function mapHeader(
  header: readonly string[],
  fw: Framework,
  ignore: readonly string[] = [],
  map: IntakeMap = EMPTY_MAP,
  words: CsvWords = NEUTRAL_WORDS,
): HeaderMap {
  const names = criterionNames(fw, textKey);
  const loose = criterionNames(fw, looseKey);
  const ignored = new Set(ignore.map(textKey));
  const meta = new Map<string, MetaField>();
  for (const [field, list] of Object.entries(words.meta) as [MetaField, readonly string[]][]) for (const n of [...NEUTRAL_WORDS.meta[field], ...list]) meta.set(textKey(n), field);
  const system = (k: string): SystemRole | undefined => words.system[k] ?? NEUTRAL_WORDS.system[k];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const at = (d: Diagnostic, index: number): Diagnostic => ({ ...d, column: index });
  const metaFields = new Set<string>(META_FIELDS);

  const lookup = (text: string, table: Map<string, Set<Criterion>>, key: (s: string) => string): Set<Criterion> | undefined => {
    const direct = table.get(key(text));
    if (direct) return direct;
    const inner = gridInner(text);
    return inner !== undefined ? table.get(key(inner)) : undefined;
  };

  const claim = (key: string, index: number, params: Record<string, string | number>, id: string): void => {
    const first = seen.get(key);
    if (first !== undefined) diagnostics.push(at(error('csv.duplicateColumn', { ...params, id, first }), index));
    seen.set(key, index);
  };

  const columns = header.map((raw, i): Column => {
    const index = i + 1;
    const k = textKey(raw);
    const params = { index, column: raw.trim(), letter: columnLetter(index) };
    if (ignored.has(k)) return { kind: 'ignored' };
    const mapped = map.columns.get(k);
    if (mapped !== undefined) {
      if (mapped === 'ignore') return { kind: 'ignored' };
      if (metaFields.has(mapped)) {
        claim(`meta:${mapped}`, index, params, mapped);
        return { kind: 'meta', field: mapped as MetaField };
      }
      const criterion = fw.criteria.get(mapped);
      if (criterion) {
        claim(`criterion:${criterion.id}`, index, params, criterion.id);
        return { kind: 'criterion', criterion };
      }
    }
    const plain = withoutCode(raw);
    const field = meta.get(k) ?? (plain !== undefined ? meta.get(textKey(plain)) : undefined);
    if (field) {
      claim(`meta:${field}`, index, params, field);
      return { kind: 'meta', field };
    }
    const role = system(k);
    if (role) return role === 'skip' ? { kind: 'ignored' } : { kind: 'system', role };
    let kind: 'criterion' | 'note' = 'criterion';
    let found = lookup(raw, names, textKey) ?? (plain !== undefined ? lookup(plain, names, textKey) : undefined);
    if (!found) {
      const base = noteBase(raw, words.note);
      if (base !== undefined && base !== '') {
        found = lookup(base, names, textKey);
        if (found) kind = 'note';
      }
    }
    if (!found && k !== '') {
      found = lookup(raw, loose, looseKey);
      if (found?.size === 1) {
        const c = [...found][0] as Criterion;
        diagnostics.push(at(warning('csv.nearMatch', { ...params, id: c.id }), index));
      }
    }
    if (!found) return { kind: 'unknown', header: raw.trim(), suggestion: k === '' || k.length > MAX_SUGGEST_CHARS ? undefined : suggest(k, names.keys()) };
    if (found.size > 1) {
      diagnostics.push(at(error('csv.ambiguousColumn', { ...params, ids: [...found].map((c) => c.id).join(', ') }), index));
      return { kind: 'ignored' };
    }
    const criterion = [...found][0] as Criterion;
    claim(`${kind}:${criterion.id}`, index, params, criterion.id);
    return { kind, criterion };
  });
  if (!columns.some((c) => c.kind === 'meta' && c.field === 'village')) diagnostics.push(error('csv.noVillageColumn'));
  return { columns, diagnostics };
}

/** How many columns of a header are recognised (meta, system, criteria, notes): the separator guess uses it. */
export function recognisedColumns(header: readonly string[], fw: Framework, words: CsvWords = NEUTRAL_WORDS): number {
  return mapHeader(header, fw, [], EMPTY_MAP, words).columns.filter((c) => c.kind !== 'unknown').length;
}

/** The letter Excel shows for a 1-based column index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The whole number a cell is written as: "3", "3,0", "3.00", or a number followed by a label
 * ("3 – Darbojas", "2. Idejas"); undefined for anything else ("2.5", "1-2", "2:3" and "3 5" are
 * not truncated to a number).
 */
export function cellNumber(v: string): number | undefined {
  // the usual cell: one digit
  if (v.length === 1) {
    const d = v.charCodeAt(0) - 48;
    if (d >= 0 && d <= 9) return d;
  }
  const whole = /^([+-]?\d+)(?:[.,]0+)?$/.exec(v);
  if (whole) return Number(whole[1]);
  // a label must follow the number
  const leading = /^(\d+)(?:\s*[–—:.)-]\s*|\s+)[^\d\s–—:.)+-]/.exec(v);
  return leading ? Number(leading[1]) : undefined;
}

/**
 * Reads one answer cell: the map's own value for it, a whole number on the scale (after the map's
 * offset), a scale label (or an earlier wording of one) or this criterion's rubric text in any
 * language, n/a, or empty (unanswered). Returns undefined for anything else. Pure.
 */
export function parseCell(value: string, criterion: Criterion, fw: Framework, map: IntakeMap = EMPTY_MAP, words: CsvWords = NEUTRAL_WORDS): Score | undefined {
  const v = value.trim();
  if (v === '') return null;
  if (map.values.size > 0) {
    const mapped = map.values.get(textKey(v));
    if (mapped !== undefined) return mapped;
  }
  const n = cellNumber(v);
  if (n !== undefined) {
    const shifted = n + map.offset;
    return shifted >= fw.scale.min && shifted <= fw.scale.max ? shifted : undefined;
  }
  return cellWords(criterion, fw, words).get(textKey(v));
}

const WORDS = new WeakMap<CsvWords, WeakMap<Criterion, Map<string, Score>>>();

/**
 * The texts a cell of this criterion may hold instead of a number, in `textKey` form: n/a words,
 * the rubric's steps, the scale's labels and their earlier wordings. Built once per criterion
 * (a file of a hundred thousand rows looks each cell up here).
 */
export function cellWords(criterion: Criterion, fw: Framework, vocabulary: CsvWords): ReadonlyMap<string, Score> {
  let cache = WORDS.get(vocabulary);
  if (!cache) WORDS.set(vocabulary, (cache = new WeakMap()));
  let words = cache.get(criterion);
  if (words) return words;
  words = new Map<string, Score>();
  const add = (text: string, score: Score): void => {
    const k = textKey(text);
    if (!words.has(k)) words.set(k, score);
  };
  for (const t of [...NEUTRAL_WORDS.na, ...vocabulary.na]) add(t, NOT_APPLICABLE);
  for (const t of [...NEUTRAL_WORDS.dontKnow, ...vocabulary.dontKnow]) add(t, DONT_KNOW);
  for (const steps of [fw.scale.labels, criterion.levels]) for (const [step, text] of steps) for (const t of Object.values(text)) add(t, step);
  for (const [step, texts] of fw.scale.aliases) for (const t of texts) add(t, step);
  cache.set(criterion, words);
  return words;
}

/**
 * "2026-03-14", "2026-03-14 10:22", "14.03.2026", "2026/03/14 9:02:11 AM GMT+3" (Google Forms),
 * "3/14/2026 10:22" (Microsoft Forms, month first; day first when the first number is over 12)
 * -> ISO date; undefined when not a date.
 */
export function parseDateCell(value: string): string | undefined {
  const v = value.trim();
  const two = (s: string | undefined): string => (s ?? '').padStart(2, '0');
  let date: string | undefined;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$/.exec(v);
  const lv = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?:\s.*)?$/.exec(v);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(v);
  if (iso) date = `${iso[1]}-${two(iso[2])}-${two(iso[3])}`;
  else if (lv) date = `${lv[3]}-${two(lv[2])}-${two(lv[1])}`;
  else if (us) date = Number(us[1]) > 12 ? `${us[3]}-${two(us[2])}-${two(us[1])}` : `${us[3]}-${two(us[1])}-${two(us[2])}`;
  return date && isRealDate(date) ? date : undefined;
}

/** A map file's data after its schema passed (the `MapFile` type, spelled out so the core imports no schema code). */
export interface MapData {
  columns?: Record<string, string> | null;
  values?: Record<string, number | 'n/a' | null> | null;
  offset?: number;
}

/** The checks of a map file against a framework that its schema cannot make: known targets, values on the scale. Pure. */
export function checkMap(data: MapData, fw: Framework): Diagnostic[] {
  const out: Diagnostic[] = [];
  const targets = [...META_FIELDS, 'ignore', ...fw.criteria.keys()];
  for (const [header, target] of Object.entries(data.columns ?? {})) {
    if (!targets.includes(target)) out.push(error('map.unknownCriterion', { id: target, suggestion: suggest(target, targets) }, ['columns', header]));
  }
  for (const [cell, score] of Object.entries(data.values ?? {})) {
    if (typeof score === 'number' && (score < fw.scale.min || score > fw.scale.max)) {
      out.push(error('ans.scoreOutOfRange', { score, min: fw.scale.min, max: fw.scale.max }, ['values', cell]));
    }
  }
  return out;
}

/** The map as the intake reads it: keys compared like headers and cells. Pure. */
export function intakeMap(data: MapData): IntakeMap {
  return {
    columns: new Map(Object.entries(data.columns ?? {}).map(([k, v]) => [textKey(k), v])),
    values: new Map(Object.entries(data.values ?? {}).map(([k, v]) => [textKey(k), v])),
    offset: data.offset ?? 0,
  };
}
