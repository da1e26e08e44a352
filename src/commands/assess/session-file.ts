import { readFile } from 'node:fs/promises';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Answer, Response } from '../../core/answers.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { error } from '../../core/diagnostic.js';
import { translator, type Framework } from '../../core/framework.js';
import type { Resume } from '../../core/session.js';
import { safeFileName } from '../../core/slug.js';
import { rejected, UserError, EXIT } from '../../errors.js';
import { fill } from '../../i18n/messages.js';
import { loadResponse, responseFromText } from '../../io/load.js';
import { acquireLock, type LockResult } from '../../io/lock.js';
import type { Prompts } from '../../io/prompts.js';
import { readText } from '../../io/read.js';
import type { Terminal } from '../../io/terminal.js';
import { exists, writeFileSafe } from '../../io/write.js';
import { answersYaml, editAnswers, sessionsOf, type AnswersMeta, type SessionRecord } from '../../render/answers-yaml.js';
import { wrap } from '../../render/wrap.js';
import { today } from '../shared.js';
import type { Labels } from './screens.js';

/** What the command line says about the file: `--answers`, `--village`. */
export interface SessionTarget {
  answers: string | undefined;
  village: string | undefined;
}

/** Where a session starts: its file (and its text when it exists), who and where, the answers already given, where it stopped. */
export interface Start {
  file: string;
  text: string | null;
  meta: AnswersMeta;
  answers: ReadonlyMap<string, Answer>;
  resume: Resume;
  facilitators: string[];
  present: number | null;
}

