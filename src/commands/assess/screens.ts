import { translator, type Framework } from '../../core/framework.js';
import { currentId, progressOf, type Session, type SessionEvent } from '../../core/session.js';
import type { LabelKey } from '../../i18n/messages.js';
import type { Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { answerText, questionChoices, questionHeader, type QuestionChoice } from '../../render/assess-screen.js';
import { wrap } from '../../render/wrap.js';

export type Labels = Record<LabelKey, string>;

/** What every screen of a session needs: the framework and language, the terminal and the prompts. */
export interface Screen {
  fw: Framework;
  lang: string;
  L: Labels;
  term: Terminal;
  prompts: Prompts;
  /** Columns to wrap text to. */
  width: number;
}

/** Choice lines that fit under `used` lines of text, leaving room for the prompt and its key hint. */
const pageFor = (term: Terminal, used: number): number => Math.max(5, term.rows - used - 3);

/** One criterion: its question, rubric and choices; a score or n/a asks for a note. */
export async function questionScreen(screen: Screen, s: Session, villageName: string): Promise<SessionEvent> {
  const { fw, lang, L, term, prompts, width } = screen;
  const id = currentId(s);
  const c = id === null ? undefined : fw.criteria.get(id);
  const p = progressOf(s, fw);
  if (!c || !p || id === null) return { type: 'review' };
  const current = s.answers.get(id);
  const header = `${term.color.bold(villageName)} · ${questionHeader(fw, c, p, current, lang, L, term.color, width)}`;
  term.out(header);
  const items = questionChoices(fw, c, current, lang, L);
  const selected = items.find(
    (i) => i !== 'separator' && ((i.value.kind === 'score' && i.value.score === current?.score) || (i.value.kind === 'na' && current?.score === 'n/a')),
  );
  const pageSize = pageFor(term, header.split('\n').length);
  const choice: QuestionChoice = await prompts.choose(
    L['assess.choose'],
    items,
    selected && selected !== 'separator' ? { default: selected.value, pageSize } : { pageSize },
  );
  switch (choice.kind) {
    case 'score':
    case 'na': {
      const note = await prompts.text(L['assess.note'], current?.note ? { default: current.note } : {});
      return { type: 'answer', answer: { score: choice.kind === 'na' ? 'n/a' : choice.score, note: note === '' ? null : note } };
    }
    case 'skip':
      return { type: 'skip' };
    case 'back':
      return { type: 'back' };
    case 'review':
      return { type: 'review' };
    case 'overview': {
      const target = await pickCriterion(screen, s);
      return target === null ? { type: 'jump', id } : { type: 'jump', id: target };
    }
  }
}

/** Every criterion by pillar with its answer; returns the one picked, or null. */
async function pickCriterion({ fw, lang, L, term, prompts }: Screen, s: Session): Promise<string | null> {
  const t = translator(fw, lang);
  const items: ({ value: string | null; name: string } | 'separator')[] = [{ value: null, name: L['assess.backToQuestion'] }];
  for (const p of fw.pillars) {
    items.push('separator');
    for (const c of p.criteria) {
      const a = s.answers.get(c.id);
      const state = a && a.score !== null ? answerText(a, fw, lang, L) : s.skipped.includes(c.id) ? L['assess.skipped'] : L['assess.unanswered'];
      items.push({ value: c.id, name: `${t(p.title)} · ${t(c.title)}: ${state}` });
    }
  }
  return prompts.choose(L['assess.pick'], items, { pageSize: pageFor(term, 0) });
}

/** Answers per pillar, then finish, go on with the open ones, or jump to a criterion. */
export async function reviewScreen({ fw, lang, L, term, prompts, width }: Screen, s: Session, title: string): Promise<SessionEvent> {
  const t = translator(fw, lang);
  term.out(`${title}\n${term.color.bold(L['assess.reviewTitle'])}\n`);
  for (const p of fw.pillars) {
    const done = p.criteria.filter((c) => (s.answers.get(c.id)?.score ?? null) !== null).length;
    term.out(wrap(`${t(p.title)}: ${done}/${p.criteria.length}`, width, '  ') + '\n');
  }
  term.out('\n');
  const open = s.order.filter((id) => (s.answers.get(id)?.score ?? null) === null);
  const items: ({ value: SessionEvent; name: string } | 'separator')[] = [{ value: { type: 'finish' }, name: L['assess.finish'] }];
  if (open[0] !== undefined) items.push({ value: { type: 'jump', id: open[0] }, name: `${L['assess.continue']} (${open.length})` });
  items.push('separator');
  for (const p of fw.pillars) {
    for (const c of p.criteria) {
      items.push({ value: { type: 'jump', id: c.id }, name: `${t(p.title)} · ${t(c.title)}: ${answerText(s.answers.get(c.id), fw, lang, L)}` });
    }
  }
  return prompts.choose(L['assess.reviewPick'], items, { pageSize: pageFor(term, fw.pillars.length + 3) });
}

