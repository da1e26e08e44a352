import type { FromSchema } from 'json-schema-to-ts';
import { FULL_ID_PATTERN } from './answers.js';
import { ID_PATTERN, LANG_PATTERN } from './criteria.js';

/**
 * The JSON Schema of a plan file (`village plan`): the community's own plan, which people edit.
 * The single source of the `PlanFile` type, `village schema plan-file` and
 * `schema/plan-file.schema.json`. Checks the schema cannot make (the month in `due`, the village
 * and the framework) are in `core/plan-file.ts`.
 */

/** What an action of the plan may be: planned, under way, done, or dropped by the community. */
export const PLAN_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;

const nullableNumber = { type: ['number', 'null'] } as const;
const text = { type: ['string', 'null'] } as const;

const planAction = {
  type: 'object',
  required: ['id', 'criterion', 'status'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      description: 'The action id of the framework; "discuss:<criterion>" for a talk before choosing an action.',
    },
    criterion: { type: 'string', pattern: FULL_ID_PATTERN, description: 'The full id of the criterion the action serves.' },
    text: { ...text, description: 'What to do. The community may reword it; the kit never rewrites it.' },
    owner: { ...text, description: 'Who in the village takes it on.' },
    due: { type: ['string', 'number', 'null'], description: 'By when: a month YYYY-MM, or empty.' },
    status: { enum: PLAN_STATUSES, description: 'planned, doing, done or dropped.' },
    done_when: { ...text, description: 'How the community will know it is done.' },
    funding: {
      anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }],
      description: 'How to pay for it (funding routes, in words).',
    },
    note: { ...text, description: 'Anything the community wants to remember about it.' },
  },
} as const;

const actions = { anyOf: [{ type: 'array', items: planAction }, { type: 'null' }] } as const;

export const planFileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'smart-village-kit plan file (village plan)',
  type: 'object',
  required: ['schema', 'framework', 'village', 'assessment'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/plan@1' },
    framework: {
      type: 'object',
      required: ['id', 'version'],
      additionalProperties: false,
      properties: { id: { type: 'string', pattern: ID_PATTERN }, version: { type: 'string' } },
    },
    village: { type: 'string', minLength: 1, pattern: '\\S' },
    municipality: text,
    lag: text,
    language: { anyOf: [{ type: 'string', pattern: LANG_PATTERN }, { type: 'null' }] },
    assessment: {
      type: 'object',
      description: 'The assessment the plan came from, as scored then: "last time" for village report --previous.',
      required: ['date', 'level', 'overall', 'pillars', 'criteria'],
      additionalProperties: false,
      properties: {
        date: { anyOf: [{ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, { type: 'null' }] },
        level: { type: 'string' },
        overall: nullableNumber,
        respondents: { type: 'integer', minimum: 0 },
        pillars: { type: 'object', additionalProperties: nullableNumber, description: 'Pillar id -> score (0–100, one decimal).' },
        criteria: {
          type: 'object',
          propertyNames: { pattern: FULL_ID_PATTERN },
          additionalProperties: nullableNumber,
          description: 'Every criterion of the framework then -> its mean raw score (two decimals), null when not scored.',
        },
      },
    },
    first_steps: { ...actions, description: 'The first steps: the next twelve months.' },
    later: { ...actions, description: 'Later actions and ideas.' },
  },
} as const;

export type PlanFile = FromSchema<typeof planFileSchema>;
export type PlanFileAction = FromSchema<typeof planAction>;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
