import type { ChalkInstance } from 'chalk';
import type { Answer } from '../core/answers.js';
import { translator, type Criterion, type Framework } from '../core/framework.js';
import type { Progress } from '../core/session.js';
import { fill, type LabelKey } from '../i18n/messages.js';
import { fitLine, textWidth, visible, type Frame, type Size } from '../io/prompts.js';
import { wrap } from './wrap.js';

export type QuestionChoice =
  | { kind: 'score'; score: number }
  | { kind: 'na' }
  | { kind: 'dontKnow' }
  | { kind: 'skip' }
  | { kind: 'back' }
  | { kind: 'overview' }
  | { kind: 'review' };

type Labels = Record<LabelKey, string>;

export function answerText(a: Answer | undefined, fw: Framework, lang: string, L: Labels): string {
  if (!a || a.score === null) return L['assess.unanswered'];
  if (a.score === 'n/a') return 'n/a';
  if (a.score === 'dont-know') return L['assess.dontKnowShort'];
  return `${a.score} — ${translator(fw, lang)(fw.scale.labels.get(a.score))}`;
}

/** Everything one question screen shows, in the session's language; drawn to fit by `questionFrame`. */
export interface QuestionView {
  village: string;
  position: string;
  /** The progress as glyphs (left out in plain mode). */
  bar: string;
  pillar: string;
  /** The pillar's description (its definition, read aloud) on the pillar's first question while it is open; else null. */
  pillarAbout: string | null;
  title: string;
  question: string;
  help: string | null;
  /** "Answer so far: …" and its note, when the criterion has one (or a note without a score). */
  current: string[];
  /** Last assessment's score and note (--previous). */
  previous: string[];
  /** Scale steps, then n/a and don't know: what the cursor moves over. */
  choices: { value: QuestionChoice; key: string; label: string; rubric: string }[];
  keyLine: string;
  status: string;
}

/** Builds the view of a criterion. Pure. */
export function questionView(
  fw: Framework,
  c: Criterion,
  p: Progress,
  answer: Answer | undefined,
  lang: string,
  L: Labels,
  extra: { village: string; previous?: Answer | undefined; previousDate?: string | null; status: string },
): QuestionView {
  const t = translator(fw, lang);
  const pillar = fw.pillars.find((x) => x.id === c.pillarId);
  const choices: QuestionView['choices'] = [];
  const digits = fw.scale.min >= 0 && fw.scale.max <= 9;
  for (let s = fw.scale.min; s <= fw.scale.max; s++) {
    choices.push({ value: { kind: 'score', score: s }, key: digits ? String(s) : '', label: `${s} · ${t(fw.scale.labels.get(s))}`, rubric: t(c.levels.get(s)) });
  }
  choices.push({ value: { kind: 'na' }, key: 'n', label: L['assess.notApplicable'], rubric: '' });
  choices.push({ value: { kind: 'dontKnow' }, key: 'd', label: L['assess.dontKnow'], rubric: '' });
  const current: string[] = [];
  if (answer && (answer.score !== null || answer.note)) {
    current.push(fill(L['assess.current'], { answer: answerText(answer, fw, lang, L) }));
    if (answer.note) current.push(`“${answer.note}”`);
  }
  const previous: string[] = [];
  if (extra.previous && (extra.previous.score !== null || extra.previous.note)) {
    previous.push(fill(L['assess.previous'], { date: extra.previousDate ?? '', answer: answerText(extra.previous, fw, lang, L) }));
    if (extra.previous.note) previous.push(`“${extra.previous.note}”`);
  }
  const answered = answer !== undefined && answer.score !== null;
  const range = digits ? `${fw.scale.min}–${fw.scale.max}` : '↑↓';
  return {
    village: extra.village,
    position: fill(L['assess.position'], { position: p.position, total: p.total }),
    bar: `${'■'.repeat(p.answered)}${'□'.repeat(p.total - p.answered)}`,
    pillar: fill(L['assess.pillarProgress'], { pillar: t(pillar?.title), position: p.pillarPosition, count: p.pillarTotal, answered: p.pillarAnswered }),
    pillarAbout: p.pillarPosition === 1 && !answered && pillar?.description ? t(pillar.description) || null : null,
    title: t(c.title),
    question: t(c.question),
    help: c.help ? `${L['assess.help']}: ${t(c.help)}` : null,
    current,
    previous,
    choices,
    keyLine: fill(answered ? L['assess.keysAnswered2'] : L['assess.keys2'], { range }),
    status: extra.status,
  };
}

const lines = (text: string, width: number, indent = '', first = indent): string[] => text.split('\n').flatMap((para) => wrap(visible(para), width, indent, first).split('\n'));

/**
 * The question screen for a terminal size: the position, the question, every choice and the key
 * line always; the rubric, the help, the earlier answers as far as there is room. The choice under
 * the cursor gets its full rubric first; the others shrink to one line when the screen is short,
 * and the question is cut last. Pure.
 */
