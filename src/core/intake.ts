import type { Answer, Response, Score } from './answers.js';
import { plainAnswer } from './answers.js';
import {
  cellWords,
  columnLetter,
  mapHeader,
  parseCell,
  parseDateCell,
  cellNumber,
  textKey,
  EMPTY_MAP,
  NEUTRAL_WORDS,
  type Column,
  type CsvWords,
  type IntakeMap,
  type MetaField,
} from './csv-map.js';
import { error, warning, type Diagnostic } from './diagnostic.js';
import type { Criterion, Framework } from './framework.js';

/** How a table of answers is read (docs/formats.md, "Spreadsheets and survey exports"). */
export interface IntakeOptions {
  ignore: readonly string[];
  map: IntakeMap;
  /** header names, n/a and don't-know words, survey-tool columns of the catalogues (i18n/csv-words.ts) */
  words: CsvWords;
  /** a bad cell rejects its whole row (as in version 1) instead of only itself */
  strict: boolean;
  /**
   * false: note cells are looked at (a row with only a note is still read) but the answers come
   * without them, for outputs that never print notes; the default keeps them
   */
  notes?: boolean;
}

export const DEFAULT_INTAKE: IntakeOptions = { ignore: [], map: EMPTY_MAP, words: NEUTRAL_WORDS, strict: false };

/** What one file gave: `village score --format json` shows it as `inputs`. */
export interface IntakeSummary {
  file: string;
  /** data rows (blank lines not counted) */
  rows: number;
  /** rows that became answers */
  read: number;
  /** rows refused (a header error refuses them all) */
  rejected: number;
  /** incomplete or empty survey responses left out */
  incomplete: number;
  /** score cells left out as unanswered because they are not a score */
  cellsDropped: number;
  /** headers of the columns read past as not answers */
  columnsIgnored: string[];
  errors: number;
  warnings: number;
  /** the text encoding read (CSV), or the sheet (xlsx) */
  encoding: string | null;
  sheet: string | null;
}

/** Row-level diagnostics of one kind shown per file; the rest are counted in one line. */
export const MAX_SAME = 5;
/** A column is taken for scores left unmatched when this share of its filled cells reads as scores. */
const SCORE_LIKE_SHARE = 0.8;
/** "Never the scale minimum across many rows" starts here. */
const SHIFT_MIN_ROWS = 20;

interface UnknownStats {
  index: number;
  header: string;
  suggestion: string | undefined;
  filled: number;
  scoreLike: number;
  /** the first few distinct short texts (answer codes for a map) */
  samples: Set<string>;
}

/** What a header turned out to be, for `village init --format map --from FILE`. */
export interface HeaderReport {
  header: string;
  column: Column;
  /** distinct short texts of an unknown column */
  samples: string[];
}

const MAX_SAMPLES = 12;
/** Distinct cell texts remembered per file with what they read as (dates, words): a bound, not a target. */
const MEMO_SIZE = 4096;

/** A score column, worked out once from the header: where it is, its criterion, its answer's place and its words. */
interface ScoreColumn {
  index: number;
  criterion: Criterion;
  slot: number;
  words: ReadonlyMap<string, Score>;
}

/** A note column: where it is and its criterion's answer's place. */
interface NoteColumn {
  index: number;
  slot: number;
}

/** A cell's text, trimmed; "" past the row's end or for no column (-1). */
const cellAt = (cells: readonly string[], i: number): string => (i >= 0 ? (cells[i] ?? '').trim() : '');

