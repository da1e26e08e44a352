import type { VillageResult } from '../core/evaluate.js';
import type { Framework } from '../core/framework.js';
import { jsonResult } from './results.js';

export type Cell = string | number | null;

export interface CsvOptions {
  separator: ',' | ';' | '\t';
}

/**
 * Text a spreadsheet could run as a formula (=, +, -, @ at the start) gets a leading apostrophe:
 * village names and notes come from untrusted files.
 */
const defuse = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function cell(v: Cell, o: CsvOptions): string {
  if (v === null) return '';
  // With ";" (Excel in a Latvian locale) numbers get a decimal comma, as that Excel expects.
  const s = typeof v === 'number' ? (o.separator === ';' ? String(v).replace('.', ',') : String(v)) : defuse(v);
  return /["\r\n]/.test(s) || s.includes(o.separator) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLines(rows: readonly Cell[][], o: CsvOptions): string {
  return rows.map((r) => r.map((v) => cell(v, o)).join(o.separator)).join('\r\n') + '\r\n';
}

/**
 * One row per village: identity, level, scores per pillar and criterion (rounded), coverage. The
 * columns come from the framework, so the header is the same when no village is shown. Made line
 * by line, so ten thousand villages never sit in memory as one text.
 */
export function* resultsCsvLines(fw: Framework, results: Iterable<VillageResult>, o: CsvOptions): Generator<string> {
  const pillarIds = fw.pillars.map((p) => p.id);
  const criterionIds = [...fw.criteria.keys()];
  const header: Cell[] = [
    'village', 'municipality', 'lag', 'date', 'period', 'respondents', 'level', 'overall',
    ...pillarIds,
    ...pillarIds.map((p) => `coverage.${p}`),
    ...criterionIds,
    'disagreements', 'sources',
  ];
  yield csvLines([header], o);
  for (const r of results) {
    const j = jsonResult(r);
    yield csvLines([[
      j.village, j.municipality, j.lag, j.date, j.period, j.respondents, j.level, j.overall,
      ...pillarIds.map((p) => j.pillars[p]?.score ?? null),
      ...pillarIds.map((p) => j.pillars[p]?.coverage ?? null),
      ...criterionIds.map((c) => j.criteria[c]?.raw ?? null),
      j.disagreements.join(' '), j.sources.join(' | '),
    ]], o);
  }
}
