import type { ChalkInstance } from 'chalk';
import type { Answer } from '../../core/answers.js';
import { translator, type Framework } from '../../core/framework.js';
import { coverageOf, currentId, progressOf, type Session, type SessionEvent } from '../../core/session.js';
import { fill, type LabelKey, type UiLang } from '../../i18n/messages.js';
import type { Item, Key, KeyScreen, Prompts, Step } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { answerText, noteFrame, questionFrame, questionView, type QuestionChoice, type QuestionView } from '../../render/assess-screen.js';
import { wrap } from '../../render/wrap.js';

export type Labels = Record<LabelKey, string>;

/** What every screen of a session needs: the framework and language, the terminal and the prompts. */
export interface Screen {
  fw: Framework;
  lang: string;
  /** The kit's language (for diagnostics). */
  ui: UiLang;
  L: Labels;
  term: Terminal;
  prompts: Prompts;
  /** Columns to wrap text to (for text printed outside the screens). */
  width: number;
  /** Last assessment's answers (--previous) and its date. */
  previous?: { answers: ReadonlyMap<string, Answer>; date: string | null } | undefined;
}

type QState = { mode: 'choose'; cursor: number } | { mode: 'note'; cursor: number; text: string };

/**
 * The question screen as keys: a digit selects the score with that value, ↑↓ move, Enter chooses
 * and asks for the note; n (n/a), d (don't know), s (skip or keep), b (back), o (overview), r (review). On the note:
 * Enter saves it, Ctrl-J adds a line, Ctrl-E opens $EDITOR, Ctrl-U clears, Esc goes back to the score.
 */
export function questionKeys(v: QuestionView, current: Answer | undefined, L: Labels, color: ChalkInstance): KeyScreen<QState, QuestionChoice | { kind: 'answer'; answer: Answer }> {
  const scoreAt = v.choices.findIndex((c) => scoreOf(c.value) === (current?.score ?? undefined));
  const noteHint = current?.note ? L['assess.noteKeysKeep'] : L['assess.noteKeys'];
  type R = QuestionChoice | { kind: 'answer'; answer: Answer };
  const toNote = (cursor: number): Step<QState, R> => ({ state: { mode: 'note', cursor, text: current?.note ?? '' } });
  const answerOf = (cursor: number, text: string): R => {
    const c = v.choices[cursor]?.value;
    const note = text.trim() === '' ? null : text.replace(/\s+$/, '');
    return { kind: 'answer', answer: { score: c ? (scoreOf(c) ?? null) : null, note } };
  };
  return {
    // An open criterion starts with no score under the cursor: Enter, Enter does not record a 0 by accident.
    state: { mode: 'choose', cursor: scoreAt >= 0 ? scoreAt : -1 },
    render(s, size, plain) {
      if (s.mode === 'choose') return questionFrame(v, s.cursor, size, color, plain);
      const chosen = fill(L['assess.chosen'], { choice: v.choices[s.cursor]?.label ?? '' });
      return noteFrame(v, chosen, L['assess.noteLabel'], s.text, noteHint, size, color, plain);
    },
    key(s, k: Key) {
      if (s.mode === 'note') {
        switch (k.name) {
          case 'enter':
            return { done: answerOf(s.cursor, s.text) };
          case 'escape':
            return { state: { mode: 'choose', cursor: s.cursor } };
          case 'newline':
            return { state: { ...s, text: `${s.text}\n` } };
          case 'char':
          case 'paste':
            return { state: { ...s, text: s.text + k.text } };
          case 'edited':
            return { state: { ...s, text: k.text } };
          case 'backspace':
            return { state: { ...s, text: Array.from(s.text).slice(0, -1).join('') } };
          case 'ctrl':
            if (k.text === 'u') return { state: { ...s, text: '' } };
            if (k.text === 'e') return { state: s, editor: s.text };
            return { state: s };
          default:
            return { state: s };
        }
      }
      const n = v.choices.length;
      switch (k.name) {
        case 'up':
          return { state: { ...s, cursor: s.cursor <= 0 ? 0 : s.cursor - 1 } };
        case 'down':
          return { state: { ...s, cursor: Math.min(n - 1, s.cursor + 1) } };
        case 'enter':
          return s.cursor >= 0 ? toNote(s.cursor) : { state: s };
        case 'paste':
        case 'char': {
          const ch = k.text.trim().toLowerCase();
          const at = v.choices.findIndex((c) => c.key !== '' && c.key === ch);
          if (at >= 0) return { state: { ...s, cursor: at } };
          if (ch === 's') return { done: { kind: 'skip' } };
          if (ch === 'b') return { done: { kind: 'back' } };
          if (ch === 'o') return { done: { kind: 'overview' } };
          if (ch === 'r') return { done: { kind: 'review' } };
          // Plain mode: "3" then Enter arrives as one line; a digit with Enter chooses it.
          return { state: s };
        }
        default:
          return { state: s };
      }
    },
    textual: false,
    ask: (s) => (s.mode === 'note' ? L['assess.noteLabel'] : v.keyLine),
  };
}

