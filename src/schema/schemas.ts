import { answersSchema } from './answers.js';
import { criteriaSchema } from './criteria.js';
import { planFileSchema } from './plan-file.js';
import { mapSchema } from './map.js';
import { planReportSchema } from './plan-report.js';
import { validateReportSchema } from './validate-report.js';

export const SCHEMAS = {
  criteria: criteriaSchema,
  answers: answersSchema,
  'plan-file': planFileSchema,
  map: mapSchema,
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

/** The `schema:` value that tells the kind of a file. */
export const SCHEMA_TAGS: Record<SchemaKind, string> = {
  criteria: criteriaSchema.properties.schema.const,
  answers: answersSchema.properties.schema.const,
  'plan-file': planFileSchema.properties.schema.const,
  map: mapSchema.properties.schema.const,
};

/** Every schema `village schema` prints and `npm run schemas` writes: the input files' and the plan JSON's. */
export const PRINTED_SCHEMAS = { ...SCHEMAS, plan: planReportSchema, validate: validateReportSchema } as const;
