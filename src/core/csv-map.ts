import { NOT_APPLICABLE } from '../schema/answers.js';
import { isRealDate, plainAnswer, type Answer, type Response, type Score } from './answers.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import type { Criterion, Framework } from './framework.js';
import { suggest } from './suggest.js';

/** Header and cell texts are compared after trimming, Unicode NFC, case-folding and collapsing spaces. */
/**
 * The form in which headers and cells are compared: NFC, trimmed, inner whitespace collapsed,
 * lower case, and typographic apostrophes as ' (spreadsheets turn don't into don’t).
 */
export const textKey = (s: string): string =>
  s.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();

export type MetaField = 'village' | 'respondent' | 'date' | 'municipality' | 'lag';

/**
 * The words a CSV may use besides the criteria: header names of the answer fields, n/a cells,
 * "note" suffixes and survey-tool columns. The catalogues supply them in every language
 * (`i18n/csv-words.ts`); the core knows only the language-neutral names below.
 */
export interface CsvWords {
  meta: Record<MetaField, readonly string[]>;
  na: readonly string[];
  note: readonly string[];
  toolColumns: readonly string[];
}

/** The field names themselves, "n/a", and the system columns of survey tools (LimeSurvey): no language. */
export const NEUTRAL_WORDS: CsvWords = {
  meta: { village: ['village'], respondent: ['respondent'], date: ['date'], municipality: ['municipality'], lag: ['lag'] },
  na: [NOT_APPLICABLE],
  note: ['note'],
  toolColumns: ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ipaddr', 'refurl'],
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noteSuffix = (words: readonly string[]): RegExp =>
  new RegExp(`^(.*?)[\\s.:–—-]*[([]?\\s*(?:${words.map(escapeRe).join('|')})\\s*[)\\]]?$`, 'i');

export type Column =
  | { kind: 'meta'; field: MetaField }
  | { kind: 'criterion'; criterion: Criterion }
  | { kind: 'note'; criterion: Criterion }
  | { kind: 'ignored' };

/** Every text a column header may match for each criterion: its full id, question and title in every language. */
function criterionNames(fw: Framework): Map<string, Set<Criterion>> {
  const names = new Map<string, Set<Criterion>>();
  const add = (text: string, c: Criterion): void => {
    const k = textKey(text);
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

/**
 * Maps a CSV header to columns (docs/formats.md): the answer fields by name in Latvian or English,
 * criteria by full id, question or title in any framework language (also inside a Google Forms
 * grid header "Pillar [Criterion]"), `<criterion>.note` columns for evidence, survey-tool columns
 * and `ignore` columns skipped. Diagnostics carry the 1-based column index in `column`. Pure.
 */
export function mapHeader(
  header: readonly string[],
  fw: Framework,
  ignore: readonly string[] = [],
  words: CsvWords = NEUTRAL_WORDS,
): { columns: Column[]; diagnostics: Diagnostic[] } {
  const names = criterionNames(fw);
  const ignored = new Set(ignore.map(textKey));
  const meta = new Map<string, MetaField>();
  for (const [field, list] of Object.entries({ ...words.meta }) as [MetaField, readonly string[]][]) for (const n of [...NEUTRAL_WORDS.meta[field], ...list]) meta.set(textKey(n), field);
  const tool = new Set([...NEUTRAL_WORDS.toolColumns, ...words.toolColumns].map(textKey));
  const NOTE_SUFFIX = noteSuffix([...new Set([...NEUTRAL_WORDS.note, ...words.note])]);
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const at = (d: Diagnostic, index: number): Diagnostic => ({ ...d, column: index });

  const lookup = (text: string): Set<Criterion> | undefined => {
    const k = textKey(text);
    const direct = names.get(k);
    if (direct) return direct;
    const grid = /\[([^\]]+)\]\s*$/.exec(text);
    return grid?.[1] ? names.get(textKey(grid[1])) : undefined;
  };

  const columns = header.map((raw, i): Column => {
    const index = i + 1;
    const k = textKey(raw);
    const params = { index, column: raw.trim() };
    if (ignored.has(k)) return { kind: 'ignored' };
    const field = meta.get(k);
    if (field) {
      const key = `meta:${field}`;
      const first = seen.get(key);
      if (first !== undefined) diagnostics.push(at(error('csv.duplicateColumn', { ...params, id: field, first }), index));
      seen.set(key, index);
      return { kind: 'meta', field };
    }
    if (tool.has(k)) {
      diagnostics.push(at(warning('csv.ignoredColumn', params), index));
      return { kind: 'ignored' };
    }
    let kind: 'criterion' | 'note' = 'criterion';
    let found = lookup(raw);
    if (!found) {
      const m = NOTE_SUFFIX.exec(raw.trim());
      if (m?.[1] !== undefined) {
        const base = m[1].replace(/[\s.:–—-]+$/, '');
        found = lookup(base);
        if (found) kind = 'note';
      }
    }
    if (!found) {
      diagnostics.push(at(error('csv.unknownColumn', { ...params, suggestion: suggest(k, names.keys()) }), index));
      return { kind: 'ignored' };
    }
    if (found.size > 1) {
      diagnostics.push(at(error('csv.ambiguousColumn', { ...params, ids: [...found].map((c) => c.id).join(', ') }), index));
      return { kind: 'ignored' };
    }
    const criterion = [...found][0] as Criterion;
    const key = `${kind}:${criterion.id}`;
    const first = seen.get(key);
    if (first !== undefined) diagnostics.push(at(error('csv.duplicateColumn', { ...params, id: criterion.id, first }), index));
    seen.set(key, index);
    return { kind, criterion };
  });
  if (!columns.some((c) => c.kind === 'meta' && c.field === 'village')) diagnostics.push(error('csv.noVillageColumn'));
  return { columns, diagnostics: capUnknown(diagnostics) };
}

const MAX_UNKNOWN_SHOWN = 5;

/** Dozens of unknown columns mean a wrong framework or separator: show a few and say so once. */
function capUnknown(diagnostics: Diagnostic[]): Diagnostic[] {
  const unknown = diagnostics.filter((d) => d.code === 'csv.unknownColumn');
  if (unknown.length <= MAX_UNKNOWN_SHOWN) return diagnostics;
  const hidden = new Set(unknown.slice(MAX_UNKNOWN_SHOWN));
  return [...diagnostics.filter((d) => !hidden.has(d)), { ...error('csv.manyUnknown', { count: hidden.size }), column: 1 }];
}

/**
 * Reads one answer cell: an integer on the scale ("3", "3,0"), a leading integer ("3 – Darbojas"),
 * a scale label (or an earlier wording of one) or this criterion's rubric text in any language,
 * n/a, or empty (unanswered).
 * Returns undefined for anything else. Pure.
 */
export function parseCell(value: string, criterion: Criterion, fw: Framework, words: CsvWords = NEUTRAL_WORDS): Score | undefined {
  const v = value.trim();
  if (v === '') return null;
  const inRange = (n: number): Score | undefined => (n >= fw.scale.min && n <= fw.scale.max ? n : undefined);
  const whole = /^([+-]?\d+)(?:[.,]0+)?$/.exec(v);
  if (whole) return inRange(Number(whole[1]));
  // "3 – Darbojas", "2. Idejas": a label must follow, so "2.5", "1-2", "2:3" and "3 5" are not truncated to a score.
  const leading = /^(\d+)(?:\s*[–—:.)-]\s*|\s+)[^\d\s–—:.)+-]/.exec(v);
  if (leading) return inRange(Number(leading[1]));
  const k = textKey(v);
  if (k === NOT_APPLICABLE || words.na.some((w) => textKey(w) === k)) return NOT_APPLICABLE;
  for (const steps of [fw.scale.labels, criterion.levels]) {
    for (const [step, text] of steps) {
      if (Object.values(text).some((t) => textKey(t) === k)) return step;
    }
  }
  for (const [step, texts] of fw.scale.aliases) if (texts.some((t) => textKey(t) === k)) return step;
  return undefined;
}

