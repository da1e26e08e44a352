import type { RuleCheck } from '../core/classify.js';
import type { VillageResult } from '../core/evaluate.js';
import type { IntakeSummary } from '../core/intake.js';
import type { CriterionScore } from '../core/scoring.js';
import { round1, round1OrNull as r1, round2 as r2 } from '../core/round.js';
import type { PlainDiagnostic } from './diagnostics.js';


export interface JsonResult {
  village: string;
  framework: string;
  municipality: string | null;
  lag: string | null;
  date: string | null;
  period: string | null;
  respondents: number;
  too_few: boolean;
  sources: string[];
  overall: number | null;
  level: string;
  pillars: Record<string, { score: number | null; coverage: number }>;
  criteria: Record<string, JsonCriterion>;
  disagreements: string[];
  next_level: { id: string; unmet: JsonCheck[] } | null;
}

type JsonCriterion = Omit<CriterionScore, 'id' | 'notes' | 'dontKnow' | 'voices'> & { dont_know: number };

type JsonCheck = Omit<RuleCheck, 'held'>;

function check(c: RuleCheck): JsonCheck {
  const { held: _held, ...rest } = c;
  const share = c.rule === 'coverage_min';
  return {
    ...rest,
    needed: share ? r2(c.needed) : c.needed,
    actual: c.actual === null ? null : share ? r2(c.actual) : round1(c.actual),
  };
}

/** One village as docs/formats.md's `village score --format json` shows it; scores rounded to one decimal. */
export function jsonResult(r: VillageResult): JsonResult {
  const pillars: JsonResult['pillars'] = {};
  for (const p of r.scores.pillars) pillars[p.id] = { score: r1(p.score), coverage: r2(p.coverage) };
  const criteria: JsonResult['criteria'] = {};
  for (const c of r.scores.criteria.values()) {
    criteria[c.id] = { raw: r1(c.raw), score: r1(c.score), min: c.min, max: c.max, n: c.n, na: c.na, dont_know: c.dontKnow, disagree: c.disagree, distribution: c.distribution };
  }
  const next = r.classification.next;
  return {
    village: r.village,
    framework: r.framework.id,
    municipality: r.municipality,
    lag: r.lag,
    date: r.date,
    period: r.period,
    respondents: r.respondents,
    too_few: r.tooFew,
    sources: r.sources,
    overall: r1(r.scores.overall),
    level: r.classification.level,
    pillars,
    criteria,
    disagreements: [...r.scores.criteria.values()].filter((c) => c.disagree).map((c) => c.id),
    next_level: next ? { id: next.id, unmet: next.unmet.map(check) } : null,
  };
}

/**
 * The JSON document of `village score`, produced piece by piece so that ten thousand villages
 * never sit in memory as one string. The text is the same as JSON.stringify(doc, null, 2).
 */
export function* jsonChunks(
  results: Iterable<VillageResult>,
  errors: PlainDiagnostic[],
  warnings: PlainDiagnostic[],
  inputs: readonly IntakeSummary[] = [],
): Generator<string> {
  // Stringified inside the same wrapper, a result gets the indentation it has in the whole document.
  const PREFIX = '{\n  "results": [\n    '.length;
  const SUFFIX = '\n  ]\n}'.length;
  yield '{\n  "results": [';
  let first = true;
  for (const r of results) {
    const json = JSON.stringify({ results: [jsonResult(r)] }, null, 2);
    yield `${first ? '' : ','}\n    ${json.slice(PREFIX, json.length - SUFFIX)}`;
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const list = (xs: PlainDiagnostic[]) => JSON.stringify(xs.map(({ severity: _s, ...x }) => x), null, 2).replace(/\n/g, '\n  ');
  const tables = JSON.stringify(inputs.map(jsonInput), null, 2).replace(/\n/g, '\n  ');
  yield `  "inputs": ${tables},\n  "errors": ${list(errors)},\n  "warnings": ${list(warnings)}\n}\n`;
}

/** One table's intake summary as `inputs[]` of `village score --format json` (docs/formats.md). */
export interface JsonInput {
  file: string;
  rows: number;
  read: number;
  rejected: number;
  incomplete: number;
  cells_dropped: number;
  columns_ignored: string[];
  encoding: string | null;
  sheet: string | null;
  errors: number;
  warnings: number;
}

export const jsonInput = (s: IntakeSummary): JsonInput => ({
  file: s.file,
  rows: s.rows,
  read: s.read,
  rejected: s.rejected,
  incomplete: s.incomplete,
  cells_dropped: s.cellsDropped,
  columns_ignored: s.columnsIgnored,
  encoding: s.encoding,
  sheet: s.sheet,
  errors: s.errors,
  warnings: s.warnings,
});

export const jsonDocument = (results: VillageResult[], errors: PlainDiagnostic[], warnings: PlainDiagnostic[]): string =>
  [...jsonChunks(results, errors, warnings)].join('');
