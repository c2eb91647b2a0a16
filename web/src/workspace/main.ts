// The workspace at /workspace/: sign-in (OIDC authorization code flow with PKCE), then the views of the
// signed-in role, addressed by the hash: #reports/LT-57, #report/LT-57/2026-Q4, #review/LT-57/2026-Q4,
// #grid/2025-Q1/2026-Q4, #recommendations/LT-57.
import '../common/base.css';
import './workspace.css';
import { h, replace } from '../common/dom';
import { deviceStorage, initialLanguage, rememberLanguage, type Language } from '../common/language';
import { languageSwitch } from '../common/language-switch';
import { ApiError, SessionExpired, get, type Me } from './api';
import { completeSignIn, hasValidSession, signOut, startSignIn } from './auth';
import type { Context } from './context';
import { t, type TextKey } from './texts';
import { overviewView } from './views/overview';
import { reportView } from './views/report';
import { gridView } from './views/grid';
import { reviewView } from './views/review';
import { recommendationsView } from './views/recommendations';

let language: Language = initialLanguage(location.search, deviceStorage(), navigator.languages ?? []);
let me: Me | undefined;
const app = document.getElementById('app')!;

function shell(): HTMLElement {
  document.documentElement.lang = language;
  const main = h('main', { id: 'main', class: 'page', tabindex: -1 });
  const nav = me ? navigation(me) : null;
  replace(app,
    h('a', { class: 'skip-link', href: '#main', onclick: (event: Event) => { event.preventDefault(); main.focus(); } }, t(language, 'skip')),
    h('header', { class: 'site' },
      h('div', { class: 'page' },
        h('p', { class: 'site-name' }, t(language, 'siteName')),
        languageSwitch(language, t(language, 'languages'), (chosen) => {
          language = chosen;
          rememberLanguage(deviceStorage(), chosen);
          route();
        }),
        me ? h('div', { class: 'who' },
          h('span', {}, t(language, 'signedInAs', `${t(language, roleKey(me.role))}${me.municipality ? ` · ${me.municipality}` : ''}`)),
          h('button', { type: 'button', class: 'button secondary', onclick: () => signOut() }, t(language, 'signOut'))) : null),
      nav),
    main);
  return main;
}

function roleKey(role: Me['role']): TextKey {
  return role === 'coordinator' ? 'roleCoordinator' : role === 'ministry' ? 'roleMinistry' : 'roleAdmin';
}

function navigation(who: Me): HTMLElement {
  const links: [string, TextKey][] = who.role === 'coordinator' && who.municipality
    ? [[`#reports/${who.municipality}`, 'navReports'], [`#recommendations/${who.municipality}`, 'navRecommendations']]
    : [['#grid', 'navGrid'], ['#recommendations/LT-57', 'navRecommendations']];
  const current = location.hash.split('/')[0];
  return h('nav', { class: 'page workspace-nav', 'aria-label': t(language, 'navigation') },
    h('ul', {}, links.map(([href, key]) => h('li', {},
      h('a', { href, 'aria-current': href.split('/')[0] === current ? 'page' : undefined }, t(language, key))))));
}

function context(main: HTMLElement): Context {
  return {
    language,
    me: me!,
    main,
    heading(text) {
      document.title = `${text} · ${t(language, 'siteName')}`;
      const h1 = h('h1', { tabindex: -1 }, text);
      return h1;
    },
    fail(error) {
      if (error instanceof SessionExpired) return expired();
      const key: TextKey = error instanceof ApiError
        ? error.status === 403 ? 'forbidden' : error.status === 404 ? 'notFound' : 'failed' : 'failed';
      if (!(error instanceof ApiError)) console.warn(error);
      replace(main, h('h1', { tabindex: -1 }, t(language, key)));
      document.title = `${t(language, key)} · ${t(language, 'siteName')}`;
      main.querySelector('h1')?.focus();
    },
    go(hash) {
      location.hash = hash;
    },
  };
}

/** The session ended: say so and offer to sign in again, coming back to this view (drafts are on the device). */
function expired(): void {
  me = undefined;
  const main = shell();
  const returnTo = location.hash;
  document.title = `${t(language, 'expiredTitle')} · ${t(language, 'siteName')}`;
  replace(main,
    h('h1', { tabindex: -1 }, t(language, 'expiredTitle')),
    h('p', {}, t(language, 'expired')),
    h('button', { type: 'button', class: 'button', onclick: () => startSignIn(returnTo) }, t(language, 'signInAgain')));
  main.querySelector('h1')?.focus();
}

function signInPage(failed = false): void {
  const main = shell();
  document.title = `${t(language, 'signInTitle')} · ${t(language, 'siteName')}`;
  replace(main,
    h('h1', {}, t(language, 'signInTitle')),
    failed ? h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, t(language, 'signInFailed'))) : null,
    h('p', {}, t(language, 'signInIntro')),
    h('button', { type: 'button', class: 'button', onclick: () => startSignIn(location.hash) }, t(language, 'signIn')));
}

async function route(): Promise<void> {
  if (!hasValidSession() || !me) {
    if (me) return expired();
    return signInPage();
  }
  const main = shell();
  const ctx = context(main);
  const [view, ...parts] = location.hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  try {
    switch (view) {
      case 'reports': return await overviewView(ctx, parts[0]);
      case 'report': return await reportView(ctx, parts[0], parts[1]);
      case 'review': return await reviewView(ctx, parts[0], parts[1]);
      case 'grid': return await gridView(ctx, parts[0], parts[1]);
      case 'recommendations': return await recommendationsView(ctx, parts[0]);
      default:
        location.replace(me.role === 'coordinator' && me.municipality ? `#reports/${me.municipality}` : '#grid');
    }
  } catch (error) {
    ctx.fail(error);
  }
}

async function start(): Promise<void> {
  try {
    await completeSignIn();
  } catch {
    return signInPage(true);
  }
  if (hasValidSession()) {
    try {
      me = (await get<Me>('/v1/me')).body;
    } catch (error) {
      if (error instanceof SessionExpired) return signInPage();
      return signInPage(true);
    }
  }
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
