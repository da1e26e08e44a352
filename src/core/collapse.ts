import { error, warning, type Diagnostic } from './diagnostic.js';

/**
 * One root cause, one diagnostic: when several texts miss the same language (or carry the same
 * language that is not in `languages`), the per-text diagnostics become one at the first of them,
 * with the count. When texts miss "de-AT" and carry "de", the hint names the likely fix.
 */
export function collapseLanguages(ds: readonly Diagnostic[], languages: readonly string[]): Diagnostic[] {
  const missing = group(ds, 'crit.missingLanguage');
  const extra = group(ds, 'crit.extraLanguage');
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const d of ds) {
    const lang = String(d.params.lang);
    const byLang = d.code === 'crit.missingLanguage' ? missing : d.code === 'crit.extraLanguage' ? extra : undefined;
    const all = byLang?.get(lang);
    if (!byLang || !all || all.length < 2) {
      out.push(d);
      continue;
    }
    const key = `${d.code}\u0000${lang}`;
    if (done.has(key)) continue;
    done.add(key);
    const params = { lang, languages: String(d.params.languages), count: all.length };
    if (d.code === 'crit.missingLanguage') {
      // The extra language used about as often as this one is missing: likely the intended tag.
      const used = [...extra.entries()].filter(([, e]) => e.length >= all.length / 2).map(([l]) => l)[0];
      const suggestion = used ? languages.map((l) => (l === lang ? used : l)).join(', ') : undefined;
      out.push(error('crit.languageTexts', { ...params, used, suggestion }, d.path));
    } else {
      out.push(warning('crit.extraLanguageTexts', params, d.path, 'key'));
    }
  }
  return out;
}

function group(ds: readonly Diagnostic[], code: Diagnostic['code']): Map<string, Diagnostic[]> {
  const m = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    if (d.code !== code) continue;
    const lang = String(d.params.lang);
    m.set(lang, [...(m.get(lang) ?? []), d]);
  }
  return m;
}
