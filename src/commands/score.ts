import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { hasErrors, warning, type Diagnostic } from '../core/diagnostic.js';
import type { VillageResult } from '../core/evaluate.js';
import { INCOMPLETE, UNPLACED, type Framework } from '../core/framework.js';
import type { PeriodSpec } from '../core/period.js';
import { belowLevel, sortResults } from '../core/rank.js';
import { safeFileName } from '../core/slug.js';
import { EXIT, UserError, type ExitCode } from '../errors.js';
import { error } from '../core/diagnostic.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { progress, type Progress } from '../io/progress.js';
import type { Terminal } from '../io/terminal.js';
import { exists, folderWriter } from '../io/write.js';
import { resultsCsvLines, type CsvOptions } from '../render/csv.js';
import { plain } from '../render/diagnostics.js';
import { villagePlanView } from '../render/plan-view.js';
import { reportRenderer, type Paper, type ReportFormat } from '../render/report.js';
import { jsonChunks, jsonDocument } from '../render/results.js';
import { intakeLine } from '../render/intake.js';
import { defaultSeparator, summaryCsv, summarySheet } from '../render/summary.js';
import { resultsTable } from '../render/table.js';
import type { ScoreFormat, Sort } from '../vocab.js';
import { VERSION } from '../version.js';
import { loadBatch, type Batch } from './batch.js';
import type { IntakeFlags } from './intake.js';
import { intakeOf, renderOverview, strategyLevelOf } from './overview.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';
import { append } from '../core/limits.js';

