// The public dashboard: reads latest.json, then only the snapshot files the view needs; views addressed by the
// URL's hash (route.ts), in the visitor's language (remembered on the device).
import '../common/base.css';
import './dashboard.css';
import { h, replace } from '../common/dom';
import { deviceStorage, initialLanguage, rememberLanguage, type Language } from '../common/language';
import type { ViewContext } from './context';
import { NoSnapshotError, SnapshotSource } from './data';
import { formatRoute, parseRoute, type Route } from './route';
import { TEXTS } from './texts';
import type { Dictionary, Latest } from './types';
import { areaView } from './views/area';
import { indicatorView } from './views/indicator';
import { siteFooter, siteHeader } from './views/layout';
import { methodologyView } from './views/methodology';
import { notice } from './views/parts';

const app = document.getElementById('app')!;
const source = new SnapshotSource();
let language: Language = initialLanguage(window.location.search, deviceStorage(), navigator.languages ?? []);
let snapshot: Promise<{ latest: Latest; dictionary: Dictionary }> | undefined;
let shownView: Route['view'] | undefined;
let rendering = 0;
/** Tells screen readers which view a change of a control or of the language led to (the focus stays put). */
const announcer = h('p', { class: 'visually-hidden', role: 'status' });

function loadSnapshot(): Promise<{ latest: Latest; dictionary: Dictionary }> {
  snapshot ??= source.latest().then(async (latest) => ({ latest, dictionary: await source.dictionary(latest) }));
  snapshot.catch(() => { snapshot = undefined; });
  return snapshot;
}

function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (hash !== window.location.hash) window.location.hash = hash;
  else void render();
}

function chooseLanguage(chosen: Language): void {
  language = chosen;
  rememberLanguage(deviceStorage(), chosen);
  void render(`.language-switch button[lang="${chosen}"]`);
}

async function render(focusSelector?: string): Promise<void> {
  const run = ++rendering;
  const route = parseRoute(window.location.hash, window.location.search);
  const t = TEXTS[language];
  document.documentElement.lang = language;
  const activeId = document.activeElement instanceof HTMLElement && document.activeElement.id
    ? document.activeElement.id : undefined;
  const main = h('main', { id: 'main', class: 'page', tabindex: -1, 'aria-busy': 'true' }, h('p', { class: 'loading' }, t.loading));
  if (shownView === undefined) {
    replace(app, siteHeader(t, language, route, chooseLanguage), main, siteFooter(t, language, undefined));
  }

  let title = t.siteName;
  let content: Node[];
  let latest: Latest | undefined;
  try {
    if (route.view === 'methodology') {
      latest = await loadSnapshot().then((s) => s.latest, () => undefined);
      ({ title, content } = methodologyView(t, latest));
    } else {
      const loaded = await loadSnapshot();
      latest = loaded.latest;
      const context: ViewContext = { language, t, latest, dictionary: loaded.dictionary, source, route, navigate };
      ({ title, content } = route.view === 'area' ? await areaView(context) : await indicatorView(context));
    }
  } catch (failure) {
    if (failure instanceof NoSnapshotError) {
      content = [h('h1', { tabindex: -1 }, t.noSnapshotTitle), notice(t.noSnapshotTitle, t.noSnapshotText)];
      title = t.noSnapshotTitle;
    } else {
      console.warn('dashboard: loading failed', failure);
      content = [h('h1', { tabindex: -1 }, t.loadErrorTitle), notice(t.loadErrorTitle, t.loadErrorText, 'error')];
      title = t.loadErrorTitle;
    }
  }
  if (run !== rendering) return; // a later navigation took over
  main.removeAttribute('aria-busy');
  replace(main, content);
  replace(app, h('a', { class: 'skip-link', href: '#main', onclick: skipToMain }, skipText(language)),
    siteHeader(t, language, route, chooseLanguage), main, siteFooter(t, language, latest), announcer);
  document.title = `${title} · ${t.siteName}`;
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = title; }, 100);

  const viewChanged = shownView !== undefined && shownView !== route.view;
  shownView = route.view;
  const again = (focusSelector && app.querySelector<HTMLElement>(focusSelector))
    || (activeId && document.getElementById(activeId));
  if (again) again.focus();
  else if (viewChanged) main.querySelector<HTMLElement>('h1')?.focus();
}

/** The skip link must not change the hash (the hash is the route): it moves the focus instead. */
function skipToMain(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function skipText(current: Language): string {
  return { lt: 'Pereiti prie turinio', en: 'Skip to content', uk: 'Перейти до змісту', ru: 'Перейти к содержанию' }[current];
}

window.addEventListener('hashchange', () => void render());
void render();
