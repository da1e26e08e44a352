import { hasErrors } from '../core/diagnostic.js';
import { evaluate } from '../core/evaluate.js';
import { groupResponses, villageKey } from '../core/group.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import { loadResponses } from '../io/responses.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { villagePlanView } from '../render/plan-view.js';
import { reportRenderer, type Paper, type ReportFormat } from '../render/report.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';

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
  const { files, diagnostics } = await expandInputs(opts.inputs, INPUT_EXTS);
  const loaded = await loadResponses(files, fw, { ignoreColumns: opts.ignoreColumns, threads: Number(term.env.VILLAGE_THREADS) || undefined });
  const all = [...diagnostics, ...loaded.diagnostics];
  if (hasErrors(all)) throw rejected(all);
  printDiagnostics(all, lang, term);

  let groups = groupResponses(loaded.responses);
  if (opts.village !== undefined) {
    const key = villageKey(opts.village);
    groups = groups.filter((g) => g.key === key);
    if (groups.length === 0) throw new UserError(message(lang, 'report.noVillage', { village: opts.village }), EXIT.rejected);
  }
  const [group, ...others] = groups;
  if (!group) throw new UserError(message(lang, 'report.nothing'), EXIT.rejected);
  if (others.length > 0) {
    const names = groups.map((g) => g.village);
    throw new UserError(
      message(lang, 'report.manyVillages', { count: names.length, names: names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '') }),
      EXIT.usage,
    );
  }

  const plan = villagePlanView(evaluate(fw, group), contentLang(opts.langFlag, fw, term, group.responses[0]?.language), today(), { firstSteps: opts.firstSteps });
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
