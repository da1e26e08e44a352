import type { Diagnostic } from '../core/diagnostic.js';
import { SECTIONS, type Catalogue } from './catalogue.js';
import { FORMATTERS, PLACEHOLDER } from './format.js';

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const problem = (severity: 'error' | 'warning', code: string, params: Diagnostic['params'], path: string[]): Diagnostic =>
  ({ severity, code, params, path, at: 'key' }) as Diagnostic;

/** The texts of a value: a string, a plural map's forms, or nothing (lists hold words, not templates). */
export const texts = (v: unknown): string[] => (typeof v === 'string' ? [v] : isRecord(v) ? Object.values(v).filter((t) => typeof t === 'string') : []);

/**
 * Checks a catalogue against the reference (English) one: every key, the shape of each value
 * (text, list, plural forms with `other`), and the same placeholder names in each text, with known
 * formatters. `strict` (the bundled catalogues) makes a missing key an error; a user's catalogue
 * may leave keys out (they come from English, with a warning). Pure.
 */
export function checkCatalogue(candidate: unknown, ref: Catalogue, opts: { strict: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isRecord(candidate)) return [problem('error', 'catalogue.notMapping', {}, [])];
  if (candidate.locale !== undefined) {
    let ok = typeof candidate.locale === 'string';
    try {
      if (ok) new Intl.Locale(candidate.locale as string);
    } catch {
      ok = false;
    }
    if (!ok) out.push(problem('error', 'catalogue.badLocale', { value: typeof candidate.locale === 'string' ? candidate.locale : JSON.stringify(candidate.locale) }, ['locale']));
  } else if (opts.strict) out.push(problem('error', 'catalogue.missingKey', { key: 'locale' }, []));
  const known = new Set<string>(['locale', 'schema', 'language', ...SECTIONS]);
  for (const k of Object.keys(candidate)) if (!known.has(k)) out.push(problem('error', 'catalogue.unknownKey', { key: k }, [k]));

  for (const section of SECTIONS) {
    const refSection = ref[section] as Record<string, unknown>;
    const got = candidate[section];
    if (got === undefined) {
      if (opts.strict) out.push(problem('error', 'catalogue.missingKey', { key: section }, []));
      continue;
    }
    if (!isRecord(got)) {
      out.push(problem('error', 'catalogue.notMapping', {}, [section]));
      continue;
    }
    for (const key of Object.keys(refSection)) {
      if (!(key in got)) out.push(problem(opts.strict ? 'error' : 'warning', 'catalogue.missingKey', { key: `${section}.${key}` }, [section]));
    }
    for (const [key, value] of Object.entries(got)) {
      const path = [section, key];
      if (!(key in refSection)) {
        out.push(problem(opts.strict ? 'error' : 'warning', 'catalogue.unknownKey', { key: `${section}.${key}` }, path));
        continue;
      }
      const expected = refSection[key];
      const shape = (v: unknown): string => (typeof v === 'string' ? 'text' : Array.isArray(v) ? 'list' : isRecord(v) ? 'plural' : 'other');
      if (shape(value) !== shape(expected) || (Array.isArray(value) && value.some((w) => typeof w !== 'string'))) {
        out.push(problem('error', 'catalogue.badShape', { key, expected: shape(expected) }, path));
        continue;
      }
      if (isRecord(value)) {
        for (const f of Object.keys(value)) if (!PLURAL_FORMS.has(f)) out.push(problem('error', 'catalogue.badPluralForm', { key, form: f }, [...path, f]));
        if (typeof value.other !== 'string') out.push(problem('error', 'catalogue.missingKey', { key: `${section}.${key}.other` }, path));
      }
      const want = new Set(texts(expected).flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1] as string)));
      const forms: [string, string][] = typeof value === 'string' ? [['other', value]] : isRecord(value) ? Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
      for (const [form, text] of forms) {
        const have = new Set<string>();
        for (const m of text.matchAll(PLACEHOLDER)) {
          have.add(m[1] as string);
          const fmt = m[2];
          if (fmt && !(FORMATTERS as readonly string[]).includes(fmt)) out.push(problem('error', 'catalogue.badFormatter', { key, formatter: fmt }, path));
          if (fmt === 'opt' && !(`opt.${m[3] ?? ''}` in ref.words)) out.push(problem('error', 'catalogue.badFormatter', { key, formatter: `opt:${m[3] ?? ''}` }, path));
          if (fmt === 'plural' && !(`plural.${m[3] ?? ''}` in ref.words)) out.push(problem('error', 'catalogue.badFormatter', { key, formatter: `plural:${m[3] ?? ''}` }, path));
        }
        if (form === 'other') for (const p of want) if (!have.has(p)) out.push(problem('error', 'catalogue.missingPlaceholder', { key, placeholder: `{${p}}` }, path));
        for (const p of have) if (!want.has(p)) out.push(problem('error', 'catalogue.unknownPlaceholder', { key, placeholder: `{${p}}` }, path));
      }
    }
  }
  return out;
}
