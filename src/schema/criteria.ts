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
    id: { ...id, description: 'The action id: lowercase letters a–z, digits and "-"; unique in the framework so `after` can name it.' },
    text: { ...text, description: 'What to do, in every language of the framework.' },
    below: {
      type: 'number',
      description: 'Recommend the action while the (mean) score of the criterion is below this. scale.min < below ≤ scale.max; default scale.max.',
      markdownDescription: 'Recommend the action while the (mean) score of the criterion is **below** this.\n\nRule: `scale.min < below ≤ scale.max`; the default is `scale.max` (every score short of the top).',
    },
    timeframe: { type: 'string', enum: ['short', 'medium', 'long'], description: 'When: short (within a year), medium (1–3 years) or long (longer).' },
    partners: { type: 'array', items: id, uniqueItems: true, description: 'Who to work with: ids from the top-level `partners` list.' },
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
    id: { ...id, description: 'The criterion id, unique in its pillar; answers name it as "pillar.criterion".' },
    title: { ...text, description: 'A short name of the criterion, in every language.' },
    question: { ...text, description: 'The question a community answers with a score on the scale, in every language.' },
    help: { ...text, description: 'What counts as evidence, or how to choose the score, in every language.' },
    weight: { ...weight, description: 'The weight of the criterion within its pillar (greater than 0; default 1).' },
    levels: {
      ...stepMap,
      description: 'The rubric: what each score means for this criterion, per scale step (e.g. 1: {...}). Not the top-level `levels`.',
      markdownDescription: 'The **rubric** of this criterion: what each score means, keyed by scale step:\n\n```yaml\nlevels:\n  1: { en: "No plan" }\n  5: { en: "A plan adopted and funded" }\n```\n\nNot to be confused with the top-level `levels` (the classification).',
    },
    aliases: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Earlier wordings of the question or title (any language) that spreadsheet columns may still carry; matched like the question.',
    },
    actions: { type: 'array', items: action, description: 'What a community can do to improve on this criterion.' },
    examples: { type: 'array', items: id, uniqueItems: true, description: 'Good examples elsewhere: ids from the top-level `examples` list.' },
  },
} as const;

const pillar = {
  type: 'object',
  required: ['id', 'title', 'criteria'],
  additionalProperties: false,
  properties: {
    id: { ...id, description: 'The pillar id: lowercase letters a–z, digits and "-".' },
    title: { ...text, description: 'The name of the pillar, in every language.' },
    description: { ...text, description: 'A sentence on what the pillar covers, in every language.' },
    weight: { ...weight, description: 'The weight of the pillar in the overall score (greater than 0; default 1).' },
    criteria: { type: 'array', minItems: 1, items: criterion, description: 'The criteria of the pillar: each a question scored on the scale.' },
  },
} as const;

const rules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    overall_min: { ...percent, description: 'The overall score (0–100) must be at least this.' },
    pillar_min: { ...percent, description: 'Every pillar score (0–100) must be at least this.' },
    pillars_min_count: {
      type: 'object',
      required: ['count', 'min'],
      additionalProperties: false,
      description: 'At least `count` pillars must score `min` (0–100) or more.',
      properties: {
        count: { type: 'integer', minimum: 1, description: 'How many pillars (at most the number of pillars).' },
        min: { ...percent, description: 'The score (0–100) each of them needs.' },
      },
    },
    criteria_min: {
      type: 'object',
      description: 'Named criteria ("pillar.criterion") must have at least these scores (on the scale).',
      propertyNames: { pattern: '^[a-z0-9-]+\\.[a-z0-9-]+$' },
      additionalProperties: { type: 'number' },
    },
  },
} as const;

const level = {
  type: 'object',
  required: ['id', 'rules'],
  additionalProperties: false,
  properties: {
    id: { ...id, description: 'The level id (not "incomplete" or "none", which are built in); `score --fail-under` takes it.' },
    title: { ...text, description: 'The name of the level, in every language.' },
    description: { ...text, description: 'What reaching the level means, in every language.' },
    rules: {
      ...rules,
      description: 'What a village needs for this level; all rules must hold. `{}` (no rules) makes the fallback level, which should be last.',
    },
  },
} as const;

