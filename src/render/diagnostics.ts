import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';
import { label, message, type UiLang } from '../i18n/messages.js';
import { sanitize } from './escape.js';

export interface PlainDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The diagnostic as data (score's JSON): where, how bad, and the message in the UI language. */
export const plain = (d: Diagnostic, lang: UiLang): PlainDiagnostic => ({
  file: d.file ?? '',
  line: d.line ?? 1,
  column: d.column ?? 1,
  severity: d.severity,
  message: sanitize(message(lang, d.code, d.params)),
});

/** The fuller form of validate's JSON v1, SARIF and GitHub: also the rule code and the end. */
export interface CodedDiagnostic {
  file: string;
  line: number;
  column: number;
  /** Where the located text ends: its last line, and the column just after it. */
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  /** The rule: a stable code such as "crit.unknownPartner" (docs/formats.md, "Diagnostic codes"). */
  code: string;
  message: string;
}

export const coded = (d: Diagnostic, lang: UiLang): CodedDiagnostic => {
  const line = d.line ?? 1;
  const column = d.column ?? 1;
  return {
    file: d.file ?? '',
    line,
    column,
    endLine: d.endLine ?? line,
    endColumn: d.endColumn ?? column + 1,
    severity: d.severity,
    code: d.code,
    message: sanitize(message(lang, d.code, d.params)),
  };
};

/** `file:line:column: message`, one line; warnings say so. */
export function diagnosticLine(d: Diagnostic, lang: UiLang, color?: ChalkInstance): string {
  const p = plain(d, lang);
  const where = `${sanitize(p.file)}:${p.line}:${p.column}:`;
  const warning = label(lang, 'diag.warning');
  const tag = p.severity === 'warning' ? ` ${color ? color.yellow(warning) : warning}:` : '';
  return `${color ? color.bold(where) : where}${tag} ${p.message}`;
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A GitHub Actions workflow command, which the Actions UI shows as an annotation on the line:
 * the rule code as its title, and where the located text ends.
 */
export function githubAnnotation(d: Diagnostic, lang: UiLang): string {
  const p = coded(d, lang);
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `endLine=${p.endLine}`,
    ...(p.endLine === p.line ? [`endColumn=${p.endColumn}`] : []),
    `title=${escapeProperty(p.code)}`,
  ];
  return `::${p.severity} ${props.join(',')}::${escapeData(p.message)}`;
}

/** GitHub shows this many annotations of each kind (error, warning) per step. */
export const GITHUB_ANNOTATION_CAP = 10;

/**
 * The GitHub output: the first 10 errors and the first 10 warnings as annotations, then a
 * `::notice` for each kind that had more, then every diagnostic as a plain line for the log.
 */
export function githubOutput(ds: readonly Diagnostic[], lang: UiLang, more: (count: number, severity: string) => string): string[] {
  const out: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  for (const d of ds) {
    if (shown[d.severity] < GITHUB_ANNOTATION_CAP) {
      shown[d.severity]++;
      out.push(githubAnnotation(d, lang));
    } else {
      hidden[d.severity]++;
    }
  }
  for (const severity of ['error', 'warning'] as const) {
    if (hidden[severity] > 0) out.push(`::notice title=village validate::${escapeData(more(hidden[severity], severity))}`);
  }
  if (hidden.error + hidden.warning > 0) for (const d of ds) out.push(diagnosticLine(d, lang));
  return out;
}
