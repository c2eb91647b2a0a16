import { describe, expect, it } from 'vitest';
import { initialLanguage } from '../../src/common/language';

const storage = (value: string | null) => ({ getItem: () => value });

describe('initialLanguage', () => {
  it('takes ?lang= first, then the remembered choice, then the browser, then Lithuanian', () => {
    expect(initialLanguage('?lang=uk', storage('ru'), ['en'])).toBe('uk');
    expect(initialLanguage('', storage('ru'), ['en'])).toBe('ru');
    expect(initialLanguage('', storage(null), ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLanguage('', storage(null), ['de'])).toBe('lt');
  });

  it('ignores what is not one of the four languages and storage that throws', () => {
    expect(initialLanguage('?lang=xx', storage('pl'), [])).toBe('lt');
    expect(initialLanguage('', { getItem: () => { throw new Error('denied'); } }, ['ru'])).toBe('ru');
  });
});
