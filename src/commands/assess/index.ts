import { evaluate } from '../../core/evaluate.js';
import type { Framework } from '../../core/framework.js';
import { startSession, step, type Session } from '../../core/session.js';
import { EXIT, UserError, type ExitCode } from '../../errors.js';
import { fill, labelsFor, uiLangFor, type UiLang } from '../../i18n/messages.js';
import { Interrupted, type Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { villagePlanView } from '../../render/plan-view.js';
import { contentLang, requireFramework, today } from '../shared.js';
import { offerPlan, printResult } from './result.js';
import { questionScreen, reviewScreen, type Screen } from './screens.js';
import { openSession, saveAnswers, toResponse, type SessionTarget, type Start } from './session-file.js';

export interface AssessOptions extends SessionTarget {
  criteria: string | undefined;
  lang: UiLang;
  langFlag: string | undefined;
}

export interface AssessIo {
  /** Is there a person at a terminal? Checked before anything else is loaded. */
  interactive: boolean;
  /** The prompts to ask with (`navigation`: the key hint in the session's language); made only once the terminal check passed. */
  prompts: (navigation: string) => Promise<Prompts>;
  /** Clears the screen between questions (a no-op in tests). */
  clear: () => void;
}

/**
 * `village assess`: a facilitated session that never loses a confirmed answer. Every answer is
 * written at once (atomically) to the answers file, which is also valid input for score and
 * report; `--answers FILE` resumes where it stopped.
 */
export async function assess(opts: AssessOptions, term: Terminal, io: AssessIo): Promise<ExitCode> {
  if (!io.interactive) throw new UserError(labelsFor(opts.lang)['assess.noTty'], EXIT.usage);
  const fw = requireFramework(opts.criteria);
  const lang = contentLang(opts.langFlag, fw, term);
  const L = labelsFor(opts.langFlag ? opts.lang : uiLangFor(lang));
  const prompts = await io.prompts(L['assess.nav']);
  let file: string | undefined = opts.answers;
  try {
    const start = await openSession(fw, opts, lang, L, term, prompts);
    file = start.file;
    return await run(fw, start, { fw, lang, L, term, prompts, width: Math.max(40, Math.min(term.columns, 110) - 2) }, io);
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    term.err(`\n${file ? fill(L['assess.interrupted'], { file }) : ''}\n`);
    return EXIT.interrupted;
  }
}

/** The walk through the criteria, saving after every confirmed answer, then the result. */
async function run(fw: Framework, start: Start, screen: Screen, io: AssessIo): Promise<ExitCode> {
  const { lang, L, term, prompts } = screen;
  const { file } = start;
  const meta = { ...start.meta, date: today() };
  const save = (answers: Session['answers']): Promise<void> => saveAnswers(file, fw, meta, answers, L['assess.fileTitle']);
  let session = startSession(fw, start.answers);
  await save(session.answers);
  const answered = session.order.filter((id) => (session.answers.get(id)?.score ?? null) !== null).length;
  let notice = [fill(L['assess.saving'], { file }), ...(answered > 0 ? [fill(L['assess.resuming'], { answered, total: session.order.length })] : [])];

  const title = term.color.bold(fill(L['assess.title'], { village: meta.village }));
  while (session.at.mode !== 'done') {
    io.clear();
    // The first screen says where the answers go; later ones keep every line for the question.
    if (notice.length > 0) term.out(`${notice.map((n) => `${term.color.dim(n)}\n`).join('')}\n`);
    notice = [];
    const event = session.at.mode === 'review' ? await reviewScreen(screen, session, title) : await questionScreen(screen, session, meta.village);
    const before = session;
    session = step(session, event);
    if (session.answers !== before.answers) await save(session.answers);
  }

  io.clear();
  const result = evaluate(fw, { village: meta.village, key: meta.village, responses: [toResponse(file, meta, session.answers, fw)] });
  const plan = villagePlanView(result, lang, meta.date);
  printResult(plan, title, L, term);
  await offerPlan(file, plan, L, term, prompts);
  term.out(`${fill(L['assess.done'], { file })}\n`);
  return EXIT.ok;
}

