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

const delta = {
  type: 'object',
  required: ['then', 'now', 'delta', 'comparable'],
  properties: {
    then: nullableNumber,
    now: nullableNumber,
    delta: { ...nullableNumber, description: 'now − then; null when either is missing or when they were computed over different criteria.' },
    comparable: { type: 'boolean', description: 'False when then and now were computed over different criteria.' },
  },
} as const;

/** With --previous: the earlier assessment as it was scored then. */
const previousSchema = {
  description: 'With report --previous: the earlier assessment (from answers or a plan file); else null.',
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      required: ['date', 'framework', 'level', 'overall', 'pillars'],
      additionalProperties: false,
      properties: {
        date: { type: ['string', 'null'] },
        framework: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'string' } } },
        level: { type: 'string' },
        overall: nullableNumber,
        pillars: { type: 'array', items: { type: 'object', required: ['id', 'score'], properties: { id: { type: 'string' }, score: nullableNumber } } },
      },
    },
  ],
} as const;

/** With --previous: what changed; with --plan too, each planned action's status beside its criterion's change. */
const changeSchema = {
  description: 'With report --previous: what changed since the earlier assessment; else null.',
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      required: ['level', 'overall', 'pillars', 'criteria', 'newly_answered', 'framework_changed', 'added', 'removed', 'actions'],
      additionalProperties: false,
      properties: {
        level: { type: 'object', required: ['then', 'now', 'changed'], properties: { then: { type: 'string' }, now: { type: 'string' }, changed: { type: 'boolean' } } },
        overall: delta,
        pillars: { type: 'array', items: { ...delta, required: [...delta.required, 'id'], properties: { ...delta.properties, id: { type: 'string' } } } },
        criteria: {
          type: 'array',
          description: 'The criteria both assessments share: raw means then and now and their scale steps.',
          items: {
            type: 'object',
            required: ['criterion', 'then', 'now', 'then_step', 'now_step', 'delta', 'change'],
            properties: {
              criterion: { type: 'string' },
              then: nullableNumber,
              now: nullableNumber,
              then_step: { type: ['integer', 'null'] },
              now_step: { type: ['integer', 'null'] },
              delta: nullableNumber,
              change: { enum: ['up', 'down', 'same', 'newly-answered', 'no-longer-answered', 'unanswered'] },
            },
          },
        },
        newly_answered: ids,
        framework_changed: { type: 'boolean', description: 'The framework version differs, or criteria were added or removed.' },
        added: { ...ids, description: 'Criteria in the framework now that the earlier assessment did not have (not compared).' },
        removed: { ...ids, description: 'Criteria of the earlier assessment no longer in the framework (not compared).' },
        actions: {
          description: 'With --plan: each action of the plan file with its status and its criterion\'s change; else null.',
          oneOf: [
            { type: 'null' },
            {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'criterion', 'status', 'owner', 'due', 'known', 'change', 'text'],
                properties: {
                  id: { type: 'string' },
                  criterion: { type: 'string' },
                  status: { enum: ['planned', 'doing', 'done', 'dropped'] },
                  owner: { type: 'string' },
                  due: { type: 'string' },
                  known: { type: 'boolean', description: 'False: no longer in the criteria (kept in the plan).' },
                  change: { enum: ['up', 'down', 'same', 'newly-answered', 'no-longer-answered', 'unanswered', null] },
                  text: { type: 'string', description: 'The status beside the change, in words.' },
                },
              },
            },
          ],
        },
      },
    },
  ],
} as const;

export const planReportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://smart-village-kit.invalid/schema/plan.schema.json',
  title: 'smart-village-kit action plan (village report --format json)',
  type: 'object',
  required: ['format', 'village', 'framework', 'language', 'level', 'overall', 'pillars', 'next_level', 'first_steps', 'later', 'strengths', 'discuss', 'open', 'find_out'],
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
    find_out: {
      type: 'array',
      items: { ...criterionRef, properties: { ...criterionRef.properties, question: { type: 'string' } } },
    },
    previous: previousSchema,
    change: changeSchema,
  },
} as const;