export interface ScoreOptions extends IntakeFlags {
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
  /** As given; unset means `,` on standard output and the language's separator in summary.csv. */
  separator: CsvOptions['separator'] | undefined;
  reports: string | undefined;
  reportFormat: ReportFormat;
  template: string | undefined;
  paper: Paper;
  firstSteps: number;
  force: boolean;
  period: PeriodSpec;
  aliases: string | undefined;
  minRespondents: number;
  strategyLevel: string | undefined;
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
 * `village score`: scores answer files and CSV exports in one batch, per village and period;
 * prints a table, JSON, CSV or xlsx; optionally writes one action plan per village plus the
 * summaries and the LAG overview.
 */
export async function score(opts: ScoreOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  const frameworkWarnings: Diagnostic[] = [];
  const fw = requireFramework(opts.criteria, frameworkWarnings);
  checkLevelIds(fw, [...opts.levels, ...(opts.failUnder ? [opts.failUnder] : [])], lang);
  const strategyLevel = strategyLevelOf(fw, opts.strategyLevel, lang);
  if (opts.format === 'xlsx' && term.isTTY) throw new UserError(message(lang, 'usage.xlsxToTerminal'));
  if (opts.reports) contentLang(opts.langFlag, fw, term);

  const bar = progress(term, 0, label(lang, 'summary.files'));
  const batch = await loadBatch(fw, { ...opts, exclude: opts.reports, notes: opts.reports !== undefined }, term, bar);
  const all: Diagnostic[] = [...frameworkWarnings, ...batch.diagnostics];
  const shown = sortResults(opts.levels.length > 0 ? batch.results.filter((r) => opts.levels.includes(r.classification.level)) : batch.results, opts.sort);

  let replaced = 0;
  if (opts.reports) {
    const written = await writeReports(opts.reports, shown, batch, opts, fw, { strategyLevel, bar, threads: Number(term.env.VILLAGE_THREADS) || undefined });
    append(all, written.diagnostics);
    replaced = written.replaced;
  }
  bar.done();

  const errors = all.filter((d) => d.severity === 'error').map((d) => plain(d, lang));
  const warnings = all.filter((d) => d.severity === 'warning').map((d) => plain(d, lang));
  const separator = opts.separator ?? ',';
  // Piece by piece, each waiting for a slow reader, so long output never piles up in memory.
  const write = async (chunks: Iterable<string>): Promise<void> => {
    for (const chunk of chunks) {
      term.out(chunk);
      await term.drained?.();
    }
  };
  if (opts.format === 'json') await write(jsonChunks(shown, errors, warnings, batch.tables));
  // Excel reads a ";" file by double-click only with the BOM; "," output stays as it was.
  else if (opts.format === 'csv') {
    if (separator === ';') term.out('\uFEFF');
    await write(resultsCsvLines(fw, shown, { separator }));
  }
  else if (opts.format === 'xlsx') {
    const { summaryXlsx } = await import('../render/xlsx.js');
    term.out(await summaryXlsx(summarySheet(fw, shown, lang), fw.id));
  } else await write(resultsTable(shown, lang, term.color));

  printDiagnostics(all, lang, term);
  for (const t of batch.tables) term.err(`${intakeLine(t, lang)}\n`);
  const parts = [label(lang, 'summary.line', { villages: shown.length, inputs: batch.inputs })];
  const rejectedCount = batch.rejected;
  if (rejectedCount > 0) parts.push(label(lang, 'summary.rejected', { rejected: rejectedCount }));
  if (batch.duplicates > 0) parts.push(label(lang, 'summary.duplicates', { count: batch.duplicates }));
  if (batch.outside > 0) parts.push(label(lang, 'summary.outside', { count: batch.outside }));
  if (replaced > 0) parts.push(label(lang, 'summary.existing', { count: replaced }));
  term.err(`${parts.join('; ')}\n`);

  const below = opts.failUnder !== undefined ? shown.filter((r) => belowLevel(fw, r.classification.level, opts.failUnder ?? '')) : [];
  // #16: say which villages fail --fail-under, so a red CI step explains itself.
  if (below.length > 0) term.err(`${label(lang, 'score.belowLevel', { level: opts.failUnder ?? '', names: below.map((r) => r.village).join(', ') })}\n`);
  return hasErrors(all) || below.length > 0 ? EXIT.rejected : EXIT.ok;
}

const PLAN_EXTS = new Set(['.md', '.pdf', '.json']);

/**
 * The reports folder, written whole or not at all: every target is checked first (one
 * diagnostic names how many exist), then the plans (PDFs on helper threads when there are many),
 * summary.csv, summary.json, summary.xlsx and overview.md (and overview.pdf) are written. With
 * --force, plans of villages no longer in the batch are reported, not deleted.
 */
async function writeReports(
  dir: string,
  results: VillageResult[],
  batch: Batch,
  opts: ScoreOptions,
  fw: Framework,
  o: { strategyLevel: string; bar: Progress; threads: number | undefined },
): Promise<{ diagnostics: Diagnostic[]; replaced: number }> {
  const lang = opts.lang;
  const taken = new Set<string>(['summary', 'overview']);
  const byName = new Map<string, VillageResult[]>();
  for (const r of results) {
    const key = r.village.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(r);
    else byName.set(key, [r]);
  }
  const planFiles = results.map((r) => {
    // Same name in two municipalities, or one village in several periods: the file name says which.
    const sameName = (byName.get(r.village.toLowerCase()) ?? []).filter((x) => x !== r);
    const muni = sameName.some((x) => x.municipality !== r.municipality) && r.municipality ? ` ${r.municipality}` : '';
    const period = sameName.some((x) => x.municipality === r.municipality) && r.period !== null ? ` ${r.period}` : '';
    const name = safeFileName(`${r.village}${muni}${period}`, taken);
    taken.add(name.toLowerCase());
    return join(dir, `${name}.${opts.reportFormat}`);
  });
  const pdf = opts.reportFormat === 'pdf';
  const summaries = ['summary.csv', 'summary.json', 'summary.xlsx', 'overview.md', ...(pdf ? ['overview.pdf'] : [])].map((f) => join(dir, f));
  const targets = [...planFiles, ...summaries];

  // A folder that is missing or empty has none of the targets (a fresh run stats nothing);
  // otherwise (also when it cannot be listed) each is checked, eight at a time (each is a stat
  // that waits on the disk), and reported in order.
  const listed = await readdir(dir).then(
    (names) => ({ names, none: names.length === 0 }),
    (e: unknown) => ({ names: [] as string[], none: (e as NodeJS.ErrnoException).code === 'ENOENT' }),
  );
  const entries = listed.names;
  const found = new Array<boolean>(targets.length).fill(false);
  if (!listed.none) {
    await eightAtATime(targets.length, async (i) => {
      found[i] = await exists(targets[i] as string);
    });
  }
  const existing = targets.filter((_, i) => found[i]);
  if (existing.length > 0 && !opts.force) {
    return { diagnostics: [{ ...error('out.existMany', { count: existing.length, dir, first: existing[0] ?? '' }), file: dir, line: 1, column: 1 }], replaced: 0 };
  }
  const out: Diagnostic[] = [];
  if (opts.force) {
    const wanted = new Set(targets);
    for (const e of [...entries].sort()) {
      const f = join(dir, e);
      if (PLAN_EXTS.has(extname(e).toLowerCase()) && !wanted.has(f) && !/^(summary|overview)\./i.test(e)) out.push({ ...warning('out.stale'), file: f, line: 1, column: 1 });
    }
  }

  // Each Markdown plan is rendered just before it is written, so a batch holds a few plans at a
  // time, not all of them; PDF plans come from the worker pool. One village's template failure is
  // that village's error: the other plans and the summaries go on.
  const content = contentLang(opts.langFlag, fw);
  const date = today();
  o.bar.extend(results.length);
  type Job = () => Promise<{ data: string | Buffer } | { diagnostic: Diagnostic }>;
  const jobs: [string, Job][] = [];
  if (pdf && !opts.template) {
    const { renderPdfs } = await import('../render/pdf-pool.js');
    const views = results.map((r) => villagePlanView(r, content, date, { firstSteps: opts.firstSteps }));
    const plans = await renderPdfs(views, { paper: opts.paper, version: VERSION }, () => o.bar.tick(), o.threads);
    planFiles.forEach((f, i) => jobs.push([f, () => Promise.resolve({ data: plans[i] ?? Buffer.alloc(0) })]));
  } else {
    const renderer = await reportRenderer({ format: opts.reportFormat, template: opts.template, paper: opts.paper });
    if (renderer.diagnostic) return { diagnostics: [renderer.diagnostic], replaced: 0 };
    planFiles.forEach((f, i) =>
      jobs.push([
        f,
        async () => {
          const result = results[i] as VillageResult;
          const rendered = await renderer.render(villagePlanView(result, content, date, { firstSteps: opts.firstSteps }));
          o.bar.tick();
          return rendered.diagnostic ? { diagnostic: rendered.diagnostic } : { data: rendered.data };
        },
      ]),
    );
  }
  const errors = batch.diagnostics.filter((d) => d.severity === 'error').map((d) => plain(d, lang));
  const warnings = batch.diagnostics.filter((d) => d.severity === 'warning').map((d) => plain(d, lang));
  const sheet = summarySheet(fw, results, lang);
  const { summaryXlsx } = await import('../render/xlsx.js');
  const overview = await renderOverview(fw, results, intakeOf(batch, lang, opts.minRespondents), {
    lang,
    strategyLevel: o.strategyLevel,
    firstSteps: opts.firstSteps,
    pdf,
    paper: opts.paper,
  });
  const ready = (data: string | Buffer): Job => () => Promise.resolve({ data });
  jobs.push(
    [join(dir, 'summary.csv'), ready(summaryCsv(sheet, { separator: opts.separator ?? defaultSeparator(lang) }))],
    [join(dir, 'summary.json'), ready(jsonDocument(results, errors, warnings))],
    [join(dir, 'summary.xlsx'), ready(await summaryXlsx(sheet, fw.id))],
    [join(dir, 'overview.md'), ready(overview.md)],
  );
  if (overview.pdf) jobs.push([join(dir, 'overview.pdf'), ready(overview.pdf)]);
  // Eight at a time: each write is flushed to disk before its rename, and the waits overlap.
  const write = folderWriter(dir);
  const failures: (Diagnostic | null)[] = new Array<Diagnostic | null>(jobs.length).fill(null);
  await eightAtATime(jobs.length, async (i) => {
    const [file, job] = jobs[i] as [string, Job];
    const made = await job();
    failures[i] = 'diagnostic' in made ? made.diagnostic : await write(basename(file), made.data, true);
  });
  for (const f of failures) if (f) out.push(f);
  return { diagnostics: out, replaced: existing.length };
}

/** Runs `task` for 0 … count − 1, at most eight at a time (each waits on the disk, and the waits overlap). */
async function eightAtATime(count: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
}
