// The coordinators' and ministry's workspace (/workspace/) in Chromium against a running local system
// (INTEGRA_BASE_URL; infra/local's WebPagesBrowserTest starts an empty one). Signs in through the local system's
// development sign-in (the OIDC authorization code flow with PKCE), files and revises reports (never survey
// submissions), and checks on every page: axe-core (WCAG 2.2 A/AA), no CSP violation, console error or request
// to another host. Screenshots go to web/target/screenshots/workspace-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, assertClean, baseUrl, launch, openPage, screenshot } from './support.mjs';

const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const CODE = 'LT-57';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The current quarter and the one before it, by the local system's clock (the grid's "today"). */
function quarters(today = new Date()) {
  const q = Math.floor(today.getUTCMonth() / 3) + 1;
  const current = `${today.getUTCFullYear()}-Q${q}`;
  const previous = q === 1 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${q - 1}`;
  const earlier = q <= 2 ? `${today.getUTCFullYear() - 1}-Q${q + 2}` : `${today.getUTCFullYear()}-Q${q - 2}`;
  return { current, previous, earlier };
}
const { current, previous, earlier } = quarters();

async function token(role, municipality) {
  const query = new URLSearchParams({ role, ...(municipality ? { municipality } : {}) });
  const response = await fetch(`${baseUrl()}/local/tokens?${query}`, { method: 'POST' });
  assert.equal(response.status, 200);
  return (await response.json()).token;
}

async function api(path, role, municipality) {
  return fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${await token(role, municipality)}` } });
}