/** The `language:` of an existing answers file, read before anything is asked (for the session's language). */
export function fileLanguage(file: string | undefined): string | null {
  if (!file) return null;
  const read = readText(file);
  if (read.diagnostic) return null;
  const m = /^language:[ \t]*["']?([A-Za-z-]+)["']?[ \t]*(?:#.*)?$/m.exec(read.text);
  return m?.[1] ?? null;
}

/** An existing answers file to go on with; a broken file or one for another framework stops the session and is left as it is. */
function resumeFrom(file: string, fw: Framework): Start {
  const loaded = loadResponse(file, fw);
  if (!loaded.value) throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
  const read = readText(file);
  const text = read.diagnostic ? '' : read.text;
  const r: Response = loaded.value;
  const last = sessionsOf(text).at(-1);
  return {
    file,
    text,
    meta: { village: r.village, municipality: r.municipality, lag: r.lag, respondent: r.respondent, date: r.date, language: r.language ?? fw.languages[0] ?? 'lv' },
    answers: r.answers,
    resume: last ? { at: last.at, skipped: last.skipped } : {},
    facilitators: [],
    present: null,
  };
}

/** Earlier answers files of this village in the folder (`<slug>-YYYY-MM-DD*.yaml`), newest first. */
function earlierFiles(slug: string, dir = '.'): string[] {
  try {
    const re = new RegExp(`^${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}(-\\d+)?\\.yaml$`);
    return readdirSync(dir)
      .filter((f) => re.test(f))
      .sort()
      .reverse();
  } catch {
    return [];
  }
}

/** "2 facilitators" from "Līga, Jānis"; a count from "12". */
const names = (s: string): string[] =>
  s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Asks who facilitates and how many take part: a new record per session, so the plan can count people and dates. */
async function askPeople(L: Labels, prompts: Prompts, above: string): Promise<{ facilitators: string[]; present: number | null }> {
  const facilitators = names(await prompts.text(L['assess.facilitators'], { above }));
  const n = await prompts.text(L['assess.presentCount'], { above });
  const present = /^\d{1,5}$/.test(n.trim()) ? Number(n.trim()) : null;
  return { facilitators, present };
}

/**
 * Opens the session's answers file: the one given (resumed when it exists), else
 * `<village>-<date>.yaml` in the current folder, offering an earlier file of the same village.
 */
export async function openSession(fw: Framework, opts: SessionTarget, lang: string, L: Labels, term: Terminal, prompts: Prompts): Promise<Start> {
  const t = translator(fw, lang);
  const width = Math.max(40, Math.min(term.columns, 110) - 2);
  // The framework's definitions, for the mentor to read aloud before the first question.
  const definition = t(fw.description);
  const intro = `${term.color.bold(t(fw.title))}\n${definition ? `${wrap(definition, width, '')}\n` : ''}`;
  if (opts.answers && (await exists(opts.answers))) {
    const start = resumeFrom(opts.answers, fw);
    return { ...start, ...(await askPeople(L, prompts, `${intro}\n${fill(L['assess.resumingFile'], { file: opts.answers })}`)) };
  }
  const village = opts.village?.trim() || (await prompts.text(L['assess.village'], { required: L['assess.villageEmpty'], above: intro }));
  let file = opts.answers;
  if (!file) {
    const slug = safeFileName(village, new Set());
    const base = `${slug}-${today()}`;
    file = `${base}.yaml`;
    const earlier = earlierFiles(slug)[0];
    if (earlier) {
      const resume = await prompts.choose(fill(L['assess.existing'], { file: earlier }), [
        { value: true, name: L['assess.existingYes'], key: 'y' },
        { value: false, name: L['assess.existingNo'], key: 'n' },
      ], { above: intro });
      if (resume) {
        const start = resumeFrom(earlier, fw);
        return { ...start, ...(await askPeople(L, prompts, intro)) };
      }
      for (let n = 2; await exists(file); n++) file = `${base}-${n}.yaml`;
    }
  }
  const municipality = (await prompts.text(L['assess.municipality'], { above: intro })) || null;
  const lag = (await prompts.text(L['assess.lag'], { above: intro })) || null;
  const people = await askPeople(L, prompts, intro);
  return {
    file,
    text: null,
    meta: { village, municipality, lag, respondent: null, date: today(), language: lang },
    answers: new Map(),
    resume: {},
    ...people,
  };
}

/** Takes the file's lock, or says who holds it and asks whether to take it over (the other session is gone). */
export async function lockFile(file: string, L: Labels, prompts: Prompts): Promise<LockResult & { ok: true }> {
  const first = acquireLock(file);
  if (first.ok) return first;
  const who = first.owner ? fill(L['assess.lockedBy'], { pid: first.owner.pid, host: first.owner.host, since: first.owner.since.slice(0, 16).replace('T', ' ') }) : '';
  const message = fill(L['assess.locked'], { file, who, lock: first.lockFile });
  const take = await prompts.choose(message, [
    { value: false, name: L['assess.lockStop'], key: 'q' },
    { value: true, name: L['assess.lockTake'], key: 't' },
  ]);
  if (!take) throw new UserError(message, EXIT.rejected);
  const forced = acquireLock(file, true);
  if (!forced.ok) throw new UserError(message, EXIT.rejected);
  return forced;
}

/** The session's answers as a response, to score. */
export function toResponse(file: string, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, fw: Framework): Response {
  return { source: file, framework: fw.id, ...meta, language: meta.language, answers };
}

const sameAnswer = (a: Answer | undefined, b: Answer | undefined): boolean =>
  (a?.score ?? null) === (b?.score ?? null) && (a?.note ?? null) === (b?.note ?? null);

/** A criterion both this session and another writer changed: which to keep. */
export interface Conflict {
  id: string;
  ours: Answer | undefined;
  theirs: Answer | undefined;
}

export type SaveOutcome =
  | { ok: true; answers: ReadonlyMap<string, Answer>; merged: number }
  | { ok: false; diagnostic: Diagnostic; answers: ReadonlyMap<string, Answer>; merged: number };

/**
 * The answers file of a running session. Every save edits the file in place (comments, order,
 * the first date and other answers stay), checks first whether another writer changed it since
 * the last save (then takes their answers for criteria this session has not touched and asks
 * about the others), writes through the verified write and reads the file back.
 */
export class AnswersStore {
  /** The file's text as this session last read or wrote it (null: not on disk yet). */
  private text: string | null;
  private readonly touched = new Set<string>();
  private sessionIndex: number;
  readonly started: string;

  constructor(
    public file: string,
    private readonly fw: Framework,
    private readonly meta: AnswersMeta,
    text: string | null,
    private readonly people: { facilitators: string[]; present: number | null },
    private readonly title: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.text = text;
    this.sessionIndex = text === null ? 0 : sessionsOf(text).length;
    this.started = hhmm(this.clock());
  }

  /** Has this session written the file yet? */
  written = false;
  /** False right after moving to another file: its contents are not compared with ours. */
  private compare = true;

  /** Marks criteria this session changed (their answers win over another writer's unless the mentor says otherwise). */
  touch(ids: Iterable<string>): void {
    for (const id of ids) this.touched.add(id);
  }

  async save(answers: ReadonlyMap<string, Answer>, position: { at: string | null; skipped: readonly string[] }, resolve: (c: Conflict[]) => Promise<ReadonlyMap<string, Answer>>): Promise<SaveOutcome> {
    let current = answers;
    let merged = 0;
    let base = this.text;
    let disk: string | null = null;
    try {
      disk = await readFile(this.file, 'utf8');
    } catch {
      disk = null;
    }
    if (this.compare && disk !== null && disk !== this.text) {
      // Someone else wrote the file since (a second laptop on a shared folder, a hand edit).
      const theirs = responseFromText(disk, this.file, this.fw).value;
      if (theirs) {
        const last = this.text === null ? null : responseFromText(this.text, this.file, this.fw).value;
        const next = new Map(current);
        const conflicts: Conflict[] = [];
        for (const id of this.fw.criteria.keys()) {
          const d = theirs.answers.get(id);
          if (sameAnswer(d, last?.answers.get(id))) continue;
          if (!this.touched.has(id)) {
            if (!sameAnswer(d, next.get(id))) {
              if (d) next.set(id, d);
              else next.delete(id);
              merged++;
            }
          } else if (!sameAnswer(d, next.get(id))) conflicts.push({ id, ours: next.get(id), theirs: d });
        }
        current = conflicts.length > 0 ? new Map([...next, ...(await resolve(conflicts))]) : next;
        base = disk;
      }
    }
    const now = this.clock();
    const record: SessionRecord = {
      date: today(now),
      start: this.started,
      end: hhmm(now),
      facilitators: this.people.facilitators,
      present: this.people.present,
      at: position.at,
      skipped: [...position.skipped],
    };
    const edit = { answers: current, session: { index: this.sessionIndex, record } };
    const text = base === null ? editAnswers(answersYaml(this.fw, this.meta, new Map(), this.title), edit) : editAnswers(base, edit);
    const failed = await writeVerified(this.file, text);
    if (failed) return { ok: false, diagnostic: failed, answers: current, merged };
    this.text = text;
    this.written = true;
    this.compare = true;
    return { ok: true, answers: current, merged };
  }

  /** Goes on in another file (after a failed save): the whole text as it would have been written. */
  moveTo(file: string): void {
    this.file = file;
    this.compare = false;
  }
}

const hhmm = (d: Date): string => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * Writes through the kit's verified write (a temporary file, flushed and size-checked, then
 * renamed; the old file stays on failure) and reads the file back: a save counts only when the
 * disk holds exactly what was meant.
 */
