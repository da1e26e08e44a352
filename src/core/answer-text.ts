import { NOT_APPLICABLE } from '../schema/answers.js';
import type { Score } from './answers.js';
import { EMPTY_MAP, NEUTRAL_WORDS, parseCell, parseDateCell, type CsvWords } from './csv-map.js';
import { error, type Diagnostic } from './diagnostic.js';
import type { Framework } from './framework.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A YAML answer written as text, read with the CSV cell vocabulary (docs/formats.md 2.1): "3",
 * a scale label, the rubric text, `N/A`, `nezinu`…; undefined when it is none of these. Pure.
 */
export function readAnswerText(value: string, id: string, fw: Framework, words: CsvWords = NEUTRAL_WORDS): Score | undefined {
  const criterion = fw.criteria.get(id);
  if (!criterion) return undefined;
  return value === NOT_APPLICABLE ? NOT_APPLICABLE : parseCell(value, criterion, fw, EMPTY_MAP, words);
}

/** A YAML `date` written as CSV accepts it ("14.03.2026"), as YYYY-MM-DD; undefined when it is not a date. Pure. */
export const readDateText = (value: string): string | undefined => parseDateCell(value);

/**
 * The checks of text answers and a text date that the schema lets through: each must read as a
 * CSV cell would. Diagnostics carry paths into the document. Pure.
 */
export function checkAnswerTexts(data: unknown, fw: Framework, words: CsvWords = NEUTRAL_WORDS): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isObject(data)) return out;
  if (typeof data.date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(data.date) && readDateText(data.date) === undefined) {
    out.push(error('ans.badDateText', { date: data.date }, ['date']));
  }
  if (!isObject(data.answers)) return out;
  for (const [id, value] of Object.entries(data.answers)) {
    if (!fw.criteria.has(id)) continue;
    const nested = isObject(value);
    const score = nested ? value.score : value;
    if (typeof score === 'string' && score !== NOT_APPLICABLE && readAnswerText(score, id, fw, words) === undefined) {
      out.push(error('ans.badScoreText', { value: score, min: fw.scale.min, max: fw.scale.max }, nested ? ['answers', id, 'score'] : ['answers', id]));
    }
  }
  return out;
}
