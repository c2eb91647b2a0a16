// The form's logic without the DOM: which items are asked, what is sent, where a server error belongs.
// The server stays the authority (it validates every answer again); this only keeps the form in step.
import type { components } from '../api/generated/survey-api';

export type Instrument = components['schemas']['Instrument'];
export type Section = components['schemas']['Section'];
export type Item = components['schemas']['Item'];
export type Answer = components['schemas']['Answer'];
export type Submission = components['schemas']['Submission'];
export type Receipt = components['schemas']['Receipt'];
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type Answers = Record<string, Answer>;

/** The answer a scale item takes for "did not use / don't know". */
export const NOT_APPLICABLE = 'na';

/** Whether an item is asked, given the answers so far (the same rule as the server's Condition.isMetBy). */
export function isAsked(item: Item, answers: Answers): boolean {
  const condition = item.askIf;
  if (!condition) return true;
  const answer = answers[condition.item];
  if (answer === undefined || answer === null) return false;
  const values = Array.isArray(answer) ? answer : [answer];
  return values.some((value) => condition.anyOf.includes(value));
}

export function allItems(instrument: Instrument): Item[] {
  return instrument.sections.flatMap((section) => section.items);
}

/** Whether an answer counts as given: blank text and empty selections do not. */
export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined || answer === null) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

/**
 * The answers to send: only items that are asked (in instrument order, so a condition on an earlier item is
 * decided first), only answers actually given, free text trimmed.
 */
export function askedAnswers(instrument: Instrument, answers: Answers): Answers {
  const sent: Answers = {};
  for (const item of allItems(instrument)) {
    if (!isAsked(item, sent)) continue;
    const answer = answers[item.id];
    if (!isAnswered(answer)) continue;
    sent[item.id] = typeof answer === 'string' && item.type === 'text' ? answer.trim() : answer as Answer;
  }
  return sent;
}

/** The submission body, built once when the respondent submits and sent unchanged on every retry. */
export function submissionBody(instrument: Instrument, submissionId: string, language: string,
  answers: Answers): Submission {
  return { submissionId, instrumentVersion: instrument.version, language, answers: askedAnswers(instrument, answers) };
}

/** The check the form makes before going on: required questions that are asked must be answered. */
export function missingRequired(section: Section, answers: Answers): FieldError[] {
  return section.items
    .filter((item) => item.required && isAsked(item, answers) && !isAnswered(answers[item.id]))
    .map((item) => ({ pointer: `/answers/${item.id}`, code: 'required', message: 'required' }));
}

/** Errors the form can see itself for one section: required answers missing and selection limits. */
export function sectionErrors(section: Section, answers: Answers): FieldError[] {
  const errors = missingRequired(section, answers);
  for (const item of section.items) {
    const answer = answers[item.id];
    if (item.type !== 'multiple' || !isAsked(item, answers) || !Array.isArray(answer) || answer.length === 0) continue;
    if (item.minSelected !== undefined && answer.length < item.minSelected) {
      errors.push({ pointer: `/answers/${item.id}`, code: 'too_few_selected', message: 'too few' });
    } else if (item.maxSelected !== undefined && answer.length > item.maxSelected) {
      errors.push({ pointer: `/answers/${item.id}`, code: 'too_many_selected', message: 'too many' });
    }
  }
  return errors;
}

/**
 * The item a server error points at: `/answers/{item}` or deeper (`/answers/{item}/1` for one selection);
 * undefined for the envelope (`/language`, `""`). JSON pointer escapes (~1, ~0) are undone.
 */
export function itemOfPointer(pointer: string): string | undefined {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts[0] === 'answers' && parts.length >= 2 ? parts[1] : undefined;
}

/** The index of the section holding an item, or -1. */
export function sectionOfItem(instrument: Instrument, itemId: string): number {
  return instrument.sections.findIndex((section) => section.items.some((item) => item.id === itemId));
}

/** For an exclusive option such as "none": choosing it clears the others, choosing another clears it. */
export function toggleOption(item: Item, selected: readonly string[], code: string, checked: boolean): string[] {
  const exclusive = new Set((item.options ?? []).filter((option) => option.exclusive).map((option) => option.code));
  if (!checked) return selected.filter((value) => value !== code);
  if (exclusive.has(code)) return [code];
  const kept = selected.filter((value) => value !== code && !exclusive.has(value));
  return (item.options ?? []).map((option) => option.code).filter((value) => value === code || kept.includes(value));
}
