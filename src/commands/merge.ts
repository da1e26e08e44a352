import type { Answer, Response } from '../core/answers.js';
import { translator, type Framework } from '../core/framework.js';
import { contentLanguage } from '../core/locale.js';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { fill, labelsFor, type UiLang } from '../i18n/messages.js';
import { loadResponse } from '../io/load.js';
import type { Prompts } from '../io/prompts.js';
import { readText } from '../io/read.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { editAnswers, sessionsOf, type SessionRecord } from '../render/answers-yaml.js';
import { answerText } from '../render/assess-screen.js';
import { requireFramework } from './shared.js';

export interface MergeOptions {
  files: string[];
  out: string;
  /** A file's letter (A = the first), or `newer` (the later date; then the later in the list). */
  prefer: string | undefined;
  force: boolean;
  criteria: string | undefined;
  lang: UiLang;
  langFlag: string | undefined;
}

/** Where two or more files disagree on a criterion's score. */
export interface MergeConflict {
  id: string;
  /** Per file (in order): its answer, or undefined when it has none. */
  answers: (Answer | undefined)[];
}

const letter = (i: number): string => String.fromCharCode(65 + i);
const has = (a: Answer | undefined): a is Answer => a !== undefined && (a.score !== null || a.note !== null);

/** Notes of every file, each once, in file order. */
const notesOf = (as: (Answer | undefined)[]): string | null => {
  const notes = [...new Set(as.flatMap((a) => (a?.note ? [a.note] : [])))];
  return notes.length > 0 ? notes.join('\n') : null;
};

/**
 * Merges answer sets of one village criterion by criterion: agreeing or one-sided answers are
 * taken, notes are kept from all; where scores differ `pick` decides (the index of the file to
 * take the score from). Pure.
 */
export function mergeAnswers(fw: Framework, rs: readonly Response[], pick: (c: MergeConflict) => number | Promise<number>): Promise<{ answers: Map<string, Answer>; conflicts: MergeConflict[] }>;
export async function mergeAnswers(fw: Framework, rs: readonly Response[], pick: (c: MergeConflict) => number | Promise<number>) {
  const answers = new Map<string, Answer>();
  const conflicts: MergeConflict[] = [];
  for (const id of fw.criteria.keys()) {
    const all = rs.map((r) => r.answers.get(id));
    const given = all.filter(has);
    if (given.length === 0) continue;
    const scores = [...new Set(given.map((a) => a.score).filter((s) => s !== null))];
    let score = scores[0] ?? null;
    if (scores.length > 1) {
      const c = { id, answers: all };
      conflicts.push(c);
      const i = await pick(c);
      score = all[i]?.score ?? null;
    }
    answers.set(id, { score, note: notesOf(all) });
  }
  return { answers, conflicts };
}

/** `--prefer`: the file whose score wins: a letter, or the newer one (its date, then the later end of its last session, then the later in the list). */
function preferIndex(prefer: string, rs: readonly Response[], sessions: SessionRecord[][], c: MergeConflict): number {
  const p = prefer.toUpperCase();
  if (p !== 'NEWER') return p.charCodeAt(0) - 65;
  const stamp = (i: number): string => {
    const last = sessions[i]?.at(-1);
    return `${last?.date ?? rs[i]?.date ?? ''} ${last?.end ?? ''}`;
  };
  const candidates = c.answers.map((a, i) => (a && a.score !== null ? i : -1)).filter((i) => i >= 0);
  return candidates.reduce((best, i) => (stamp(i) >= stamp(best) ? i : best), candidates[0] ?? 0);
}

