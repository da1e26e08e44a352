import { basename, dirname, extname, join } from 'node:path';
import type { Answer, Response } from '../core/answers.js';
import { evaluate } from '../core/evaluate.js';
import { translator, type Framework } from '../core/framework.js';
import { currentId, progressOf, startSession, step, type Session, type SessionEvent } from '../core/session.js';
import { safeFileName } from '../core/slug.js';
import { EXIT, UserError, type ExitCode } from '../errors.js';
import { fill, labelsFor, message, uiLangFor, type LabelKey, type UiLang } from '../i18n/messages.js';
import { loadResponse } from '../io/load.js';
import { Interrupted, type Prompts } from '../io/prompts.js';
import type { Terminal } from '../io/terminal.js';
import { exists, writeFileSafe } from '../io/write.js';
import { answersYaml, type AnswersMeta } from '../render/answers-yaml.js';
import { answerText, questionChoices, questionHeader, type QuestionChoice } from '../render/assess-screen.js';
import { wrap } from '../render/wrap.js';
import type { PlanView } from '../render/plan-view.js';
import { villagePlanView } from '../render/plan-view.js';
import { reportRenderer, type ReportFormat } from '../render/report.js';
import { contentLang, printDiagnostics, requireFramework, today } from './shared.js';

export interface AssessOptions {
  criteria: string | undefined;
  answers: string | undefined;
  village: string | undefined;
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

type Labels = Record<LabelKey, string>;

/** What every screen of a session needs: the framework and language, the terminal and the prompts. */
interface Screen {
  fw: Framework;
  lang: string;
  L: Labels;
  term: Terminal;
  prompts: Prompts;
  /** Columns to wrap text to. */
  width: number;
}

/**
 * `village assess`: a facilitated session that never loses a confirmed answer. Every answer is
 * written at once (atomically) to the answers file, which is also valid input for score and
 * report; `--answers FILE` resumes where it stopped.
 */
export async function assess(opts: AssessOptions, term: Terminal, io: AssessIo): Promise<ExitCode> {
  if (!io.interactive) throw new UserError(labelsFor(opts.lang)['assess.noTty'], EXIT.usage);
  const fw = requireFramework(opts.criteria, opts.lang, term);
  if (!fw) return EXIT.rejected;
  const lang = contentLang(opts.langFlag, fw);
  const L = labelsFor(opts.langFlag ? opts.lang : uiLangFor(lang));
  const prompts = await io.prompts(L['assess.nav']);
  let file: string | undefined = opts.answers;
  try {
    const start = await openSession(fw, opts, lang, L, term, prompts);
    if (!start) return EXIT.rejected;
    file = start.file;
    return await run(fw, start, lang, L, opts.lang, term, prompts, io);
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    term.err(`\n${file ? fill(L['assess.interrupted'], { file }) : ''}\n`);
    return EXIT.interrupted;
  }
}

interface Start {
  file: string;
  meta: AnswersMeta;
  answers: ReadonlyMap<string, Answer>;
}

function resumeFrom(file: string, fw: Framework, lang: UiLang, term: Terminal): Start | null {
  const loaded = loadResponse(file, fw);
  if (!loaded.value) {
    // A broken file or one for another framework is reported and left exactly as it is.
    printDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error'), lang, term);
    return null;
  }
  const r: Response = loaded.value;
  return {
    file,
    meta: { village: r.village, municipality: r.municipality, lag: r.lag, respondent: r.respondent, date: r.date, language: r.language ?? fw.languages[0] ?? 'lv' },
    answers: r.answers,
  };
}

async function openSession(fw: Framework, opts: AssessOptions, lang: string, L: Labels, term: Terminal, prompts: Prompts): Promise<Start | null> {
  if (opts.answers && (await exists(opts.answers))) return resumeFrom(opts.answers, fw, opts.lang, term);
  term.out(`${term.color.bold(translator(fw, lang)(fw.title))}\n\n`);
  const village = opts.village?.trim() || (await prompts.text(L['assess.village'], { required: L['assess.villageEmpty'] }));
  let file = opts.answers;
  if (!file) {
    const base = `${safeFileName(village, new Set())}-${today()}`;
    file = `${base}.yaml`;
    if (await exists(file)) {
      const resume = await prompts.choose(fill(L['assess.existing'], { file }), [
        { value: true, name: L['assess.existingYes'] },
        { value: false, name: L['assess.existingNo'] },
      ]);
      if (resume) return resumeFrom(file, fw, opts.lang, term);
      for (let n = 2; await exists(file); n++) file = `${base}-${n}.yaml`;
    }
  }
  const municipality = (await prompts.text(L['assess.municipality'])) || null;
  const lag = (await prompts.text(L['assess.lag'])) || null;
  const respondent = (await prompts.text(L['assess.present'])) || null;
  return { file, meta: { village, municipality, lag, respondent, date: today(), language: lang }, answers: new Map() };
}

async function run(
  fw: Framework,
  start: Start,
  lang: string,
  L: Labels,
  ui: UiLang,
  term: Terminal,
  prompts: Prompts,
  io: AssessIo,
): Promise<ExitCode> {
  const { file } = start;
  const meta = { ...start.meta, date: today() };
  const save = async (s: Session): Promise<void> => {
    const failed = await writeFileSafe(file, answersYaml(fw, meta, s.answers, L['assess.fileTitle']), true);
    if (failed) throw new UserError(message(ui, failed.code, failed.params), EXIT.rejected);
  };
  let session = startSession(fw, start.answers);
  await save(session);
  const answered = session.order.filter((id) => (session.answers.get(id)?.score ?? null) !== null).length;
  let notice = [fill(L['assess.saving'], { file }), ...(answered > 0 ? [fill(L['assess.resuming'], { answered, total: session.order.length })] : [])];

  const screen: Screen = { fw, lang, L, term, prompts, width: Math.max(40, Math.min(term.columns, 110) - 2) };
  const title = term.color.bold(fill(L['assess.title'], { village: meta.village }));
  while (session.at.mode !== 'done') {
    io.clear();
    // The first screen says where the answers go; later ones keep every line for the question.
    if (notice.length > 0) term.out(`${notice.map((n) => `${term.color.dim(n)}\n`).join('')}\n`);
    notice = [];
    const event = session.at.mode === 'review' ? await reviewScreen(screen, session, title) : await questionScreen(screen, session, meta.village);
    const before = session;
    session = step(session, event);
    if (session.answers !== before.answers) await save(session);
  }

  io.clear();
  const result = evaluate(fw, { village: meta.village, key: meta.village, responses: [toResponse(file, meta, session.answers, fw)] });
  const plan = villagePlanView(result, lang, meta.date);
  term.out(`${title}\n\n${term.color.bold(L['assess.result'])}\n`);
  for (const p of plan.pillars) term.out(`  ${p.title}: ${p.scoreText} (${p.coverageText} ${L['report.coverage']})\n`);
  term.out(`  ${L['col.overall']}: ${plan.overallText}\n\n${term.color.bold(`${L['report.level']}: ${plan.level.title}`)}\n`);
  if (plan.next) {
    term.out(`${L['report.next']}: ${plan.next.title}\n`);
    for (const u of plan.next.unmet) term.out(`  • ${u}\n`);
  }
  term.out('\n');
  await offerPlan(file, plan, L, ui, term, prompts);
  term.out(`${fill(L['assess.done'], { file })}\n`);
  return EXIT.ok;
}

function toResponse(file: string, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, fw: Framework): Response {
  return { source: file, framework: fw.id, ...meta, language: meta.language, answers };
}

/** Choice lines that fit under `used` lines of text, leaving room for the prompt and its key hint. */
const pageFor = (term: Terminal, used: number): number => Math.max(5, term.rows - used - 3);

async function questionScreen(screen: Screen, s: Session, villageName: string): Promise<SessionEvent> {
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

async function reviewScreen({ fw, lang, L, term, prompts, width }: Screen, s: Session, title: string): Promise<SessionEvent> {
  const t = translator(fw, lang);
  term.out(`${title}\n${term.color.bold(L['assess.reviewTitle'])}\n`);
  for (const p of fw.pillars) {
    const done = p.criteria.filter((c) => (s.answers.get(c.id)?.score ?? null) !== null).length;
    term.out(wrap(`${t(p.title)}: ${done}/${p.criteria.length}`, width, '  ') + '\n');
  }
  term.out('\n');
  const open = s.order.filter((id) => (s.answers.get(id)?.score ?? null) === null);
  const items: ({ value: string; name: string } | 'separator')[] = [{ value: '#finish', name: L['assess.finish'] }];
  if (open[0] !== undefined) items.push({ value: `#open:${open[0]}`, name: `${L['assess.continue']} (${open.length})` });
  items.push('separator');
  for (const p of fw.pillars) {
    for (const c of p.criteria) items.push({ value: c.id, name: `${t(p.title)} · ${t(c.title)}: ${answerText(s.answers.get(c.id), fw, lang, L)}` });
  }
  const picked = await prompts.choose(L['assess.reviewPick'], items, { pageSize: pageFor(term, fw.pillars.length + 3) });
  if (picked === '#finish') return { type: 'finish' };
  return { type: 'jump', id: picked.startsWith('#open:') ? picked.slice(6) : picked };
}

async function offerPlan(file: string, plan: PlanView, L: Labels, ui: UiLang, term: Terminal, prompts: Prompts): Promise<void> {
  const format = await prompts.choose<ReportFormat | null>(L['assess.writePlan'], [
    { value: 'md', name: L['assess.planMd'] },
    { value: 'pdf', name: L['assess.planPdf'] },
    { value: null, name: L['assess.planNo'] },
  ]);
  if (format === null) return;
  const out = join(dirname(file), `${basename(file, extname(file))}-plan.${format}`);
  if (await exists(out)) {
    const replace = await prompts.choose(fill(L['assess.overwrite'], { file: out }), [
      { value: false, name: L['assess.no'] },
      { value: true, name: L['assess.yes'] },
    ]);
    if (!replace) return;
  }
  const renderer = await reportRenderer({ format, paper: 'a4' });
  const rendered = await renderer.render(plan);
  if (rendered.diagnostic) return;
  const failed = await writeFileSafe(out, rendered.data, true);
  if (failed) throw new UserError(message(ui, failed.code, failed.params), EXIT.rejected);
  term.out(`${term.color.green(fill(L['assess.planWritten'], { file: out }))}\n`);
}
