import type { FromSchema } from 'json-schema-to-ts';

/**
 * The JSON Schema of a criteria framework: the single source of truth. The TypeScript type
 * `CriteriaFile` is derived from it, `village schema criteria` prints it, and
 * `schema/criteria.schema.json` is generated from it (guarded by a test).
 */

export const ID_PATTERN = '^[a-z0-9-]+$';
export const LANG_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

const id = { type: 'string', pattern: ID_PATTERN } as const;

const text = {
  type: 'object',
  description: 'A text in every language of the framework: a map language -> string.',
  minProperties: 1,
  propertyNames: { pattern: LANG_PATTERN },
  additionalProperties: { type: 'string', minLength: 1 },
} as const;

const stepMap = {
  type: 'object',
  propertyNames: { pattern: '^-?[0-9]+$' },
  additionalProperties: text,
} as const;

const weight = { type: 'number', exclusiveMinimum: 0, default: 1 } as const;
const percent = { type: 'number', minimum: 0, maximum: 100 } as const;

const action = {
  type: 'object',
  required: ['id', 'text'],
  additionalProperties: false,
  properties: {
    id,
    text,
    below: { type: 'number', description: 'Recommend while the (mean) raw score is below this; default scale.max.' },
    timeframe: { type: 'string', enum: ['short', 'medium', 'long'] },
    partners: { type: 'array', items: id, uniqueItems: true },
    after: {
      type: 'array',
      items: id,
      uniqueItems: true,
      description: 'Actions (ids) that must come first: this one is never recommended before them.',
    },
    effort: { type: 'string', enum: ['low', 'medium', 'high'], description: 'How much work it takes a volunteer community.' },
    funding: { type: 'array', items: id, uniqueItems: true, description: 'Ways to pay for it: ids from the top-level `funding` list.' },
    done_when: { ...text, description: 'An observable sign that the action is done.' },
  },
} as const;

const criterion = {
  type: 'object',
  required: ['id', 'title', 'question'],
  additionalProperties: false,
  properties: {
    id,
    title: text,
    question: text,
    help: text,
    weight,
    levels: stepMap,
    aliases: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Earlier wordings of the question or title (any language) that spreadsheet columns may still carry; matched like the question.',
    },
    actions: { type: 'array', items: action },
    examples: { type: 'array', items: id, uniqueItems: true },
  },
} as const;

const pillar = {
  type: 'object',
  required: ['id', 'title', 'criteria'],
  additionalProperties: false,
  properties: {
    id,
    title: text,
    description: text,
    weight,
    criteria: { type: 'array', minItems: 1, items: criterion },
  },
} as const;

const rules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    overall_min: percent,
    pillar_min: percent,
    pillars_min_count: {
      type: 'object',
      required: ['count', 'min'],
      additionalProperties: false,
      properties: { count: { type: 'integer', minimum: 1 }, min: percent },
    },
    criteria_min: {
      type: 'object',
      propertyNames: { pattern: '^[a-z0-9-]+\\.[a-z0-9-]+$' },
      additionalProperties: { type: 'number' },
    },
  },
} as const;

const level = {
  type: 'object',
  required: ['id', 'rules'],
  additionalProperties: false,
  properties: { id, title: text, description: text, rules },
} as const;

export const criteriaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'smart-village-kit criteria framework',
  type: 'object',
  required: ['schema', 'id', 'version', 'languages', 'title', 'scale', 'pillars', 'levels'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/criteria@1' },
    id,
    version: { type: 'string', minLength: 1 },
    languages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: LANG_PATTERN },
    },
    title: text,
    description: text,
    scale: {
      type: 'object',
      required: ['min', 'max', 'labels'],
      additionalProperties: false,
      properties: {
        min: { type: 'integer' },
        max: { type: 'integer' },
        labels: stepMap,
        aliases: {
          type: 'object',
          description: 'Earlier wordings of scale labels, per step, that spreadsheet cells may still carry.',
          propertyNames: { pattern: '^-?[0-9]+$' },
          additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        },
      },
    },
    coverage_min: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
    pillars: { type: 'array', minItems: 1, items: pillar },
    partners: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id, name: text, url: { type: 'string' } },
      },
    },
    funding: {
      type: 'array',
      description: 'Ways a community can pay for actions (LEADER through the LAG, a municipal grant, no money needed, ...).',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id, name: text, text, url: { type: 'string' } },
      },
    },
    examples: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'text'],
        additionalProperties: false,
        properties: { id, name: text, text, url: { type: 'string' } },
      },
    },
    levels: { type: 'array', minItems: 1, items: level },
  },
} as const;

// Defaults are documentation here (ajv does not fill them in), so defaulted keys stay optional.
export type CriteriaFile = FromSchema<typeof criteriaSchema, { keepDefaultedPropertiesOptional: true }>;
