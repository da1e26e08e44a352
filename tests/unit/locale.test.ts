import { describe, expect, it } from 'vitest';
import { contentLanguage, uiLanguage } from '../../src/core/locale.js';

const KNOWN = ['lv', 'en'];

describe('the language of the kit', () => {
  it.each([
    ['--lang wins', { flag: 'lv', fileLang: 'en', env: { VILLAGE_LANG: 'en', LANG: 'en_US.UTF-8' } }, 'lv'],
    ["then the file's language", { fileLang: 'lv', env: { VILLAGE_LANG: 'en' } }, 'lv'],
    ['then VILLAGE_LANG', { env: { VILLAGE_LANG: 'lv', LANG: 'en_GB.UTF-8' } }, 'lv'],
    ['then LC_ALL before LANG', { env: { LC_ALL: 'lv_LV.UTF-8', LANG: 'en_GB.UTF-8' } }, 'lv'],
    ['the first POSIX variable set decides', { env: { LC_ALL: 'de_DE.UTF-8', LANG: 'lv_LV.UTF-8' } }, 'en'],
    ['an empty variable is not set', { env: { LC_ALL: '', LANG: 'lv_LV.UTF-8' } }, 'lv'],
    ['a region tag counts', { flag: 'lv-LV', env: {} }, 'lv'],
    ['an unknown flag falls through', { flag: 'de', env: { LANG: 'lv_LV' } }, 'lv'],
    ['nothing set: the fallback', { env: {} }, 'en'],
    ['C locale', { env: { LANG: 'C.UTF-8' } }, 'en'],
  ])('%s', (_what, src, want) => {
    expect(uiLanguage(src, KNOWN, 'en')).toBe(want);
  });
});

describe('the language of a report', () => {
  it.each([
    ['--lang wins', { flag: 'en', fileLang: 'lv' }, ['lv', 'en'], 'en'],
    ["the answers' language when the framework has it", { fileLang: 'en' }, ['lv', 'en'], 'en'],
    ["the answers' language by its base tag, as the framework spells it", { fileLang: 'en-GB' }, ['lv', 'en'], 'en'],
    ["not the answers' language the framework lacks", { fileLang: 'de' }, ['lv', 'en'], 'lv'],
    ["else the framework's first", {}, ['de', 'en'], 'de'],
  ])('%s', (_what, src, langs, want) => {
    expect(contentLanguage(src, langs)).toBe(want);
  });
});
