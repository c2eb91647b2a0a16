// The frame of every view: site name, language switch, main navigation; the footer with the snapshot's date,
// licence and a link to how to read the figures.
import { h } from '../../common/dom';
import type { Language } from '../../common/language';
import { languageSwitch } from '../../common/language-switch';
import { formatDate } from '../format';
import { formatRoute, type Route } from '../route';
import type { Texts } from '../texts';
import type { Latest } from '../types';

export function siteHeader(t: Texts, language: Language, route: Route | undefined,
  chooseLanguage: (language: Language) => void): HTMLElement {
  const link = (target: Route, label: string) => {
    const current = route !== undefined && route.view === target.view;
    return h('li', {}, h('a', { href: formatRoute(target), 'aria-current': current ? 'page' : null }, label));
  };
  return h('header', { class: 'site' },
    h('div', { class: 'page' },
      h('div', { class: 'site-title' },
        h('p', { class: 'site-name' }, h('a', { href: '#', class: 'site-home' }, t.siteName)),
        h('p', { class: 'site-tagline' }, t.tagline)),
      languageSwitch(language, t.languageSwitch, chooseLanguage)),
    h('nav', { class: 'page main-nav', 'aria-label': t.mainNavigation },
      h('ul', {},
        link({ view: 'indicator' }, t.navIndicator),
        link({ view: 'area' }, t.navArea),
        link({ view: 'methodology' }, t.navMethodology))));
}

export function siteFooter(t: Texts, language: Language, latest: Latest | undefined): HTMLElement {
  return h('footer', { class: 'site' },
    h('div', { class: 'page' },
      latest ? h('p', {}, t.snapshotInfo(formatDate(latest.dataCutOff, language),
        formatDate(latest.generatedAt, language), latest.snapshotId)) : null,
      h('p', {}, t.licence),
      h('p', {}, h('a', { href: formatRoute({ view: 'methodology' }) }, t.readMethodology))));
}