/** Through the workspace's sign-in button and the development sign-in page, back to the workspace. */
async function signIn(page, { role = 'coordinator', municipality = CODE, minutes = '60', hash = '' } = {}) {
  if (!page.url().includes('/local/auth/')) {
    await page.goto(`${baseUrl()}/workspace/${hash}`);
    await page.locator('main button.button').click();
  }
  await page.waitForURL(/\/local\/auth\/oauth2\/authorize/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.get('redirect_uri'), `${new URL(baseUrl()).origin}/workspace/`);
  assert.match(url.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  await page.check(`#role-${role}`);
  if (municipality) await page.selectOption('#municipality', municipality);
  await page.fill('#minutes', minutes);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/workspace\/(#.*)?$/);
  await page.locator('h1').first().waitFor();
  assert.doesNotMatch(page.url(), /code=/, 'the code is removed from the address');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /eyJ/, 'no token in storage');
}

async function fillReport(page, base = 1) {
  const inputs = page.locator('form.report-form input[type="number"]');
  const count = await inputs.count();
  assert.equal(count, 17, 'one number input per count of the report schema');
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(String(base + i));
  await page.fill('#field-referrals-confirmedOutcome', '0');
  await page.fill('#field-narrative', 'Ką padarėme šį ketvirtį.');
}

async function submitReport(page) {
  await page.evaluate(() => document.querySelectorAll('.notice, .error-summary, .conflict').forEach((e) => e.remove()));
  await page.locator('form.report-form button[type="submit"]').click();
  await page.locator('.notice, .error-summary, .conflict').first().waitFor();
}

test('sign-in page: Lithuanian first, language switch, accessible', async () => {
  const { context, page } = await openPage(browser, { viewport: LAPTOP, locale: 'lt-LT' });
  await page.goto(`${baseUrl()}/workspace/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'lt');
  assert.equal(await page.locator('h1').textContent(), 'Prisijunkite');
  await assertAccessible(assert, page, 'sign-in (lt)');
  await screenshot(page, 'workspace-sign-in');
  for (const [language, name, heading] of [['en', 'English', 'Sign in'], ['uk', 'Українська', 'Увійдіть'], ['ru', 'Русский', 'Войдите']]) {
    await page.getByRole('button', { name }).click();
    assert.equal(await page.getAttribute('html', 'lang'), language);
    assert.equal(await page.locator('h1').textContent(), heading);
    await assertAccessible(assert, page, `sign-in (${language})`);
  }
  await assertClean(assert, page, 'sign-in');
  await context.close();
});

test('coordinator files, revises, meets a 412 from a second tab, carries the change over; the ministry gives feedback', async () => {
  const { context, page } = await openPage(browser, { viewport: LAPTOP });
  await signIn(page);
  await page.waitForURL(new RegExp(`#reports/${CODE}$`));
  const row = page.locator(`tr[data-period="${current}"]`);
  assert.match(await row.textContent(), /open/);
  await assertAccessible(assert, page, 'coordinator overview');
  await screenshot(page, 'workspace-coordinator-overview');

  // the form is the schema's: fieldsets per object, number inputs with min and max
  await row.getByRole('link').click();
  await page.locator('form.report-form').waitFor();
  assert.equal(await page.locator('form.report-form fieldset').count(), 4);
  assert.equal(await page.getAttribute('#field-consultations-housing', 'max'), '1000000');
  assert.equal(await page.getAttribute('#field-consultations-housing', 'min'), '0');

  // errors before sending: the summary is focused and links to the field
  await page.fill('#field-studyVisits', '-3');
  await submitReport(page);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
  assert.match(await page.title(), /^Error:/);
  await assertAccessible(assert, page, 'report form with errors');
  await screenshot(page, 'workspace-report-errors');

  // the server's own rule (confirmed outcomes at most the referrals made) comes back at its field
  await fillReport(page);
  await page.fill('#field-referrals-confirmedOutcome', '999');
  await submitReport(page);
  assert.match(await page.locator('.error-summary').textContent(), /Cannot be more than the total/);
  assert.equal(await page.getAttribute('#field-referrals-confirmedOutcome', 'aria-invalid'), 'true');

  await page.fill('#field-referrals-confirmedOutcome', '1');
  await submitReport(page);
  assert.match(await page.locator('.notice.success').textContent(), /revision 1/);
  await assertAccessible(assert, page, 'report saved');
  await screenshot(page, 'workspace-report-form');

  await page.fill('#field-consultations-housing', '42');
  await submitReport(page);
  assert.match(await page.locator('.notice.success').textContent(), /revision 2/);

  // this tab starts from revision 2 and changes events held; a second tab revises first (study visits)
  await page.fill('#field-events-held', '77');
  const second = await context.newPage();
  await signIn(second, { hash: `#report/${CODE}/${current}` });
  await second.locator('form.report-form').waitFor();
  assert.match(await second.locator('.notice').first().textContent(), /draft/i, 'the draft of the first tab is on the device');
  await second.locator('.actions button.secondary').click(); // discard that draft: the second tab writes its own
  await second.locator('main .notice').waitFor({ state: 'detached' });
  assert.equal(await second.inputValue('#field-events-held'), '11', 'the second tab starts from revision 2');
  await second.fill('#field-studyVisits', '9');
  await submitReport(second);
  assert.match(await second.locator('.notice.success').textContent(), /revision 3/);
  await second.close();

  await submitReport(page);
  const conflict = page.locator('.conflict');
  await conflict.waitFor();
  assert.match(await conflict.textContent(), /revision 2.*revision 3/s);
  assert.match(await conflict.locator('tbody').textContent(), /study visits/i);
  await assertAccessible(assert, page, 'conflict (412)');
  await screenshot(page, 'workspace-report-conflict');
  await conflict.getByRole('button').click();
  assert.equal(await page.inputValue('#field-studyVisits'), '9', 'their change is kept');
  assert.equal(await page.inputValue('#field-events-held'), '77', 'mine is carried over');
  await submitReport(page);
  assert.match(await page.locator('.notice.success').textContent(), /revision 4/);

  const stored = await (await api(`/v1/municipalities/${CODE}/reports/${current}`, 'ministry')).json();
  assert.equal(stored.revision, 4);
  assert.equal(stored.body.studyVisits, 9);
  assert.equal(stored.body.events.held, 77);
  assert.equal(stored.body.consultations.housing, 42);
  assert.equal(stored.timeliness, 'on_time');
  await assertClean(assert, page, 'coordinator');

  // the ministry: the grid, the report on time and revised, another partner missing in a past quarter
  const ministry = await openPage(browser, { viewport: LAPTOP });
  await signIn(ministry.page, { role: 'ministry', municipality: '' });
  await ministry.page.waitForURL(/#grid$/);
  const grid = ministry.page.locator('table.grid');
  await grid.waitFor();
  assert.equal(await grid.locator('thead th[scope="col"]').count(), 5);
  const ours = grid.locator(`tr[data-municipality="${CODE}"] td[data-period="${current}"]`);
  assert.equal(await ours.getAttribute('data-status'), 'on_time');
  assert.match(await ours.textContent(), /on time, revised \(revision 4\)/);
  const missing = grid.locator(`tr[data-municipality="LT-01"] td[data-period="${previous}"]`);
  assert.equal(await missing.getAttribute('data-status'), 'missing');
  assert.equal((await missing.textContent()).trim(), 'missing');
  await assertAccessible(assert, ministry.page, 'ministry grid');
  await screenshot(ministry.page, 'workspace-ministry-grid');

  // a period filter that is not a quarter is refused with a summary
  await ministry.page.fill('#from', 'last year');
  await ministry.page.locator('form.period-filter button').click();
  await ministry.page.locator('.error-summary').waitFor();
  await assertAccessible(assert, ministry.page, 'grid with a bad period');

  await ours.getByRole('link').click();
  await ministry.page.locator('table.compare').waitFor();
  assert.match(await ministry.page.locator('#changed-count').textContent(), /Fields changed: 1/);
  await ministry.page.selectOption('#left', '1');
  await ministry.page.selectOption('#right', '4');
  await ministry.page.locator('form.compare-form button').click();
  await ministry.page.waitForURL(/left=1&right=4/);
  await ministry.page.locator('#changed-count', { hasText: 'Fields changed: 3' }).waitFor();
  assert.equal(await ministry.page.locator('table.compare tr.changed').count(), 3);
  await assertAccessible(assert, ministry.page, 'revisions compared');
  await screenshot(ministry.page, 'workspace-ministry-review');

  await ministry.page.locator('.feedback-form button[type="submit"]').click();
  await ministry.page.locator('.feedback-form .error-summary').waitFor();
  await assertAccessible(assert, ministry.page, 'feedback with errors');
  await ministry.page.check('#field-rating-4');
  await ministry.page.fill('#field-comment', 'Clear report; please add the sources of the referral figures.');
  await ministry.page.locator('.feedback-form button[type="submit"]').click();
  await ministry.page.locator('.feedback-form .notice.success').waitFor();
  assert.match(await ministry.page.locator('.feedback-list').textContent(), /Rating 4 of 5.*sources of the referral/s);
  await assertClean(assert, ministry.page, 'ministry');
  await ministry.context.close();

  // the coordinator sees it: the count in the overview and the text on the report
  await page.evaluate((hash) => { location.hash = hash; }, `#reports/${CODE}`);
  await page.locator(`tr[data-period="${current}"]`).waitFor();
  assert.equal(await page.locator(`tr[data-period="${current}"] td.number`).textContent(), '1', 'one feedback');
  await page.locator(`tr[data-period="${current}"]`).getByRole('link').click();
  await page.locator('.feedback-list').waitFor();
  assert.match(await page.locator('.feedback-list').textContent(), /sources of the referral/);
  await screenshot(page, 'workspace-coordinator-feedback');
  await context.close();
});

test('a coordinator cannot reach another municipality, in the interface or by the address (403)', async () => {
  const { context, page } = await openPage(browser, { viewport: TABLET });
  await signIn(page);
  const links = await page.locator('a[href*="LT-"]').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0 && links.every((href) => href.includes(CODE)), `only ${CODE} is linked: ${links}`);
  for (const hash of [`#reports/LT-01`, `#report/LT-01/${current}`, `#recommendations/LT-01`, `#grid`]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.locator('h1', { hasText: '403' }).waitFor();
  }
  await assertAccessible(assert, page, 'forbidden');
  await screenshot(page, 'workspace-forbidden');
  assert.equal((await api(`/v1/municipalities/LT-01/reporting-overview`, 'coordinator', CODE)).status, 403);
  assert.equal((await api(`/v1/municipalities/LT-01/reports/${current}`, 'coordinator', CODE)).status, 403);
  await context.close();
});

test('the session expires while a report is written: sign in again, nothing lost', async () => {
  const { context, page } = await openPage(browser, { viewport: LAPTOP });
  await signIn(page, { hash: `#report/${CODE}/${earlier}` });
  await page.locator('form.report-form').waitFor();
  await fillReport(page, 5);
  await page.fill('#field-narrative', 'Written before the session ended.');
  // the API answers 401 as it does for an expired token
  await page.route(`**/v1/municipalities/${CODE}/reports/${earlier}`, (route) => route.request().method() === 'PUT'
    ? route.fulfill({ status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({ type: '/problems/unauthenticated', title: 'Unauthorized', status: 401, detail: 'expired' }) })
    : route.continue());
  await page.locator('form.report-form button[type="submit"]').click();
  await page.locator('h1', { hasText: 'Your session has ended' }).waitFor();
  await assertAccessible(assert, page, 'session ended');
  await screenshot(page, 'workspace-session-ended');
  await page.unroute(`**/v1/municipalities/${CODE}/reports/${earlier}`);
  await page.locator('main button.button').click();
  await signIn(page);
  await page.waitForURL(new RegExp(`#report/${CODE}/${earlier}$`));
  await page.locator('form.report-form').waitFor();
  assert.match(await page.locator('.notice').first().textContent(), /draft kept on this device was restored/);
  assert.equal(await page.inputValue('#field-narrative'), 'Written before the session ended.');
  assert.equal(await page.inputValue('#field-consultations-documents_legal_status'), '5');
  await submitReport(page);
  assert.match(await page.locator('.notice.success').textContent(), /revision 1/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft')).length), 0, 'the draft is gone once stored');
  await context.close();
});

test('a token that expires by its lifetime (1 minute) asks to sign in again before sending', { timeout: 150_000 }, async () => {
  const { context, page } = await openPage(browser, { viewport: LAPTOP });
  await signIn(page, { minutes: '1', hash: `#reports/${CODE}` });
  await page.waitForTimeout(61_000);
  await page.evaluate(() => { location.hash = '#recommendations/LT-57'; });
  await page.locator('h1', { hasText: 'Your session has ended' }).waitFor();
  await context.close();
});

test('keyboard only: a coordinator files a report', async () => {
  const { context, page } = await openPage(browser, { viewport: TABLET });
  await signIn(page);
  await page.waitForURL(new RegExp(`#reports/${CODE}$`));
  const target = `#report/${CODE}/${quarters(new Date(Date.UTC(Number(earlier.slice(0, 4)), (Number(earlier.slice(6)) - 1) * 3 - 3, 15))).current}`;
  // Tab to the link of the quarter before `earlier` and follow it with Enter
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate((href) => document.activeElement?.getAttribute('href') === href, target);
  }
  assert.ok(found, `reached ${target} by Tab`);
  await page.keyboard.press('Enter');
  await page.locator('form.report-form').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the heading');
  // Tab into the form and type every count, then the narrative
  let typed = 0;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ type: document.activeElement?.getAttribute('type'), tag: document.activeElement?.tagName }));
    if (focused.type === 'number') { await page.keyboard.type('0'); typed++; }
    if (focused.tag === 'TEXTAREA') { await page.keyboard.type('By keyboard.'); }
    if (focused.type === 'submit') break;
  }
  assert.equal(typed, 17);
  await page.keyboard.press('Enter');
  await page.locator('.notice.success').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('notice')), true);
  // the same view in Lithuanian: the interface's words and the form's labels (x-labels of the schema)
  await page.getByRole('button', { name: 'Lietuvių' }).click();
  await page.locator('label[for="field-consultations-housing"]', { hasText: 'Būstas' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'lt');
  assert.match(await page.locator('h1').textContent(), /ataskaita už/);
  await assertAccessible(assert, page, 'report form (lt)');
  await screenshot(page, 'workspace-report-form-lt');
  await assertClean(assert, page, 'keyboard run');
  await context.close();
});

