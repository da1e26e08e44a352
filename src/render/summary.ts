import type { VillageResult } from '../core/evaluate.js';
import { pick, type Framework } from '../core/framework.js';
import { ranks } from '../core/rank.js';
import { round1OrNull as r1, round2 } from '../core/round.js';
import { label, localeOf, type UiLang } from '../i18n/messages.js';
import { csvLines, type Cell, type CsvOptions } from './csv.js';
import { levelTitle } from './table.js';

/** How a column is shown in a spreadsheet: text, a whole number, a score (one decimal) or a share (percent). */
export type ColumnKind = 'text' | 'int' | 'score' | 'share';

export interface SummarySheet {
  header: string[];
  kinds: ColumnKind[];
  rows: Cell[][];
}

/**
 * The board's summary, one row per village and period, in the UI language: rank, identity,
 * level title, overall, pillar scores and coverage, each criterion's mean raw score, the
 * criteria to discuss, the "too few answers" mark and the sources. `summary.csv` and
 * `summary.xlsx` draw from it.
 */
export function summarySheet(fw: Framework, results: readonly VillageResult[], lang: UiLang): SummarySheet {
  const t = (x: Parameters<typeof pick>[0]): string => pick(x, lang, fw.languages[0]);
  const rankOf = ranks(results);
  const cols: [string, ColumnKind][] = [
    [label(lang, 'col.rank'), 'int'],
    [label(lang, 'col.village'), 'text'],
    [label(lang, 'col.municipality'), 'text'],
    [label(lang, 'col.lag'), 'text'],
    [label(lang, 'col.period'), 'text'],
    [label(lang, 'col.date'), 'text'],
    [label(lang, 'col.respondents'), 'int'],
    [label(lang, 'col.level'), 'text'],
    [label(lang, 'col.overall'), 'score'],
    ...fw.pillars.map((p): [string, ColumnKind] => [t(p.title), 'score']),
    ...fw.pillars.map((p): [string, ColumnKind] => [label(lang, 'col.coverageOf', { pillar: t(p.title) }), 'share']),
    ...[...fw.criteria.values()].map((c): [string, ColumnKind] => [t(c.title), 'score']),
    [label(lang, 'col.disagreements'), 'text'],
    [label(lang, 'col.tooFew'), 'text'],
    [label(lang, 'col.sources'), 'text'],
  ];
  const rows = results.map((r): Cell[] => [
    rankOf.get(r) ?? null,
    r.village,
    r.municipality,
    r.lag,
    r.period,
    r.date,
    r.respondents,
    levelTitle(r, lang),
    r1(r.scores.overall),
    ...r.scores.pillars.map((p) => r1(p.score)),
    ...r.scores.pillars.map((p) => round2(p.coverage)),
    ...[...fw.criteria.keys()].map((id) => r1(r.scores.criteria.get(id)?.raw ?? null)),
    [...r.scores.criteria.values()].filter((c) => c.disagree).map((c) => t(fw.criteria.get(c.id)?.title)).join(', '),
    r.tooFew ? label(lang, 'col.tooFew') : null,
    r.sources.join(' | '),
  ]);
  return { header: cols.map((c) => c[0]), kinds: cols.map((c) => c[1]), rows };
}

/** `summary.csv`: the sheet as CSV with a BOM (Excel needs it to read UTF-8 Latvian letters). */
export const summaryCsv = (sheet: SummarySheet, o: CsvOptions): string => `\uFEFF${csvLines([sheet.header, ...sheet.rows], o)}`;

/** The separator a spreadsheet in this language expects: `;` where the locale writes a decimal comma (lv, de), `,` otherwise. */
export const defaultSeparator = (lang: UiLang): CsvOptions['separator'] =>
  new Intl.NumberFormat(localeOf(lang)).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ';' : ',';
