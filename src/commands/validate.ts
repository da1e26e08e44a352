import { isAbsolute, normalize, relative, resolve } from 'node:path';
import { byPosition, error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import type { IntakeSummary } from '../core/intake.js';
import { globToRegExp, matchesAny } from '../core/glob.js';
import { EXIT, UserError, type ExitCode } from '../errors.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { expandInputs, INPUT_EXTS, isCsv } from '../io/inputs.js';
import { cleanCriteria, frameworkFrom, kindOf, loadFramework, responseFrom, type Loaded } from '../io/load.js';
import { decode, MAX_YAML_BYTES, readText, type TextResult } from '../io/read.js';
import { catalogueFrom, isCatalogueData } from '../io/catalogue.js';
import type { Terminal } from '../io/terminal.js';
import { parseYaml, type ParsedYaml } from '../io/yaml.js';
import { buildFramework } from '../core/framework.js';
import { BUNDLED_CRITERIA, CRITERIA_DIR } from '../paths.js';
import { coded, diagnosticLine, githubOutput } from '../render/diagnostics.js';
import { sarifLog } from '../render/sarif.js';
import { VERSION } from '../version.js';
import type { ValidateFormat } from '../vocab.js';
import { append, capDiagnostics } from '../core/limits.js';
import { intakeLine } from '../render/intake.js';
import type { IntakeFlags, tableOptions } from './intake.js';

export interface ValidateOptions extends IntakeFlags {
  files: string[];
  /** Also check the bundled criteria (the old default of no arguments). */
  bundled?: boolean;
  /** Criteria to check answers against, besides the criteria files of the run (matched by framework id). */
  criteria: string[];
  /** Formats for standard output (at most one) and for files (`outputs`). Default: text. */
  formats?: ValidateFormat[];
  outputs?: Partial<Record<ValidateFormat, string>>;
  /** Warnings fail the check. */
  strict?: boolean;
  /** More warnings than this fail the check. */
  maxWarnings?: number | undefined;
  /** Globs of paths to leave out of folder scans and file lists. */
  exclude?: string[];
  /** The file `-` (standard input) stands for. */
  stdinFilepath?: string | undefined;
  /** Standard input, read when a file is `-`. */
  stdin?: () => Promise<Buffer>;
  lang: UiLang;
  /** Replace existing --output files (they are always replaced: reports are rewritten on each run). */
  force?: boolean;
}

/** One input file in the JSON and SARIF outputs: its kind, whether it was checked, and the verdict. */
export interface FileReport {
  file: string;
  kind: 'criteria' | 'answers' | 'plan-file' | 'map' | 'messages' | null;
  /** False when the file could not be checked (no criteria for its framework, or they are broken). */
  checked: boolean;
  valid: boolean;
}

/** The version of the `--format json` output (docs/formats.md; `village schema validate`). */
export const VALIDATE_JSON_VERSION = 1;

/** `village validate`: checks criteria and answers files; exit 0 when all are valid, 1 if not. */
export async function validate(opts: ValidateOptions, term: Terminal): Promise<ExitCode> {
  const lang = opts.lang;
  const usage = (code: Parameters<typeof message>[1], params = {}): UserError => new UserError(message(lang, code, params), EXIT.usage);
  if (opts.files.length === 0 && !opts.bundled) throw usage('usage.noFiles');
  const { toStdout, toFiles } = plan(opts, usage);

  const stdinAt = opts.files.indexOf('-');
  if (stdinAt >= 0 && !opts.stdinFilepath) throw usage('usage.stdinPath');
  const inputs = [...opts.files.filter((f) => f !== '-'), ...(opts.bundled ? [CRITERIA_DIR] : [])];
  const excludes = (opts.exclude ?? []).map(globToRegExp);
  const expanded = await expandInputs(inputs, INPUT_EXTS);
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  // Each file once, whatever way it was named (./a.yaml, a.yaml, dir/../a.yaml).
  const seen = new Set<string>();
  const files: string[] = [];
  for (const f of expanded.files) {
    const name = display(f);
    const key = resolve(f);
    if (seen.has(key) || matchesAny(name, excludes)) continue;
    seen.add(key);
    files.push(name);
  }
  for (const p of inputs) {
    if (excludes.length > 0 && !expanded.diagnostics.some((d) => d.file === p) && !files.some((f) => resolve(f) === resolve(p) || resolve(f).startsWith(`${resolve(p)}/`))) {
      diagnostics.push({ ...error('file.excluded', { path: p }), file: p, line: 1, column: 1 });
    }
  }
  const stdinName = opts.stdinFilepath ? display(opts.stdinFilepath) : '-';
  if (stdinAt >= 0) {
    files.splice(Math.min(stdinAt, files.length), 0, stdinName);
    seen.add(resolve(stdinName));
  }

  // Pass 1: parse every YAML file; check criteria files and index them by framework id.
  interface Entry {
    file: string;
    parsed: ParsedYaml | null;
    /** The file's data when it was read without positions (a clean criteria file). */
    data?: unknown;
    kind: FileReport['kind'];
    found: Diagnostic[];
  }
  const entries: Entry[] = [];
  const frameworks = new Map<string, { file: string; framework: Framework | null }>();
  for (const file of files) {
    if (file !== stdinName && isCsv(file)) {
      entries.push({ file, parsed: null, kind: 'answers', found: [] });
      continue;
    }
    const text = file === stdinName && stdinAt >= 0 ? fromStdin(await (opts.stdin?.() ?? Promise.resolve(Buffer.alloc(0))), file) : readText(file);
    if (text.diagnostic) {
      entries.push({ file, parsed: null, kind: null, found: [text.diagnostic] });
      continue;
    }
    // A clean criteria file needs no positions: the quick reading, as loadFramework does.
    const clean = cleanCriteria(text.text);
    if (clean) {
      entries.push({ file, parsed: null, data: clean, kind: 'criteria', found: [] });
      const id = idOf(clean);
      if (id !== undefined && !frameworks.has(id)) frameworks.set(id, { file, framework: buildFramework(clean) });
      continue;
    }
    const { parsed, diagnostics: parseDiagnostics } = parseYaml(text.text, file);
    const entry: Entry = { file, parsed, kind: null, found: [...parseDiagnostics] };
    if (parsed && isCatalogueData(parsed.data)) {
      // A catalogue of the kit's words (locales/*.yaml, --messages): checked against the English one.
      entry.kind = 'messages';
      append(entry.found, catalogueFrom(parsed, file).diagnostics);
    } else if (parsed) {
      const k = kindOf(parsed, file);
      entry.kind = k.kind;
      if (k.diagnostic) entry.found.push(k.diagnostic);
      if (k.kind === 'criteria') {
        const loaded = frameworkFrom(parsed, file);
        append(entry.found, loaded.diagnostics);
        const id = idOf(parsed.data);
        if (id !== undefined && !frameworks.has(id)) frameworks.set(id, { file, framework: loaded.value });
      }
    }
    entries.push(entry);
  }

  // The --criteria files that are not inputs of the run: loaded once, their problems said once.
  const extra: Loaded<Framework>[] = [];
  for (const c of opts.criteria) {
    if (seen.has(resolve(c))) {
      const e = entries.find((x) => resolve(x.file) === resolve(c));
      const id = e?.parsed ? idOf(e.parsed.data) : e?.data !== undefined ? idOf(e.data) : undefined;
      if (id !== undefined) extra.push({ value: frameworks.get(id)?.framework ?? null, diagnostics: [] });
      continue;
    }
    const loaded = loadFramework(c);
    extra.push(loaded);
    const id = loaded.value?.id;
    if (id !== undefined && !frameworks.has(id)) frameworks.set(id, { file: c, framework: loaded.value });
  }
  const brokenCriteria = extra.some((l) => !l.value);
  for (const l of extra) append(diagnostics, l.diagnostics);
  let bundled: Framework | null | undefined;
  const bundledFw = (): Framework | null => (bundled ??= loadFramework(BUNDLED_CRITERIA).value);

  // Pass 2: answers, each against the criteria of its framework.
  const reports: FileReport[] = [];
  const tables: IntakeSummary[] = [];
  let intake: ReturnType<typeof tableOptions> | undefined;
  for (const e of entries) {
    let checked = true;
    if (e.kind === 'answers' && e.parsed === null && isCsv(e.file)) {
      // A CSV names no framework: the first --criteria, else the only criteria of the run, else the bundled.
      const fw = opts.criteria.length > 0 ? extra[0]?.value : frameworks.size === 1 ? [...frameworks.values()][0]?.framework : bundledFw();
      if (fw) {
        // --map is read when the first table needs it (a run over criteria files alone does not load it).
        // Tables, maps and plan files are read by modules a check of criteria does not load.
        const [{ tableOptions }, { loadTable }] = await Promise.all([import('./intake.js'), import('../io/responses.js')]);
        intake ??= tableOptions({ ...opts, strict: false }, fw);
        const table = await loadTable(e.file, fw, intake, () => undefined);
        append(e.found, capDiagnostics(table.diagnostics));
        tables.push(table.summary);
      }
      else e.found.push({ ...error('ans.notChecked', { framework: '' }), file: e.file, line: 1, column: 1 });
      checked = Boolean(fw);
    } else if (e.kind === 'map' && e.parsed) {
      // A map names no framework either: the same rule as a CSV.
      const fw = opts.criteria.length > 0 ? extra[0]?.value : frameworks.size === 1 ? [...frameworks.values()][0]?.framework : bundledFw();
      if (fw) append(e.found, (await import('../io/map.js')).mapFrom(e.parsed, e.file, fw).diagnostics);
      else e.found.push({ ...error('ans.notChecked', { framework: '' }), file: e.file, line: 1, column: 1 });
      checked = Boolean(fw);
    } else if ((e.kind === 'answers' || e.kind === 'plan-file') && e.parsed) {
      const id = frameworkOf(e.parsed.data);
      const match = id === undefined ? undefined : frameworks.get(id);
      let fw: Framework | null;
      let broken = Boolean(match);
      if (match) fw = match.framework;
      else if (bundledFw()?.id === id) fw = bundledFw();
      else if (opts.criteria.length > 0) [fw, broken] = [extra[0]?.value ?? null, brokenCriteria];
      else fw = frameworks.size === 0 ? bundledFw() : null;
      if (fw) append(e.found, (e.kind === 'plan-file' ? (await import('../io/plan-file.js')).planFileFrom(e.parsed, e.file, fw) : responseFrom(e.parsed, e.file, fw)).diagnostics);
      else e.found.push({ ...error(broken ? 'ans.notChecked' : 'ans.noCriteria', { framework: id ?? '' }), file: e.file, line: 1, column: 1 });
      checked = Boolean(fw);
    }
    append(diagnostics, e.found);
    reports.push({ file: e.file, kind: e.kind, checked, valid: checked && !hasErrors(e.found) });
  }

  const sorted = [...diagnostics].sort(byPosition);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const failures: string[] = [];
  if (opts.strict && warnings > 0) failures.push(label(lang, 'validate.strictFailed'));
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) failures.push(label(lang, 'validate.tooManyWarnings', { warnings, max: opts.maxWarnings }));
  const valid = errors === 0 && failures.length === 0;

  const render = (format: ValidateFormat): string => {
    if (format === 'json') {
      return `${JSON.stringify({ version: VALIDATE_JSON_VERSION, valid, errors, warnings, files: reports, diagnostics: sorted.map((d) => coded(d, lang)) }, null, 2)}\n`;
    }
    if (format === 'sarif') return `${JSON.stringify(sarifLog(sorted, lang, VERSION, label(lang, 'validate.ruleHelp')), null, 2)}\n`;
    if (format === 'github') {
      const more = (count: number, severity: string): string => label(lang, 'validate.moreAnnotations', { count, severity });
      return githubOutput(sorted, lang, more).map((l) => `${l}\n`).join('');
    }
    return sorted.map((d) => `${diagnosticLine(d, lang, term.color)}\n`).join('');
  };
  if (toStdout) term.out(render(toStdout));
  for (const [format, file] of toFiles) {
    const { writeFileSafe } = await import('../io/write.js');
    const problem = await writeFileSafe(file, render(format), true);
    if (problem) throw new UserError('', EXIT.rejected, [problem]);
  }
  for (const t of tables) term.err(`${intakeLine(t, lang)}\n`);
  const unchecked = reports.filter((r) => !r.checked).length;
  const summary = label(lang, 'validate.summary', { files: files.length, errors, warnings });
  term.err(`${[summary, ...(unchecked > 0 ? [label(lang, 'validate.unchecked', { count: unchecked })] : []), ...failures].join('; ')}\n`);
  return valid ? EXIT.ok : EXIT.rejected;
}

