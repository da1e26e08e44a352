import type { Answer, Response } from '../../src/core/answers.js';
import { buildFramework, type Framework } from '../../src/core/framework.js';
import type { CriteriaFile } from '../../src/schema/criteria.js';

const t = (s: string) => ({ en: s });

/** A criteria file with every pillar and criterion generated: `pillars` maps pillar id -> criterion ids. */
export function criteriaFile(opts: {
  min?: number;
  max?: number;
  pillars: Record<string, string[]>;
  pillarWeights?: Record<string, number>;
  criterionWeights?: Record<string, number>;
  coverageMin?: number;
  levels?: CriteriaFile['levels'];
  actions?: Record<string, { id: string; below?: number; timeframe?: 'short' | 'medium' | 'long' }[]>;
}): CriteriaFile {
  const min = opts.min ?? 0;
  const max = opts.max ?? 4;
  const labels: Record<string, { en: string }> = {};
  for (let s = min; s <= max; s++) labels[String(s)] = t(`step ${s}`);
  return {
    schema: 'village-kit/criteria@1',
    id: 'test-fw',
    version: '1.0.0',
    languages: ['en'],
    title: t('Test'),
    scale: { min, max, labels },
    ...(opts.coverageMin !== undefined ? { coverage_min: opts.coverageMin } : {}),
    pillars: Object.entries(opts.pillars).map(([id, criteria]) => ({
      id,
      title: t(`Pillar ${id}`),
      ...(opts.pillarWeights?.[id] !== undefined ? { weight: opts.pillarWeights[id] } : {}),
      criteria: criteria.map((c) => ({
        id: c,
        title: t(`Criterion ${c}`),
        question: t(`Question ${id}.${c}?`),
        ...(opts.criterionWeights?.[`${id}.${c}`] !== undefined ? { weight: opts.criterionWeights[`${id}.${c}`] } : {}),
        ...(opts.actions?.[`${id}.${c}`] ? { actions: opts.actions[`${id}.${c}`]!.map((a) => ({ ...a, text: t(`Do ${a.id}`) })) } : {}),
      })),
    })),
    levels: opts.levels ?? [
      { id: 'top', title: t('Top'), rules: { overall_min: 75, pillar_min: 65 } },
      { id: 'middle', title: t('Middle'), rules: { pillars_min_count: { count: 2, min: 50 } } },
      { id: 'base', title: t('Base'), rules: {} },
    ],
  };
}

export const framework = (opts: Parameters<typeof criteriaFile>[0]): Framework => buildFramework(criteriaFile(opts));

/** A response from `{ 'p.c': 3, 'p.d': 'n/a' }`. */
export function response(village: string, answers: Record<string, Answer['score'] | { score: Answer['score']; note: string }>, extra: Partial<Response> = {}): Response {
  const map = new Map<string, Answer>();
  for (const [id, v] of Object.entries(answers)) {
    map.set(id, v !== null && typeof v === 'object' ? { score: v.score, note: v.note } : { score: v, note: null });
  }
  return {
    source: `${village}.yaml`,
    framework: 'test-fw',
    village,
    municipality: null,
    lag: null,
    respondent: null,
    date: null,
    language: null,
    answers: map,
    ...extra,
  };
}