/** Plain mode: a line with a digit or n picks it and asks for the note; an empty line keeps the answer. */
function plainQuestion<S extends QState, T>(ks: KeyScreen<S, T>): KeyScreen<S, T> {
  return {
    ...ks,
    textual: false,
    key(s, k) {
      if (s.mode === 'note' && k.name === 'paste') {
        const typed = ks.key(s, { name: 'paste', text: k.text });
        return 'state' in typed ? ks.key(typed.state, { name: 'enter' }) : typed;
      }
      if (s.mode === 'choose' && k.name === 'paste') {
        const t = k.text.trim();
        if (t === '') return s.cursor >= 0 ? ks.key(s, { name: 'enter' }) : ks.key(s, { name: 'char', text: 's' });
        const moved = ks.key(s, { name: 'char', text: t.slice(0, 1) });
        if ('state' in moved && moved.state !== s) return ks.key(moved.state, { name: 'enter' });
        return moved;
      }
      return ks.key(s, k);
    },
  };
}

/** The answer a choice records: a score, n/a or don't know; undefined for the other choices. */
function scoreOf(c: QuestionChoice): Answer['score'] | undefined {
  if (c.kind === 'score') return c.score;
  if (c.kind === 'na') return 'n/a';
  if (c.kind === 'dontKnow') return 'dont-know';
  return undefined;
}

/** One criterion: its question, rubric and choices; a score, n/a or don't know asks for a note. */
export async function questionScreen(screen: Screen, s: Session, villageName: string, status: string): Promise<SessionEvent> {
  const { fw, lang, L, term, prompts } = screen;
  const id = currentId(s);
  const c = id === null ? undefined : fw.criteria.get(id);
  const p = progressOf(s, fw);
  if (!c || !p || id === null) return { type: 'review' };
  const current = s.answers.get(id);
  const v = questionView(fw, c, p, current, lang, L, {
    village: villageName,
    previous: screen.previous?.answers.get(id),
    previousDate: screen.previous?.date ?? null,
    status,
  });
  const ks = questionKeys(v, current, L, term.color);
  const choice = await prompts.screen(prompts.plain ? plainQuestion(ks) : ks);
  switch (choice.kind) {
    case 'answer':
      return { type: 'answer', answer: choice.answer };
    case 'score':
    case 'na':
    case 'dontKnow':
      return { type: 'answer', answer: { score: scoreOf(choice) ?? null, note: current?.note ?? null } };
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

const stateOf = (s: Session, id: string, fw: Framework, lang: string, L: Labels): string => {
  const a = s.answers.get(id);
  if (a && a.score !== null) return answerText(a, fw, lang, L);
  return s.skipped.includes(id) ? L['assess.skipped'] : L['assess.unanswered'];
};

/** Every criterion by pillar with its answer (the current one marked); returns the one picked, or null. */
async function pickCriterion({ fw, lang, L, prompts }: Screen, s: Session): Promise<string | null> {
  const t = translator(fw, lang);
  const here = currentId(s);
  const items: Item<string | null>[] = [{ value: null, name: L['assess.backToQuestion'], key: 'q' }];
  for (const p of fw.pillars) {
    items.push('separator');
    for (const c of p.criteria) {
      const note = s.answers.get(c.id)?.note;
      items.push({ value: c.id, name: `${c.id === here ? '▸ ' : ''}${t(p.title)} · ${t(c.title)}: ${stateOf(s, c.id, fw, lang, L)}${note ? ` — “${note.replace(/\s+/g, ' ')}”` : ''}` });
    }
  }
  return prompts.choose(L['assess.pick'], items, { default: here, hint: L['assess.listKeys'] });
}

/** What the review decided. */
export type ReviewEvent = SessionEvent;

/** Scored/needed per pillar against coverage_min, then finish (warned when short), go on with the open ones, or jump to a criterion. */
export async function reviewScreen({ fw, lang, L, term, prompts, width }: Screen, s: Session, title: string): Promise<SessionEvent> {
  const t = translator(fw, lang);
  const cov = coverageOf(s, fw);
  const short = cov.filter((c) => c.scored < c.needed);
  const rows = cov.map((c) => {
    const p = fw.pillars.find((x) => x.id === c.pillarId);
    const line = fill(L['assess.coverageLine'], { pillar: t(p?.title), scored: c.scored, total: c.total, needed: c.needed });
    return wrap(`${line}${c.scored < c.needed ? ` ${L['assess.coverageShort']}` : ''}`, width, '    ', '  ');
  });
  const above = [title, term.color.bold(L['assess.reviewTitle']), ...rows, ...(short.length > 0 ? [term.color.yellow(wrap(L['assess.coverageWarn2'], width))] : [])].join('\n');
  const open = s.order.filter((id) => (s.answers.get(id)?.score ?? null) === null);
  const items: Item<SessionEvent>[] = [{ value: { type: 'finish' }, name: L['assess.finish'], key: 'f' }];
  if (open.length > 0) items.push({ value: { type: 'continue' }, name: `${L['assess.continue']} (${open.length})`, key: 'c' });
  items.push('separator');
  for (const p of fw.pillars) {
    for (const c of p.criteria) {
      const note = s.answers.get(c.id)?.note;
      items.push({ value: { type: 'jump', id: c.id }, name: `${t(p.title)} · ${t(c.title)}: ${stateOf(s, c.id, fw, lang, L)}${note ? ` — “${note.replace(/\s+/g, ' ')}”` : ''}` });
    }
  }
  const picked = await prompts.choose(L['assess.reviewPick'], items, { above, hint: L['assess.listKeys'] });
  if (picked.type === 'finish' && short.length > 0) {
    const sure = await prompts.choose(L['assess.coverageConfirm'], [
      { value: false, name: L['assess.backToAnswers'], key: 'b' },
      { value: true, name: L['assess.finishAnyway'], key: 'f' },
    ], { above, hint: L['assess.listKeys'] });
    return sure ? picked : { type: 'review' };
  }
  return picked;
}
