import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue.js';
import { formatTemplate } from '../../src/i18n/format.js';

// The template language of locales/*.yaml: plurals by Intl.PluralRules, lists and numbers by Intl.
describe('catalogue templates', () => {
  const lv = catalogue('lv');
  const de = catalogue('de');
  const en = catalogue('en');

  it.each([
    [0, '0 kļūdu'], [1, '1 kļūda'], [2, '2 kļūdas'], [10, '10 kļūdu'], [11, '11 kļūdu'], [21, '21 kļūda'], [22, '22 kļūdas'],
  ])('Latvian has three plural forms: %i -> %s', (n, want) => {
    expect(formatTemplate('{n|plural:error}', { n }, lv)).toBe(want);
  });

  it.each([
    [en, 3.5, '3.5'], [lv, 3.5, '3,5'], [de, 3.5, '3,5'], [de, 1234, '1234'],
  ])('numbers in the locale (%#)', (cat, n, want) => {
    expect(formatTemplate('{x}', { x: n }, cat)).toBe(want);
  });

  it('joins nouns with the locale’s "or" and fills the hint only when set', () => {
    expect(formatTemplate('{e|nouns}', { e: 'integer|null|"n/a"' }, en)).toBe('a whole number, empty (null) or "n/a"');
    expect(formatTemplate('{e|nouns}', { e: 'integer|null' }, de)).toBe('ganze Zahl oder leer (null)');
    expect(formatTemplate('x{s|hint}', { s: 'abc' }, de)).toBe('x (meinten Sie „abc“?)');
    expect(formatTemplate('x{s|hint}', {}, de)).toBe('x');
  });

  it('quotes for a shell with {x|sh}, and adds an optional clause with {x|opt:w} only when x is set', () => {
    expect(formatTemplate('--ignore-column {c|sh}', { c: "Don't ask" }, de)).toBe(`--ignore-column 'Don'\\''t ask'`);
    const t = en.messages['crit.languageTexts'] ?? '';
    expect(formatTemplate(t, { count: 2, lang: 'lv', languages: 'lv, en' }, en)).toBe('2 text(s) have no "lv" text, first here (every text needs: lv, en)');
    expect(formatTemplate(t, { count: 2, lang: 'lv', languages: 'lv, en', used: 'lt', suggestion: 'lt, en' }, en)).toBe(
      '2 text(s) have no "lv" text, first here (every text needs: lv, en); the texts use "lt": did you mean languages: [lt, en]?',
    );
  });

  it('leaves an unknown placeholder as it is', () => {
    expect(formatTemplate('{nope}', {}, en)).toBe('{nope}');
  });
});