export async function writeVerified(file: string, text: string): Promise<Diagnostic | null> {
  const failed = await writeFileSafe(file, text, true);
  if (failed) return failed;
  let back: string;
  try {
    back = await readFile(file, 'utf8');
  } catch (e) {
    return { ...error('out.failed', { file, reason: (e as NodeJS.ErrnoException).code ?? 'read back' }), file, line: 1, column: 1 };
  }
  if (back !== text) return { ...error('out.failed', { file, reason: `${Buffer.byteLength(back)} of ${Buffer.byteLength(text)} bytes on disk` }), file, line: 1, column: 1 };
  return null;
}

/** A file name next to `file` for "save to another file": `NAME-copy.yaml`. */
export const besideName = (file: string): string => `${dirname(file) === '.' ? '' : `${dirname(file)}/`}${basename(file, '.yaml')}-copy.yaml`;

/**
 * Temporary files of a save that a kill interrupted (`FILE.<digits>`, as the atomic write names
 * them), removed once this session holds the file's lock: no other session can be writing them.
 */
export function removeStaleTemps(file: string): number {
  const dir = dirname(file);
  // The temporary files of io/write.ts: `.NAME.<12 hex>.tmp`.
  const re = new RegExp(`^\\.${basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`);
  let removed = 0;
  try {
    for (const f of readdirSync(dir)) {
      if (re.test(f)) {
        rmSync(join(dir, f), { force: true });
        removed++;
      }
    }
  } catch {
    // A folder that cannot be listed: nothing to clean.
  }
  return removed;
}