export const criteriaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://smart-village-kit.invalid/schema/criteria.schema.json',
  title: 'smart-village-kit criteria framework',
  description: 'A Smart Village criteria framework: pillars of criteria scored on a scale, actions, and the levels a village can reach.',
  type: 'object',
  required: ['schema', 'id', 'version', 'languages', 'title', 'scale', 'pillars', 'levels'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/criteria@1', description: 'The kind and version of this file: always "village-kit/criteria@1".' },
    id: { ...id, description: 'The framework id; answers files name it in `framework:`.' },
    version: { type: 'string', minLength: 1, description: 'The version of this framework, as text: quote it ("1.0").' },
    languages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: LANG_PATTERN },
      description: 'The languages (BCP-47 codes like "lv", "en", "de") every text must have; the first is the default for reports.',
    },
    title: { ...text, description: 'The name of the framework, in every language.' },
    description: { ...text, description: 'What the framework is for, in every language.' },
    scale: {
      type: 'object',
      description: 'The scores a criterion can get: whole numbers from min to max, each with a label.',
      required: ['min', 'max', 'labels'],
      additionalProperties: false,
      properties: {
        min: { type: 'integer', description: 'The lowest score (a whole number).' },
        max: { type: 'integer', description: 'The highest score (a whole number, greater than min).' },
        labels: { ...stepMap, description: 'A label for every step from min to max, in every language (e.g. 0: { en: "Not at all" }).' },
        aliases: {
          type: 'object',
          description: 'Earlier wordings of scale labels, per step, that spreadsheet cells may still carry.',
          propertyNames: { pattern: '^-?[0-9]+$' },
          additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        },
      },
    },
    coverage_min: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.5,
      description: 'The share (0–1) of weighted criteria that must be answered for a level; 0.6 means 60 %. Below it the level is "incomplete".',
    },
    pillars: { type: 'array', minItems: 1, items: pillar, description: 'The pillars (themes) of the framework, each with its criteria.' },
    partners: {
      type: 'array',
      description: 'Who a community can work with; actions name them by id.',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { ...id, description: 'The partner id, named by actions in `partners`.' },
          name: { ...text, description: 'The name of the partner, in every language.' },
          url: { type: 'string', description: 'A web page of the partner.' },
        },
      },
    },
    funding: {
      type: 'array',
      description: 'Ways a community can pay for actions (LEADER through the LAG, a municipal grant, no money needed, ...).',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { ...id, description: 'The funding route id, named by actions in `funding`.' },
          name: { ...text, description: 'The name of the funding route, in every language.' },
          text: { ...text, description: 'Who can apply and how, in every language.' },
          url: { type: 'string', description: 'A web page with the call or the rules.' },
        },
      },
    },
    examples: {
      type: 'array',
      description: 'Good examples from other places; criteria name them by id.',
      items: {
        type: 'object',
        required: ['id', 'name', 'text'],
        additionalProperties: false,
        properties: {
          id: { ...id, description: 'The example id, named by criteria in `examples`.' },
          name: { ...text, description: 'The name of the example (a village, a project), in every language.' },
          text: { ...text, description: 'What was done there, in every language.' },
          url: { type: 'string', description: 'A web page about the example.' },
        },
      },
    },
    levels: {
      type: 'array',
      minItems: 1,
      items: level,
      description: 'The classification levels, highest first: a village gets the first level whose rules it meets. Not the rubric `levels` of a criterion.',
    },
  },
} as const;

// Defaults are documentation here (ajv does not fill them in), so defaulted keys stay optional.
export type CriteriaFile = FromSchema<typeof criteriaSchema, { keepDefaultedPropertiesOptional: true }>;
