import { checkAnswers, toResponse, type Response, type TextReader } from '../core/answers.js';
import { checkAnswerTexts, readAnswerText, readDateText } from '../core/answer-text.js';
import { csvWords } from '../i18n/csv-words.js';
import { checkFramework } from '../core/check-framework.js';
import { collapseLanguages } from '../core/collapse.js';
import { error, hasErrors, type Diagnostic, type PathSegment } from '../core/diagnostic.js';
import { buildFramework, type Framework } from '../core/framework.js';
import { capDiagnostics } from '../core/limits.js';
import type { AnswersFile } from '../schema/answers.js';
import type { CriteriaFile } from '../schema/criteria.js';
import { diagnoseSchema } from '../schema/diagnose.js';
import { SCHEMA_TAGS, schemaErrors, type SchemaKind } from '../schema/validators.js';
import { prebuiltCriteria } from './prebuilt.js';
import { readText } from './read.js';
import { locate, parseYaml, quickParse, type ParsedYaml } from './yaml.js';

export interface Loaded<T> {
  value: T | null;
  /** Every problem found, with file, line and column; errors mean `value` is null. */
  diagnostics: Diagnostic[];
}

/** Reads and parses a YAML file; diagnostics are positioned. */
export function readYaml(file: string): { parsed: ParsedYaml | null; diagnostics: Diagnostic[] } {
  const read = readText(file);
  if (read.diagnostic) return { parsed: null, diagnostics: [read.diagnostic] };
  return parseYaml(read.text, file);
}

/** Validates parsed data against a schema; diagnostics are positioned. */
export function validateSchema(kind: SchemaKind, parsed: ParsedYaml, file: string): Diagnostic[] {
  return diagnoseSchema(schemaErrors(kind, parsed.data)).map((d) => locate(d, parsed, file));
}

/** Which kind of file this is, from its `schema:` field. */
export function kindOf(parsed: ParsedYaml, file: string): { kind: SchemaKind | null; diagnostic?: Diagnostic } {
  const data = parsed.data;
  const tag = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schema : undefined;
  for (const [kind, value] of Object.entries(SCHEMA_TAGS) as [SchemaKind, string][]) {
    if (tag === value) return { kind };
  }
  const d = tag === undefined ? error('file.noKind', {}, []) : error('file.unknownKind', { value: typeof tag === 'string' ? tag : JSON.stringify(tag) }, ['schema']);
  return { kind: null, diagnostic: locate(d, parsed, file) };
}

/**
 * Checks a parsed criteria file and builds the framework. The semantic checks run even when the
 * schema fails, on every part that passed it: their findings inside or at a part the schema
 * rejected are dropped (they would repeat it), and if the data is too broken to check, only the
 * schema speaks. Many texts missing one language become one diagnostic.
 */
export function frameworkFrom(parsed: ParsedYaml, file: string): Loaded<Framework> {
  const schema = validateSchema('criteria', parsed, file);
  const data = parsed.data as CriteriaFile;
  let semantic: Diagnostic[] = [];
  try {
    semantic = collapseLanguages(checkFramework(data), Array.isArray(data.languages) ? data.languages : []);
  } catch {
    semantic = [];
  }
  if (hasErrors(schema)) {
    const bad = schema.map((d) => d.path ?? []);
    semantic = semantic.filter((d) => !bad.some((b) => startsWith(d.path ?? [], b) || startsWith(b, d.path ?? [])));
  }
  const diagnostics = capDiagnostics([...schema, ...semantic.map((d) => locate(d, parsed, file))]);
  return { value: hasErrors(diagnostics) ? null : buildFramework(data), diagnostics };
}

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean =>
  prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));

/**
 * A criteria text that needs no positions, because nothing is wrong with it: the bundled data the
 * build checked, or a quick reading with no schema error and no finding of the checks at all.
 */
export function cleanCriteria(text: string): CriteriaFile | undefined {
  const prebuilt = prebuiltCriteria(text);
  if (prebuilt !== undefined) return prebuilt as CriteriaFile;
  const quick = quickParse(text);
  if (!quick || schemaErrors('criteria', quick.data).length > 0) return undefined;
  const data = quick.data as CriteriaFile;
  return checkFramework(data).length === 0 ? data : undefined;
}

/** Loads a criteria file: the fast path when it is clean, else a full parse for positioned diagnostics. */
export function loadFramework(file: string): Loaded<Framework> {
  const read = readText(file);
  if (read.diagnostic) return { value: null, diagnostics: [read.diagnostic] };
  const clean = cleanCriteria(read.text);
  if (clean) return { value: buildFramework(clean), diagnostics: [] };
  const { parsed, diagnostics } = parseYaml(read.text, file);
  if (!parsed) return { value: null, diagnostics };
  const loaded = frameworkFrom(parsed, file);
  return { value: loaded.value, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}

/** Scores and dates written as text (#12): read with the CSV cell vocabulary. */
const reader = (fw: Framework): TextReader => ({ score: (v, id) => readAnswerText(v, id, fw, csvWords()), date: readDateText });

/** Checks a parsed answers file (schema, then against the framework) and makes a Response. */
export function responseFrom(parsed: ParsedYaml, file: string, framework: Framework): Loaded<Response> {
  const schema = validateSchema('answers', parsed, file);
  const semantic = [...checkAnswers(parsed.data, framework), ...checkAnswerTexts(parsed.data, framework, csvWords())].map((d) => locate(d, parsed, file));
  const at = new Set(schema.map((s) => `${s.line}:${s.column}`));
  const diagnostics = capDiagnostics([...schema, ...semantic.filter((d) => !at.has(`${d.line}:${d.column}`)), ...floatScores(parsed, file)]);
  const value = hasErrors(diagnostics) ? null : toResponse(parsed.data as AnswersFile, file, reader(framework));
  return { value, diagnostics };
}

/**
 * Scores written as float literals (`3.0`, `1e0`, `2.9999999999999999`): YAML reads them as whole
 * numbers, but what was typed is not a whole-number score (and may have been rounded), so they are
 * refused where they stand: `answers.<id>` or `answers.<id>.score`.
 */
function floatScores(parsed: ParsedYaml, file: string): Diagnostic[] {
  return parsed.wholeFloats
    .filter(({ path: p }) => p[0] === 'answers' && (p.length === 2 || (p.length === 3 && p[2] === 'score')))
    .map((f) => ({ ...error('answers.floatScore', { value: f.source }, f.path), file, line: f.line, column: f.column }));
}

/** Loads an answers file: the fast path when it is clean, else a full parse for positioned diagnostics. */
export function loadResponse(file: string, framework: Framework): Loaded<Response> {
  const read = readText(file);
  if (read.diagnostic) return { value: null, diagnostics: [read.diagnostic] };
  return responseFromText(read.text, file, framework);
}

export function responseFromText(text: string, file: string, framework: Framework): Loaded<Response> {
  const quick = quickParse(text);
  if (quick && schemaErrors('answers', quick.data).length === 0 && checkAnswers(quick.data, framework).length === 0 && checkAnswerTexts(quick.data, framework, csvWords()).length === 0) {
    return { value: toResponse(quick.data as AnswersFile, file, reader(framework)), diagnostics: [] };
  }
  const { parsed, diagnostics } = parseYaml(text, file);
  if (!parsed) return { value: null, diagnostics };
  const loaded = responseFrom(parsed, file, framework);
  return { value: loaded.value, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}
