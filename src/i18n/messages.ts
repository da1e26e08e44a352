import type { Params } from '../core/diagnostic.js';
import * as en from './en.js';
import * as lv from './lv.js';

/** The languages the kit itself speaks (prompts, messages, headings). */
export const UI_LANGS = { lv, en } as const;
export type UiLang = keyof typeof UI_LANGS;
export type MessageCode = keyof typeof en.messages;

declare module '../core/diagnostic.js' {
  // Registers the catalogue's codes with the core (see DiagnosticCodes).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DiagnosticCodes extends Record<keyof typeof en.messages, true> {}
}
export type LabelKey = keyof typeof en.labels;

export const isUiLang = (v: unknown): v is UiLang => typeof v === 'string' && Object.hasOwn(UI_LANGS, v);

/** A UI language for a framework language (a BCP-47 code): lv-LV -> lv, anything else -> en. */
export const uiLangFor = (lang: string): UiLang => {
  const base = lang.toLowerCase().split('-')[0];
  return isUiLang(base) ? base : 'en';
};

export function message(lang: UiLang, code: MessageCode, params: Params = {}): string {
  return UI_LANGS[lang].messages[code](params);
}

/** A fixed label; `{name}` placeholders are filled from params. */
export function label(lang: UiLang, key: LabelKey, params: Params = {}): string {
  return fill(UI_LANGS[lang].labels[key], params);
}

export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

export function labelsFor(lang: UiLang): Record<LabelKey, string> {
  return UI_LANGS[lang].labels;
}
