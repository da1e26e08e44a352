import type { Params } from '../core/diagnostic.js';
import type { Catalogue } from './catalogue.js';

/** `{name}`, `{name|nouns}`, `{name|hint}`, `{name|plural:word}`, `{name|sh}`, `{name|opt:word}`. */
export const PLACEHOLDER = /\{(\w+)(?:\|(\w+)(?::([\w.-]+))?)?\}/g;
export const FORMATTERS = ['nouns', 'hint', 'plural', 'sh', 'opt'] as const;

/** A word quoted for a POSIX shell, to be copied into a command line: `it's` → `'it'\''s'`. */
export const shellQuote = (v: unknown): string => `'${String(v).replace(/'/g, `'\\''`)}'`;

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string): Intl.NumberFormat => {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false })));
  return f;
};

/** The languages of the EU: all write whole numbers in Latin digits. */
const LATIN_DIGITS = new Set('bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' '));

/**
 * A number in a locale. A whole number in an EU language is its digits (no grouping), without
 * Intl: its first use costs more than a whole `validate` of a clean file.
 */
function formatNumber(v: number, locale: string): string {
  if (Number.isSafeInteger(v) && LATIN_DIGITS.has(locale.split('-')[0]?.toLowerCase() ?? '')) return String(v);
  return numberFormat(locale).format(v);
}

/**
 * Fills a catalogue template: numbers in the catalogue's locale (a decimal comma in lv and de),
 * `{x|nouns}` a list of `noun.*` words joined by the locale's "or", `{x|hint}` the `hint` word when
 * x is set, `{x|opt:w}` the clause `opt.w` (filled with the same params) when x is set, `{x|sh}` x
 * quoted for a shell command line, `{x|plural:w}` the plural form of `plural.w` for the number x. An unknown name stays as it is.
 */
export function formatTemplate(template: string, params: Params, cat: Catalogue): string {
  return template.replace(PLACEHOLDER, (m, name: string, fmt: string | undefined, arg: string | undefined) => {
    const v = params[name];
    if (fmt === 'hint') return v === undefined || v === '' ? '' : formatTemplate(word(cat, 'hint'), { suggestion: v }, cat);
    if (fmt === 'opt' && arg) return v === undefined || v === '' ? '' : formatTemplate(word(cat, `opt.${arg}`), params, cat);
    if (v === undefined) return m;
    if (fmt === 'sh') return shellQuote(v);
    if (fmt === 'nouns') {
      const words = String(v)
        .split('|')
        .map((t) => {
          const w = cat.words[`noun.${t}`];
          return typeof w === 'string' ? w : t;
        });
      return new Intl.ListFormat(cat.locale, { type: 'disjunction' }).format(words);
    }
    if (fmt === 'plural' && arg) {
      const forms = cat.words[`plural.${arg}`];
      const n = Number(v);
      if (forms && typeof forms === 'object' && !Array.isArray(forms)) {
        const p = forms;
        return formatTemplate(p[new Intl.PluralRules(cat.locale).select(n)] ?? p.other, { n }, cat);
      }
    }
    return typeof v === 'number' ? formatNumber(v, cat.locale) : v;
  });
}

function word(cat: Catalogue, key: string): string {
  const w = cat.words[key];
  return typeof w === 'string' ? w : '';
}

/** The placeholder names of a template (`{a} {b|nouns}` → a, b). */
export const placeholders = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
