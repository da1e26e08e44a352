import type { FromSchema } from 'json-schema-to-ts';
import { ID_PATTERN, LANG_PATTERN } from './criteria.js';

/**
 * The JSON Schema of an answers file (one respondent or one facilitated session): the single
 * source of truth for the `AnswersFile` type, `village schema answers` and
 * `schema/answers.schema.json`.
 */

export const FULL_ID_PATTERN = '^[a-z0-9-]+\\.[a-z0-9-]+$';
export const NOT_APPLICABLE = 'n/a';

// Text is read like a CSV cell (docs/formats.md 2.1): "3", a scale label, the rubric text, N/A, nezinu.
const score = {
  anyOf: [{ type: 'integer' }, { const: NOT_APPLICABLE }, { type: 'null' }, { type: 'string', minLength: 1, pattern: '\\S' }],
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
    date: {
      anyOf: [{ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, { type: 'string', pattern: '^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}\\.?$' }, { type: 'null' }],
    },
    language: { anyOf: [{ type: 'string', pattern: LANG_PATTERN }, { type: 'null' }] },
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
