import { STRINGS, langFromLocale, t } from '../../src/i18n';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('language tables', () => {
  it('have the same keys in English and Danish', () => {
    expect(Object.keys(STRINGS.da).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });

  it.each(Object.keys(STRINGS.en) as (keyof typeof STRINGS.en)[])(
    '%s has text and the same placeholders in both',
    (key) => {
      expect(STRINGS.en[key].trim()).not.toBe('');
      expect(STRINGS.da[key].trim()).not.toBe('');
      expect(placeholders(STRINGS.da[key])).toEqual(placeholders(STRINGS.en[key]));
    },
  );

  it('fills placeholders', () => {
    expect(t('en', 'advice.kicker', { n: 3 })).toBe('Recommended step 3 of 7');
    expect(t('da', 'advice.kicker', { n: 3 })).toBe('Anbefalet trin 3 af 7');
  });

  it.each([
    ['da-DK', 'da'],
    ['da', 'da'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
  ])('maps locale %s to %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});
