import { basename } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { evaluate } from '../core/evaluate.js';
import { groupBatch, villageKey, type VillageGroup } from '../core/group.js';
import { nameKey } from '../core/identity.js';
import type { PeriodSpec } from '../core/period.js';
import { suggest } from '../core/suggest.js';
import { snapshotOf } from '../core/plan-file.js';
import { compareAssessments, planProgress } from '../core/progress.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import { loadPlanFile, type LoadedPlan } from '../io/plan-file.js';
import { loadResponses } from '../io/responses.js';
import type { Terminal } from '../io/terminal.js';
import { villagesOf } from '../io/whose.js';
import { writeFileSafe } from '../io/write.js';
import { villagePlanView } from '../render/plan-view.js';
import { planFileView, progressView } from '../render/progress-view.js';
import { reportRenderer, type Paper, type ReportFormat } from '../render/report.js';
import { loadAliases } from './batch.js';
import { previousSnapshot } from './previous.js';
import { tableOptions, type IntakeFlags } from './intake.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';

export interface ReportCommandOptions extends IntakeFlags {
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
  /** Last time: answers files or a plan file (`--previous`). */
  previous: string[];
  /** The criteria the earlier answers were scored with, when not today's. */
  previousCriteria: string | undefined;
  /** The community's plan file (`--plan`). */
  plan: string | undefined;
  municipality?: string | undefined;
  period?: PeriodSpec;
  aliases?: string | undefined;
}

/**
 * With --village: the diagnostics that concern that village (or whose village cannot be told),
 * and how many concern only other villages. Without it: all of them.
 */
function ownProblems(all: Diagnostic[], wanted: Set<string> | null): { own: Diagnostic[]; others: number } {
  if (!wanted) return { own: all, others: 0 };
  const own: Diagnostic[] = [];
  let others = 0;
  for (const d of all) {
    const vs = villagesOf(d);
    if (vs === null || vs.some((v) => wanted.has(v))) own.push(d);
    else others++;
  }
  return { own, others };
}

/**
 * `village report`: one village's action plan from its answers (several files or CSV rows of the
 * same village are combined). Everything is loaded; with --village only that village's problems
 * count, and nothing is written when its own inputs are rejected.
 */
export async function report(opts: ReportCommandOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  if (opts.format === 'pdf' && !opts.out && term.isTTY) {
    throw new UserError(message(lang, 'usage.pdfToTerminal'));
  }
  const fw = requireFramework(opts.criteria);
  const aliases = loadAliases(opts.aliases);
  const { files, diagnostics } = await expandInputs(opts.inputs, INPUT_EXTS);
  const loaded = await loadResponses(files, fw, { tables: tableOptions(opts, fw), threads: Number(term.env.VILLAGE_THREADS) || undefined });
  const grouping = groupBatch(loaded.responses, { aliases, period: opts.period ?? { kind: 'year' } });

  let groups: VillageGroup[] = grouping.groups;
  let wanted: Set<string> | null = null;
  if (opts.village !== undefined) {
    const key = villageKey(aliases.get(villageKey(opts.village)) ?? opts.village);
    // The spellings that mean this village: its own, and every alias that points to it.
    wanted = new Set([key, ...[...aliases.entries()].filter(([, v]) => villageKey(v) === key).map(([k]) => k)]);
    groups = groups.filter((g) => g.key.split('\u0000')[0] === key);
    if (opts.municipality !== undefined) groups = groups.filter((g) => nameKey(g.municipality ?? '') === nameKey(opts.municipality ?? ''));
  }
  const { own, others } = ownProblems([...diagnostics, ...loaded.diagnostics, ...grouping.diagnostics], wanted);
  if (hasErrors(own)) throw rejected(own);
  printDiagnostics(own, lang, term);
  if (others > 0) term.err(`${label(lang, 'report.othersHidden', { count: others })}\n`);

  if (opts.village !== undefined && groups.length === 0) {
    const suggestion = suggest(opts.village, new Set(grouping.groups.map((g) => g.village)));
    const text = suggestion
      ? message(lang, 'report.noVillageSuggest', { village: opts.village, suggestion })
      : message(lang, 'report.noVillage', { village: opts.village });
    throw new UserError(text, EXIT.rejected);
  }
  const identities = [...new Set(groups.map((g) => g.key))];
  if (opts.village !== undefined && identities.length > 1) {
    const municipalities = groups.map((g) => g.municipality ?? '—');
    throw new UserError(message(lang, 'report.manyMunicipalities', { village: opts.village, municipalities: [...new Set(municipalities)].join(', ') }), EXIT.usage);
  }
  if (identities.length > 1) {
    const names = [...new Set(groups.map((g) => g.village))];
    throw new UserError(
      message(lang, 'report.manyVillages', { count: names.length, names: names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '') }),
      EXIT.usage,
    );
  }
  // One village, maybe several periods: the latest one is the plan.
  const sorted = [...groups].sort((a, b) => ((a.period ?? '') < (b.period ?? '') ? -1 : 1));
  const group = sorted[sorted.length - 1];
  if (!group) throw new UserError(message(lang, 'report.nothing'), EXIT.rejected);
  if (sorted.length > 1) term.err(`${label(lang, 'report.otherPeriods', { periods: sorted.slice(0, -1).map((g) => g.period ?? '').join(', ') })}\n`);

  const result = evaluate(fw, group);
  const reportLang = contentLang(opts.langFlag, fw, term, group.responses[0]?.language);
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
