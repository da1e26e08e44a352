import { isMap, isSeq, parseDocument, Scalar, stringify, YAMLMap, YAMLSeq, type Document } from 'yaml';
import type { Answer } from '../core/answers.js';
import type { Framework } from '../core/framework.js';

export interface AnswersMeta {
  village: string;
  municipality: string | null;
  lag: string | null;
  respondent: string | null;
  date: string | null;
  language: string;
}

/** One facilitated session, as recorded in the answers file's `sessions:` (docs/formats.md). */
export interface SessionRecord {
  date: string;
  /** Local time HH:MM when it started and when it last saved. */
  start: string;
  end: string;
  facilitators: string[];
  /** How many people took part (null when not said). */
  present: number | null;
  /** The criterion on screen when it last saved (null: the review), and the criteria put off for the end. */
  at: string | null;
  skipped: string[];
}

/** Text that a plain YAML scalar would mangle or that spans lines: written double-quoted (escapes for every control character). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const needsQuotes = (v: string): boolean => /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(v) || v !== v.trim() || v === '';

const scalar = (v: string | null): string => {
  if (v === null) return 'null';
  return needsQuotes(v) ? JSON.stringify(v) : stringify(v, { lineWidth: 0 }).trimEnd();
};

/** The lines of an answers file before its answers: the kind, the framework and the village's details. */
export function answersHead(fw: Framework, meta: AnswersMeta): string[] {
  return [
    'schema: village-kit/answers@1',
    `framework: ${fw.id}`,
    `village: ${scalar(meta.village)}`,
    `municipality: ${scalar(meta.municipality)}`,
    `lag: ${scalar(meta.lag)}`,
    `respondent: ${scalar(meta.respondent)}`,
    `date: ${scalar(meta.date)}`,
    `language: ${scalar(meta.language)}`,
    'answers:',
  ];
}

const quoted = (v: string): Scalar => {
  const s = new Scalar(v);
  s.type = 'QUOTE_DOUBLE';
  return s;
};

const textNode = (v: string | null): Scalar => (v === null ? new Scalar(null) : needsQuotes(v) ? quoted(v) : new Scalar(v));

/** An answer as the file writes it: `3`, `n/a`, `null`, or `{ score: 3, note: "…" }` on one line. */
function answerNode(a: Answer | undefined): Scalar | YAMLMap {
  const score = a?.score ?? null;
  if (!a?.note) return new Scalar(score);
  const m = new YAMLMap();
  m.flow = true;
  m.set('score', new Scalar(score));
  m.set('note', quoted(a.note));
  return m;
}

function sessionNode(r: SessionRecord): YAMLMap {
  const m = new YAMLMap();
  m.flow = true;
  m.set('date', new Scalar(r.date));
  m.set('start', quoted(r.start));
  m.set('end', quoted(r.end));
  const f = new YAMLSeq();
  f.flow = true;
  for (const name of r.facilitators) f.add(textNode(name));
  m.set('facilitators', f);
  m.set('present', new Scalar(r.present));
  m.set('at', new Scalar(r.at));
  const sk = new YAMLSeq();
  sk.flow = true;
  for (const id of r.skipped) sk.add(new Scalar(id));
  m.set('skipped', sk);
  return m;
}

/** What an answers file's change is: the answers to set, the details to set, this session's record. */
export interface AnswersEdit {
  answers: ReadonlyMap<string, Answer>;
  meta?: Partial<AnswersMeta>;
  /** This session's record: replaces the entry at `index`, or is appended when `index` is past the end. */
  session?: { index: number; record: SessionRecord };
}

const plainValue = (doc: Document, key: string): unknown => {
  const v = doc.get(key);
  return v instanceof Scalar ? v.value : v;
};

/**
 * Edits an answers file in place with the YAML document API: only what changed is touched, so
 * comments, key order, the original `date` and every other answer stay as they were. Pure.
 */
export function editAnswers(text: string, edit: AnswersEdit): string {
  const doc = parseDocument(text);
  for (const [key, value] of Object.entries(edit.meta ?? {})) {
    if (plainValue(doc, key) !== value) doc.set(key, textNode(value ?? null));
  }
  let answers = doc.get('answers', true);
  if (!isMap(answers)) {
    answers = new YAMLMap();
    doc.set('answers', answers);
  }
  const map = answers as YAMLMap;
  for (const [id, a] of edit.answers) {
    const node = answerNode(a);
    const old = map.get(id, true);
    // An unchanged answer keeps its node (and its comment).
    const same = JSON.stringify(old === undefined ? undefined : (old as Scalar | YAMLMap).toJSON()) === JSON.stringify(node.toJSON());
    if (!same) {
      if (old instanceof Scalar && node instanceof Scalar) old.value = node.value;
      else map.set(id, node);
    }
  }
  if (edit.session) {
    let seq = doc.get('sessions', true);
    if (!isSeq(seq)) {
      seq = new YAMLSeq();
      doc.set('sessions', seq);
    }
    const items = (seq as YAMLSeq).items;
    if (edit.session.index < items.length) items[edit.session.index] = sessionNode(edit.session.record);
    else items.push(sessionNode(edit.session.record));
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}

/**
 * A new answers file in the docs/formats.md format with every criterion of the framework listed
 * (null when unanswered), so it is valid input for `score`, `report` and a later `assess --answers`. Pure.
 */
export function answersYaml(fw: Framework, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, title: string): string {
  const lines = [`# ${title.replace(/[\r\n]+/g, ' ')}`, ...answersHead(fw, meta)];
  for (const p of fw.pillars) {
    for (const c of p.criteria) lines.push(`  ${c.id}: null`);
  }
  return editAnswers(`${lines.join('\n')}\n`, { answers });
}

/** The `sessions:` of an answers file as records (entries that are not maps are skipped). */
export function sessionsOf(text: string): SessionRecord[] {
  const data: unknown = parseDocument(text).toJS();
  const list = data && typeof data === 'object' ? (data as Record<string, unknown>).sessions : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x): SessionRecord[] => {
    if (!x || typeof x !== 'object') return [];
    const r = x as Record<string, unknown>;
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    return [
      {
        date: str(r.date),
        start: str(r.start),
        end: str(r.end),
        facilitators: Array.isArray(r.facilitators) ? r.facilitators.filter((f): f is string => typeof f === 'string') : [],
        present: typeof r.present === 'number' ? r.present : null,
        at: typeof r.at === 'string' ? r.at : null,
        skipped: Array.isArray(r.skipped) ? r.skipped.filter((f): f is string => typeof f === 'string') : [],
      },
    ];
  });
}