/** "2026-03-14", "2026-03-14 10:22", "14.03.2026" -> ISO date; undefined when not a date. */
export function parseDateCell(value: string): string | undefined {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(v);
  const lv = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?:\s.*)?$/.exec(v);
  const two = (s: string | undefined): string => (s ?? '').padStart(2, '0');
  const date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : lv ? `${lv[3]}-${two(lv[2])}-${two(lv[1])}` : undefined;
  return date && isRealDate(date) ? date : undefined;
}

/**
 * Turns one CSV row into a Response. A bad score cell or a missing village rejects the row;
 * diagnostics carry the 1-based column index in `column`. Pure.
 */
export function rowToResponse(
  cells: readonly string[],
  columns: readonly Column[],
  fw: Framework,
  source: string,
  words: CsvWords = NEUTRAL_WORDS,
): { response: Response | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const answers = new Map<string, Answer>();
  const meta: Partial<Record<MetaField, string>> = {};
  const notes = new Map<string, string>();
  if (cells.length > columns.length) {
    diagnostics.push({ ...error('csv.rowLength', { got: cells.length, expected: columns.length }), column: columns.length + 1 });
  }
  columns.forEach((col, i) => {
    const value = cells[i] ?? '';
    const index = i + 1;
    if (col.kind === 'meta') {
      if (value.trim() !== '') meta[col.field] = value.trim();
    } else if (col.kind === 'note') {
      if (value.trim() !== '') notes.set(col.criterion.id, value.trim());
    } else if (col.kind === 'criterion') {
      const score = parseCell(value, col.criterion, fw, words);
      if (score === undefined) {
        diagnostics.push({
          ...error('csv.badCell', { index, id: col.criterion.id, value: value.trim(), min: fw.scale.min, max: fw.scale.max }),
          column: index,
        });
      } else {
        answers.set(col.criterion.id, plainAnswer(score));
      }
    }
  });
  for (const [id, note] of notes) answers.set(id, { score: answers.get(id)?.score ?? null, note });
  const villageIndex = columns.findIndex((c) => c.kind === 'meta' && c.field === 'village') + 1;
  if (!meta.village) diagnostics.push({ ...error('csv.emptyVillage'), column: villageIndex || 1 });
  let date: string | null = null;
  if (meta.date) {
    date = parseDateCell(meta.date) ?? null;
    const dateIndex = columns.findIndex((c) => c.kind === 'meta' && c.field === 'date') + 1;
    if (date === null) diagnostics.push({ ...warning('csv.badDate', { value: meta.date }), column: dateIndex });
  }
  if (diagnostics.some((d) => d.severity === 'error') || !meta.village) return { response: null, diagnostics };
  return {
    response: {
      source,
      framework: fw.id,
      village: meta.village,
      municipality: meta.municipality ?? null,
      lag: meta.lag ?? null,
      respondent: meta.respondent ?? null,
      date,
      language: null,
      answers,
    },
    diagnostics,
  };
}
