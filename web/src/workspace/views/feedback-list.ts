import { h } from '../../common/dom';
import type { Language } from '../../common/language';
import type { Feedback } from '../api';
import { t } from '../texts';

/** The ministry's feedback on a report, newest first. */
export function feedbackList(lang: Language, items: Feedback[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'hint' }, t(lang, 'noFeedback'));
  return h('ul', { class: 'feedback-list' }, [...items].reverse().map((item) => h('li', { class: 'feedback-item' },
    h('p', { class: 'feedback-meta' }, h('strong', {}, t(lang, 'ratingOf', item.rating)), ' · ',
      t(lang, 'onRevision', item.revision, item.createdAt.slice(0, 10))),
    h('p', { class: 'feedback-comment' }, item.comment))));
}
