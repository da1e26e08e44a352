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

const score = {
  anyOf: [{ type: 'integer' }, { const: NOT_APPLICABLE }, { const: DONT_KNOW }, { type: 'null' }],
} as const;

const answer = {
  anyOf: [
    ...score.anyOf,
    {
      type: 'object',
      additionalProperties: false,
      properties: { score, note: { type: ['string', 'null'] } },
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
  title: 'smart-village-kit answers',
  type: 'object',
  required: ['schema', 'framework', 'village', 'answers'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/answers@1' },
    framework: { type: 'string', pattern: ID_PATTERN },
    village: { type: 'string', minLength: 1, pattern: '\\S' },
    municipality: optionalText,
    lag: optionalText,
    respondent: optionalText,
    date: { anyOf: [{ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, { type: 'null' }] },
    language: { anyOf: [{ type: 'string', pattern: LANG_PATTERN }, { type: 'null' }] },
    sessions: { anyOf: [{ type: 'array', items: sessionEntry }, { type: 'null' }] },
    answers: {
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
