import type { FromSchema } from 'json-schema-to-ts';
import { ID_PATTERN, LANG_PATTERN } from './criteria.js';

/**
 * The JSON Schema of an answers file (one respondent or one facilitated session): the single
 * source of truth for the `AnswersFile` type, `village schema answers` and
 * `schema/answers.schema.json`.
 */

export const FULL_ID_PATTERN = '^[a-z0-9-]+\\.[a-z0-9-]+$';
export const NOT_APPLICABLE = 'n/a';
/** "Don't know": not scored, like n/a, but the plan lists it as something to find out. */
export const DONT_KNOW = 'dont-know';

// Text is read like a CSV cell (docs/formats.md 2.1): "3", a scale label, the rubric text, N/A, nezinu.
const score = {
  anyOf: [{ type: 'integer' }, { const: NOT_APPLICABLE }, { const: DONT_KNOW }, { type: 'null' }, { type: 'string', minLength: 1, pattern: '\\S' }],
} as const;

const answer = {
  anyOf: [
    ...score.anyOf,
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        score: { ...score, description: 'The score on the scale of the framework, "n/a" (does not apply) or empty (not answered).' },
        note: { type: ['string', 'null'], description: 'Evidence or a remark, quoted in the report.' },
      },
    },
  ],
} as const;

const optionalText = { type: ['string', 'null'] } as const;

/** One facilitated session (written by `village assess`): when, who led it, how many took part, where it stopped. */
const sessionEntry = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    start: { anyOf: [{ type: 'string', pattern: '^[0-9]{2}:[0-9]{2}$' }, { type: 'null' }] },
    end: { anyOf: [{ type: 'string', pattern: '^[0-9]{2}:[0-9]{2}$' }, { type: 'null' }] },
    facilitators: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] },
    present: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
    at: { anyOf: [{ type: 'string', pattern: FULL_ID_PATTERN }, { type: 'null' }] },
    skipped: { anyOf: [{ type: 'array', items: { type: 'string', pattern: FULL_ID_PATTERN } }, { type: 'null' }] },
  },
} as const;

export const answersSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://smart-village-kit.invalid/schema/answers.schema.json',
  title: 'smart-village-kit answers',
  description: 'The answers of one village (one respondent or one facilitated session) to a criteria framework.',
  type: 'object',
  required: ['schema', 'framework', 'village', 'answers'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/answers@1', description: 'The kind and version of this file: always "village-kit/answers@1".' },
    framework: { type: 'string', pattern: ID_PATTERN, description: 'The id of the criteria framework these answers are for.' },
    village: { type: 'string', minLength: 1, pattern: '\\S', description: 'The name of the village (answers of the same village are combined).' },
    municipality: { ...optionalText, description: 'The municipality of the village.' },
    lag: { ...optionalText, description: 'The LEADER local action group (LAG).' },
    respondent: { ...optionalText, description: 'Who answered (a person, or a facilitated session).' },
    date: {
      anyOf: [{ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, { type: 'string', pattern: '^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}\\.?$' }, { type: 'null' }],
      description: 'When, as YYYY-MM-DD (or DD.MM.YYYY).',
    },
    language: { anyOf: [{ type: 'string', pattern: LANG_PATTERN }, { type: 'null' }], description: 'The language the answers were given in (and of the report), e.g. "lv".' },
    sessions: { anyOf: [{ type: 'array', items: sessionEntry }, { type: 'null' }], description: 'The assess sessions that wrote this file: date, start and end time, facilitators, people present.' },
    answers: {
      description: 'One entry per criterion, "pillar.criterion": a score, "n/a", empty, or { score, note }.',
      anyOf: [
        {
          type: 'object',
          propertyNames: { pattern: FULL_ID_PATTERN },
          additionalProperties: answer,
        },
        { type: 'null' },
      ],
    },
  },
} as const;

export type AnswersFile = FromSchema<typeof answersSchema>;
export type AnswerValue = FromSchema<typeof answer>;
