// Numbers as each language writes them (a decimal comma in lt, uk, ru), at the indicator's precision.
import type { Language } from '../common/language';

const LOCALES: Record<Language, string> = { lt: 'lt-LT', en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number, language: Language): string {
  const key = `${language}/${decimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, format);
  }
  return format.format(value);
}

/** An axis tick: at most the indicator's decimals, no trailing zeros (20, 40, 60; 2.5, 3, 3.5). */
export function formatTick(value: number, decimals: number, language: Language): string {
  const key = `tick/${language}/${decimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    formats.set(key, format);
  }
  return format.format(value);
}

/** "47.1–54.2" (an en dash between the ends). */
export function formatInterval(low: number | undefined, high: number | undefined, decimals: number,
  language: Language): string {
  if (low === undefined || high === undefined) return '';
  return `${formatNumber(low, decimals, language)}–${formatNumber(high, decimals, language)}`;
}

export function formatCount(n: number | undefined, language: Language): string {
  return n === undefined ? '' : formatNumber(n, 0, language);
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { year: 'numeric', month: 'long', day: 'numeric',
    timeZone: 'Europe/Vilnius' }).format(date);
}
