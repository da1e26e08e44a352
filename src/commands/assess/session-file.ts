import type { Answer, Response } from '../../core/answers.js';
import { translator, type Framework } from '../../core/framework.js';
import { safeFileName } from '../../core/slug.js';
import { rejected } from '../../errors.js';
import { fill } from '../../i18n/messages.js';
import { loadResponse } from '../../io/load.js';
import type { Prompts } from '../../io/prompts.js';
import type { Terminal } from '../../io/terminal.js';
import { exists, writeFileSafe } from '../../io/write.js';
import { answersYaml, type AnswersMeta } from '../../render/answers-yaml.js';
import { wrap } from '../../render/wrap.js';
import { today } from '../shared.js';
import type { Labels } from './screens.js';

/** What the command line says about the file: `--answers`, `--village`. */
export interface SessionTarget {
  answers: string | undefined;
  village: string | undefined;
}

/** Where a session starts: its file, who and where, and the answers already given. */
export interface Start {
  file: string;
  meta: AnswersMeta;
  answers: ReadonlyMap<string, Answer>;
}

/** An existing answers file to go on with; a broken file or one for another framework stops the session and is left as it is. */
function resumeFrom(file: string, fw: Framework): Start {
  const loaded = loadResponse(file, fw);
  if (!loaded.value) {
    // A broken file or one for another framework is reported and left exactly as it is.
    throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
  }
  const r: Response = loaded.value;
  return {
    file,
    meta: { village: r.village, municipality: r.municipality, lag: r.lag, respondent: r.respondent, date: r.date, language: r.language ?? fw.languages[0] ?? 'lv' },
    answers: r.answers,
  };
}

/**
 * Opens the session's answers file: the one given (resumed when it exists), else
 * `<village>-<date>.yaml` in the current folder, offering to resume one of today's, else a new `-2`.
 */
export async function openSession(fw: Framework, opts: SessionTarget, lang: string, L: Labels, term: Terminal, prompts: Prompts): Promise<Start> {
  if (opts.answers && (await exists(opts.answers))) return resumeFrom(opts.answers, fw);
  const t = translator(fw, lang);
  // The framework's definitions, for the mentor to read aloud before the first question.
  const definition = t(fw.description);
  const width = Math.max(40, Math.min(term.columns, 110) - 2);
  term.out(`${term.color.bold(t(fw.title))}\n${definition ? `${wrap(definition, width, '')}\n` : ''}\n`);
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
      if (resume) return resumeFrom(file, fw);
      for (let n = 2; await exists(file); n++) file = `${base}-${n}.yaml`;
    }
  }
  const municipality = (await prompts.text(L['assess.municipality'])) || null;
  const lag = (await prompts.text(L['assess.lag'])) || null;
  const respondent = (await prompts.text(L['assess.present'])) || null;
  return { file, meta: { village, municipality, lag, respondent, date: today(), language: lang }, answers: new Map() };
}

/** The session's answers as a response, to score. */
export function toResponse(file: string, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, fw: Framework): Response {
  return { source: file, framework: fw.id, ...meta, language: meta.language, answers };
}

/** Writes the whole answers file atomically; a failure stops the session with the file as it was. */
export async function saveAnswers(file: string, fw: Framework, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, title: string): Promise<void> {
  const failed = await writeFileSafe(file, answersYaml(fw, meta, answers, title), true);
  if (failed) throw rejected([failed]);
}
