/** Where a language can come from, strongest first after the flag. */
export interface LocaleSources {
  /** `--lang` as given. */
  flag?: string | undefined;
  /** The `language:` of the file being worked on (an answers file). */
  fileLang?: string | null | undefined;
  /** The process environment: VILLAGE_LANG, then LC_ALL, LC_MESSAGES, LANG. */
  env: Readonly<Record<string, string | undefined>>;
}

const base = (tag: string): string => tag.toLowerCase().split(/[-_.@]/)[0] ?? '';

/**
 * The language of the kit's own words, one of `known`: `--lang`, else the file's `language:`,
 * else $VILLAGE_LANG, else the POSIX locale (the first of LC_ALL, LC_MESSAGES, LANG that is set
 * decides: lv_LV.UTF-8 → lv), else `fallback`. Pure.
 */
export function uiLanguage(src: LocaleSources, known: readonly string[], fallback: string): string {
  const pick = (v: string | null | undefined): string | undefined => (v && known.includes(base(v)) ? base(v) : undefined);
  const explicit = pick(src.flag) ?? pick(src.fileLang) ?? pick(src.env.VILLAGE_LANG);
  if (explicit) return explicit;
  const posix = [src.env.LC_ALL, src.env.LC_MESSAGES, src.env.LANG].find((v) => v !== undefined && v !== '');
  return pick(posix) ?? fallback;
}

/**
 * The language of a report's content (the framework's texts): `--lang`, else the answers'
 * `language:` when the framework has it (as the framework spells it), else the framework's first language. Pure.
 */
export function contentLanguage(src: Omit<LocaleSources, 'env'>, frameworkLangs: readonly string[]): string {
  if (src.flag) return src.flag;
  const file = src.fileLang;
  const match = file ? (frameworkLangs.find((l) => l === file) ?? frameworkLangs.find((l) => base(l) === base(file))) : undefined;
  return match ?? frameworkLangs[0] ?? 'en';
}
