import { extname } from 'node:path';
import { evaluate } from '../core/evaluate.js';
import { assessmentsByYear, doneBetween } from '../core/history.js';
import { snapshotOf, snapshotOfPlan } from '../core/plan-file.js';
import { warning } from '../core/diagnostic.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { loadPlanFile } from '../io/plan-file.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { historyMarkdown, historyTable, historyView } from '../render/history.js';
import type { Paper } from '../vocab.js';
import { VERSION } from '../version.js';
import { contentLang, printDiagnostics, requireFramework } from './shared.js';
import { oneVillage } from './village.js';

export interface HistoryCommandOptions {
  inputs: string[];
  plans: string[];
  criteria: string | undefined;
  out: string | undefined;
  force: boolean;
  lang: UiLang;
  langFlag: string | undefined;
  village: string | undefined;
  paper: Paper;
  ignoreColumns: string[];
}

/**
 * `village history`: every assessment of one village (its answers grouped by year), scored with
 * one framework, as a table; with `--out x.md|x.pdf` a small report with a line chart and the
 * actions the plan files mark done between the assessments.
 */
export async function history(opts: HistoryCommandOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  const fw = requireFramework(opts.criteria);
  const group = await oneVillage(opts.inputs, fw, { village: opts.village, ignoreColumns: opts.ignoreColumns, lang }, term);
  const { assessments, undated } = assessmentsByYear(group.responses);
  printDiagnostics(
    undated.map((r) => ({ ...warning('history.undated'), file: r.source, line: 1, column: 1 })),
    lang,
    term,
  );
  if (assessments.length === 0) throw new UserError(message(lang, 'history.nothing'), EXIT.rejected);
  const snapshots = assessments.map((a) => snapshotOf(evaluate(fw, { village: group.village, key: group.key, responses: a.responses })));

  const plans = [];
  for (const file of opts.plans) {
    const loaded = loadPlanFile(file, fw, group.village);
    if (!loaded.value) throw rejected(loaded.diagnostics);
    printDiagnostics(loaded.diagnostics, lang, term);
    plans.push(loaded.value.plan);
  }
  // A plan's own assessment counts when no answers of that year were given.
  const years = new Set(snapshots.map((s) => s.date?.slice(0, 4)));
  for (const p of plans) if (p.assessment.date && !years.has(p.assessment.date.slice(0, 4))) snapshots.push(snapshotOfPlan(p));
  snapshots.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));

  const done = doneBetween(snapshots.flatMap((s) => (s.date ? [s.date] : [])), plans);
  const view = historyView(snapshots, done, fw, contentLang(opts.langFlag, fw));
  if (!opts.out) {
    term.out(historyTable(view));
    return EXIT.ok;
  }
  let data: string | Buffer;
  if (extname(opts.out).toLowerCase() === '.pdf') {
    const { renderHistoryPdf } = await import('../render/history-pdf.js');
    data = await renderHistoryPdf(view, { paper: opts.paper, version: VERSION });
  } else {
    data = historyMarkdown(view, VERSION);
  }
  const failed = await writeFileSafe(opts.out, data, opts.force);
  if (failed) throw rejected([failed]);
  term.err(`${label(lang, 'out.written', { file: opts.out })}\n`);
  return EXIT.ok;
}
