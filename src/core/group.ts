import type { Response } from './answers.js';

/** One village's responses, scored together. */
export interface VillageGroup {
  /** The name as first written (trimmed). */
  village: string;
  key: string;
  responses: Response[];
}

/** Villages are the same when their names match after trimming, Unicode NFC and case-folding. */
export const villageKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

/**
 * Groups responses by village, in order of first appearance; with `group: false` every
 * response is its own group. Pure.
 */
export function groupResponses(responses: readonly Response[], group = true): VillageGroup[] {
  if (!group) return responses.map((r) => ({ village: r.village, key: villageKey(r.village), responses: [r] }));
  const groups = new Map<string, VillageGroup>();
  for (const r of responses) {
    const key = villageKey(r.village);
    const g = groups.get(key);
    if (g) g.responses.push(r);
    else groups.set(key, { village: r.village.trim(), key, responses: [r] });
  }
  return [...groups.values()];
}
