import { basename, dirname, extname, join } from 'node:path';
import { rejected } from '../../errors.js';
import { fill } from '../../i18n/messages.js';
import type { Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { exists, writeFileSafe } from '../../io/write.js';
import type { PlanView } from '../../render/plan-view.js';
import { reportRenderer, type ReportFormat } from '../../render/report.js';
import type { Labels } from './screens.js';

/** The result screen: pillar scores, the level and what the next level still needs. */
export function printResult(plan: PlanView, title: string, L: Labels, term: Terminal): void {
  term.out(`${title}\n\n${term.color.bold(L['assess.result'])}\n`);
  for (const p of plan.pillars) term.out(`  ${p.title}: ${p.scoreText} (${p.coverageText} ${L['report.coverage']})\n`);
  term.out(`  ${L['col.overall']}: ${plan.overallText}\n\n${term.color.bold(`${L['report.level']}: ${plan.level.title}`)}\n`);
  if (plan.next) {
    term.out(`${L['report.next']}: ${plan.next.title}\n`);
    for (const u of plan.next.unmet) term.out(`  • ${u}\n`);
  }
  term.out('\n');
}

/** Offers the plan as Markdown or PDF beside the answers file (asking before replacing one). */
export async function offerPlan(file: string, plan: PlanView, L: Labels, term: Terminal, prompts: Prompts): Promise<void> {
  const format = await prompts.choose<ReportFormat | null>(L['assess.writePlan'], [
    { value: 'md', name: L['assess.planMd'] },
    { value: 'pdf', name: L['assess.planPdf'] },
    { value: null, name: L['assess.planNo'] },
  ]);
  if (format === null) return;
  const out = join(dirname(file), `${basename(file, extname(file))}-plan.${format}`);
  if (await exists(out)) {
    const replace = await prompts.choose(fill(L['assess.overwrite'], { file: out }), [
      { value: false, name: L['assess.no'] },
      { value: true, name: L['assess.yes'] },
    ]);
    if (!replace) return;
  }
  const renderer = await reportRenderer({ format, paper: 'a4' });
  const rendered = await renderer.render(plan);
  if (rendered.diagnostic) return;
  const failed = await writeFileSafe(out, rendered.data, true);
  if (failed) throw rejected([failed]);
  term.out(`${term.color.green(fill(L['assess.planWritten'], { file: out }))}\n`);
}
