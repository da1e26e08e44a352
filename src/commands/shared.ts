import { byPosition, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { contentLanguage } from '../core/locale.js';
import { rejected, UserError } from '../errors.js';
import { catalogueLang, catalogueLanguages, hasCatalogue, REFERENCE_LANG } from '../i18n/catalogue.js';
import { fill, message, wordOf, type UiLang } from '../i18n/messages.js';
import { loadFramework } from '../io/load.js';
import type { Terminal } from '../io/terminal.js';
import { BUNDLED_CRITERIA } from '../paths.js';
import { diagnosticLine } from '../render/diagnostics.js';

/** Prints diagnostics to stderr, one `file:line:column: message` line each. */
export function printDiagnostics(ds: readonly Diagnostic[], lang: UiLang, term: Terminal): void {
  for (const d of [...ds].sort(byPosition)) term.err(`${diagnosticLine(d, lang, term.errColor)}\n`);
}

/** Loads the framework (`--criteria` or the bundled one), or stops with why it cannot. */
export function requireFramework(file: string | undefined, warnings?: Diagnostic[]): Framework {
  const loaded = loadFramework(file ?? BUNDLED_CRITERIA);
  if (!loaded.value) throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
  // The framework's warnings go with the run's other diagnostics (never dropped silently).
  if (warnings) for (const d of loaded.diagnostics) warnings.push(d);
  return loaded.value;
}

const base = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';
const warned = new Set<string>();
const fallbackNotice = (lang: string): string => {
  const w = wordOf(REFERENCE_LANG, 'language.fallback');
  return fill(typeof w === 'string' ? w : '', { lang });
};

/**
 * The report language (core/locale.ts contentLanguage): `--lang`, else the answers' `language:`,
 * else the framework's first language. Texts a framework lacks in it fall back to its first
 * language; the kit's words come from the catalogue of that language, else from English with one
 * warning on `term`. A `--lang` that neither the framework nor a catalogue has is a usage error.
 */
export function contentLang(option: string | undefined, fw: Framework, term?: Terminal, fileLang?: string | null): string {
  if (option !== undefined && !fw.languages.some((l) => base(l) === base(option)) && !hasCatalogue(option) && !hasCatalogue(base(option))) {
    const lang = catalogueLang(option);
    throw new UserError(message(lang, 'usage.unknownLanguage', { lang: option, languages: fw.languages.join(', '), catalogues: catalogueLanguages().join(', ') }));
  }
  const lang = contentLanguage({ flag: option, fileLang }, fw.languages);
  if (term && catalogueLang(lang) === REFERENCE_LANG && base(lang) !== REFERENCE_LANG && !warned.has(lang)) {
    warned.add(lang);
    term.err(`village: ${fallbackNotice(lang)}\n`);
  }
  return lang;
}

/** Today as YYYY-MM-DD in local time (the date a mentor sees on the wall calendar). */
export function today(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
