import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** A word with plural forms, chosen by `Intl.PluralRules` of the catalogue's locale; `other` is required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Word = string | string[] | Plural;

/** One language's catalogue as it is in locales/<lang>.yaml (a user's may lack keys). */
export interface Catalogue {
  /** The BCP-47 locale for numbers, lists and plurals (en-GB, lv-LV, de-DE). */
  locale: string;
  messages: Record<string, string>;
  labels: Record<string, string>;
  words: Record<string, Word>;
  help: Record<string, string>;
}

export const SECTIONS = ['messages', 'labels', 'words', 'help'] as const;
export type Section = (typeof SECTIONS)[number];

/** The reference language: every key exists in it, and other catalogues fall back to it key by key. */
export const REFERENCE_LANG = 'en';

const LOCALES_DIR = join(PACKAGE_ROOT, 'dist', 'locales');
const bundledCache = new Map<string, Catalogue | null>();
const user = new Map<string, Partial<Catalogue>>();
const resolved = new Map<string, Catalogue>();
let index: { languages: string[]; names: Record<string, string> } | undefined;

/** The languages of the catalogues shipped with the kit (dist/locales/index.json, made by the build). */
export function bundledLanguages(): readonly string[] {
  index ??= JSON.parse(readFileSync(join(LOCALES_DIR, 'index.json'), 'utf8')) as { languages: string[]; names: Record<string, string> };
  return index.languages;
}

function bundled(lang: string): Catalogue | null {
  if (!bundledCache.has(lang)) {
    const file = join(LOCALES_DIR, `${lang}.json`);
    bundledCache.set(lang, bundledLanguages().includes(lang) && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : null);
  }
  return bundledCache.get(lang) ?? null;
}

/**
 * Adds a user's catalogue (`--messages FILE`): it overrides the bundled one of the same language
 * key by key, or adds a language. Keys it lacks fall back to the bundled catalogue, then to English.
 */
export function registerCatalogue(lang: string, cat: Partial<Catalogue>): void {
  const key = lang.toLowerCase();
  const prev = user.get(key) ?? {};
  const merged: Partial<Catalogue> = { ...prev };
  if (cat.locale) merged.locale = cat.locale;
  for (const s of SECTIONS) if (cat[s]) (merged as Record<Section, object>)[s] = { ...(prev[s] ?? {}), ...cat[s] };
  user.set(key, merged);
  resolved.clear();
}

/** Every language the kit has words for: the bundled catalogues and the user's. */
export function catalogueLanguages(): string[] {
  return [...new Set([...bundledLanguages(), ...user.keys()])];
}

export const hasCatalogue = (lang: string): boolean => user.has(lang.toLowerCase()) || bundledLanguages().includes(lang.toLowerCase());

/** The catalogue language for a BCP-47 tag: the tag itself (de-at), else its base (de), else English. */
export function catalogueLang(tag: string): string {
  const t = tag.toLowerCase().replace(/_/g, '-');
  if (hasCatalogue(t)) return t;
  const base = t.split('-')[0] ?? '';
  return hasCatalogue(base) ? base : REFERENCE_LANG;
}

/**
 * The complete catalogue of `lang` (one of catalogueLanguages()): the user's entries, then the
 * bundled catalogue of that language, then English, key by key. Loaded on first use.
 */
export function catalogue(lang: string): Catalogue {
  const key = lang.toLowerCase();
  const done = resolved.get(key);
  if (done) return done;
  const ref = bundled(REFERENCE_LANG);
  if (!ref) throw new Error(`the English catalogue is missing from ${LOCALES_DIR}: run npm run build`);
  const layers = [user.get(key), key === REFERENCE_LANG ? undefined : bundled(key)].filter((c): c is Partial<Catalogue> => c !== undefined && c !== null);
  const cat: Catalogue = {
    locale: layers.find((c) => c.locale)?.locale ?? (layers.length > 0 ? key : ref.locale),
    messages: { ...ref.messages },
    labels: { ...ref.labels },
    words: { ...ref.words },
    help: { ...ref.help },
  };
  for (const layer of layers.reverse()) for (const s of SECTIONS) Object.assign(cat[s], layer[s] ?? {});
  resolved.set(key, cat);
  return cat;
}

/** Every catalogue, for the words that are understood in any language (CSV headers, n/a). */
export const allCatalogues = (): Catalogue[] => catalogueLanguages().map(catalogue);
