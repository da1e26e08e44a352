import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { UiLang } from '../i18n/messages.js';
import { coded } from './diagnostics.js';

/**
 * `village validate --format sarif`: a SARIF 2.1.0 log (OASIS), as GitHub code scanning
 * (`github/codeql-action/upload-sarif`) and other tools read it. One run; one rule per diagnostic
 * code that occurs, with its help text; one result per diagnostic with its region (start and end).
 * Paths are relative to the folder the run started in (`%SRCROOT%`).
 */
export function sarifLog(ds: readonly Diagnostic[], lang: UiLang, version: string, help: string): unknown {
  const plains = ds.map((d) => coded(d, lang));
  const codes = [...new Set(plains.map((p) => p.code))].sort();
  const rules = codes.map((code) => {
    const first = plains.find((p) => p.code === code);
    return {
      id: code,
      name: code,
      shortDescription: { text: first?.message ?? code },
      help: { text: help },
      defaultConfiguration: { level: first?.severity === 'warning' ? 'warning' : 'error' },
    };
  });
  const results = plains.map((p) => ({
    ruleId: p.code,
    ruleIndex: codes.indexOf(p.code),
    level: p.severity,
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: isAbsolute(p.file) ? { uri: pathToFileURL(p.file).href } : { uri: toUri(p.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'village',
            fullName: 'smart-village-kit village validate',
            semanticVersion: version,
            version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A relative URI for a path: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  const parts = file.replace(/\\/g, '/').split('/');
  return parts.map((s, i) => (i === 0 && s === '.' ? s : encodeURIComponent(s))).join('/').replace(/^\.\//, '');
}
