import { basename, dirname, extname, join } from 'node:path';
import { rejected } from '../../errors.js';
import { fill } from '../../i18n/messages.js';
import type { Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { exists, writeFileSafe } from '../../io/write.js';
import type { PlanView } from '../../render/plan-view.js';
import { reportRenderer, type ReportFormat } from '../../render/report.js';
import { wrap } from '../../render/wrap.js';
import type { Labels } from './screens.js';

/** The result screen as text: pillar scores (scored of total), the level, what the next level still needs, what to find out and the change since last time. */
export function resultText(plan: PlanView, title: string, L: Labels, term: Terminal): string {
  const out = [title, '', term.color.bold(L['assess.result'])];
  for (const p of plan.pillars) out.push(`  ${p.title}: ${p.scoreText} (${p.coverageText} ${L['report.coverage']})`);
  out.push(`  ${L['col.overall']}: ${plan.overallText}`, '', term.color.bold(`${L['report.level']}: ${plan.level.title}`));
  if (plan.next) {
    out.push(`${L['report.next']}: ${plan.next.title}`);
    for (const u of plan.next.unmet) out.push(`  • ${u}`);
  }
  // #14b: what nobody knew, and (with --previous) the change since last time: short lines, so every choice stays on screen.
  const width = Math.max(40, Math.min(term.columns, 110) - 2);
  if (plan.findOut.length > 0) out.push(wrap(`${L['report.findOut']}: ${plan.findOut.map((c) => c.title).join(', ')}`, width, '  ', ''));
  if (plan.progress) {
    const o = plan.progress.overall;
    out.push(wrap(`${plan.progress.heading}: ${plan.progress.levelLine} · ${L['col.overall']}: ${o.then} → ${o.now}${o.delta ? ` (${o.delta})` : ''}`, width, '  ', ''));
  }
  return out.join('\n');
}

export type ResultChoice = 'md' | 'pdf' | 'both' | 'back' | 'done';

/** The end of a session: write the plan (Markdown, PDF or both) beside the answers, go back to the answers, or stop. */
export async function resultScreen(file: string, plan: PlanView, above: string, L: Labels, term: Terminal, prompts: Prompts): Promise<'back' | 'done'> {
  let written: string[] = [];
  for (;;) {
    const status = written.map((f) => term.color.green(fill(L['assess.planWritten'], { file: f }))).join('\n');
    const choice = await prompts.choose<ResultChoice>(L['assess.writePlan'], [
      { value: 'md', name: L['assess.planMd'], key: 'm' },
      { value: 'pdf', name: L['assess.planPdf'], key: 'p' },
      { value: 'both', name: L['assess.planBoth'], key: 'a' },
      { value: 'back', name: L['assess.backToAnswers'], key: 'b' },
      { value: 'done', name: L['assess.planNo'], key: 'q' },
    ], { above: status ? `${above}\n\n${status}` : above, hint: L['assess.listKeys'] });
    if (choice === 'back' || choice === 'done') return choice;
    written = [];
    for (const format of choice === 'both' ? (['md', 'pdf'] as const) : [choice]) {
      const out = await writePlan(file, format, plan, L, prompts, above);
      if (out) written.push(out);
    }
  }
}

/** Writes one plan beside the answers file (asking before replacing one); returns its name, or null. */
async function writePlan(file: string, format: ReportFormat, plan: PlanView, L: Labels, prompts: Prompts, above: string): Promise<string | null> {
  const out = join(dirname(file), `${basename(file, extname(file))}-plan.${format}`);
  if (await exists(out)) {
    const replace = await prompts.choose(fill(L['assess.overwrite'], { file: out }), [
      { value: false, name: L['assess.no'], key: 'n' },
      { value: true, name: L['assess.yes'], key: 'y' },
    ], { above, hint: L['assess.listKeys'] });
    if (!replace) return null;
  }
  const renderer = await reportRenderer({ format, paper: 'a4' });
  const rendered = await renderer.render(plan);
  if (rendered.diagnostic) return null;
  const failed = await writeFileSafe(out, rendered.data, true);
  if (failed) throw rejected([failed]);
  return out;
}
