/**
 * The JSON Schema of `village report --format json`: one village's action plan as data, in the
 * report's language. Printed by `village schema plan`; documented in docs/formats.md.
 */
const nullableNumber = { type: ['number', 'null'] } as const;
const ids = { type: 'array', items: { type: 'string' } } as const;

const action = {
  type: 'object',
  required: ['id', 'criterion', 'text', 'timeframe', 'effort', 'partners', 'funding', 'after', 'done_when'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'The action id of the framework.' },
    criterion: { type: 'string', description: 'The full id of the criterion the action serves.' },
    text: { type: 'string', description: 'What to do, in the report language.' },
    timeframe: { enum: ['short', 'medium', 'long', null] },
    effort: { enum: ['low', 'medium', 'high', null] },
    partners: { ...ids, description: 'Partner ids of the framework.' },
    funding: { ...ids, description: 'Funding route ids of the framework.' },
    after: { ...ids, description: 'Ids of the actions that come first and are still to do.' },
    done_when: { type: ['string', 'null'], description: 'An observable sign that it is done.' },
  },
} as const;

const criterionRef = {
  type: 'object',
  required: ['criterion', 'title'],
  properties: { criterion: { type: 'string' }, title: { type: 'string' } },
} as const;

export const planReportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://smart-village-kit.invalid/schema/plan.schema.json',
  title: 'smart-village-kit action plan (village report --format json)',
  type: 'object',
  required: ['format', 'village', 'framework', 'language', 'level', 'overall', 'pillars', 'next_level', 'first_steps', 'later', 'strengths', 'discuss', 'open'],
  additionalProperties: false,
  properties: {
    format: { const: 'village-kit/plan-report@1' },
    village: { type: 'string' },
    municipality: { type: ['string', 'null'] },
    lag: { type: ['string', 'null'] },
    date: { type: 'string', description: 'The latest answer date, else the day the plan was made (YYYY-MM-DD).' },
    period: { type: ['string', 'null'], description: 'The period of the answers: a year, a --period range, or null.' },
    respondents: { type: 'integer', minimum: 0 },
    language: { type: 'string' },
    framework: {
      type: 'object',
      required: ['id', 'version'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, version: { type: 'string' } },
    },
    level: {
      type: 'object',
      required: ['id', 'title'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, title: { type: 'string' } },
    },
    overall: nullableNumber,
    pillars: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'score', 'coverage'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, title: { type: 'string' }, score: nullableNumber, coverage: { type: 'number' } },
      },
    },
    next_level: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['id', 'title', 'unmet', 'kind', 'path', 'answer_first'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            unmet: { type: 'array', items: { type: 'string' }, description: 'The rules of the next level not yet met, in words.' },
            kind: {
              enum: ['raise', 'unreachable', 'answer'],
              description: 'raise: the path reaches the level; unreachable: no raise of scored criteria can; answer: the assessment is incomplete.',
            },
            path: {
              type: 'array',
              description: 'The cheapest raises that make every rule of the next level hold.',
              items: {
                type: 'object',
                required: ['criterion', 'from', 'to'],
                additionalProperties: false,
                properties: { criterion: { type: 'string' }, from: { type: 'number' }, to: { type: 'integer' } },
              },
            },
            answer_first: { ...ids, description: 'For an incomplete assessment: the criteria to answer first.' },
          },
        },
      ],
    },
    first_steps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'criterion', 'text', 'reason', 'action'],
        additionalProperties: false,
        properties: {
          kind: { enum: ['action', 'discuss'] },
          criterion: { type: 'string' },
          text: { type: 'string' },
          reason: { enum: ['path', 'foundation', 'quick-win', 'priority'] },
          action: { oneOf: [{ type: 'null' }, action] },
        },
      },
    },
    later: { type: 'array', items: action },
    strengths: { type: 'array', items: { ...criterionRef, properties: { ...criterionRef.properties, score: { type: 'number' } } } },
    discuss: {
      type: 'array',
      items: {
        ...criterionRef,
        properties: { ...criterionRef.properties, min: nullableNumber, max: nullableNumber, distribution: { type: 'string', description: 'How many respondents gave each score: "0×1, 2×3" (score×count).' } },
      },
    },
    open: {
      type: 'array',
      items: { ...criterionRef, properties: { ...criterionRef.properties, status: { enum: ['na', 'unanswered'] } } },
    },
  },
} as const;
