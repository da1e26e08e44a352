import type { Diagnostic } from '../core/diagnostic.js';
import { catalogue, REFERENCE_LANG, registerCatalogue, type Catalogue } from '../i18n/catalogue.js';
import { checkCatalogue } from '../i18n/check.js';
import type { Loaded } from './load.js';
import { readYaml } from './load.js';
import { locate, type ParsedYaml } from './yaml.js';

/** The `schema:` of a user's catalogue file (`--messages FILE`, `village validate`). */
export const MESSAGES_TAG = 'village-kit/messages@1';

export interface UserCatalogue {
  language: string;
  catalogue: Partial<Catalogue>;
}

export const isCatalogueData = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as Record<string, unknown>).schema === MESSAGES_TAG;

/**
 * A user's catalogue from a parsed file: `schema: village-kit/messages@1`, `language: fi`, an
 * optional `locale:`, and any of the sections messages, labels, words, help. Missing keys are
 * warnings (English stands in); unknown keys, placeholders and shapes are errors.
 */
export function catalogueFrom(parsed: ParsedYaml, file: string): Loaded<UserCatalogue> {
  const data = parsed.data as Record<string, unknown>;
  const found: Diagnostic[] = checkCatalogue(data, catalogue(REFERENCE_LANG), { strict: false });
  const language = data.language;
  if (typeof language !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    found.push({ severity: 'error', code: 'schema.pattern', params: { value: typeof language === 'string' ? language : JSON.stringify(language ?? ''), what: 'lang' }, path: ['language'] });
  }
  const diagnostics = found.map((d) => locate(d, parsed, file));
  if (diagnostics.some((d) => d.severity === 'error') || typeof language !== 'string') return { value: null, diagnostics };
  return { value: { language: language.toLowerCase(), catalogue: data }, diagnostics };
}

/** Reads `--messages FILE` and registers it; the diagnostics say what is wrong with it. */
export function loadUserCatalogue(file: string): Loaded<UserCatalogue> {
  const { parsed, diagnostics } = readYaml(file);
  if (!parsed) return { value: null, diagnostics };
  if (!isCatalogueData(parsed.data)) {
    return { value: null, diagnostics: [locate({ severity: 'error', code: 'file.noKind', params: {}, path: ['schema'] }, parsed, file)] };
  }
  const loaded = catalogueFrom(parsed, file);
  if (loaded.value) registerCatalogue(loaded.value.language, loaded.value.catalogue);
  return { value: loaded.value, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}
