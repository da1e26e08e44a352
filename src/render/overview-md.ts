import { escapeMarkdown } from './escape.js';
import type { OverviewView, ViewTable } from './overview-view.js';

const cell = (s: string): string => escapeMarkdown(s);

function table(t: ViewTable): string[] {
  if (t.rows.length === 0) return [];
  return [
    `| ${t.header.map(cell).join(' | ')} |`,
    `| ${t.right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

/**
 * The LAG overview as Markdown: counts per level, the R.40 count with its definition, the
 * ranking, the heat-map, the change between periods, the weakest and strongest questions, what
 * the LAG could support, where respondents disagree, and the data-quality appendix.
 */
export function overviewMarkdown(v: OverviewView, none: string): string {
  const lines: string[] = [`# ${cell(v.title)}`, ''];
  if (v.subtitle) lines.push(`*${cell(v.subtitle)}*`, '');
  lines.push(cell(v.intro), '');
  for (const n of v.notes) lines.push(`> ${cell(n)}`, '');
  const section = (heading: string, body: string[]): void => {
    lines.push(`## ${cell(heading)}`, '');
    if (body.every((b) => b === '')) lines.push(none, '');
    else lines.push(...body, '');
  };
  section(v.counts.title, table(v.counts));
  section(v.strategy.heading, [`**${cell(v.strategy.count)}**`, '', cell(v.strategy.definition), '', ...(v.strategy.villages ? [cell(v.strategy.villages)] : [])]);
  section(v.ranking.heading, table(v.ranking.table));
  section(v.heat.heading, [cell(v.heat.intro), '', ...table(v.heat.table)]);
  if (v.change) section(v.change.heading, [cell(v.change.intro), '', ...table(v.change.table)]);
  section(v.weakest.heading, table(v.weakest.table));
  section(v.strongest.heading, table(v.strongest.table));
  section(v.support.heading, [cell(v.support.intro), '', ...table(v.support.actions), `- ${cell(v.support.partners)}`, `- ${cell(v.support.funding)}`]);
  section(v.disagree.heading, v.disagree.table.rows.length > 0 ? [cell(v.disagree.intro), '', ...table(v.disagree.table)] : [cell(v.disagree.intro), '', none]);
  section(v.quality.heading, [...v.quality.facts.rows.map((r) => `- ${cell(r[0] ?? '')}: ${cell(r[1] ?? '')}`), '', ...table(v.quality.problems)]);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
