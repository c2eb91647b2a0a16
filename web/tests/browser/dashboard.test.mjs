// The public dashboard in Chromium against a running local system with a published snapshot
// (INTEGRA_BASE_URL; infra/local's DashboardBrowserTest starts one with synthetic demo data). It checks that the
// figures shown are the snapshot's, that withheld figures read "withheld", the empty states, links and the back
// button, and on every view in every language: axe-core (WCAG 2.2 A/AA), no CSP violation, no console error,
// no request to another host, and a 360x640 screenshot in web/target/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, assertClean, baseUrl, launch, openPage, screenshot } from './support.mjs';

const LANGUAGES = ['lt', 'en', 'uk', 'ru'];
const LOCALES = { lt: 'lt-LT', en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };
const NO_SNAPSHOT = {
  lt: 'Duomenys dar nepaskelbti', en: 'No figures published yet', uk: 'Дані ще не опубліковані',
  ru: 'Данные ещё не опубликованы',
};
const WITHHELD = { lt: 'neskelbiama', en: 'withheld', uk: 'не публікується', ru: 'не публикуется' };

let browser;
let snapshot;

before(async () => {
  browser = await launch();
  snapshot = await loadSnapshot();
});
after(async () => { await browser?.close(); });

async function json(path) {
  const response = await fetch(`${baseUrl()}/${path.replace(/^\//, '')}`);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/**
 * What the test compares against: the snapshot latest.json points at, and an indicator with a published
 * national figure and a withheld municipality in the same year.
 */
async function loadSnapshot() {
  const latest = await json('latest.json');
  const dictionary = await json(latest.dictionary);
  for (const indicator of dictionary.indicators.filter((i) => i.source === 'survey')) {
    const file = await json(`${latest.indicatorFolder}${indicator.id}.json`);
    const years = file.cells.filter((c) => c.area === 'LT' && c.periodType === 'year' && c.status === 'published');
    for (const national of years) {
      const withheld = file.cells.find((c) => c.periodType === 'year' && c.period === national.period
        && c.area !== 'LT' && c.status === 'withheld');
      const ranked = file.cells.find((c) => c.periodType === 'year' && c.period === national.period
        && c.area !== 'LT' && c.status === 'published');
      if (withheld && ranked) return { latest, dictionary, indicator, file, national, withheld };
    }
  }
  throw new Error('the snapshot has no survey indicator with a published national value and a withheld municipality in '
    + 'the same year: start the local system with demo data (infra/run-local.sh --in-memory --demo-data 2000)');
}

function format(value, decimals, language) {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(value);
}

async function open(path, { language, viewport, locale } = {}) {
  const { context, page } = await openPage(browser, { viewport, locale });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const query = language ? `?lang=${language}` : '';
  await page.goto(`${baseUrl()}/dashboard/${query}${path}`);
  await settled(page);
  return { context, page, requested };
}

/** The view is rendered (main no longer busy) and its charts drawn. */
async function settled(page) {
  await page.locator('main#main:not([aria-busy]) h1').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.chart-holder')].every((holder) => holder.querySelector('svg')));
}

/** Opens every table view, so that axe sees the tables too. */
async function openDetails(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
}

test('the indicator view shows the national value of the snapshot latest.json points at', async () => {
  const { indicator, national } = snapshot;
  const { context, page, requested } = await open(`#indicator=${indicator.id}&period=${national.period}`, { language: 'en' });
  const headline = page.locator('[data-testid="national"] .headline-value');
  assert.equal(await headline.getAttribute('data-value'), String(national.value));
  assert.equal((await headline.textContent()).trim(), format(national.value, indicator.decimals, 'en'));
  assert.equal(await page.locator('h1').textContent(), indicator.label.en);
  // the ranking table has Lithuania with its interval and n
  const row = page.locator('.ranking tr[data-key="LT"]');
  assert.equal(await row.locator('td').first().getAttribute('data-value'), String(national.value));
  assert.match(await row.textContent(), new RegExp(format(national.n, 0, 'en').replace(/[.,]/g, '.')));
  // only the files this view needs: never the whole indicators.json
  assert.ok(requested.includes(`/${snapshot.latest.indicatorFolder}${indicator.id}.json`), requested.join('\n'));
  assert.ok(!requested.some((path) => path.endsWith('/indicators.json')), 'indicators.json is not read');
  assert.ok(!requested.some((path) => path.endsWith('.csv')), 'no CSV is read');
  // the chart is an image with a text alternative, and its figures are in a table with a caption
  const svg = page.locator('.ranking svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.match(await svg.getAttribute('aria-label'), /Lithuania/);
  assert.equal(await page.locator('.ranking svg style').count(), 0, 'Plot\'s <style> is removed');
  assert.ok((await page.locator('.ranking table caption').textContent()).length > 0);
  await assertClean(assert, page, 'the indicator view');
  await context.close();
});

test('the first view, without a hash, shows an indicator and its national value', async () => {
  const { context, page } = await open('', { language: 'en' });
  const first = snapshot.dictionary.indicators[0];
  assert.equal(await page.locator('h1').textContent(), first.label.en);
  const period = await page.locator('#period-select').inputValue();
  const file = await json(`${snapshot.latest.indicatorFolder}${first.id}.json`);
  const national = file.cells.find((c) => c.area === 'LT' && c.period === period);
  const headline = page.locator('[data-testid="national"] .headline-value');
  if (national?.status === 'published') {
    assert.equal(await headline.getAttribute('data-value'), String(national.value));
  } else {
    assert.equal(await headline.getAttribute('data-value'), null);
  }
  await assertClean(assert, page, 'the first view');
  await context.close();
});

test('a withheld figure is shown as withheld in every language, never as a number', async () => {
  const { indicator, national, withheld } = snapshot;
  for (const language of LANGUAGES) {
    const { context, page } = await open(`#indicator=${indicator.id}&period=${national.period}`, { language });
    const row = page.locator(`.ranking tr[data-key="${withheld.area}"]`);
    assert.equal(await row.getAttribute('data-status'), 'withheld');
    assert.equal(await row.locator('td').first().getAttribute('data-value'), null, 'no value');
    assert.match(await row.textContent(), new RegExp(WITHHELD[language]));
    assert.doesNotMatch((await row.locator('td').first().textContent()).trim(), /^\d/);
    // and it is not drawn: no chart label names it
    const name = snapshot.dictionary.areas.find((a) => a.code === withheld.area).name[language];
    assert.ok(!(await page.locator('.ranking svg').textContent()).includes(`${name}:`), `${name} is not in the chart`);
    await context.close();
  }
});

test('over time, a withheld month breaks the line and is marked', async () => {
  const { indicator, file } = snapshot;
  // an area whose months include a published figure and a withheld one
  const byArea = new Map();
  for (const c of file.cells.filter((cell) => cell.periodType === 'month')) {
    byArea.set(c.area, [...(byArea.get(c.area) ?? []), c.status]);
  }
  const area = [...byArea].find(([, statuses]) => statuses.includes('published') && statuses.includes('withheld'))?.[0];
  assert.ok(area, 'an area with published and withheld months');
  const { context, page } = await open(`#indicator=${indicator.id}&trend=month&trendArea=${area}`, { language: 'en' });
  assert.equal(await page.locator('#trend-area-select').inputValue(), area);
  assert.ok(await page.locator('#trend-type-month').isChecked());
  const withheldRows = page.locator('.trend tr[data-status="withheld"]');
  assert.ok(await withheldRows.count() > 0);
  assert.match(await withheldRows.first().textContent(), /withheld/);
  assert.match(await page.locator('.trend figcaption').textContent(), /never joins across a gap/);
  assert.match(await page.locator('.trend figcaption').textContent(), /×: withheld/);
  await assertClean(assert, page, 'the trend by month');
  await context.close();
});

test('the municipality view lists every indicator of Vilnius city with value, interval, n and status', async () => {
  const area = await json(`${snapshot.latest.municipalityFolder}LT-57.json`);
  const { context, page, requested } = await open('#area=LT-57', { language: 'en' });
  assert.equal(await page.locator('h1').textContent(), area.name.en);
  const period = await page.locator('#period-select').inputValue();
  for (const indicator of snapshot.dictionary.indicators) {
    const cell = area.cells.find((c) => c.indicator === indicator.id && c.period === period);
    const row = page.locator(`tr[data-key="${indicator.id}"]`);
    assert.equal(await row.count(), 1, indicator.id);
    if (cell?.status === 'published') {
      assert.equal(await row.locator('td').first().getAttribute('data-value'), String(cell.value), indicator.id);
    } else {
      assert.equal(await row.locator('td').first().getAttribute('data-value'), null, indicator.id);
    }
  }
  assert.ok(requested.includes(`/${snapshot.latest.municipalityFolder}LT-57.json`));
  assert.ok(!requested.some((path) => path.endsWith('/indicators.json')));
  await assertClean(assert, page, 'the municipality view');
  await context.close();
});

test('downloads link to this indicator\'s CSV and JSON and to the whole snapshot', async () => {
  const { latest, indicator, national } = snapshot;
  const { context, page } = await open(`#indicator=${indicator.id}&period=${national.period}`, { language: 'en' });
  const links = await page.locator('.downloads a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  for (const key of [`${latest.indicatorFolder}${indicator.id}.csv`, `${latest.indicatorFolder}${indicator.id}.json`,
    latest.csv, latest.indicators, latest.dictionary, latest.datapackage]) {
    assert.ok(links.includes(`/${key}`), `a link to ${key}`);
  }
  for (const href of links) {
    const response = await fetch(`${baseUrl()}${href}`, { method: 'HEAD' });
    assert.equal(response.status, 200, href);
  }
  await context.close();
});

test('views are linked by the hash and the back button returns to the previous view', async () => {
  const { indicator } = snapshot;
  const { context, page } = await open(`#indicator=${indicator.id}`, { language: 'en' });
  await page.locator('.main-nav a', { hasText: 'Municipalities' }).click();
  await settled(page);
  assert.match(page.url(), /#area=$/);
  await page.focus('#area-select');
  await page.selectOption('#area-select', 'LT-57');
  await settled(page);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Vilni'));
  assert.match(page.url(), /#area=LT-57/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'area-select', 'the focus stays on the select');
  await page.goBack();
  await settled(page);
  assert.doesNotMatch(page.url(), /LT-57/);
  await page.goBack();
  await settled(page);
  assert.equal(await page.locator('h1').textContent(), indicator.label.en);
  await page.locator('.main-nav a', { hasText: 'How to read the figures' }).click();
  await settled(page);
  assert.match(page.url(), /#methodology$/);
  await assertClean(assert, page, 'navigation');
  await context.close();
});

test('by keyboard: the skip link, a period chosen with the arrow keys, a table opened with Enter', async () => {
  const { indicator, national } = snapshot;
  const { context, page } = await open(`#indicator=${indicator.id}&period=${national.period}`, { language: 'en' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the skip link comes first');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.match(page.url(), new RegExp(`#indicator=${indicator.id}`), 'the skip link leaves the route alone');
  await page.focus('#period-select');
  const before = await page.locator('#period-select').inputValue();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((old) => new URLSearchParams(window.location.hash.slice(1)).get('period') !== old, before);
  await settled(page);
  assert.notEqual(await page.locator('#period-select').inputValue(), before);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'period-select', 'the focus stays on the select');
  await page.focus('.ranking details summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.ranking details').evaluate((details) => details.open), true);
  await assertClean(assert, page, 'keyboard use');
  await context.close();
});

test('the language switch changes every text and the lang attribute, and the choice is remembered', async () => {
  const { indicator, national } = snapshot;
  const { context, page } = await open(`#indicator=${indicator.id}&period=${national.period}`, { locale: 'en-GB' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Українська', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'uk');
  await settled(page);
  assert.equal(await page.locator('h1').textContent(), indicator.label.uk);
  assert.equal((await page.locator('.headline-value').textContent()).trim(), format(national.value, indicator.decimals, 'uk'));
  assert.equal(await page.locator('.language-switch button[lang="uk"]').getAttribute('aria-pressed'), 'true');
  await page.reload();
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk', 'remembered on this device');
  await assertClean(assert, page, 'the language switch');
  await context.close();
});

test('no snapshot yet: a clear message in each language', async () => {
  for (const language of LANGUAGES) {
    const { context, page } = await openPage(browser, {});
    await page.route('**/latest.json', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{}' }));
    await page.goto(`${baseUrl()}/dashboard/?lang=${language}`);
    await page.locator('main#main:not([aria-busy]) h1').waitFor();
    assert.equal(await page.locator('h1').textContent(), NO_SNAPSHOT[language]);
    assert.equal(await page.locator('.language-switch button').count(), 4, 'the language switch is there');
    if (language === 'en') await assertAccessible(assert, page, 'the empty state');
    const problems = await page.problems();
    assert.deepEqual(problems.csp, []);
    await context.close();
  }
});

test('an indicator whose figures are all withheld says so', async () => {
  const { latest, indicator } = snapshot;
  const { context, page } = await openPage(browser, {});
  await page.route(`**/${latest.indicatorFolder}${indicator.id}.json`, async (route) => {
    const file = await (await route.fetch()).json();
    file.cells = file.cells.map((c) => ({ indicator: c.indicator, area: c.area, periodType: c.periodType, period: c.period,
      status: 'withheld', suppressed: true }));
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
  });
  await page.goto(`${baseUrl()}/dashboard/?lang=en#indicator=${indicator.id}`);
  await page.locator('main#main:not([aria-busy]) h1').waitFor();
  assert.match(await page.locator('main').textContent(), /every figure of this indicator is withheld/);
  assert.equal(await page.locator('main svg').count(), 0, 'no chart');
  await context.close();
});

for (const language of LANGUAGES) {
  test(`every view in ${language}: accessible (axe-core, WCAG 2.2 AA), no CSP violation or console error; screenshots`, async () => {
    const { indicator, national } = snapshot;
    const views = {
      indicator: `#indicator=${indicator.id}&period=${national.period}`,
      municipality: '#area=LT-57',
      methodology: '#methodology',
    };
    for (const [name, path] of Object.entries(views)) {
      const { context, page } = await open(path, { language, viewport: { width: 360, height: 640 } });
      assert.equal(await page.evaluate(() => document.documentElement.lang), language);
      assert.ok(await page.locator('a[href="#methodology"]').count() > 0, `the methodology is linked from the ${name} view`);
      // 360 px wide: nothing wider than the screen but the scrollable tables
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= 360, `the ${name} view fits 360 px (scrollWidth ${overflow})`);
      if (language === 'en' || language === 'lt') await screenshot(page, `dashboard-${name}${language === 'en' ? '' : `-${language}`}`);
      await openDetails(page);
      await assertAccessible(assert, page, `the ${name} view in ${language}`);
      await assertClean(assert, page, `the ${name} view in ${language}`);
      await context.close();
    }
  });
}

test('the methodology page links the ministry\'s reports, which open under the CSP, accessible and printable', async () => {
  const latest = await json('/latest.json');
  assert.ok(Array.isArray(latest.reports) && latest.reports.length > 0, 'latest.json lists the reports');
  const { context, page } = await open('#methodology', { language: 'en' });
  const links = page.locator('#reports-heading + p + ul a');
  assert.equal(await links.count(), latest.reports.length, 'every report is linked');
  const english = page.locator('#reports-heading + p + ul a[hreflang="en"]', { hasText: 'tcn-integration, v1' });
  assert.equal(await english.count(), 1);
  await english.click();
  await page.waitForLoadState('load');
  assert.match(page.url(), /reports\/tcn-integration-v1\.en\.html$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // the stylesheet is the report's own, from the same snapshot folder
  assert.ok(await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/report.css'))));
  assert.ok(await page.locator('svg[role="img"]').count() > 0, 'the report draws its charts');
  await assertClean(assert, page, 'the ministry\'s report');
  await assertAccessible(assert, page, 'the ministry\'s report');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'the report prints');
  await context.close();
});
