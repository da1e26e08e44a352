import { translator, type Framework } from '../core/framework.js';
import { fill, labelsFor, uiLangFor } from '../i18n/messages.js';
import { csvLines, type Cell, type CsvOptions } from './csv.js';
import { answersHead } from './answers-yaml.js';
import { wrap } from './wrap.js';
import { append } from '../core/limits.js';

const WIDTH = 96;

/** Text as `# ` comment lines of at most WIDTH characters, continuation lines indented. */
const comment = (text: string, indent: string, first = ''): string[] =>
  wrap(first ? `${first} ${text}` : text, WIDTH, `${indent}#   `, `${indent}#`).split('\n');

export interface BlankOptions {
  village: string;
  lang: string;
  /** Where an editor finds the answers schema (the `yaml-language-server` line). */
  schemaUrl: string;
}

/**
 * A blank answers file to hand to a village: every criterion `null`, and above each, as comments,
 * its question, the mentor's help and what every scale step means for it. Valid input for
 * `village score` as it is (all unanswered). Pure.
 */
export function blankAnswers(fw: Framework, o: BlankOptions): string {
  const L = labelsFor(uiLangFor(o.lang));
  const t = translator(fw, o.lang);
  const total = fw.criteria.size;
  const steps = [...fw.scale.labels.entries()].sort((a, b) => a[0] - b[0]);
  const lines: string[] = [
    `# yaml-language-server: $schema=${o.schemaUrl}`,
    ...comment(`${t(fw.title)} (${fw.id} ${fw.version})`, ''),
    ...comment(fill(L['blank.how2'], { min: fw.scale.min, max: fw.scale.max }), ''),
    ...comment(L['blank.note'], ''),
    ...comment(`${L['blank.scale']}: ${steps.map(([s, l]) => `${s} = ${t(l)}`).join('; ')}`, ''),
    ...answersHead(fw, { village: o.village, municipality: null, lag: null, respondent: null, date: null, language: o.lang }),
  ];
  let n = 0;
  for (const p of fw.pillars) {
    lines.push('', `  # ── ${t(p.title)} ${'─'.repeat(Math.max(3, 60 - t(p.title).length))}`);
    for (const c of p.criteria) {
      n++;
      lines.push('');
      append(lines, comment(`${n}/${total} ${t(c.title)}`, '  '));
      append(lines, comment(t(c.question), '  ', `${L['blank.question']}:`));
      if (c.help) append(lines, comment(t(c.help), '  ', `${L['blank.help']}:`));
      for (const [step, label] of steps) {
        const rubric = t(c.levels.get(step));
        append(lines, comment(`${t(label)}${rubric ? ` — ${rubric}` : ''}`, '  ', `${step}:`));
      }
      lines.push(`  ${c.id}: null`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A spreadsheet template: one header row, with criterion ids or with the question texts in
 * `lang`; `village score` reads either back.
 */
export function blankCsv(fw: Framework, headers: 'id' | 'question', lang: string, o: CsvOptions): string {
  const L = labelsFor(uiLangFor(lang));
  const t = translator(fw, lang);
  const row: Cell[] =
    headers === 'id'
      ? ['village', 'respondent', 'date', ...fw.criteria.keys()]
      : [L['col.village'], L['blank.respondent'], L['report.date'], ...[...fw.criteria.values()].map((c) => t(c.question))];
  return csvLines([row], o);
}
