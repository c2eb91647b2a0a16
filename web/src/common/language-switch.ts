import { h } from './dom';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from './language';

/**
 * The visible language switch on every page: one button per language, each named in its own language and
 * marked with its `lang`, the current one pressed.
 */
export function languageSwitch(current: Language, label: string, choose: (language: Language) => void,
  available: readonly Language[] = LANGUAGES): HTMLElement {
  return h('nav', { class: 'language-switch', 'aria-label': label },
    h('ul', {}, available.map((language) => h('li', {},
      h('button', {
        type: 'button',
        lang: language,
        'aria-pressed': language === current ? 'true' : 'false',
        onclick: () => choose(language),
      }, LANGUAGE_NAMES[language])))));
}
