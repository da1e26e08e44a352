import { join } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { evaluate, type VillageResult } from '../core/evaluate.js';
import { INCOMPLETE, UNPLACED, type Framework } from '../core/framework.js';
import { groupResponses } from '../core/group.js';
import { belowLevel, sortResults } from '../core/rank.js';
import { safeFileName } from '../core/slug.js';
import { EXIT, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import { progress } from '../io/progress.js';
import { loadResponses } from '../io/responses.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { resultsCsv, type CsvOptions } from '../render/csv.js';
import { plain } from '../render/diagnostics.js';
import { villagePlanView } from '../render/plan-view.js';
import { reportRenderer, type Paper, type ReportFormat } from '../render/report.js';
import { jsonChunks, jsonDocument } from '../render/results.js';
import { resultsTable } from '../render/table.js';
import type { ScoreFormat, Sort } from '../vocab.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';

export interface ScoreOptions {
  inputs: string[];
  criteria: string | undefined;
  format: ScoreFormat;
  group: boolean;
  lang: UiLang;
  langFlag: string | undefined;
  sort: Sort;
  levels: string[];
  failUnder: string | undefined;
  ignoreColumns: string[];
  separator: CsvOptions['separator'];
  reports: string | undefined;
  reportFormat: ReportFormat;
  template: string | undefined;
  paper: Paper;
  firstSteps: number;
  force: boolean;
}

function checkLevelIds(fw: Framework, ids: string[], lang: UiLang): void {
  const known = [...fw.levels.map((l) => l.id), INCOMPLETE, UNPLACED];
  for (const id of ids) {
    if (!known.includes(id)) {
      throw new UserError(message(lang, 'usage.unknownLevel', { id, known: known.join(', ') }));
    }
  }
}

/**
 * `village score`: scores answer files and CSV exports in one batch, grouped by village; prints a
 * table, JSON or CSV; optionally writes one action plan per village plus summary files.
 */
export async function score(opts: ScoreOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  const fw = requireFramework(opts.criteria);
  checkLevelIds(fw, [...opts.levels, ...(opts.failUnder ? [opts.failUnder] : [])], lang);
  if (opts.reports) contentLang(opts.langFlag, fw, term);

  const { files, diagnostics } = await expandInputs(opts.inputs, INPUT_EXTS);
  const bar = progress(term, files.length, label(lang, 'summary.files'));
  const loaded = await loadResponses(files, fw, { ignoreColumns: opts.ignoreColumns, onFile: () => bar.tick(), threads: Number(term.env.VILLAGE_THREADS) || undefined });
  bar.done();
  const all: Diagnostic[] = [...diagnostics, ...loaded.diagnostics];

  const evaluated = groupResponses(loaded.responses, opts.group).map((g) => evaluate(fw, g));
  const shown = sortResults(
    opts.levels.length > 0 ? evaluated.filter((r) => opts.levels.includes(r.classification.level)) : evaluated,
    opts.sort,
  );

  const errors = all.filter((d) => d.severity === 'error').map((d) => plain(d, lang));
  const warnings = all.filter((d) => d.severity === 'warning').map((d) => plain(d, lang));
  const csvOptions: CsvOptions = { separator: opts.separator };
  if (opts.format === 'json') for (const chunk of jsonChunks(shown, errors, warnings)) term.out(chunk);
  else if (opts.format === 'csv') term.out(resultsCsv(fw, shown, csvOptions));
  else if (shown.length > 0) term.out(resultsTable(shown, lang, term.color));

  if (opts.reports) {
    all.push(...(await writeReports(opts.reports, shown, errors, warnings, opts, fw)));
  }
  printDiagnostics(all, lang, term);
  const rejected = loaded.rejected + diagnostics.filter((d) => d.severity === 'error').length;
  const summary = label(lang, 'summary.line', { villages: shown.length, inputs: loaded.inputs });
  term.err(`${summary}${rejected > 0 ? `; ${label(lang, 'summary.rejected', { rejected })}` : ''}\n`);

  const below = opts.failUnder !== undefined ? shown.filter((r) => belowLevel(fw, r.classification.level, opts.failUnder ?? '')) : [];
  return hasErrors(all) || below.length > 0 ? EXIT.rejected : EXIT.ok;
}

/** One plan per village (safe, unique file names) plus summary.csv and summary.json; existing files are kept unless --force. */
async function writeReports(
  dir: string,
  results: VillageResult[],
  errors: ReturnType<typeof plain>[],
  warnings: ReturnType<typeof plain>[],
  opts: ScoreOptions,
  fw: Framework,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const renderer = await reportRenderer({ format: opts.reportFormat, template: opts.template, paper: opts.paper });
  if (renderer.diagnostic) return [renderer.diagnostic];
  const taken = new Set<string>(['summary']);
  const date = today();
  const lang = contentLang(opts.langFlag, fw);
  for (const r of results) {
    const name = safeFileName(r.village, taken);
    taken.add(name.toLowerCase());
    const rendered = await renderer.render(villagePlanView(r, lang, date, { firstSteps: opts.firstSteps }));
    if (rendered.diagnostic) return [rendered.diagnostic];
    const failed = await writeFileSafe(join(dir, `${name}.${opts.reportFormat}`), rendered.data, opts.force);
    if (failed) out.push(failed);
  }
  // Excel needs the BOM to read UTF-8 (Latvian letters) correctly.
  const csv = `\uFEFF${resultsCsv(fw, results, { separator: opts.separator })}`;
  for (const [file, data] of [
    ['summary.csv', csv],
    ['summary.json', jsonDocument(results, errors, warnings)],
  ] as const) {
    const failed = await writeFileSafe(join(dir, file), data, opts.force);
    if (failed) out.push(failed);
  }
  return out;
}
