import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostic.js';
import { label, message, type UiLang } from '../i18n/messages.js';

export interface PlainDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export const plain = (d: Diagnostic, lang: UiLang): PlainDiagnostic => ({
  file: d.file ?? '',
  line: d.line ?? 1,
  column: d.column ?? 1,
  severity: d.severity,
  message: message(lang, d.code, d.params),
});

/** `file:line:column: message`, one line; warnings say so. */
export function diagnosticLine(d: Diagnostic, lang: UiLang, color?: ChalkInstance): string {
  const p = plain(d, lang);
  const where = `${p.file}:${p.line}:${p.column}:`;
  const warning = label(lang, 'diag.warning');
  const tag = p.severity === 'warning' ? ` ${color ? color.yellow(warning) : warning}:` : '';
  return `${color ? color.bold(where) : where}${tag} ${p.message}`;
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command, which the Actions UI shows as an annotation on the line. */
export function githubAnnotation(d: Diagnostic, lang: UiLang): string {
  const p = plain(d, lang);
  return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column}::${escapeData(p.message)}`;
}
