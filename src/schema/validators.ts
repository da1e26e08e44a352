import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { AJV_OPTIONS } from './options.js';
import { SCHEMAS, type SchemaKind } from './schemas.js';

export { SCHEMA_TAGS, SCHEMAS, type SchemaKind } from './schemas.js';

const require = createRequire(import.meta.url);
let validators: Record<SchemaKind, ValidateFunction> | undefined;

/**
 * The validators, ready once per process: the build precompiles them (scripts/build-validators.mjs)
 * so start-up skips ajv's compiler; from sources (tests) they are compiled here instead.
 */
function load(): Record<SchemaKind, ValidateFunction> {
  try {
    return require('./compiled.cjs') as Record<SchemaKind, ValidateFunction>;
  } catch {
    const { Ajv } = require('ajv') as { Ajv: typeof AjvType };
    const ajv = new Ajv(AJV_OPTIONS);
    return { criteria: ajv.compile(SCHEMAS.criteria), answers: ajv.compile(SCHEMAS.answers), map: ajv.compile(SCHEMAS.map) };
  }
}

export function validatorFor(kind: SchemaKind): ValidateFunction {
  validators ??= load();
  return validators[kind];
}

/** Validates data against a schema; returns the raw ajv errors (empty when valid). */
export function schemaErrors(kind: SchemaKind, data: unknown): ErrorObject[] {
  const fn = validatorFor(kind);
  return fn(data) ? [] : [...(fn.errors ?? [])];
}
