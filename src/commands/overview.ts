import type { VillageResult } from '../core/evaluate.js';
import type { Framework } from '../core/framework.js';
import { buildOverview, defaultStrategyLevel } from '../core/overview.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { progress } from '../io/progress.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { plain } from '../render/diagnostics.js';
import { overviewMarkdown } from '../render/overview-md.js';
import { overviewView, type Intake } from '../render/overview-view.js';
import type { Paper } from '../vocab.js';
import { VERSION } from '../version.js';
import { loadBatch, type Batch, type BatchOptions } from './batch.js';
import { printDiagnostics, requireFramework, today } from './shared.js';

export interface OverviewOptions extends BatchOptions {
  criteria: string | undefined;
  lang: UiLang;
  out: string | undefined;
  force: boolean;
  strategyLevel: string | undefined;
  firstSteps: number;
  paper: Paper;
}

/** The intake of a batch for the data-quality appendix: counts, and each file with errors and its first problem. */
export function intakeOf(batch: Batch, lang: UiLang, minRespondents: number): Intake {
  const problems = new Map<string, { file: string; errors: number; first: string }>();
  for (const d of batch.diagnostics) {
    if (d.severity !== 'error') continue;
    const file = d.file ?? '';
    const p = problems.get(file) ?? { file, errors: 0, first: `${d.line ?? 1}:${d.column ?? 1}: ${plain(d, lang).message}` };
    p.errors++;
    problems.set(file, p);
  }
  return {
    files: batch.files,
    inputs: batch.inputs,
    rejected: batch.rejected,
    duplicates: batch.duplicates,
    outside: batch.outside,
    skipped: batch.skipped,
    warnings: batch.diagnostics.filter((d) => d.severity === 'warning').length,
    problems: [...problems.values()],
    minRespondents,
  };
}

/** Checks a `--strategy-level` id against the framework; the default is `defaultStrategyLevel`. */
export function strategyLevelOf(fw: Framework, id: string | undefined, lang: UiLang): string {
  if (id === undefined) return defaultStrategyLevel(fw);
  if (!fw.levels.some((l) => l.id === id)) throw new UserError(message(lang, 'usage.unknownLevel', { id, known: fw.levels.map((l) => l.id).join(', ') }));
  return id;
}

/** The overview as Markdown and, when asked, as PDF. */
export async function renderOverview(
  fw: Framework,
  results: readonly VillageResult[],
  intake: Intake,
  o: { lang: UiLang; strategyLevel: string; firstSteps: number; pdf: boolean; paper: Paper },
): Promise<{ md: string; pdf: Buffer | null }> {
  const view = overviewView(buildOverview(fw, results, { strategyLevel: o.strategyLevel, firstSteps: o.firstSteps }), o.lang, intake);
  const md = overviewMarkdown(view, label(o.lang, 'ov.none'));
  if (!o.pdf) return { md, pdf: null };
  const { renderOverviewPdf } = await import('../render/overview-pdf.js');
  return { md, pdf: await renderOverviewPdf(view, { paper: o.paper, version: VERSION, date: today() }) };
}

/**
 * `village overview`: the LAG's overview of a batch (counts per level, R.40, ranking, heat-map,
 * change between periods, weakest and strongest questions, what to support, data quality) as
 * Markdown on standard output, or Markdown or PDF in `--out FILE` (by its extension).
 */
export async function overview(opts: OverviewOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  const fw = requireFramework(opts.criteria);
  const strategyLevel = strategyLevelOf(fw, opts.strategyLevel, lang);
  const bar = progress(term, 0, label(lang, 'summary.files'));
  const batch = await loadBatch(fw, opts, term, bar);
  bar.done();
  const pdf = opts.out?.toLowerCase().endsWith('.pdf') ?? false;
  const { md, pdf: pdfData } = await renderOverview(fw, batch.results, intakeOf(batch, lang, opts.minRespondents), { lang, strategyLevel, firstSteps: opts.firstSteps, pdf, paper: opts.paper });
  printDiagnostics(batch.diagnostics, lang, term);
  if (!opts.out) {
    term.out(md);
  } else {
    const failed = await writeFileSafe(opts.out, pdfData ?? md, opts.force);
    if (failed) throw rejected([failed]);
    term.err(`${label(lang, 'out.written', { file: opts.out })}\n`);
  }
  return batch.diagnostics.some((d) => d.severity === 'error') ? EXIT.rejected : EXIT.ok;
}
