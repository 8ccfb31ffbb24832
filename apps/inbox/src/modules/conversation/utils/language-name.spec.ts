import { describe, expect, it } from 'vitest';
import { languageName } from './language-name';

describe('languageName', () => {
  it('names the customer’s app language in the operator’s language', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('de', 'de')).toBe('Deutsch');
    expect(languageName('pt-br', 'en')).toBe('Brazilian Portuguese');
  });

  it('shows a code it cannot name as it came', () => {
    expect(languageName('not a language!', 'en')).toBe('not a language!');
  });
});
