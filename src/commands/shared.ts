import { byPosition, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { rejected } from '../errors.js';
import type { UiLang } from '../i18n/messages.js';
import { loadFramework } from '../io/load.js';
import type { Terminal } from '../io/terminal.js';
import { BUNDLED_CRITERIA } from '../paths.js';
import { diagnosticLine } from '../render/diagnostics.js';

/** Prints diagnostics to stderr, one `file:line:column: message` line each. */
export function printDiagnostics(ds: readonly Diagnostic[], lang: UiLang, term: Terminal): void {
  for (const d of [...ds].sort(byPosition)) term.err(`${diagnosticLine(d, lang, term.errColor)}\n`);
}

/** Loads the framework (`--criteria` or the bundled one), or stops with why it cannot. */
export function requireFramework(file: string | undefined): Framework {
  const loaded = loadFramework(file ?? BUNDLED_CRITERIA);
  if (!loaded.value) throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
  return loaded.value;
}

/** The report language: `--lang`, else the framework's first language. Texts a framework lacks in it fall back to its first language. */
export function contentLang(option: string | undefined, fw: Framework): string {
  return option ?? fw.languages[0] ?? 'en';
}

/** Today as YYYY-MM-DD in local time (the date a mentor sees on the wall calendar). */
export function today(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
