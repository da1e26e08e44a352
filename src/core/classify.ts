import { INCOMPLETE, UNPLACED, type Framework, type Level, type Rules } from './framework.js';
import { round1 } from './round.js';
import type { Scores } from './scoring.js';
import { append } from './limits.js';

/** One condition of a level, checked against a village's scores. */
export interface RuleCheck {
  rule: RuleKind | 'coverage_min';
  held: boolean;
  /** The threshold: a score (0–100), a raw score (criteria_min), a pillar count, or a share (coverage). */
  needed: number;
  /** The village's value; null when there is no score. */
  actual: number | null;
  pillar?: string;
  criterion?: string;
  /** pillars_min_count: the score a pillar needs to count. */
  min?: number;
}

/** What the rules read: the overall score, the pillar scores and the criteria's raw scores. `Scores` is one. */
export interface ScoreView {
  overall: number | null;
  pillars: readonly { id: string; score: number | null }[];
  criteria: ReadonlyMap<string, { raw: number | null }>;
}

/** A value meets a threshold when the value as shown (round1) reaches it; no value never does. */
export const meets = (x: number | null | undefined, needed: number): boolean =>
  x !== null && x !== undefined && round1(x) >= needed;

type Check = (value: never, scores: ScoreView) => RuleCheck[];

/** The rule kinds of a level, each a function from its value and the scores to checks. */
export const RULES = {
  overall_min: (needed: number, s: ScoreView): RuleCheck[] => [
    { rule: 'overall_min', held: meets(s.overall, needed), needed, actual: s.overall },
  ],
  pillar_min: (needed: number, s: ScoreView): RuleCheck[] =>
    s.pillars.map((p) => ({
      rule: 'pillar_min',
      held: meets(p.score, needed),
      needed,
      actual: p.score,
      pillar: p.id,
    })),
  pillars_min_count: (v: { count: number; min: number }, s: ScoreView): RuleCheck[] => {
    const actual = s.pillars.filter((p) => meets(p.score, v.min)).length;
    return [{ rule: 'pillars_min_count', held: actual >= v.count, needed: v.count, actual, min: v.min }];
  },
  criteria_min: (v: Readonly<Record<string, number>>, s: ScoreView): RuleCheck[] =>
    Object.entries(v).map(([criterion, needed]) => {
      const actual = s.criteria.get(criterion)?.raw ?? null;
      return { rule: 'criteria_min', held: meets(actual, needed), needed, actual, criterion };
    }),
} satisfies Record<keyof Rules, Check>;

export type RuleKind = keyof typeof RULES;

/** Every check of a level's rules, in the order the rules are written; values are compared as shown (round1). */
export function checkRules(rules: Rules, scores: ScoreView): RuleCheck[] {
  const out: RuleCheck[] = [];
  for (const [kind, value] of Object.entries(rules) as [RuleKind, never][]) {
    append(out, (RULES[kind] as Check)(value, scores));
  }
  return out;
}

export interface Classification {
  /** A level id of the framework, `incomplete`, or `none` when no level holds. */
  level: string;
  /** The checks of the reached level (all held); empty for `incomplete` and rule-less levels. */
  held: RuleCheck[];
  /**
   * The level above the one reached and what is still unmet for it; for `incomplete`, the level
   * the scores would reach and the pillars lacking data. Null at the top level.
   */
  next: { id: string; unmet: RuleCheck[] } | null;
}

/**
 * Places a village at a level: `incomplete` when a pillar's coverage is below the framework's
 * coverage_min, else the first level whose rules all hold. Pure.
 */
export function classify(framework: Framework, scores: Scores): Classification {
  const reachedIndex = framework.levels.findIndex((l) => checkRules(l.rules, scores).every((c) => c.held));
  const gaps: RuleCheck[] = scores.pillars
    .filter((p) => p.coverage < framework.coverageMin)
    .map((p) => ({ rule: 'coverage_min', held: false, needed: framework.coverageMin, actual: p.coverage, pillar: p.id }));

  if (gaps.length > 0) {
    const would = framework.levels[reachedIndex];
    return { level: INCOMPLETE, held: [], next: would ? { id: would.id, unmet: gaps } : null };
  }
  const reached: Level | undefined = framework.levels[reachedIndex];
  if (!reached) {
    // No level holds and the framework has no fallback level (validate warns about that).
    const last = framework.levels[framework.levels.length - 1];
    return {
      level: UNPLACED,
      held: [],
      next: last ? { id: last.id, unmet: checkRules(last.rules, scores).filter((c) => !c.held) } : null,
    };
  }
  const above = framework.levels[reachedIndex - 1];
  return {
    level: reached.id,
    held: checkRules(reached.rules, scores),
    next: above ? { id: above.id, unmet: checkRules(above.rules, scores).filter((c) => !c.held) } : null,
  };
}
