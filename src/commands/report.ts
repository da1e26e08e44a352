import { basename } from 'node:path';
import { evaluate } from '../core/evaluate.js';
import { snapshotOf } from '../core/plan-file.js';
import { compareAssessments, planProgress } from '../core/progress.js';
import { rejected, UserError, EXIT, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { loadPlanFile, type LoadedPlan } from '../io/plan-file.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { villagePlanView } from '../render/plan-view.js';
import { planFileView, progressView } from '../render/progress-view.js';
import { reportRenderer, type Paper, type ReportFormat } from '../render/report.js';
import { previousSnapshot } from './previous.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';
import { oneVillage } from './village.js';

export interface ReportCommandOptions {
  inputs: string[];
  criteria: string | undefined;
  format: ReportFormat;
  out: string | undefined;
  force: boolean;
  lang: UiLang;
  /** The --lang flag as given: the report's language when set, else the framework's first. */
  langFlag: string | undefined;
  template: string | undefined;
  village: string | undefined;
  paper: Paper;
  firstSteps: number;
  ignoreColumns: string[];
  /** Last time: answers files or a plan file (`--previous`). */
  previous: string[];
  /** The criteria the earlier answers were scored with, when not today's. */
  previousCriteria: string | undefined;
  /** The community's plan file (`--plan`). */
  plan: string | undefined;
}

/**
 * `village report`: one village's action plan from its answers (several files or CSV rows of the
 * same village are combined). Nothing is written when any input is rejected.
 */
export async function report(opts: ReportCommandOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  if (opts.format === 'pdf' && !opts.out && term.isTTY) {
    throw new UserError(message(lang, 'usage.pdfToTerminal'));
  }
  const fw = requireFramework(opts.criteria);
  const group = await oneVillage(opts.inputs, fw, { village: opts.village, ignoreColumns: opts.ignoreColumns, lang }, term);
  const result = evaluate(fw, group);
  const reportLang = contentLang(opts.langFlag, fw);
  let plan = villagePlanView(result, reportLang, today(), { firstSteps: opts.firstSteps });

  let planFile: LoadedPlan | null = null;
  if (opts.plan !== undefined) {
    const loaded = loadPlanFile(opts.plan, fw, result.village);
    if (!loaded.value) throw rejected(loaded.diagnostics);
    printDiagnostics(loaded.diagnostics, lang, term);
    planFile = loaded.value;
    plan = { ...plan, planFile: planFileView(planProgress(planFile.plan, fw), basename(opts.plan), fw, reportLang) };
  }
  if (opts.previous.length > 0) {
    const previousFw = opts.previousCriteria !== undefined ? requireFramework(opts.previousCriteria) : fw;
    const then = await previousSnapshot(opts.previous, result, previousFw, { lang, ignoreColumns: opts.ignoreColumns }, term);
    const progress = compareAssessments(then, snapshotOf(result), fw, planFile?.plan);
    plan = { ...plan, progress: progressView(progress, fw, reportLang) };
  }
  const renderer = await reportRenderer({ format: opts.format, template: opts.template, paper: opts.paper });
  const rendered = await renderer.render(plan);
  if (rendered.diagnostic) throw rejected([rendered.diagnostic]);
  if (!opts.out) {
    term.out(rendered.data);
    return EXIT.ok;
  }
  const failed = await writeFileSafe(opts.out, rendered.data, opts.force);
  if (failed) throw rejected([failed]);
  term.err(`${label(lang, 'out.written', { file: opts.out })}\n`);
  return EXIT.ok;
}
