import { classify, type Classification } from './classify.js';
import type { Framework } from './framework.js';
import type { VillageGroup } from './group.js';
import { scoreResponses, type Scores } from './scoring.js';

/** Everything known about one village after scoring: who answered, the scores, the level. */
export interface VillageResult {
  village: string;
  framework: Framework;
  municipality: string | null;
  lag: string | null;
  /** The latest answer date, if any. */
  date: string | null;
  /** The period the answers belong to (a year, or the `--period` range); null when not split. */
  period: string | null;
  /** Fewer respondents than `--min-respondents`: shown as "too few answers". */
  tooFew: boolean;
  respondents: number;
  respondentNames: string[];
  sources: string[];
  scores: Scores;
  classification: Classification;
}

const firstOf = (xs: (string | null)[]): string | null => xs.find((x) => x !== null) ?? null;

/** Scores and classifies one village; `voices` keeps who said what on split criteria (a plan names them; default true). Pure. */
export function evaluate(framework: Framework, group: VillageGroup, opts: { minRespondents?: number; voices?: boolean } = {}): VillageResult {
  const rs = group.responses;
  const scores = scoreResponses(framework, rs, { voices: opts.voices !== false });
  const dates = rs.map((r) => r.date).filter((d): d is string => d !== null).sort();
  return {
    village: group.village,
    framework,
    municipality: group.municipality ?? firstOf(rs.map((r) => r.municipality)),
    lag: firstOf(rs.map((r) => r.lag)),
    date: dates[dates.length - 1] ?? null,
    period: group.period ?? null,
    tooFew: rs.length < (opts.minRespondents ?? 0),
    respondents: rs.length,
    respondentNames: [...new Set(rs.map((r) => r.respondent).filter((x): x is string => x !== null))],
    sources: rs.map((r) => r.source),
    scores,
    classification: classify(framework, scores),
  };
}
