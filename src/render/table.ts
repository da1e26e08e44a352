import type { ChalkInstance } from 'chalk';
import type { VillageResult } from '../core/evaluate.js';
import { INCOMPLETE, pick, UNPLACED, type Text } from '../core/framework.js';
import { ranks } from '../core/rank.js';
import { round1 } from '../core/round.js';
import { label, localeOf, type UiLang } from '../i18n/messages.js';
import { sanitize } from './escape.js';

/** Display width of a string: characters after NFC (Latvian letters are one column each). */
export const width = (s: string): number => Array.from(s.normalize('NFC')).length;

const pad = (s: string, w: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

const truncate = (s: string, w: number): string => (width(s) <= w ? s : `${Array.from(s.normalize('NFC')).slice(0, w - 1).join('')}…`);

export function levelTitle(r: VillageResult, lang: UiLang): string {
  const id = r.classification.level;
  if (id === INCOMPLETE) return label(lang, 'level.incomplete');
  if (id === UNPLACED) return label(lang, 'level.none');
  const l = r.framework.levels.find((x) => x.id === id);
  return sanitize(pick(l?.title ?? null, lang, r.framework.languages[0]) || id);
}

/** How many criteria the respondents are split on (4.2): "" for none. */
function disagreements(r: VillageResult): string {
  let n = 0;
  for (const c of r.scores.criteria.values()) if (c.disagree) n++;
  return n > 0 ? `⚑ ${n}` : '';
}

/**
 * A plain-text table of villages, line by line: rank, village, municipality, period (when the answers have
 * one), level, overall, each pillar (by its title in the UI language), coverage, respondents,
 * disagreements. Latvian gets decimal commas; "too few answers" is marked beside the level.
 */
export function* resultsTable(results: readonly VillageResult[], lang: UiLang, color: ChalkInstance, maxVillage = 28): Generator<string> {
  const fw = results[0]?.framework;
  if (!fw) return;
  const one = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const num = (x: number | null): string => (x === null ? '—' : one.format(round1(x)));
  const rankOf = ranks(results);
  const withPeriod = results.some((r) => r.period !== null);
  const withMunicipality = results.some((r) => r.municipality !== null);
  const pillarTitle = (id: string, title: Text): string => truncate(pick(title, lang, fw.languages[0]) || id, 14);
  const header = [
    label(lang, 'col.rank'), label(lang, 'col.village'),
    ...(withMunicipality ? [label(lang, 'col.municipality')] : []),
    ...(withPeriod ? [label(lang, 'col.period')] : []),
    label(lang, 'col.level'), label(lang, 'col.overall'),
    ...fw.pillars.map((p) => sanitize(pillarTitle(p.id, p.title))), label(lang, 'col.coverage'), label(lang, 'col.respondents'), label(lang, 'col.discuss'),
  ];
  const first = 2 + (withMunicipality ? 1 : 0) + (withPeriod ? 1 : 0);
  // Each row is made twice (once for the column widths, once to print it), so a table of twenty
  // thousand villages is never held whole.
  const rowOf = (r: VillageResult): string[] => {
    const scored = r.scores.pillars.reduce((s, p) => s + p.scored, 0);
    const total = r.scores.pillars.reduce((s, p) => s + p.total, 0);
    const rank = rankOf.get(r);
    return [
      rank === null || rank === undefined ? '—' : String(rank), truncate(sanitize(r.village), maxVillage),
      ...(withMunicipality ? [truncate(sanitize(r.municipality ?? ''), 22)] : []),
      ...(withPeriod ? [r.period ?? ''] : []),
      r.tooFew ? `${levelTitle(r, lang)} (${label(lang, 'col.tooFew')})` : levelTitle(r, lang), num(r.scores.overall),
      ...r.scores.pillars.map((p) => num(p.score)), `${Math.round((scored / total) * 100)}%`, String(r.respondents),
      disagreements(r),
    ];
  };
  const widths = header.map(width);
  for (const r of results) rowOf(r).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const numeric = (i: number): boolean => i === 0 || i > first;
  const line = (cells: string[], style: (i: number, s: string) => string = (_i, x) => x): string =>
    cells.map((c, i) => style(i, pad(c, widths[i] ?? 0, numeric(i)))).join('  ').trimEnd();
  const levelColor = (r: VillageResult, s: string): string => {
    if (r.tooFew) return color.dim(s);
    const i = r.framework.levels.findIndex((l) => l.id === r.classification.level);
    return i === 0 ? color.green(s) : i < 0 ? color.dim(s) : i < r.framework.levels.length - 1 ? color.cyan(s) : s;
  };
  yield `${color.bold(line(header))}\n`;
  for (const r of results) yield `${line(rowOf(r), (i, s) => (i === first ? levelColor(r, s) : s))}\n`;
}
