import type { FromSchema } from 'json-schema-to-ts';
import { NOT_APPLICABLE } from './answers.js';

/**
 * The JSON Schema of a map file (`--map FILE`): how a survey export's columns and answer codes
 * are read. The single source of the `MapFile` type, `village schema map` and
 * `schema/map.schema.json`.
 */
export const mapSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'smart-village-kit map of a survey export',
  type: 'object',
  required: ['schema'],
  additionalProperties: false,
  properties: {
    schema: { const: 'village-kit/map@1' },
    columns: {
      description:
        'A header (as in the export) -> village, respondent, date, municipality, lag, ignore, or a criterion id like strategy.vision.',
      anyOf: [{ type: 'object', additionalProperties: { type: 'string', minLength: 1 } }, { type: 'null' }],
    },
    values: {
      description: 'A cell text (e.g. an answer code A1) -> a score on the scale, or "n/a". Not shifted by offset.',
      anyOf: [
        { type: 'object', additionalProperties: { anyOf: [{ type: 'integer' }, { const: NOT_APPLICABLE }, { type: 'null' }] } },
        { type: 'null' },
      ],
    },
    offset: { description: 'Added to every numeric score cell: -1 reads 1–5 answers on a 0–4 scale.', type: 'integer' },
  },
} as const;

export type MapFile = FromSchema<typeof mapSchema>;
