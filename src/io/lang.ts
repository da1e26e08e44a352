import { isUiLang, type UiLang } from '../i18n/messages.js';

/**
 * The language of the kit's own messages: `--lang`, else $VILLAGE_LANG, else the locale
 * ($LC_ALL, $LC_MESSAGES, $LANG: lv_LV.UTF-8 -> lv), else English.
 */
export function uiLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): UiLang {
  for (const v of [option, env.VILLAGE_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v) continue;
    const base = v.toLowerCase().split(/[-_.]/)[0];
    if (isUiLang(base)) return base;
    if (v === option || v === env.VILLAGE_LANG) continue;
    // The first locale variable that is set decides, as in POSIX.
    return 'en';
  }
  return 'en';
}
