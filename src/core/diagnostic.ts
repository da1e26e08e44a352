
/**
 * The diagnostic codes. Empty here: the English catalogue (`i18n/messages.ts`) adds its message
 * keys to it, so a code without a message does not compile and the core needs no catalogue.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DiagnosticCodes {}
export type DiagnosticCode = keyof DiagnosticCodes;

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;
export type Params = Record<string, string | number | undefined>;

/**
 * An expected problem with an input, as a value. The core fills `path` (where in the parsed
 * document); the edge that read the file turns it into `file`, `line` and `column`.
 */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  params: Params;
  path?: PathSegment[];
  /** Point at the mapping key rather than its value (unknown keys, duplicate ids). */
  at?: 'key' | 'value';
  /** An earlier place the problem refers to (the first of two duplicates); resolved to `params.firstLine`. */
  related?: PathSegment[];
  file?: string;
  line?: number;
  column?: number;
  /** Where the located text ends (the last line, and the column just after it), when known. */
  endLine?: number;
  endColumn?: number;
}

export function error(code: DiagnosticCode, params: Params = {}, path?: PathSegment[], at?: 'key' | 'value'): Diagnostic {
  return make('error', code, params, path, at);
}

export function warning(code: DiagnosticCode, params: Params = {}, path?: PathSegment[], at?: 'key' | 'value'): Diagnostic {
  return make('warning', code, params, path, at);
}

function make(severity: Severity, code: DiagnosticCode, params: Params, path?: PathSegment[], at?: 'key' | 'value'): Diagnostic {
  const d: Diagnostic = { severity, code, params };
  if (path) d.path = path;
  if (at) d.at = at;
  return d;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Orders diagnostics by file, then position, for stable output. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}
