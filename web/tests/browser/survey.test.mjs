// The survey form in Chromium against the running local system (INTEGRA_BASE_URL): a respondent's paths
// through it, what reaches the server, and what the page must never do. The Java side of the test
// (infra/local WebPagesBrowserTest) checks each reported submission against what DynamoDB stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertAccessible, assertClean, baseUrl, launch, openPage, report, screenshot,
} from './support.mjs';
import { answerAllPages, answerWithMouse, ukrainianPath } from './survey-support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LANGUAGE_BUTTON = { lt: 'Lietuvių', en: 'English', uk: 'Українська', ru: 'Русский' };

async function openForm(options) {
  const { context, page } = await openPage(browser, options);
  await page.goto(`${baseUrl()}/`);
  await page.locator('h1').first().waitFor();
  return { context, page };
}

async function chooseLanguage(page, language) {
  await page.getByRole('button', { name: LANGUAGE_BUTTON[language], exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function receiptOf(page) {
  await page.locator('.receipt').waitFor({ timeout: 60_000 });
  const reference = await page.locator('.receipt .reference').textContent();
  return reference.match(/[0-9a-f-]{36}/)[0];
}

test('a respondent answers in Ukrainian along a path with skip logic and gets a receipt', async () => {
  const { context, page } = await openForm();
  await chooseLanguage(page, 'uk');
  assert.equal(await page.locator('h1').textContent(), 'Оцінка інтеграції громадян третіх країн');
  await page.getByRole('button', { name: 'Почати опитування' }).click();
  const answers = ukrainianPath();
  const posted = [];
  page.on('request', (request) => { if (request.method() === 'POST') posted.push(request.postDataJSON()); });
  await answerAllPages(page, assert, answers, {
    onPage: async (number) => {
      if (number === 3) {
        // the two questions about the help received appear only after "yes"
        assert.ok(await page.locator('[data-item="svc_satisfied_help"]').isVisible());
      }
    },
  });
  const submissionId = await receiptOf(page);
  assert.equal(await page.locator('h1').textContent(), 'Дякуємо: Ваші відповіді отримано');
  assert.equal(posted.length, 1, 'one POST');
  assert.equal(posted[0].submissionId, submissionId);
  assert.equal(posted[0].language, 'uk');
  const expected = { ...answers };
  expected.overall_comment = expected.overall_comment.trim();
  assert.deepEqual(posted[0].answers, expected, 'the body holds exactly the answers given, skipped questions left out');
  report(`submission-ukrainian-${submissionId}`, { submissionId, language: 'uk', answers: expected });
  // the answers left the device; only the receipt stays, and a reload shows it
  const kept = await page.evaluate(() => localStorage.getItem('integra.survey.tcn-integration'));
  assert.ok(!kept.includes('Більше вечірніх'), 'no answer left on the device');
  await page.reload();
  assert.equal(await receiptOf(page), submissionId);
  await assertClean(assert, page, 'the Ukrainian path');
  await context.close();
});

test('the same with the keyboard only', async () => {
  const { context, page } = await openForm();
  const { tabTo } = await import('./survey-support.mjs');
  await tabTo(page, '.language-switch button[lang="uk"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'uk');
  await tabTo(page, '.actions button.button');
  await page.keyboard.press('Enter');
  const answers = ukrainianPath('LT-32');
  await answerAllPages(page, assert, answers, { keyboard: true });
  const submissionId = await receiptOf(page);
  report(`submission-keyboard-${submissionId}`, { submissionId, language: 'uk', answers });
  await assertClean(assert, page, 'the keyboard path');
  await context.close();
});

test('the API unreachable at submit, then reachable: one stored submission, one receipt', async () => {
  const { context, page } = await openForm();
  await chooseLanguage(page, 'en');
  await page.getByRole('button', { name: 'Start the survey' }).click();
  const answers = ukrainianPath('LT-15');
  await answerAllPages(page, assert, answers, { submit: false });
  const attempts = [];
  // 1st attempt: no network. 2nd: the request reaches the server (stored) but the answer is lost on the way.
  await page.route('**/submissions', async (route) => {
    attempts.push(route.request().postData());
    if (attempts.length === 1) return route.abort('internetdisconnected');
    const response = await route.fetch();
    assert.equal(response.status(), 201);
    return route.abort('connectionreset');
  });
  await page.locator('form button[type=submit]').click();
  await page.locator('.notice.waiting').waitFor();
  assert.match(await page.locator('.notice.waiting').textContent(), /not reached us yet/);
  // reload while it waits: the stored body is sent again from the device
  await page.reload();
  await page.locator('h1', { hasText: 'Sending your answers' }).waitFor();
  while (attempts.length < 2) await page.waitForTimeout(200);
  await page.locator('.notice.waiting').waitFor();
  await page.unroute('**/submissions');
  const answered = page.waitForResponse((response) => response.url().endsWith('/submissions'));
  await page.getByRole('button', { name: 'Try sending now' }).click();
  const response = await answered;
  assert.equal(response.status(), 200, 'the repeat is answered 200 with the same receipt');
  const submissionId = await receiptOf(page);
  assert.equal(new Set(attempts).size, 1, 'every attempt sent the same body');
  assert.equal(JSON.parse(attempts[0]).submissionId, submissionId);
  report(`submission-retried-${submissionId}`, { submissionId, language: 'en', answers, attempts: attempts.length + 1 });
  await assertClean(assert, page, 'the retried submission');
  await context.close();
});

test('a validation error from the server appears at the right question', async () => {
  const { context, page } = await openForm();
  await chooseLanguage(page, 'ru');
  await page.getByRole('button', { name: 'Начать опрос' }).click();
  const answers = { ...ukrainianPath('LT-57'), overall_comment: 'Длинный комментарий. '.repeat(40) };
  await answerAllPages(page, assert, answers, { submit: false });
  // the form does not stop an over-long comment (it counts), the server refuses it: 400 at /answers/overall_comment
  assert.match(await page.locator('.character-count').textContent(), /Слишком много символов/);
  // and a changed answer on an earlier page, as a stale or tampered form would send
  await page.route('**/submissions', async (route) => {
    const body = route.request().postDataJSON();
    body.answers.info_know_where = 9;
    await route.continue({ postData: JSON.stringify(body) });
  });
  const refused = page.waitForResponse((response) => response.url().endsWith('/submissions'));
  await page.locator('form button[type=submit]').click();
  assert.equal((await refused).status(), 400);
  await page.unroute('**/submissions');
  // first error (document order): info_know_where, on page 2, shown there in Russian
  await page.waitForURL(/#page-2$/);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.match(await summary.textContent(), /Возникла проблема/);
  const question = page.locator('#item-info_know_where');
  assert.ok(await question.evaluate((element) => element.classList.contains('question--error')));
  assert.match(await question.locator('.error-message').textContent(), /Выберите один из предложенных ответов/);
  assert.match(await page.title(), /^Ошибка:/);
  await assertAccessible(assert, page, 'a page with a server error');
  // the summary also links to the comment on the last page
  await summary.getByRole('link', { name: /Напишите не более 500 символов/ }).click();
  await page.waitForURL(/#page-10$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-overall_comment');
  assert.match(await page.locator('#item-overall_comment .error-message').textContent(), /Напишите не более 500 символов/);
  await screenshot(page, 'form-server-error');
  // put both right, and the same respondent submits
  await page.locator('#q-overall_comment').fill('Коротко.');
  await page.goto(`${baseUrl()}/#page-2`);
  await answerWithMouse(page, 'info_know_where', 4);
  await page.goto(`${baseUrl()}/#page-10`);
  await page.locator('form button[type=submit]').click();
  const submissionId = await receiptOf(page);
  report(`submission-corrected-${submissionId}`, { submissionId, language: 'ru',
    answers: { ...answers, overall_comment: 'Коротко.' } });
  await context.close();
});

test('a reload half-way resumes where the respondent was', async () => {
  const { context, page } = await openForm();
  await chooseLanguage(page, 'lt');
  await page.getByRole('button', { name: 'Pradėti apklausą' }).click();
  const answers = ukrainianPath('LT-43');
  let stoppedAt;
  await answerAllPages(page, assert, answers, {
    onPage: async (number) => {
      if (number === 4) {
        stoppedAt = page.url();
        throw Object.assign(new Error('stop'), { stop: true });
      }
    },
  }).catch((error) => { if (!error.stop) throw error; });
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(page.url(), stoppedAt);
  assert.equal(await page.locator('html').getAttribute('lang'), 'lt');
  assert.ok(await page.locator('input[name="q-lang_course_attended"][value="false"]').isChecked(), 'answers on this page kept');
  assert.ok(await page.locator('[data-item="lang_course_barriers"]').isVisible(), 'skip logic restored');
  // a closed tab too: a new page of the same browser profile starts where the respondent left
  const second = await context.newPage();
  await second.goto(`${baseUrl()}/`);
  await second.getByRole('button', { name: 'Tęsti nuo ten, kur sustojote' }).click();
  await second.waitForURL(/#page-4$/);
  assert.equal(await second.locator('#q-lang_lithuanian_level-1').isChecked(), true);
  await context.close();
});

test('every form page passes axe-core (WCAG 2.2 A and AA) in all four languages, with phone screenshots', async () => {
  for (const language of ['lt', 'en', 'uk', 'ru']) {
    const { context, page } = await openForm();
    await chooseLanguage(page, language);
    await assertAccessible(assert, page, `the introduction (${language})`);
    if (language === 'uk') await screenshot(page, 'form-00-introduction');
    await page.locator('.actions button.button').click();
    await answerAllPages(page, assert, ukrainianPath('LT-58'), {
      submit: false,
      onPage: async (number) => {
        await assertAccessible(assert, page, `page ${number} (${language})`);
        if (language === 'uk') await screenshot(page, `form-${String(number).padStart(2, '0')}`);
      },
    });
    // an error state: Continue with a required question left empty
    await page.goto(`${baseUrl()}/#page-1`);
    await page.locator('#q-profile_municipality').selectOption('');
    await page.locator('form button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    await assertAccessible(assert, page, `a page with an error (${language})`);
    if (language === 'uk') await screenshot(page, 'form-01-error');
    await page.locator('#q-profile_municipality').selectOption('LT-58');
    await page.goto(`${baseUrl()}/#page-10`);
    await page.locator('form button[type=submit]').click();
    const submissionId = await receiptOf(page);
    report(`submission-axe-${language}-${submissionId}`, { submissionId, language, answers: ukrainianPath('LT-58') });
    await assertAccessible(assert, page, `the receipt (${language})`);
    if (language === 'uk') await screenshot(page, 'form-11-receipt');
    await assertClean(assert, page, `the form in ${language}`);
    await context.close();
  }
});

test('the training evaluation is filled in through the same form (?instrument=) and stored as its own questionnaire', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${baseUrl()}/?instrument=training-evaluation`);
  await page.locator('h1').first().waitFor();
  await chooseLanguage(page, 'en');
  assert.equal(await page.locator('h1').textContent(), 'Evaluation of trainings and study visits');
  await assertAccessible(assert, page, 'the training evaluation\'s start page');
  await page.getByRole('button', { name: 'Start the survey' }).click();
  const answers = {
    event_type: 'study_visit', municipality: 'LT-43', participant_role: 'municipal_staff',
    relevance: 5, usefulness: 4, organisation: 4, trainers: 5, would_recommend: true,
    comment: 'More time for questions, please.',
  };
  const posted = [];
  page.on('request', (request) => { if (request.method() === 'POST') posted.push({ url: request.url(), body: request.postDataJSON() }); });
  await answerAllPages(page, assert, answers);
  const submissionId = await receiptOf(page);
  assert.equal(posted.length, 1, 'one POST');
  assert.match(posted[0].url, /\/v1\/instruments\/training-evaluation\/submissions$/);
  assert.equal(posted[0].body.submissionId, submissionId);
  assert.deepEqual(posted[0].body.answers, answers);
  report(`submission-training-evaluation-${submissionId}`, { submissionId, instrument: 'training-evaluation', language: 'en', answers });
  await assertClean(assert, page, 'the training evaluation');
  await context.close();
});