export function questionFrame(v: QuestionView, cursor: number, size: Size, color: ChalkInstance, plain: boolean): Frame {
  const width = Math.max(20, Math.min(size.cols - 1, 108));
  if (plain) {
    const out = [`${v.village}. ${v.position}. ${v.pillar}.`];
    if (v.pillarAbout) out.push(...lines(v.pillarAbout, width));
    out.push(v.title, ...lines(v.question, width));
    if (v.help) out.push(...lines(v.help, width));
    out.push(...v.current.flatMap((l) => lines(l, width)), ...v.previous.flatMap((l) => lines(l, width)));
    for (const c of v.choices) out.push(...lines(`${c.key ? `${c.key}: ` : ''}${c.label}${c.rubric ? ` — ${c.rubric}` : ''}`, width, '   '));
    return { lines: out };
  }
  // The position first, so a long village name never pushes it off; the bar only when it fits.
  const head = `${v.position} · ${v.village}`;
  const withBar = textWidth(head) + 2 + v.bar.length <= width ? `${color.bold(head)}  ${color.dim(v.bar)}` : color.bold(head);
  const top = [fitLine(withBar, width), color.cyan(fitLine(v.pillar, width))];
  let title = lines(v.title, width);
  let question = lines(v.question, width);
  const full = v.choices.map((c, i) => lines(`${c.label}${c.rubric ? ` — ${c.rubric}` : ''}`, width, '      ', i === cursor ? '❯' : '  '));
  const compact = full.map((f) => [fitLine(`${(f[0] ?? '').slice(0, 2)}${f.join(' ').slice(2).replace(/\s+/g, ' ')}`, width)]);
  const keyLine = lines(v.keyLine, width).map((l) => color.inverse(l));
  const bottom = ['', ...keyLine, ...lines(v.status, width).slice(0, 2).map((l) => color.dim(fitLine(l, width)))];
  const choiceRows = (rows: string[][]): number => rows.reduce((n, r) => n + r.length, 0);
  let shown = compact.map((x) => [...x]);
  const fixed = (): number => top.length + 1 + title.length + question.length + 1 + choiceRows(shown) + bottom.length;
  // The question gives way only when even one-line choices do not fit.
  while (fixed() > size.rows && question.length > 1) question = question.slice(0, -1);
  if (fixed() > size.rows) title = [fitLine(title.join(' '), width)];
  if (question.length < lines(v.question, width).length) question[question.length - 1] = fitLine(`${question[question.length - 1] ?? ''}…`, width);
  let room = size.rows - fixed();
  // The pillar's definition on its first question, read aloud before the rubrics: whole, or not at all.
  const aboutLines = v.pillarAbout ? lines(v.pillarAbout, width) : [];
  const about = aboutLines.length > 0 && aboutLines.length + 1 <= room ? ['', ...aboutLines.map((l) => color.cyan(l))] : [];
  room -= about.length;
  const grow = (i: number): void => {
    const f = full[i];
    const cur = shown[i];
    if (!f || !cur || f.length <= cur.length) return;
    if (f.length - cur.length <= room) {
      room -= f.length - cur.length;
      shown[i] = f;
    }
  };
  grow(cursor);
  for (let i = 0; i < full.length; i++) grow(i);
  const extras: string[] = [];
  const add = (block: string[], paint: (s: string) => string): void => {
    if (block.length === 0) return;
    const need = block.length + 1;
    if (need <= room) {
      room -= need;
      extras.push('', ...block.map((l) => paint(l)));
    }
  };
  add(v.current.flatMap((l) => lines(l, width)), color.yellow);
  add(v.previous.flatMap((l) => lines(l, width)), color.magenta);
  if (v.help) add(lines(v.help, width), color.dim);
  shown = shown.map((r, i) => (i === cursor ? r.map((l) => color.bold(l)) : r));
  return { lines: [...top, ...about, '', ...title.map((l) => color.bold(l)), ...question, ...extras, '', ...shown.flat(), ...bottom] };
}

/** The note under the question: what was chosen, the note as typed (line breaks kept), and what each key does. */
export function noteFrame(v: QuestionView, chosen: string, label: string, text: string, hint: string, size: Size, color: ChalkInstance, plain: boolean): Frame {
  const width = Math.max(20, Math.min(size.cols - 1, 108));
  // Plain mode prints the last line after each answer: what was chosen, then it asks for the note.
  if (plain) return { lines: [label, chosen] };
  const top = [fitLine(`${color.bold(v.village)} · ${color.dim(v.position)}`, width), color.bold(fitLine(v.title, width))];
  let question = lines(v.question, width);
  const typed = visible(text).split('\n');
  const hints = lines(hint, width).map((l) => color.inverse(l));
  const fixed = (): number => top.length + question.length + 2 + 1 + typed.length + 1 + hints.length;
  while (fixed() > size.rows && question.length > 0) question = question.slice(0, -1);
  let shownTyped = typed;
  const over = fixed() - size.rows;
  if (over > 0) shownTyped = typed.slice(over);
  const head = [...top, ...question, '', color.green(fitLine(chosen, width)), color.bold(fitLine(label, width))];
  const body = shownTyped.map((l) => `> ${l}`);
  const all = [...head, ...body, '', ...hints];
  const last = body[body.length - 1] ?? '> ';
  return { lines: all, cursor: { row: head.length + body.length - 1, col: Math.min(width, 2 + Array.from(last.slice(2)).length) } };
}
