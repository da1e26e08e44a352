import type { Answer } from '../../core/answers.js';
import { evaluate } from '../../core/evaluate.js';
import { translator, type Framework } from '../../core/framework.js';
import { snapshotOf, snapshotOfPlan, type Snapshot } from '../../core/plan-file.js';
import { compareAssessments, isAfter } from '../../core/progress.js';
import { currentId, startSession, step } from '../../core/session.js';
import { EXIT, rejected, UserError, type ExitCode } from '../../errors.js';
import { fill, labelsFor, type UiLang } from '../../i18n/messages.js';
import { loadResponse } from '../../io/load.js';
import { acquireLock } from '../../io/lock.js';
import { isPlanFile, loadPlanFile } from '../../io/plan-file.js';
import { Interrupted, type Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { answerText } from '../../render/assess-screen.js';
import { diagnosticLine } from '../../render/diagnostics.js';
import { villagePlanView } from '../../render/plan-view.js';
import { progressView } from '../../render/progress-view.js';
import { contentLang, requireFramework, today } from '../shared.js';
import { resultScreen, resultText } from './result.js';
import { questionScreen, reviewScreen, type Labels, type Screen } from './screens.js';
import { AnswersStore, besideName, fileLanguage, lockFile, openSession, removeStaleTemps, toResponse, type Conflict, type Start } from './session-file.js';
import { resumeCommand } from './shell.js';

export interface AssessOptions {
  answers: string | undefined;
  village: string | undefined;
  criteria: string | undefined;
  /** The kit's language for this run from `--lang`, the answers file's `language:`, VILLAGE_LANG, the locale (core/locale.ts). */
  ui: (fileLang: string | null) => UiLang;
  langFlag: string | undefined;
  /** Last assessment of the village (--previous): its score and note under each question. */
  previous?: string | undefined;
  /** Linear prompts, no redraws (--plain). */
  plain?: boolean | undefined;
}

export interface AssessIo {
  /** Is there a person at a terminal? Checked before anything else is loaded. */
  interactive: boolean;
  /** The prompts to ask with, in the session's language; made only once the terminal check passed. */
  prompts: (L: Labels) => Promise<Prompts>;
  /** Clears the screen between questions (a no-op in tests). */
  clear: () => void;
  /** Registers what to do when the process is ended by a signal (release the lock, restore the terminal). */
  onSignal?: (cleanup: () => void) => void;
  /** The platform, for the resume hint's quoting. */
  platform?: NodeJS.Platform;
}

/**
 * `village assess`: a facilitated session that never loses a confirmed answer. Every answer is
 * written at once (verified) to the answers file, which is also valid input for score and report;
 * `--answers FILE` resumes where it stopped.
 */
export async function assess(opts: AssessOptions, term: Terminal, io: AssessIo): Promise<ExitCode> {
  const fileLang = fileLanguage(opts.answers);
  const ui = opts.ui(fileLang);
  const L0 = labelsFor(ui);
  if (!io.interactive) throw new UserError(L0['assess.noTty'], EXIT.usage);
  const fw = requireFramework(opts.criteria);
  const lang = contentLang(opts.langFlag, fw, term, fileLang ?? ui);
  const L = L0;
  const prompts = await io.prompts(L);
  const previous = opts.previous ? loadPrevious(opts.previous, fw) : undefined;
  const screenPrevious = previous && { answers: previous.answers, date: previous.date };
  let store: AnswersStore | undefined;
  let release = (): void => undefined;
  io.onSignal?.(() => release());
  const hint = (file: string): string => resumeCommand({ file, lang: opts.langFlag ?? (ui !== fileLang ? ui : undefined), criteria: opts.criteria }, io.platform ?? process.platform);
  try {
    const start = await openSession(fw, opts, lang, L, term, prompts);
    const lock = await lockFile(start.file, L, prompts);
    release = lock.release;
    removeStaleTemps(start.file);
    store = new AnswersStore(start.file, fw, start.meta, start.text, start, L['assess.fileTitle']);
    const screen: Screen = { fw, lang, ui, L, term, prompts, width: Math.max(40, Math.min(term.columns, 110) - 2), previous: screenPrevious };
    const notice = lock.stale ? fill(L['assess.staleLock'], { pid: lock.stale.pid }) : null;
    return await run(fw, start, store, screen, io, notice, previous?.snapshot ?? null, (next) => {
      release();
      const r = acquireLock(next);
      release = r.ok ? r.release : () => undefined;
    });
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    io.clear();
    const file = store?.file;
    term.err(`\n${file && store?.written ? fill(L['assess.interrupted'], { file, command: hint(file) }) : L['assess.interruptedNothing']}\n`);
    return EXIT.interrupted;
  } finally {
    release();
  }
}

/** Last assessment (--previous): its answers for the question screens, and its scores for the plans' "change since last time". */
function loadPrevious(file: string, fw: Framework): NonNullable<Screen['previous']> & { snapshot: Snapshot } {
  if (/\.ya?ml$/i.test(file) && isPlanFile(file)) {
    // A plan file carries last time's assessment (as for `report --previous`): its mean per question, shown as the scale step.
    const plan = loadPlanFile(file, fw);
    if (!plan.value) throw rejected(plan.diagnostics.filter((d) => d.severity === 'error'));
    const snapshot = snapshotOfPlan(plan.value.plan);
    const answers = new Map([...snapshot.criteria].flatMap(([id, raw]) => (raw === null ? [] : [[id, { score: Math.round(raw), note: null }] as const])));
    return { answers, date: snapshot.date, snapshot };
  }
  const loaded = loadResponse(file, fw);
  if (!loaded.value) throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
  const r = loaded.value;
  const snapshot = snapshotOf(evaluate(fw, { village: r.village, key: r.village, responses: [r] }));
  return { answers: r.answers, date: r.date, snapshot };
}

/** The walk through the criteria, saving after every confirmed answer or skip, then the result. */
async function run(
  fw: Framework,
  start: Start,
  store: AnswersStore,
  screen: Screen,
  io: AssessIo,
  notice: string | null,
  previous: Snapshot | null,
  relock: (file: string) => void,
): Promise<ExitCode> {
  const { lang, L, term, prompts } = screen;
  const meta = start.meta;
  let session = startSession(fw, start.answers, start.resume);
  const answered = session.order.filter((id) => (session.answers.get(id)?.score ?? null) !== null).length;
  let status = fill(L['assess.saving'], { file: store.file });
  if (answered > 0) status = `${status} · ${fill(L['assess.resuming'], { answered, total: session.order.length })}`;
  if (notice) status = `${notice} ${status}`;

  /** Saves until it holds: on a failure the mentor retries, saves to another file, or goes on (the next answer tries again). */
  const save = async (): Promise<void> => {
    for (;;) {
      const outcome = await store.save(session.answers, { at: currentId(session), skipped: session.skipped }, (c) => resolveConflicts(c, screen));
      session = { ...session, answers: outcome.answers };
      if (outcome.ok) {
        status = outcome.merged > 0 ? fill(L['assess.mergedIn'], { count: outcome.merged, file: store.file }) : fill(L['assess.saved'], { file: store.file });
        return;
      }
      const why = diagnosticLine(outcome.diagnostic, screen.ui, term.color);
      const choice = await prompts.choose(L['assess.saveFailed'], [
        { value: 'retry' as const, name: L['assess.saveRetry'], key: 'r' },
        { value: 'elsewhere' as const, name: L['assess.saveElsewhere'], key: 'e' },
        { value: 'later' as const, name: L['assess.saveLater'], key: 'l' },
      ], { above: term.color.red(why), hint: L['assess.listKeys'] });
      if (choice === 'later') {
        status = term.color.red(fill(L['assess.unsaved'], { file: store.file }));
        return;
      }
      if (choice === 'elsewhere') {
        const other = await prompts.text(L['assess.saveAs'], { default: besideName(store.file), above: term.color.red(why) });
        if (other) {
          store.moveTo(other);
          relock(other);
        }
      }
    }
  };

  const title = term.color.bold(fill(L['assess.title'], { village: meta.village }));
  for (;;) {
    while (session.at.mode !== 'done') {
      const event = session.at.mode === 'review' ? await reviewScreen(screen, session, title) : await questionScreen(screen, session, meta.village, status);
      const before = session;
      const id = currentId(before);
      session = step(session, event);
      if (event.type === 'answer' && id !== null) store.touch([id]);
      if (session.answers !== before.answers || session.skipped !== before.skipped) await save();
    }
    const result = evaluate(fw, { village: meta.village, key: meta.village, responses: [toResponse(store.file, meta, session.answers, fw)] });
    let plan = villagePlanView(result, lang, meta.date ?? today());
    // With --previous the plans carry the change since last time, as `village report --previous` draws it
    // (not when "last time" is dated after this session, which `report --previous` refuses).
    const now = snapshotOf(result);
    if (previous && !isAfter(previous, now)) plan = { ...plan, progress: progressView(compareAssessments(previous, now, fw), fw, lang) };
    const shown = resultText(plan, title, L, term);
    if ((await resultScreen(store.file, plan, shown, L, term, prompts)) === 'done') break;
    session = { ...session, at: { mode: 'review' } };
  }
  io.clear();
  term.out(`${fill(L['assess.done'], { file: store.file })}\n`);
  return EXIT.ok;
}

/** Criteria both this session and another writer changed: the mentor picks, one by one. */
async function resolveConflicts(conflicts: Conflict[], screen: Screen): Promise<Map<string, Answer>> {
  const { fw, lang, L, prompts } = screen;
  const out = new Map<string, Answer>();
  const t = translator(fw, lang);
  for (const c of conflicts) {
    const show = (a: Answer | undefined): string => `${answerText(a, fw, lang, L)}${a?.note ? ` — “${a.note}”` : ''}`;
    const keep = await prompts.choose(fill(L['assess.conflict'], { criterion: t(fw.criteria.get(c.id)?.title) }), [
      { value: 'ours' as const, name: fill(L['assess.conflictOurs'], { answer: show(c.ours) }), key: 'o' },
      { value: 'theirs' as const, name: fill(L['assess.conflictTheirs'], { answer: show(c.theirs) }), key: 't' },
    ], { hint: L['assess.listKeys'] });
    const a = keep === 'ours' ? c.ours : c.theirs;
    out.set(c.id, a ?? { score: null, note: null });
  }
  return out;
}
