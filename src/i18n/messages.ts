import type { Params } from '../core/diagnostic.js';
import { catalogue, catalogueLang, hasCatalogue, type Catalogue } from './catalogue.js';
import { formatTemplate } from './format.js';
import type { LabelKey, MessageCode, WordKey } from './keys.js';

export type { LabelKey, MessageCode, WordKey } from './keys.js';

/**
 * A language of the kit's words: any language with a catalogue (locales/<lang>.yaml, or a user's
 * `--messages` file). No language is special: English is only the fallback for missing keys.
 */
export type UiLang = string;

declare module '../core/diagnostic.js' {
  // Registers the catalogue's codes with the core (see DiagnosticCodes).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DiagnosticCodes extends Record<MessageCode, true> {}
}

export const isUiLang = (v: unknown): v is UiLang => typeof v === 'string' && hasCatalogue(v);

/** The catalogue language for a framework language (a BCP-47 code): de-AT -> de-at or de, a language without a catalogue -> en. */
export const uiLangFor = (lang: string): UiLang => catalogueLang(lang);

const cat = (lang: UiLang): Catalogue => catalogue(catalogueLang(lang));

export function message(lang: UiLang, code: MessageCode, params: Params = {}): string {
  const c = cat(lang);
  return formatTemplate(c.messages[code] ?? code, params, c);
}

/** A fixed label; `{name}` placeholders are filled from params. */
export function label(lang: UiLang, key: LabelKey, params: Params = {}): string {
  const c = cat(lang);
  return formatTemplate(c.labels[key] ?? key, params, c);
}

/** Fills `{name}` placeholders (numbers and plurals in the locale of `lang`, English by default). */
export function fill(template: string, params: Params, lang: UiLang = 'en'): string {
  return formatTemplate(template, params, cat(lang));
}

export function labelsFor(lang: UiLang): Record<LabelKey, string> {
  return cat(lang).labels;
}

/** A word of the catalogue: a text, a list (CSV header aliases, n/a words) or plural forms. */
export const wordOf = (lang: UiLang, key: WordKey): Catalogue['words'][string] | undefined => cat(lang).words[key];

/** The locale for Intl formatting of `lang` (en-GB, lv-LV, de-DE). */
export const localeOf = (lang: UiLang): string => cat(lang).locale;

/** A help text (`--help`), or undefined when the catalogue has none for this key. */
export const helpText = (lang: UiLang, key: string): string | undefined => cat(lang).help[key];
