import { answersSchema } from './answers.js';
import { criteriaSchema } from './criteria.js';

export const SCHEMAS = {
  criteria: criteriaSchema,
  answers: answersSchema,
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

/** The `schema:` value that tells the kind of a file. */
export const SCHEMA_TAGS: Record<SchemaKind, string> = {
  criteria: criteriaSchema.properties.schema.const,
  answers: answersSchema.properties.schema.const,
};
