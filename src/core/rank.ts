import type { VillageResult } from './evaluate.js';
import type { Framework } from './framework.js';

export const SORT_ORDERS = ['input', 'overall', 'name', 'level'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A level's rank: 0 is the top level; `incomplete` and no level rank below every level. */
export const levelRank = (fw: Framework, level: string): number => {
  const i = fw.levels.findIndex((l) => l.id === level);
  return i >= 0 ? i : fw.levels.length;
};

/** True when `level` ranks below `floor` (a level id of the framework). */
export const belowLevel = (fw: Framework, level: string, floor: string): boolean => levelRank(fw, level) > levelRank(fw, floor);

/**
 * Results in the asked order: `overall` highest first, `name` alphabetical (Latvian collation,
 * which also orders English names as expected), `level` top level first then by overall, `input`
 * as given. Ties keep input order. Pure.
 */
export function sortResults(results: readonly VillageResult[], sort: SortOrder): VillageResult[] {
  const collator = new Intl.Collator('lv', { sensitivity: 'base' });
  const overall = (r: VillageResult): number => r.scores.overall ?? -1;
  const by: Record<SortOrder, ((a: VillageResult, b: VillageResult) => number) | null> = {
    input: null,
    overall: (a, b) => overall(b) - overall(a),
    name: (a, b) => collator.compare(a.village, b.village),
    level: (a, b) => levelRank(a.framework, a.classification.level) - levelRank(b.framework, b.classification.level) || overall(b) - overall(a),
  };
  const cmp = by[sort];
  return cmp ? [...results].sort(cmp) : [...results];
}

/**
 * Rank by overall score (shown value, one decimal), highest first: 1, 2, 2, 4 … Villages with no
 * overall score or too few respondents get no rank (null). Pure.
 */
export function ranks(results: readonly VillageResult[]): Map<VillageResult, number | null> {
  const shown = (r: VillageResult): number => Math.round((r.scores.overall ?? 0) * 10 + 1e-9);
  const ranked = results.filter((r) => r.scores.overall !== null && !r.tooFew).sort((a, b) => shown(b) - shown(a));
  const out = new Map<VillageResult, number | null>(results.map((r) => [r, null]));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    out.set(r, prev && shown(prev) === shown(r) ? (out.get(prev) ?? i + 1) : i + 1);
  });
  return out;
}
