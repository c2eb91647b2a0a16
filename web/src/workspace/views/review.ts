// One report for reading (ministry, administrator, or a coordinator who may not write): its revisions side by
// side with what changed highlighted (in words too), the feedback, and for the ministry a feedback form.
import { h, replace } from '../../common/dom';
import { all, call, reportPath, type Feedback, type ReportRevision } from '../api';
import type { Context } from '../context';
import { diff, flatten } from '../diff';
import { formFields } from '../forms';
import { controlId, fieldLabel, leaves } from '../schema-form';
import { t } from '../texts';
import { errorSummary, notice, shown } from '../ui';
import { feedbackList } from './feedback-list';

export async function reviewView(ctx: Context, code: string, period: string, query = new URLSearchParams(location.hash.split('?')[1] ?? '')): Promise<void> {
  const lang = ctx.language;
  const path = reportPath(code, period.split('?')[0]);
  period = period.split('?')[0];
  const [fields, revisions, feedback] = await Promise.all([
    formFields('report'), all<ReportRevision>(`${path}/revisions`), all<Feedback>(`${path}/feedback`)]);
  const labels = new Map(leaves(fields).map((field) => [field.pointer, fieldLabel(field, lang)]));
  const latest = revisions[revisions.length - 1];
  const pick = (name: string, fallback: number) => {
    const value = Number(query.get(name));
    return revisions.some((revision) => revision.revision === value) ? value : fallback;
  };
  const rightNumber = pick('right', latest.revision);
  const leftNumber = pick('left', Math.max(1, rightNumber - 1));
  const left = revisions.find((revision) => revision.revision === leftNumber)!;
  const right = revisions.find((revision) => revision.revision === rightNumber)!;
  const changed = new Set(diff(left.body, right.body).map((change) => change.pointer));
  const a = flatten(left.body);
  const b = flatten(right.body);
  const pointers = [...new Set([...labels.keys(), ...b.keys(), ...a.keys()])];

  const select = (id: string, label: string, value: number) => h('div', { class: 'question inline' },
    h('label', { class: 'question-label', for: id }, label),
    h('select', { id, name: id, class: 'select' }, revisions.map((revision) => h('option',
      { value: revision.revision, selected: revision.revision === value }, t(lang, 'revisionN', revision.revision)))));

  const h1 = ctx.heading(t(lang, 'reportTitle', code, period));
  let message: HTMLElement | null = null;
  const feedbackForm = ctx.me.permissions.includes('give_feedback') ? feedbackSection() : null;

  replace(ctx.main,
    h('p', {}, h('a', { href: ctx.me.role === 'coordinator' ? `#reports/${code}` : '#grid' }, t(lang, 'back'))),
    h1,
    h('h2', {}, t(lang, 'revisions')),
    h('ul', {}, revisions.map((revision) => h('li', {}, t(lang, 'revisionMeta', revision.revision, revision.createdAt.replace('T', ' ').slice(0, 16))))),
    revisions.length > 1 ? h('form', { class: 'compare-form filter-row', onsubmit: (event: Event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const l = (form.elements.namedItem('left') as HTMLSelectElement).value;
      const r = (form.elements.namedItem('right') as HTMLSelectElement).value;
      ctx.go(`#review/${code}/${period}?left=${l}&right=${r}`);
    } },
    select('left', t(lang, 'left'), leftNumber), select('right', t(lang, 'right'), rightNumber),
    h('button', { type: 'submit', class: 'button secondary' }, t(lang, 'compare'))) : null,
    h('p', { id: 'changed-count' }, t(lang, 'changedCount', changed.size)),
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'compare-caption' },
      h('table', { class: 'compare' },
        h('caption', { id: 'compare-caption' }, `${t(lang, 'revisionN', left.revision)} ↔ ${t(lang, 'revisionN', right.revision)}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t(lang, 'field')),
          h('th', { scope: 'col' }, t(lang, 'revisionN', left.revision)),
          h('th', { scope: 'col' }, t(lang, 'revisionN', right.revision)))),
        h('tbody', {}, pointers.map((pointer) => {
          const isChanged = changed.has(pointer);
          return h('tr', { class: isChanged ? 'changed' : undefined },
            h('th', { scope: 'row' }, labels.get(pointer) ?? pointer,
              isChanged ? h('span', { class: 'changed-tag' }, ` (${t(lang, 'changed')})`) : null),
            h('td', { class: 'value' }, shown(lang, a.get(pointer))),
            h('td', { class: 'value' }, isChanged ? h('mark', {}, shown(lang, b.get(pointer))) : shown(lang, b.get(pointer))));
        })))),
    h('h2', { id: 'feedback-title' }, t(lang, 'feedbackOnReport')),
    feedbackList(lang, feedback),
    feedbackForm);
  h1.focus();

  function feedbackSection(): HTMLElement {
    const section = h('section', { class: 'feedback-form', 'aria-labelledby': 'give-feedback' });
    const draw = (errors: Map<string, string>, rating = '', comment = '') => {
      const ratingError = errors.get('/rating/1');
      const commentError = errors.get('/comment');
      replace(section,
        errors.size ? errorSummary(lang, errors, (pointer) => t(lang, pointer === '/rating/1' ? 'rating' : 'comment')) : null,
        message,
        h('h2', { id: 'give-feedback' }, t(lang, 'giveFeedback', latest.revision)),
        h('form', { novalidate: true, onsubmit: (event: Event) => {
          event.preventDefault();
          const form = event.target as HTMLFormElement;
          const chosen = (form.querySelector('input[name="rating"]:checked') as HTMLInputElement | null)?.value ?? '';
          const text = (form.elements.namedItem('comment') as HTMLTextAreaElement).value;
          const problems = new Map<string, string>();
          if (!chosen) problems.set('/rating/1', 'not_an_option');
          if (!text.trim()) problems.set('/comment', 'too_short');
          if (problems.size) {
            message = null;
            draw(problems, chosen, text);
            section.querySelector<HTMLElement>('.error-summary')?.focus();
            return;
          }
          void call('POST', `${path}/revisions/${latest.revision}/feedback`,
            { body: { feedbackId: crypto.randomUUID(), rating: Number(chosen), comment: text.trim() } })
            .then(async () => {
              const items = await all<Feedback>(`${path}/feedback`);
              ctx.main.querySelector('.feedback-list, #feedback-title + p')?.replaceWith(feedbackList(lang, items));
              message = notice('success', t(lang, 'feedbackSent'));
              draw(new Map());
              (message as HTMLElement).focus();
            }).catch(ctx.fail);
        } },
        h('div', { class: `question${ratingError ? ' question--error' : ''}` },
          h('fieldset', { 'aria-describedby': ratingError ? 'rating-error' : undefined },
            h('legend', { class: 'question-label' }, t(lang, 'rating')),
            ratingError ? h('p', { class: 'error-message', id: 'rating-error' }, t(lang, 'chooseRating')) : null,
            h('div', { class: 'ratings' }, [1, 2, 3, 4, 5].map((n) => h('div', { class: 'choice' },
              h('input', { class: 'choice-input', type: 'radio', name: 'rating', id: controlId(`/rating/${n}`), value: n, checked: rating === String(n) }),
              h('label', { class: 'choice-label', for: controlId(`/rating/${n}`) }, String(n))))))),
        h('div', { class: `question${commentError ? ' question--error' : ''}` },
          h('label', { class: 'question-label', for: controlId('/comment') }, t(lang, 'comment')),
          commentError ? h('p', { class: 'error-message', id: 'comment-error' }, t(lang, 'writeComment')) : null,
          h('textarea', { class: 'textarea', id: controlId('/comment'), name: 'comment', rows: 4, maxlength: 5000,
            'aria-describedby': commentError ? 'comment-error' : undefined, 'aria-invalid': commentError ? 'true' : undefined }, comment)),
        h('button', { type: 'submit', class: 'button' }, t(lang, 'sendFeedback'))));
    };
    draw(new Map());
    return section;
  }
}
