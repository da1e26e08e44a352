import { join } from 'node:path';
import { EXIT, rejected, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';
import { PRINTED_SCHEMAS } from '../schema/schemas.js';
import { answersSchemaFor, criteriaSchemaFor } from '../schema/specific.js';
import { requireFramework } from './shared.js';

export interface SchemaOptions {
  out?: string;
  /** `--for FILE` (criteria): the schema of that framework. */
  for?: string;
  /** `--criteria FILE` (answers): the answers schema of that framework. */
  criteria?: string;
}

/**
 * `village schema KIND [--for FILE | --criteria FILE] [--out DIR]`: prints the schema, or writes
 * DIR/KIND.schema.json (DIR/KIND.<framework-id>.schema.json for a framework's own), replacing it:
 * it is generated. A broken FILE stops with its located diagnostics (exit 1).
 */
export async function runSchema(kind: keyof typeof PRINTED_SCHEMAS, o: SchemaOptions, term: Terminal, lang: UiLang): Promise<ExitCode> {
  if (o.for !== undefined && kind !== 'criteria') throw new UserError(message(lang, 'usage.schemaOption', { option: '--for', kind: 'criteria' }));
  if (o.criteria !== undefined && kind !== 'answers') throw new UserError(message(lang, 'usage.schemaOption', { option: '--criteria', kind: 'answers' }));
  const source = o.for ?? o.criteria;
  let name: string = kind;
  let schema: unknown = PRINTED_SCHEMAS[kind];
  if (source !== undefined) {
    const fw = requireFramework(source);
    schema = kind === 'criteria' ? criteriaSchemaFor(fw) : answersSchemaFor(fw);
    name = `${kind}.${fw.id}`;
  }
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (o.out === undefined) {
    term.out(text);
    return EXIT.ok;
  }
  return writeSchema(o.out, name, text, term, lang);
}

/** Writes DIR/NAME.schema.json (replacing it: it is generated). */
export async function writeSchema(dir: string, name: string, text: string, term: Terminal, lang: UiLang): Promise<ExitCode> {
  const file = join(dir, `${name}.schema.json`);
  const failed = await writeFileSafe(file, text, true);
  if (failed) throw rejected([failed]);
  term.err(`${label(lang, 'schema.written', { file })}\n`);
  return EXIT.ok;
}
