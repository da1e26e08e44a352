import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { evaluate, type VillageResult } from '../core/evaluate.js';
import type { Framework } from '../core/framework.js';
import { groupBatch } from '../core/group.js';
import { nameKey, sourceAt } from '../core/identity.js';
import type { PeriodSpec } from '../core/period.js';
import { append } from '../core/limits.js';
import { rejected } from '../errors.js';
import { tuneHeapForBatch } from '../io/heap.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import type { IntakeSummary } from '../core/intake.js';
import { readYaml } from '../io/load.js';
import type { Progress } from '../io/progress.js';
import { loadResponses } from '../io/responses.js';
import type { Terminal } from '../io/terminal.js';
import { tableOptions, type IntakeFlags } from './intake.js';

/** What `score`, `overview` and `report` share: which answers to read and how to group them. */
export interface BatchOptions extends IntakeFlags {
  inputs: string[];
  group: boolean;
  period: PeriodSpec;
  aliases: string | undefined;
  minRespondents: number;
  /** false: the answers' notes are not kept (no plan or overview is written from them). */
  notes?: boolean;
  /** The reports folder of this run: never read as input. */
  exclude?: string | undefined;
}

export interface Batch {
  results: VillageResult[];
  diagnostics: Diagnostic[];
  files: number;
  inputs: number;
  rejected: number;
  duplicates: number;
  outside: number;
  /** Files not read because the kit wrote them (a reports folder, a summary). */
  skipped: string[];
  /** What was read from each table (CSV, xlsx): rows, read, rejected, cells dropped, columns ignored. */
  tables: IntakeSummary[];
}

/** Reads `--aliases FILE`: a YAML mapping of spellings to villages, keyed by the spelling's name key. */
export function loadAliases(file: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!file) return out;
  const { parsed, diagnostics } = readYaml(file);
  if (!parsed) throw rejected(diagnostics);
  const data = parsed.data;
  const ok = data !== null && typeof data === 'object' && !Array.isArray(data) && Object.values(data).every((v) => typeof v === 'string' && v.trim() !== '');
  if (!ok) throw rejected([{ ...error('aliases.bad'), file, line: 1, column: 1 }]);
  for (const [spelling, village] of Object.entries(data as Record<string, string>)) out.set(nameKey(spelling), village);
  return out;
}

/** A file the kit wrote: inside this run's reports folder, or a `summary.csv` beside its `summary.json`. */
function ownOutput(file: string, exclude: string | undefined): 'folder' | 'summary' | null {
  if (exclude !== undefined && resolve(file).startsWith(resolve(exclude) + sep)) return 'folder';
  if (basename(file).toLowerCase() === 'summary.csv' && existsSync(join(dirname(file), 'summary.json'))) return 'summary';
  return null;
}

/**
 * Loads a batch of answers and scores it per village and period: files and folders, the kit's
 * own output left out, identical answer sets counted once, aliases applied; results carry
 * "too few answers" under `--min-respondents`.
 */
export async function loadBatch(fw: Framework, opts: BatchOptions, term: Terminal, bar: Progress): Promise<Batch> {
  tuneHeapForBatch();
  const aliases = loadAliases(opts.aliases);
  const expanded = await expandInputs(opts.inputs, INPUT_EXTS);
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  const skipped: string[] = [];
  const files = expanded.files.filter((f) => {
    const own = ownOutput(f, opts.exclude);
    if (own) skipped.push(f);
    if (own === 'summary') diagnostics.push({ ...warning('batch.ownOutput'), file: f, line: 1, column: 1 });
    return own === null;
  });
  bar.extend(files.length);
  const loaded = await loadResponses(files, fw, { tables: tableOptions(opts, fw), notes: opts.notes !== false, onFile: () => bar.tick(), threads: Number(term.env.VILLAGE_THREADS) || undefined });
  append(diagnostics, loaded.diagnostics);

  const grouping = groupBatch(loaded.responses, { group: opts.group, aliases, period: opts.period });
  append(diagnostics, grouping.diagnostics);
  // Each village's answer sets are let go once it is scored: a batch holds scores, not answers.
  loaded.responses.length = 0;
  const results = grouping.groups.map((g) => {
    const result = evaluate(fw, g, { minRespondents: opts.minRespondents, voices: opts.notes !== false });
    g.responses = [];
    return result;
  });
  append(diagnostics, fewRespondents(results, opts.minRespondents));
  return {
    results,
    diagnostics,
    files: files.length,
    inputs: loaded.inputs,
    rejected: loaded.rejected + expanded.diagnostics.filter((d) => d.severity === 'error').length,
    duplicates: grouping.duplicates,
    outside: grouping.outside,
    skipped,
    tables: loaded.tables,
  };
}

/** Villages with too few respondents: marked under `--min-respondents`, else warned about when the others have many. */
function fewRespondents(results: readonly VillageResult[], min: number): Diagnostic[] {
  const at = (r: VillageResult): Pick<Diagnostic, 'file' | 'line' | 'column'> => sourceAt(r.sources[0] ?? '');
  if (min > 0) {
    return results.filter((r) => r.tooFew).map((r) => ({ ...warning('batch.fewRespondents', { village: r.village, count: r.respondents, min }), ...at(r) }));
  }
  const counts = results.map((r) => r.respondents).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? 0;
  if (results.length < 3 || median < 4) return [];
  return results.filter((r) => r.respondents === 1).map((r) => ({ ...warning('batch.lonely', { village: r.village, count: r.respondents, median }), ...at(r) }));
}