test('recommendations: the administrator creates and edits, the coordinator records a status with evidence', async () => {
  const admin = await openPage(browser, { viewport: LAPTOP });
  await signIn(admin.page, { role: 'admin', municipality: '', hash: `#recommendations/${CODE}` });
  await admin.page.waitForURL(new RegExp(`#recommendations/${CODE}$`));
  const form = admin.page.locator('section[data-form="new"]');
  await form.locator('input[name="id"]').fill('R-2026-01');
  await form.locator('input[name="/title"]').fill('Open a one-stop information desk');
  await form.locator('input[name="/source"]').fill('needs research 2025');
  await form.locator('input[name="/targetDate"]').fill('2027-06-30');
  await form.locator('button[type="submit"]').click();
  await admin.page.locator('.notice.success', { hasText: 'version 1' }).waitFor();
  const entry = admin.page.locator('details[data-id="R-2026-01"]');
  await entry.locator('summary').click();
  await entry.locator('section[data-form="edit-R-2026-01"] input[name="/title"]').fill('Open a one-stop information desk for newcomers');
  await entry.locator('section[data-form="edit-R-2026-01"] button[type="submit"]').click();
  await admin.page.locator('.notice.success', { hasText: 'version 2' }).waitFor();
  await admin.page.locator('details[data-id="R-2026-01"] summary').click();
  await admin.page.locator('details[data-id="R-2026-01"] .history li').nth(1).waitFor();
  await assertAccessible(assert, admin.page, 'register (admin)');
  await screenshot(admin.page, 'workspace-admin-register');
  await assertClean(assert, admin.page, 'admin');
  await admin.context.close();

  const { context, page } = await openPage(browser, { viewport: TABLET });
  await signIn(page, { hash: `#recommendations/${CODE}` });
  await page.waitForURL(new RegExp(`#recommendations/${CODE}$`));
  const details = page.locator('details[data-id="R-2026-01"]');
  await details.locator('summary').click();
  const status = details.locator('section[data-form="status-R-2026-01"]');
  await status.locator('select').selectOption('in_progress');
  await status.locator('textarea').fill('Desk staffed two days a week.');
  await status.locator('input[type="url"]').fill('http://example.org/not-https');
  await status.locator('button[type="submit"]').click();
  await status.locator('.error-summary').waitFor();
  await status.locator('input[type="url"]').fill('https://vilnius.lt/desk');
  await status.locator('button[type="submit"]').click();
  await page.locator('.notice.success', { hasText: 'version 3' }).waitFor();
  assert.match(await page.locator('details[data-id="R-2026-01"] summary').textContent(), /in progress/);
  await page.locator('details[data-id="R-2026-01"] summary').click();
  assert.equal(await page.locator('details[data-id="R-2026-01"] a[href="https://vilnius.lt/desk"]').count(), 1);
  await assertAccessible(assert, page, 'register (coordinator)');
  await screenshot(page, 'workspace-coordinator-recommendations');
  await assertClean(assert, page, 'coordinator recommendations');
  await context.close();
});

