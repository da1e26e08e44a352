import type { ErrorObject } from 'ajv';
import { error, type Diagnostic, type PathSegment } from '../core/diagnostic.js';
import { MAX_DIAGNOSTICS_PER_CODE } from '../core/limits.js';
import { suggest } from '../core/suggest.js';
import { FULL_ID_PATTERN } from './answers.js';
import { ID_PATTERN, LANG_PATTERN } from './criteria.js';

/** What each pattern of our schemas means, as a noun token the message catalogue translates. */
const PATTERN_NOUNS: Record<string, string> = {
  [ID_PATTERN]: 'id',
  [FULL_ID_PATTERN]: 'fullId',
  [LANG_PATTERN]: 'lang',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'date',
  '\\S': 'nonBlank',
  '^-?[0-9]+$': 'step',
};

const toPath = (pointer: string): PathSegment[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

/** Type tokens a schema accepts: "integer|null|\"n/a\"". */
function accepted(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as { type?: string | string[]; const?: unknown; anyOf?: unknown[]; enum?: unknown[] };
  if (s.anyOf) return s.anyOf.flatMap(accepted);
  if (s.const !== undefined) return [JSON.stringify(s.const)];
  if (s.enum) return s.enum.map((x) => JSON.stringify(x));
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

const accepts = (schema: unknown, value: unknown): boolean => {
  const t = jsonType(value);
  return accepted(schema).some((a) => a === t || (a === 'number' && t === 'integer'));
};

/**
 * Turns ajv's errors into diagnostics a person can act on: one per problem, with the document
 * path to point at. For `anyOf`, the alternative whose type matches the value speaks; when none
 * does, one "must be X or Y" message replaces the alternatives' noise.
 */
export function diagnoseSchema(errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const skip = new Set<ErrorObject>();
  errors.forEach((e, at) => {
    if (e.keyword !== 'anyOf') return;
    const below = (x: ErrorObject): boolean =>
      x.instancePath === e.instancePath || x.instancePath.startsWith(`${e.instancePath}/`);
    // ajv reports an anyOf's branch errors just before the anyOf itself: walk back over them
    // (not over every error of the file, which made thousands of bad answers quadratic).
    const branches: ErrorObject[] = [];
    for (let i = at - 1; i >= 0; i--) {
      const x = errors[i] as ErrorObject;
      if (!below(x) || !x.schemaPath.startsWith(`${e.schemaPath}/`)) break;
      branches.push(x);
    }
    const alternatives = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
    const matching = alternatives.findIndex((alt) => accepts(alt, e.data));
    for (const b of branches) {
      const inMatching = matching >= 0 && b.schemaPath.startsWith(`${e.schemaPath}/${matching}/`);
      if (!inMatching) skip.add(b);
    }
    if (matching >= 0) skip.add(e);
  });
  const seen = new Set<string>();
  let unknown = 0;
  for (const e of errors) {
    if (skip.has(e) || e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    // Only the first unknown keys are shown (capDiagnostics): no edit distances for the rest.
    const d = one(e, e.keyword !== 'additionalProperties' || unknown++ < MAX_DIAGNOSTICS_PER_CODE);
    if (!d) continue;
    const key = [d.code, String(d.params.key), ...(d.path ?? [])].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function one(e: ErrorObject, withSuggestion: boolean): Diagnostic | null {
  const path = toPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    const pattern = typeof p.pattern === 'string' ? p.pattern : '';
    const what = PATTERN_NOUNS[pattern] ?? pattern;
    return error('schema.propertyName', { key: e.propertyName, what }, [...path, e.propertyName], 'key');
  }
  switch (e.keyword) {
    case 'required':
      return error('schema.required', { key: String(p.missingProperty) }, path);
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = withSuggestion ? Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) : [];
      return error('schema.unknownKey', { key, suggestion: suggest(key, known) }, [...path, key], 'key');
    }
    case 'type':
      return error('schema.type', { expected: accepted(e.parentSchema).join('|') || String(p.type) }, path);
    case 'const':
      return error('schema.const', { expected: String(p.allowedValue) }, path);
    case 'enum':
      return error('schema.enum', { allowed: (p.allowedValues as unknown[]).join(', ') }, path);
    case 'pattern':
      return error('schema.pattern', { value: String(e.data), what: PATTERN_NOUNS[String(p.pattern)] ?? String(p.pattern) }, path);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return error(`schema.${e.keyword}`, { limit: Number(p.limit) }, path);
    case 'minItems':
    case 'minProperties':
      return error(`schema.${e.keyword}`, { limit: Number(p.limit) }, path);
    case 'minLength':
      return error('schema.minLength', {}, path);
    case 'uniqueItems': {
      const items = e.data as unknown[];
      return error('schema.uniqueItems', { value: String(items[Number(p.j)]) }, [...path, Number(p.i)]);
    }
    case 'anyOf':
      return error('schema.anyOf', { expected: accepted({ anyOf: e.schema }).join('|') }, path);
    default:
      return error('schema.other', { detail: `${e.keyword}: ${e.message ?? ''}` }, path);
  }
}
