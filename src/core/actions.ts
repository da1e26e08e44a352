import type { VillageResult } from './evaluate.js';
import { span, type Framework, type Timeframe } from './framework.js';

export interface PlanAction {
  rank: number;
  id: string;
  criterion: string;
  pillar: string;
  timeframe: Timeframe | null;
  partners: string[];
  /** weight × gap: pillar weight × criterion weight × (scale.max − raw) / scale width. */
  priority: number;
}

/**
 * The actions whose `below` is not yet reached, most important first: weight × gap, where the
 * weight is pillar weight × criterion weight and the gap is how far the criterion's raw score is
 * from the top of the scale. Within one criterion the earlier steps (lower `below`) come first.
 */
export function rankActions(fw: Framework, result: VillageResult): PlanAction[] {
  const width = span(fw.scale);
  const found: (PlanAction & { order: number; below: number })[] = [];
  let order = 0;
  for (const p of fw.pillars) {
    for (const c of p.criteria) {
      const raw = result.scores.criteria.get(c.id)?.raw ?? null;
      for (const a of c.actions) {
        order++;
        if (raw === null || raw >= a.below) continue;
        found.push({
          rank: 0,
          id: a.id,
          criterion: c.id,
          pillar: p.id,
          timeframe: a.timeframe,
          partners: [...a.partners],
          priority: (p.weight * c.weight * (fw.scale.max - raw)) / width,
          order,
          below: a.below,
        });
      }
    }
  }
  found.sort((a, b) => b.priority - a.priority || (a.criterion === b.criterion ? a.below - b.below : 0) || a.order - b.order);
  return found.map(({ order: _o, below: _b, ...a }, i) => ({ ...a, rank: i + 1 }));
}

