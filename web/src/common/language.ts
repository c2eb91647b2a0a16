// The four languages of the instrument and of every page's own texts, and how a visitor's choice is made
// and remembered (on the device only).

export const LANGUAGES = ['lt', 'en', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as the switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  lt: 'Lietuvių',
  en: 'English',
  uk: 'Українська',
  ru: 'Русский',
};

/** A text in every language: instrument labels have this shape, and so do the pages' own texts. */
export type Localised = Record<Language, string>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const STORAGE_KEY = 'integra.language';

/**
 * The language to start in: `?lang=` in the address, else the one chosen before on this device, else the
 * first of the browser's languages that the system has, else Lithuanian.
 */
export function initialLanguage(search: string, storage: Pick<Storage, 'getItem'> | undefined,
  browserLanguages: readonly string[]): Language {
  const fromAddress = new URLSearchParams(search).get('lang');
  if (isLanguage(fromAddress)) return fromAddress;
  const remembered = safely(() => storage?.getItem(STORAGE_KEY));
  if (isLanguage(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'lt';
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  safely(() => storage?.setItem(STORAGE_KEY, language));
}

/** Storage may be missing or refuse (private windows, quotas): the page works on without it. */
export function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/** The browser's local storage when there is one that works. */
export function deviceStorage(): Storage | undefined {
  return safely(() => window.localStorage);
}