/** `fn(key)` remembered for up to MEMO_SIZE distinct keys (the same few texts fill a column). */
function memo<T>(cache: Map<string, T>, key: string, fn: (k: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = fn(key);
  if (cache.size < MEMO_SIZE) cache.set(key, value);
  return value;
}

/**
 * Reads the rows of one answers table (CSV or a sheet) into responses, one row at a time, so a
 * file of any length is read in constant memory apart from the answers it gives. Knows survey
 * tools' columns, drops incomplete responses, keeps a respondent's good answers when one cell is
 * bad (unless strict), caps repeated diagnostics, and summarises the file. Pure.
 */
export class Intake {
  readonly diagnostics: Diagnostic[] = [];
  readonly summary: IntakeSummary;
  private columns: Column[] | null = null;
  private failed = false;
  private headerLine = 1;
  private readonly seen = new Map<string, { count: number; first: Diagnostic | null; hidden: number }>();
  private unknown: UnknownStats[] = [];
  private numbers = { min: Infinity, max: -Infinity, cells: 0 };
  /** criterion id -> its place in every row's answer list (shared by all rows of the file) */
  private readonly slots = new Map<string, number>();
  /** criterion ids in slot order */
  private readonly ids: string[] = [];
  private scoreColumns: ScoreColumn[] = [];
  private noteColumns: NoteColumn[] = [];
  private readonly dates = new Map<string, string | undefined>();
  private readonly keys = new Map<string, string>();
  private readonly index: Record<MetaField | 'sysDate' | 'submitted' | 'lastpage', number> = {
    village: -1, respondent: -1, date: -1, municipality: -1, lag: -1, sysDate: -1, submitted: -1, lastpage: -1,
  };

  constructor(
    private readonly fw: Framework,
    private readonly file: string,
    private readonly opts: IntakeOptions,
    private readonly sink: (r: Response) => void,
  ) {
    this.summary = { file, rows: 0, read: 0, rejected: 0, incomplete: 0, cellsDropped: 0, columnsIgnored: [], errors: 0, warnings: 0, encoding: null, sheet: null };
  }

  /** Each header cell and what it maps to (with a few texts of unknown columns), once the file is read. */
  headers(): HeaderReport[] {
    const headerCells = this.headerCells;
    return (this.columns ?? []).map((column, i) => ({
      header: headerCells[i] ?? '',
      column,
      samples: [...(this.unknown.find((u) => u.index === i)?.samples ?? [])],
    }));
  }

  private headerCells: readonly string[] = [];

  get hasHeader(): boolean {
    return this.columns !== null;
  }

  /** Adds a diagnostic at a position of this file; past MAX_SAME of one row-level kind, only counts it. */
  report(d: Diagnostic, line: number, capped = false): void {
    const placed: Diagnostic = { ...d, file: this.file, line, column: d.column ?? 1 };
    if (d.severity === 'error') this.summary.errors++;
    else this.summary.warnings++;
    if (capped) {
      const key = `${d.severity}:${d.code}`;
      const s = this.seen.get(key) ?? { count: 0, first: null, hidden: 0 };
      s.count++;
      this.seen.set(key, s);
      if (s.count > MAX_SAME) {
        s.hidden++;
        s.first ??= placed;
        return;
      }
    }
    this.diagnostics.push(placed);
  }

  /** True (and counted) when a row-level diagnostic of this kind would only be counted: the caller need not build it. */
  private full(severity: 'error' | 'warning', code: string): boolean {
    const s = this.seen.get(`${severity}:${code}`);
    if (!s || s.count < MAX_SAME || !s.first) return false;
    s.count++;
    s.hidden++;
    if (severity === 'error') this.summary.errors++;
    else this.summary.warnings++;
    return true;
  }

  private slot(id: string): number {
    let i = this.slots.get(id);
    if (i === undefined) {
      i = this.slots.size;
      this.slots.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  /** The first non-blank record. */
  header(cells: readonly string[], line: number): void {
    this.headerLine = line;
    this.headerCells = cells.map((c) => c.trim());
    const mapped = mapHeader(cells, this.fw, this.opts.ignore, this.opts.map, this.opts.words);
    this.columns = mapped.columns;
    // A near match per question of a whole form would drown the rest: a few, then a count.
    for (const d of mapped.diagnostics) this.report(d, line, d.code === 'csv.nearMatch');
    if (!mapped.columns.some((c) => c.kind === 'criterion' || c.kind === 'note')) this.report(error('csv.noCriteria'), line);
    this.failed = this.summary.errors > 0;
    mapped.columns.forEach((c, i) => {
      if (c.kind === 'meta') this.index[c.field] = i;
      else if (c.kind === 'system') {
        const slot = c.role === 'date' ? 'sysDate' : c.role === 'submitted' ? 'submitted' : 'lastpage';
        if (this.index[slot] < 0) this.index[slot] = i;
      } else if (c.kind === 'criterion') {
        this.scoreColumns.push({ index: i, criterion: c.criterion, slot: this.slot(c.criterion.id), words: cellWords(c.criterion, this.fw, this.opts.words) });
      } else if (c.kind === 'note') {
        this.noteColumns.push({ index: i, slot: this.slot(c.criterion.id) });
      } else if (c.kind === 'unknown') {
        this.unknown.push({ index: i, header: c.header, suggestion: c.suggestion, filled: 0, scoreLike: 0, samples: new Set() });
      }
    });
  }

  /** One data record (not blank). */
  row(cells: readonly string[], line: number): void {
    const columns = this.columns;
    if (!columns) return;
    this.summary.rows++;
    // Looked at even when the header failed: `init --format map --from` lists what they hold.
    for (const u of this.unknown) {
      const v = cellAt(cells, u.index);
      if (v === '') continue;
      u.filled++;
      if (this.looksLikeScore(v)) u.scoreLike++;
      else if (u.samples.size < MAX_SAMPLES && v.length <= 20) u.samples.add(v);
    }
    if (this.failed) {
      this.summary.rejected++;
      return;
    }
    const index = this.index;
    // Incomplete survey responses go before anything is checked: their gaps are not mistakes.
    if ((index.submitted >= 0 && cellAt(cells, index.submitted) === '') || (index.submitted < 0 && index.lastpage >= 0 && cellAt(cells, index.lastpage) === '')) {
      this.summary.incomplete++;
      return;
    }
    let rejected = false;
    let extra = 0;
    for (let i = columns.length; i < cells.length; i++) if ((cells[i] ?? '').trim() !== '') extra = i + 1;
    if (extra > 0) {
      this.report({ ...error('csv.rowLength', { got: extra, expected: columns.length }), column: columns.length + 1 }, line, true);
      rejected = true;
    }
    const answers: (Answer | undefined)[] = new Array<Answer | undefined>(this.ids.length);
    let answered = 0;
    let dropped = 0;
    for (const col of this.scoreColumns) {
      const raw = cells[col.index] ?? '';
      const score = this.score(raw, col);
      if (score === undefined) {
        const at = col.index + 1;
        const code = this.opts.strict ? 'csv.badCell' : 'csv.cellDropped';
        if (!this.full('error', code)) {
          const params = { index: at, letter: columnLetter(at), id: col.criterion.id, value: raw.trim(), min: this.fw.scale.min, max: this.fw.scale.max };
          this.report({ ...error(code, params), column: at }, line, true);
        }
        if (this.opts.strict) rejected = true;
        else {
          this.summary.cellsDropped++;
          dropped++;
        }
      } else {
        if (score !== null) answered++;
        answers[col.slot] = plainAnswer(score);
      }
    }
    let noted = false;
    const keepNotes = this.opts.notes !== false;
    for (const col of this.noteColumns) {
      const note = cellAt(cells, col.index);
      if (note === '') continue;
      noted = true;
      if (keepNotes) answers[col.slot] = { score: answers[col.slot]?.score ?? null, note };
      else answers[col.slot] ??= plainAnswer(null);
    }
    if (answered === 0 && !noted && !rejected) {
      // Every answer was bad: the row is refused, not taken for an abandoned response.
      if (dropped > 0) this.summary.rejected++;
      else this.summary.incomplete++;
      return;
    }
    const village = cellAt(cells, index.village);
    if (village === '') {
      this.report({ ...error('csv.emptyVillage'), column: index.village + 1 || 1 }, line, true);
      rejected = true;
    }
    let date: string | null = null;
    const dateCell = cellAt(cells, index.date);
    if (dateCell !== '') {
      date = this.date(dateCell) ?? null;
      if (date === null) this.report({ ...warning('csv.badDate', { value: dateCell }), column: index.date + 1 }, line, true);
    } else {
      const stamp = cellAt(cells, index.submitted) || cellAt(cells, index.sysDate);
      if (stamp !== '') date = this.date(stamp) ?? null;
    }
    if (rejected) {
      this.summary.rejected++;
      return;
    }
    this.summary.read++;
    const municipality = cellAt(cells, index.municipality);
    const lag = cellAt(cells, index.lag);
    const respondent = cellAt(cells, index.respondent);
    this.sink({
      source: `${this.file}:${line}`,
      framework: this.fw.id,
      village,
      municipality: municipality === '' ? null : municipality,
      lag: lag === '' ? null : lag,
      respondent: respondent === '' ? null : respondent,
      date,
      language: null,
      answers: new RowAnswers(this.slots, this.ids, answers),
    });
  }

  /**
   * A score cell read as `parseCell` reads it (the map's value, a number on the scale after the
   * offset, a word of its criterion, n/a, empty: null; else undefined), counting the numbers for
   * the shifted-scale check on the way.
   */
  private score(raw: string, col: ScoreColumn): Score | undefined {
    const v = raw.trim();
    if (v === '') return null;
    const map = this.opts.map;
    if (map.values.size > 0) {
      const mapped = map.values.get(this.key(v));
      if (mapped !== undefined) return mapped;
    }
    const n = cellNumber(v);
    if (n === undefined) return col.words.get(this.key(v));
    const s = this.numbers;
    s.cells++;
    if (n < s.min) s.min = n;
    if (n > s.max) s.max = n;
    const shifted = n + map.offset;
    return shifted >= this.fw.scale.min && shifted <= this.fw.scale.max ? shifted : undefined;
  }

  private key(v: string): string {
    return memo(this.keys, v, textKey);
  }

  private date(v: string): string | undefined {
    return memo(this.dates, v, parseDateCell);
  }

  /** After the last record: the per-file warnings (ignored columns, incomplete responses, a shifted scale) and the capped counts. */
  finish(): void {
    if (!this.columns) return;
    const line = this.headerLine;
    if (this.summary.rows === 0 && !this.failed) this.report({ ...warning('csv.noRows'), column: 1 }, line + 1);
    const ignored: UnknownStats[] = [];
    for (const u of this.unknown) {
      const index = u.index + 1;
      if (u.filled > 0 && u.scoreLike >= Math.max(1, SCORE_LIKE_SHARE * u.filled)) {
        this.report({ ...warning('csv.unknownScoreColumn', { index, letter: columnLetter(index), column: u.header, suggestion: u.suggestion }), column: index }, line);
      } else if (u.header !== '' || u.filled > 0) {
        ignored.push(u);
      }
    }
    this.summary.columnsIgnored = ignored.map((u) => u.header);
    const first = ignored[0];
    if (first) {
      const names = ignored.slice(0, 3).map((u) => u.header || columnLetter(u.index + 1)).join(', ');
      this.report({ ...warning('csv.ignoredColumns', { count: ignored.length, names, first: first.header || columnLetter(first.index + 1) }), column: first.index + 1 }, line);
    }
    if (this.summary.incomplete > 0) this.report({ ...warning('csv.incomplete', { count: this.summary.incomplete }), column: 1 }, line);
    this.checkShift(line);
    for (const s of this.seen.values()) {
      if (s.hidden > 0 && s.first) {
        this.diagnostics.push({ ...s.first, code: 'csv.moreLikeThis', params: { count: s.hidden } });
      }
    }
  }

  /** A score column left unmatched: its filled cells read as scores (numbers on or one past the scale, labels, n/a). */
  private looksLikeScore(v: string): boolean {
    const n = cellNumber(v);
    if (n !== undefined) return n >= this.fw.scale.min && n <= this.fw.scale.max + 1;
    const any: Criterion | undefined = this.fw.criteria.values().next().value;
    return any !== undefined && parseCell(v, any, this.fw, EMPTY_MAP, this.opts.words) !== undefined;
  }

  /** 1–5 answers on a 0–4 scale: never the minimum but one past the maximum, or never the minimum over many rows. */
  private checkShift(line: number): void {
    const { min, max } = this.fw.scale;
    const s = this.numbers;
    if (this.opts.map.offset !== 0 || s.cells === 0 || s.min <= min) return;
    if (s.max === max + 1 || (s.min > min && this.summary.rows >= SHIFT_MIN_ROWS)) {
      const offset = s.max > max ? max - s.max : min - s.min;
      this.report({ ...warning('csv.scaleShifted', { low: s.min, high: s.max, min, max, offset }), column: 1 }, line);
    }
  }
}

/**
 * A row's answers: a list in the file's criterion order, read through the file's shared index, so
 * a row costs a small array instead of a hash map (a hundred thousand rows stay small). Read-only.
 */
export class RowAnswers implements ReadonlyMap<string, Answer> {
  constructor(
    private readonly slots: ReadonlyMap<string, number>,
    /** the ids in slot order */
    private readonly ids: readonly string[],
    private readonly list: readonly (Answer | undefined)[],
  ) {}

  get(id: string): Answer | undefined {
    const i = this.slots.get(id);
    return i === undefined ? undefined : this.list[i];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const a of this.list) if (a !== undefined) n++;
    return n;
  }

  *entries(): MapIterator<[string, Answer]> {
    const { ids, list } = this;
    for (let i = 0; i < ids.length; i++) {
      const a = list[i];
      if (a !== undefined) yield [ids[i] as string, a];
    }
  }

  *keys(): MapIterator<string> {
    const { ids, list } = this;
    for (let i = 0; i < ids.length; i++) if (list[i] !== undefined) yield ids[i] as string;
  }

  *values(): MapIterator<Answer> {
    const { ids, list } = this;
    for (let i = 0; i < ids.length; i++) {
      const a = list[i];
      if (a !== undefined) yield a;
    }
  }

  [Symbol.iterator](): MapIterator<[string, Answer]> {
    return this.entries();
  }

  forEach(fn: (value: Answer, key: string, map: ReadonlyMap<string, Answer>) => void): void {
    for (const [id, a] of this.entries()) fn(a, id, this);
  }
}
