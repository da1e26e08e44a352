import { evaluate } from '../core/evaluate.js';
import { plannedIds, PLAN_LISTS } from '../core/plan-file.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { loadPlanFile } from '../io/plan-file.js';
import type { Terminal } from '../io/terminal.js';
import { exists, writeFileSafe } from '../io/write.js';
import { addToPlanFile, planFileItems, planFileYaml } from '../render/plan-file.js';
import { villagePlanView } from '../render/plan-view.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';
import { oneVillage } from './village.js';

export interface PlanCommandOptions {
  inputs: string[];
  criteria: string | undefined;
  out: string | undefined;
  update: boolean;
  force: boolean;
  lang: UiLang;
  langFlag: string | undefined;
  village: string | undefined;
  firstSteps: number;
  ignoreColumns: string[];
}

/**
 * `village plan`: writes the village's plan file (first steps and later actions, each with owner,
 * due and status for the community to fill in), or with `--update` adds to an existing one only
 * the actions it does not hold yet, leaving everything a person wrote as it was.
 */
export async function plan(opts: PlanCommandOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  if (opts.update && !opts.out) throw new UserError(message(lang, 'plan.updateNeedsOut'), EXIT.usage);
  const fw = requireFramework(opts.criteria);
  const group = await oneVillage(opts.inputs, fw, { village: opts.village, ignoreColumns: opts.ignoreColumns, lang }, term);
  const result = evaluate(fw, group);
  const view = villagePlanView(result, contentLang(opts.langFlag, fw), today(), { firstSteps: opts.firstSteps });

  if (opts.update && opts.out && (await exists(opts.out))) {
    const loaded = loadPlanFile(opts.out, fw, result.village);
    if (!loaded.value) throw rejected(loaded.diagnostics);
    printDiagnostics(loaded.diagnostics, lang, term);
    const have = plannedIds(loaded.value.plan);
    const items = planFileItems(view);
    const added = PLAN_LISTS.flatMap((list) => items[list].filter((item) => !have.has(item.id)).map((item) => ({ list, item })));
    if (added.length === 0) {
      term.err(`${label(lang, 'planfile.nothingAdded', { file: opts.out })}\n`);
      return EXIT.ok;
    }
    const text = addToPlanFile(loaded.value.parsed.doc, added);
    const failed = await writeFileSafe(opts.out, text, true);
    if (failed) throw rejected([failed]);
    term.err(`${label(lang, 'planfile.added', { file: opts.out, ids: added.map((a) => a.item.id).join(', ') })}\n`);
    return EXIT.ok;
  }

  const text = planFileYaml(view);
  if (!opts.out) {
    term.out(text);
    return EXIT.ok;
  }
  const failed = await writeFileSafe(opts.out, text, opts.force);
  if (failed) throw rejected([failed]);
  const count = PLAN_LISTS.reduce((n, list) => n + planFileItems(view)[list].length, 0);
  term.err(`${label(lang, 'planfile.written', { file: opts.out, count })}\n`);
  return EXIT.ok;
}