/** `village merge A.yaml B.yaml … --out C.yaml`: one file of one village from two facilitators' files. */
export async function merge(opts: MergeOptions, term: Terminal, ask: (() => Promise<Prompts>) | null): Promise<ExitCode> {
  const L = labelsFor(opts.lang);
  if (opts.files.length < 2) throw new UserError(L['merge.twoFiles'], EXIT.usage);
  if (opts.prefer !== undefined && !/^(newer|[a-z])$/i.test(opts.prefer)) throw new UserError(fill(L['merge.badPrefer'], { prefer: opts.prefer }), EXIT.usage);
  if (opts.prefer && opts.prefer.toLowerCase() !== 'newer' && opts.prefer.toUpperCase().charCodeAt(0) - 65 >= opts.files.length) {
    throw new UserError(fill(L['merge.badPrefer'], { prefer: opts.prefer }), EXIT.usage);
  }
  const fw = requireFramework(opts.criteria);
  const loaded = opts.files.map((f) => loadResponse(f, fw));
  const bad = loaded.flatMap((l) => (l.value ? [] : l.diagnostics.filter((d) => d.severity === 'error')));
  if (bad.length > 0) throw rejected(bad);
  const rs = loaded.map((l) => l.value as Response);
  const key = (v: string): string => v.normalize('NFC').trim().toLowerCase();
  const other = rs.find((r) => key(r.village) !== key(rs[0]?.village ?? ''));
  if (other) throw new UserError(fill(L['merge.villages'], { a: rs[0]?.village ?? '', b: other.village }), EXIT.rejected);
  const texts = opts.files.map((f) => {
    const r = readText(f);
    return r.diagnostic ? '' : r.text;
  });
  const sessions = texts.map(sessionsOf);
  const lang = contentLanguage({ flag: opts.langFlag, fileLang: rs[0]?.language }, fw.languages);
  const t = translator(fw, lang);
  const show = (a: Answer | undefined): string => `${answerText(a, fw, lang, L)}${a?.note ? ` — “${a.note.replace(/\s+/g, ' ')}”` : ''}`;
  const prompts = opts.prefer ? null : ask ? await ask() : null;
  const unresolved: string[] = [];
  const { answers, conflicts } = await mergeAnswers(fw, rs, async (c) => {
    if (opts.prefer) return preferIndex(opts.prefer, rs, sessions, c);
    const title = t(fw.criteria.get(c.id)?.title);
    if (!prompts) {
      unresolved.push(`  ${c.id} (${title}): ${c.answers.map((a, i) => `${letter(i)} ${show(a)}`).join(' · ')}`);
      return 0;
    }
    return prompts.choose(
      fill(L['merge.pick'], { criterion: title }),
      c.answers.flatMap((a, i) => (a && a.score !== null ? [{ value: i, name: `${letter(i)} (${opts.files[i]}): ${show(a)}`, key: letter(i).toLowerCase() }] : [])),
      { above: fill(L['merge.conflictOf'], { id: c.id }), hint: L['assess.listKeys'] },
    );
  });
  if (unresolved.length > 0) {
    term.err(`${fill(L['merge.unresolved'], { count: unresolved.length })}\n${unresolved.join('\n')}\n`);
    return EXIT.rejected;
  }
  // The first file is the base: its comments, order and details stay; details it lacks come from the others.
  const first = rs[0] as Response;
  const meta: Record<string, string | null> = {};
  for (const k of ['municipality', 'lag', 'respondent', 'date'] as const) {
    if (first[k] === null) meta[k] = rs.find((r) => r[k] !== null)?.[k] ?? null;
  }
  let text = editAnswers(texts[0] ?? '', { answers, meta });
  const all = sessions.slice(1).flat();
  const start = sessions[0]?.length ?? 0;
  all.forEach((record, i) => (text = editAnswers(text, { answers: new Map(), session: { index: start + i, record } })));
  const failed = await writeFileSafe(opts.out, text, opts.force);
  if (failed) throw rejected([failed]);
  if (conflicts.length > 0) {
    term.err(`${fill(L['merge.resolved'], { count: conflicts.length })}\n`);
    for (const c of conflicts) {
      term.err(`  ${c.id}: ${c.answers.map((a, i) => `${letter(i)} ${show(a)}`).join(' · ')} → ${answerText(answers.get(c.id), fw, lang, L)}\n`);
    }
  }
  term.err(`${fill(L['merge.written'], { file: opts.out, count: answers.size, files: opts.files.length })}\n`);
  return EXIT.ok;
}