/** Which format goes to standard output, and which to files (`-o sarif=out.sarif`). */
function plan(
  opts: ValidateOptions,
  usage: (code: 'usage.twoToStdout', params: Record<string, string>) => UserError,
): { toStdout: ValidateFormat | undefined; toFiles: [ValidateFormat, string][] } {
  const outputs = opts.outputs ?? {};
  const formats = [...new Set([...(opts.formats ?? []), ...(Object.keys(outputs) as ValidateFormat[])])];
  if (formats.length === 0) formats.push('text');
  const stdout = formats.filter((f) => outputs[f] === undefined);
  if (stdout.length > 1) throw usage('usage.twoToStdout', { formats: stdout.join(', ') });
  return { toStdout: stdout[0], toFiles: Object.entries(outputs) as [ValidateFormat, string][] };
}

/** A path as the user would write it: relative to the current folder when inside it, normalised. */
function display(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? normalize(file) : rel;
}

/** Standard input read like a file: bounded, then decoded. */
function fromStdin(buf: Buffer, file: string): TextResult {
  if (buf.length > MAX_YAML_BYTES) return { diagnostic: { ...error('file.tooLarge', { size: buf.length, limit: MAX_YAML_BYTES }), file, line: 1, column: 1 } };
  return decode(buf, file);
}

const idOf = (data: unknown): string | undefined =>
  data && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : undefined;
const frameworkOf = (data: unknown): string | undefined =>
  data && typeof data === 'object' && typeof (data as { framework?: unknown }).framework === 'string' ? (data as { framework: string }).framework : undefined;
