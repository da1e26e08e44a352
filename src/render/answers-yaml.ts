import { stringify } from 'yaml';
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

const scalar = (v: string | null): string => (v === null ? 'null' : stringify(v, { lineWidth: 0 }).trimEnd());

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

/**
 * An answers file in the docs/formats.md format with every criterion of the framework listed (null
 * when unanswered), so it is valid input for `score`, `report` and a later `assess --answers`. Pure.
 */
export function answersYaml(fw: Framework, meta: AnswersMeta, answers: ReadonlyMap<string, Answer>, title: string): string {
  const lines = [`# ${title}`, ...answersHead(fw, meta)];
  for (const p of fw.pillars) {
    for (const c of p.criteria) {
      const a = answers.get(c.id);
      const score = a?.score ?? null;
      const value = score === null ? 'null' : String(score);
      lines.push(a?.note ? `  ${c.id}: { score: ${value}, note: ${JSON.stringify(a.note)} }` : `  ${c.id}: ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
