import { error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { checkPlanFile } from '../core/plan-file.js';
import type { PlanFile } from '../schema/plan-file.js';
import { kindOf, readYaml, validateSchema, type Loaded } from './load.js';
import { locate, type ParsedYaml } from './yaml.js';

export interface LoadedPlan {
  plan: PlanFile;
  /** The document as written, comments included: `village plan --update` adds to it. */
  parsed: ParsedYaml;
  file: string;
}

/**
 * Checks a parsed plan file: its schema, then against the framework and (when given) the village.
 * Warnings (actions no longer in the criteria) leave the plan usable.
 */
export function planFileFrom(parsed: ParsedYaml, file: string, fw: Framework, village?: string): Loaded<LoadedPlan> {
  const schema = validateSchema('plan-file', parsed, file);
  const semantic = checkPlanFile(parsed.data, fw, village).map((d) => locate(d, parsed, file));
  const diagnostics = [...schema, ...semantic.filter((d) => !schema.some((s) => s.line === d.line && s.column === d.column))];
  return { value: hasErrors(diagnostics) ? null : { plan: parsed.data as PlanFile, parsed, file }, diagnostics };
}

/** Reads a plan file; anything else (answers, criteria) is refused with a located error. */
export function loadPlanFile(file: string, fw: Framework, village?: string): Loaded<LoadedPlan> {
  const { parsed, diagnostics } = readYaml(file);
  if (!parsed) return { value: null, diagnostics };
  const kind = kindOf(parsed, file);
  if (kind.kind !== 'plan-file') {
    const d: Diagnostic = kind.diagnostic ?? locate(error('plan.notPlanFile', {}, ['schema']), parsed, file);
    return { value: null, diagnostics: [...diagnostics, d] };
  }
  const loaded = planFileFrom(parsed, file, fw, village);
  return { value: loaded.value, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}

/** Whether a file is a plan file (by its `schema:` field), for inputs that may be either. */
export function isPlanFile(file: string): boolean {
  const { parsed } = readYaml(file);
  return parsed !== null && kindOf(parsed, file).kind === 'plan-file';
}
