import type { ChalkInstance } from 'chalk';
import type { Answer } from '../core/answers.js';
import { translator, type Criterion, type Framework } from '../core/framework.js';
import type { Progress } from '../core/session.js';
import { fill, type LabelKey } from '../i18n/messages.js';
import type { Item } from '../io/prompts.js';
import { wrap } from './wrap.js';

export type QuestionChoice =
  | { kind: 'score'; score: number }
  | { kind: 'na' }
  | { kind: 'skip' }
  | { kind: 'back' }
  | { kind: 'overview' }
  | { kind: 'review' };

type Labels = Record<LabelKey, string>;

export function answerText(a: Answer | undefined, fw: Framework, lang: string, L: Labels): string {
  if (!a || a.score === null) return L['assess.unanswered'];
  if (a.score === 'n/a') return 'n/a';
  return `${a.score} — ${translator(fw, lang)(fw.scale.labels.get(a.score))}`;
}

/**
 * What the mentor reads aloud: the pillar, the position ("Criterion 5 of 21", and within the
 * pillar), the question, the help for the mentor, and the answer so far. Pure.
 */
export function questionHeader(
  fw: Framework,
  c: Criterion,
  p: Progress,
  answer: Answer | undefined,
  lang: string,
  L: Labels,
  color: ChalkInstance,
  width: number,
): string {
  const t = translator(fw, lang);
  const pillar = fw.pillars.find((x) => x.id === c.pillarId);
  const bar = `${'■'.repeat(p.answered)}${'□'.repeat(p.total - p.answered)}`;
  const lines = [
    color.dim(`${fill(L['assess.position'], { position: p.position, total: p.total })}  ${bar}`),
    color.cyan(fill(L['assess.pillarProgress'], { pillar: t(pillar?.title), position: p.pillarPosition, count: p.pillarTotal, answered: p.pillarAnswered })),
    '',
    color.bold(t(c.title)),
    wrap(t(c.question), width),
  ];
  if (c.help) lines.push('', color.dim(wrap(`${L['assess.help']}: ${t(c.help)}`, width)));
  if (answer && answer.score !== null) {
    lines.push('', color.yellow(fill(L['assess.current'], { answer: answerText(answer, fw, lang, L) })));
    if (answer.note) lines.push(color.yellow(wrap(`“${answer.note}”`, width, '  ')));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The choices of the question screen: every scale step with its label and what it means for this
 * criterion (the rubric), then n/a, skip (or keep), back, the overview and the review.
 */
export function questionChoices(fw: Framework, c: Criterion, answer: Answer | undefined, lang: string, L: Labels): Item<QuestionChoice>[] {
  const t = translator(fw, lang);
  const items: Item<QuestionChoice>[] = [];
  for (let s = fw.scale.min; s <= fw.scale.max; s++) {
    const rubric = t(c.levels.get(s));
    items.push({ value: { kind: 'score', score: s }, name: `${s} · ${t(fw.scale.labels.get(s))}${rubric ? ` — ${rubric}` : ''}` });
  }
  const answered = answer !== undefined && answer.score !== null;
  items.push(
    { value: { kind: 'na' }, name: L['assess.na'] },
    'separator',
    { value: { kind: 'skip' }, name: answered ? L['assess.keep'] : L['assess.skip'] },
    { value: { kind: 'back' }, name: L['assess.back'] },
    { value: { kind: 'overview' }, name: L['assess.overview'] },
    { value: { kind: 'review' }, name: L['assess.toReview'] },
  );
  return items;
}
