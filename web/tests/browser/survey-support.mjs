// Answering the survey form as a person would, by mouse or by keyboard, one page at a time.

/** A respondent's answers along a path that takes every kind of skip: conditions met and not met. */
export function ukrainianPath(municipality = 'LT-21') {
  return {
    profile_municipality: municipality,
    profile_years_in_lt: 'from_1_to_2',
    profile_permit_type: 'temporary_protection',
    profile_citizenship_region: 'ukraine',
    profile_age_band: 'age_35_44',
    profile_gender: 'woman',
    info_know_where: 4,
    info_in_my_language: 'na',
    info_channels: ['social_networks', 'ngos'],
    svc_contacted: true, // asks the two questions about the help received
    svc_satisfied_help: 5,
    svc_staff_understood: 3,
    svc_know_coordinator: false,
    lang_lithuanian_level: 'basic',
    lang_course_attended: false, // asks for the barriers, not for satisfaction with the course
    lang_course_barriers: ['times_unsuitable', 'no_childcare'],
    work_employed: 'unemployed', // the question about the job matching qualifications is not asked
    work_qualification_recognised: 'in_progress',
    work_find_job_help: 2,
    housing_find_ease: 1,
    housing_conditions_satisfied: 3,
    housing_discrimination_renting: true,
    health_access_ease: 'na',
    health_insured: 'yes',
    edu_children_school: true,
    edu_children_place_ease: 4,
    edu_school_support: 5,
    disc_experienced_12m: false, // neither where nor whether it was reported
    safety_feel_safe: 5,
    belong_feel_belong: 3,
    belong_welcome: 4,
    belong_participated: ['none'],
    belong_plan_stay: 'yes',
    overall_satisfaction: 4,
    overall_improve_first: 'language_learning',
    overall_comment: 'Більше вечірніх курсів литовської мови.',
  };
}

/** Items of the path that must stay hidden (their condition is not met). */
export const SKIPPED = ['lang_course_satisfied', 'work_matches_qualification', 'disc_where', 'disc_reported'];

const value = (answer) => String(answer);

/** The ids of the questions shown on the current page, in order. */
export async function visibleItems(page) {
  return page.$$eval('[data-item]', (elements) => elements.filter((element) => !element.hidden)
    .map((element) => element.dataset.item));
}

export async function hiddenItems(page) {
  return page.$$eval('[data-item]', (elements) => elements.filter((element) => element.hidden)
    .map((element) => element.dataset.item));
}

/** Answers one question with the mouse (click on the label, choose in the list, type). */
export async function answerWithMouse(page, itemId, answer) {
  const control = page.locator(`#q-${itemId}`);
  const tag = await control.evaluate((element) => element.tagName.toLowerCase());
  if (tag === 'select') {
    await control.selectOption(value(answer));
  } else if (tag === 'textarea') {
    await control.fill(answer);
  } else if (Array.isArray(answer)) {
    for (const code of answer) await page.locator(`input[name="q-${itemId}"][value="${code}"]`).check();
  } else {
    const id = await page.locator(`input[name="q-${itemId}"][value="${value(answer)}"]`).getAttribute('id');
    await page.locator(`label[for="${id}"]`).click();
  }
}

/** Presses Tab until the focus is on the element matching the selector (at most 80 times). */
export async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers one question with the keyboard only: Tab into it, arrows and space for choices, typing for text. */
export async function answerWithKeyboard(page, itemId, answer) {
  const control = page.locator(`#q-${itemId}`);
  const tag = await control.evaluate((element) => element.tagName.toLowerCase());
  if (tag === 'select') {
    await tabTo(page, `#q-${itemId}`);
    const values = await control.evaluate((select) => Array.from(select.options, (option) => option.value));
    const steps = values.indexOf(value(answer)) - await control.evaluate((select) => select.selectedIndex);
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  } else if (tag === 'textarea') {
    await tabTo(page, `#q-${itemId}`);
    await page.keyboard.type(answer);
  } else if (Array.isArray(answer)) {
    for (const code of answer) {
      await tabTo(page, `input[name="q-${itemId}"][value="${code}"]`);
      await page.keyboard.press('Space');
    }
  } else {
    // Tab enters a radio group on its first radio (none chosen yet); arrows move and choose
    await tabTo(page, `input[name="q-${itemId}"]`);
    const values = await page.$$eval(`input[name="q-${itemId}"]`, (radios) => radios.map((radio) => radio.value));
    const target = values.indexOf(value(answer));
    if (target === 0) await page.keyboard.press('Space');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  }
}

/**
 * Goes through every section page: checks that exactly the questions of the path are shown as the answers
 * are given (skip logic applied on the page), answers them, and moves on (Continue, or Submit on the last).
 * `onPage` runs on each page before it is left.
 */
export async function answerAllPages(page, assert, answers, { keyboard = false, onPage = async () => {}, submit = true } = {}) {
  const pages = Number((await page.locator('progress.pages').getAttribute('max')));
  for (let number = 1; number <= pages; number++) {
    await page.waitForURL(new RegExp(`#page-${number}$`));
    for (;;) {
      const pending = (await visibleItems(page)).filter((id) => !(id in answers));
      assert.deepEqual(pending, [], `page ${number} shows questions the path does not answer`);
      const next = (await visibleItems(page)).find((id) => !page.__answered?.has(id));
      if (!next) break;
      page.__answered = page.__answered ?? new Set();
      page.__answered.add(next);
      await (keyboard ? answerWithKeyboard : answerWithMouse)(page, next, answers[next]);
    }
    for (const skipped of SKIPPED) {
      if (await page.locator(`[data-item="${skipped}"]`).count()) {
        assert.ok(await page.locator(`[data-item="${skipped}"]`).isHidden(), `${skipped} is skipped on page ${number}`);
      }
    }
    await onPage(number);
    if (number === pages && !submit) return;
    if (keyboard) {
      await tabTo(page, 'form button[type=submit]');
      await page.keyboard.press('Enter');
    } else {
      await page.locator('form button[type=submit]').click();
    }
  }
}
