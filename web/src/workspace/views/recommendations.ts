// A municipality's recommendation register: each entry with its status, evidence and history; a status update
// (coordinator of the municipality, administrator) from the status-update form, with If-Match "v<n>"; and for
// an administrator, creating (PUT without If-Match) and editing (If-Match) entries from the recommendation form.
// The API has no delete: retiring an entry records the status `dropped`.
import { h, replace } from '../../common/dom';
import { ApiError, all, call, enc, get, etagNumber, recommendationPath, type Recommendation, type RecommendationEvent } from '../api';
import type { Context } from '../context';
import { formFields } from '../forms';
import { bodyFromValues, checkValues, controlId, fieldLabel, leaves, valuesFromBody, type Field } from '../schema-form';
import { recommendationStatusText } from '../status';
import { t } from '../texts';
import { errorsByPointer, errorSummary, notice, renderFields, type FormState } from '../ui';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function recommendationsView(ctx: Context, code: string, flash?: HTMLElement): Promise<void> {
  const lang = ctx.language;
  const canUpdate = ctx.me.permissions.includes('update_recommendation_status');
  const isAdmin = ctx.me.permissions.includes('manage_recommendations');
  const [items, statusFields, definitionFields, partners] = await Promise.all([
    all<Recommendation>(`/v1/municipalities/${enc(code)}/recommendations`),
    canUpdate ? formFields('status-update') : Promise.resolve([] as Field[]),
    isAdmin ? formFields('recommendation') : Promise.resolve([] as Field[]),
    ctx.me.role === 'coordinator' ? Promise.resolve(undefined)
      : get<{ partners: { municipality: string; name: Record<string, string> }[] }>('/v1/partners').then((a) => a.body.partners)]);
  const name = partners?.find((p) => p.municipality === code)?.name[lang] ?? code;
  const h1 = ctx.heading(t(lang, 'recTitle', name));
  const reload = (message: string) => recommendationsView(ctx, code, notice('success', message)).catch(ctx.fail);

  replace(ctx.main,
    partners ? h('form', { class: 'filter-row', onsubmit: (event: Event) => {
      event.preventDefault();
      ctx.go(`#recommendations/${((event.target as HTMLFormElement).elements.namedItem('municipality') as HTMLSelectElement).value}`);
    } },
    h('div', { class: 'question inline' },
      h('label', { class: 'question-label', for: 'municipality' }, t(lang, 'chooseMunicipality')),
      h('select', { class: 'select', id: 'municipality', name: 'municipality' }, partners.map((p) =>
        h('option', { value: p.municipality, selected: p.municipality === code }, `${p.name[lang] ?? p.name.en} (${p.municipality})`)))),
    h('button', { type: 'submit', class: 'button secondary' }, t(lang, 'show'))) : null,
    h1, flash ?? null,
    items.length === 0 ? h('p', {}, t(lang, 'recNone')) : null,
    items.map((item) => entry(item)),
    isAdmin ? definitionForm(undefined) : null);
  (flash ?? h1).focus();

  function entry(item: Recommendation): HTMLElement {
    const history = h('div', { class: 'history' });
    const evidence = 'evidenceLink' in item.latestStatus ? item.latestStatus.evidenceLink : undefined;
    const details = h('details', { class: 'recommendation', 'data-id': item.id, ontoggle: () => {
      if (details.open && !history.hasChildNodes()) void loadHistory(item, history);
    } },
    h('summary', {}, h('span', { class: 'rec-id' }, item.id), ' ', item.title, ' — ',
      h('span', { class: `rec-status rec-${item.status}` }, recommendationStatusText(lang, item.status))),
    h('dl', { class: 'facts' },
      item.description ? [h('dt', {}, fieldLabel({ key: 'description', labels: {}, description: undefined }, lang)), h('dd', {}, item.description)] : null,
      h('dt', {}, t(lang, 'recSource')), h('dd', {}, item.source),
      item.targetDate ? [h('dt', {}, t(lang, 'recTarget')), h('dd', {}, item.targetDate)] : null,
      h('dt', {}, t(lang, 'status')), h('dd', {}, recommendationStatusText(lang, item.status),
        'comment' in item.latestStatus ? ` — ${item.latestStatus.comment}` : ''),
      evidence ? [h('dt', {}, t(lang, 'recEvidence')), h('dd', {}, h('a', { href: evidence, rel: 'noopener noreferrer' }, evidence))] : null),
    h('h3', {}, t(lang, 'history')), history,
    canUpdate ? statusForm(item) : null,
    isAdmin ? definitionForm(item) : null);
    return details;
  }

  async function loadHistory(item: Recommendation, into: HTMLElement): Promise<void> {
    try {
      const events = await all<RecommendationEvent>(`${recommendationPath(code, item.id)}/history`);
      replace(into, h('ol', {}, events.map((event) => h('li', {},
        `v${event.version} · ${event.createdAt.slice(0, 10)} · ${t(lang, `kind_${event.kind}`)}: `,
        'status' in event.content
          ? `${recommendationStatusText(lang, event.content.status)} — ${event.content.comment}`
          : event.content.title,
        'evidenceLink' in event.content && event.content.evidenceLink ? [' ', h('a', { href: event.content.evidenceLink, rel: 'noopener noreferrer' }, t(lang, 'recEvidence'))] : null))));
    } catch (error) {
      ctx.fail(error);
    }
  }

  /** A form from a schema, sent by `submit`; errors at their field with a summary. */
  function schemaForm(prefix: string, fields: Field[], values: Record<string, string>, title: string, button: string,
    submit: (state: FormState) => Promise<void>, extraFields: HTMLElement[] = [], optionLabel?: (value: string) => string): HTMLElement {
    const state: FormState = { values, errors: new Map() };
    const section = h('section', { class: 'panel subform', 'data-form': prefix });
    const labelOf = (pointer: string) => {
      const field = leaves(fields).find((leaf) => leaf.pointer === pointer);
      return field ? fieldLabel(field, lang) : pointer === '/id' ? t(lang, 'recId') : pointer;
    };
    const draw = (focusSummary: boolean) => {
      // ids are unique per form: the controls are renamed with the form's prefix
      const controls = renderFields(fields, state, lang, (pointer, value) => { state.values[pointer] = value; }, optionLabel);
      replace(section,
        state.errors.size ? errorSummary(lang, state.errors, labelOf) : null,
        h('h3', {}, title),
        h('form', { novalidate: true, onsubmit: (event: Event) => {
          event.preventDefault();
          const local = checkValues(fields, state.values);
          state.errors = errorsByPointer(local);
          if (local.length) return draw(true);
          void submit(state).catch((error) => {
            if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
              state.errors = errorsByPointer(error.problem.errors);
              return draw(true);
            }
            ctx.fail(error);
          });
        } }, extraFields, controls, h('button', { type: 'submit', class: 'button' }, button)));
      prefixIds(section, prefix);
      if (focusSummary) section.querySelector<HTMLElement>('.error-summary')?.focus();
    };
    draw(false);
    return section;
  }

  function statusForm(item: Recommendation): HTMLElement {
    const values: Record<string, string> = {};
    return schemaForm(`status-${item.id}`, statusFields, values, t(lang, 'updateStatus'), t(lang, 'updateStatus'), async (state) => {
      try {
        const answer = await call<Recommendation>('POST', `${recommendationPath(code, item.id)}/status-updates`,
          { body: bodyFromValues(statusFields, state.values), ifMatch: `"v${item.version}"` });
        await reload(t(lang, 'statusUpdated', etagNumber(answer.etag) ?? answer.body.version));
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) return reload(t(lang, 'staleRecommendation'));
        throw error;
      }
    }, isAdmin ? [h('p', { class: 'hint' }, t(lang, 'retireHint'))] : [], (status) => recommendationStatusText(lang, status));
  }

  function definitionForm(item: Recommendation | undefined): HTMLElement {
    const values = item ? valuesFromBody(definitionFields, item) : {};
    let id = '';
    const idField = item ? [] : [h('div', { class: 'question' },
      h('label', { class: 'question-label', for: controlId('/id') }, t(lang, 'recId')),
      h('p', { class: 'hint', id: 'rec-id-hint' }, t(lang, 'recIdHint')),
      h('input', { class: 'input', id: controlId('/id'), name: 'id', 'aria-describedby': 'rec-id-hint', spellcheck: 'false',
        oninput: (event: Event) => { id = (event.target as HTMLInputElement).value.trim(); } }))];
    return schemaForm(item ? `edit-${item.id}` : 'new', definitionFields, values,
      item ? t(lang, 'editRecommendation', item.id) : t(lang, 'newRecommendation'), t(lang, 'save'), async (state) => {
        const target = item?.id ?? id;
        if (!ID.test(target)) {
          state.errors = new Map([['/id', 'bad_format']]);
          document.getElementById(`new-${controlId('/id')}`)?.focus();
          return;
        }
        try {
          const answer = await call<Recommendation>('PUT', recommendationPath(code, target),
            { body: bodyFromValues(definitionFields, state.values), ifMatch: item ? `"v${item.version}"` : undefined });
          await reload(t(lang, 'recSaved', etagNumber(answer.etag) ?? answer.body.version));
        } catch (error) {
          if (error instanceof ApiError && error.status === 428) return reload(t(lang, 'recExists'));
          if (error instanceof ApiError && error.status === 412) return reload(t(lang, 'staleRecommendation'));
          throw error;
        }
      }, idField);
  }
}

/** Gives every id in a sub-form (and the references to it) the form's prefix, so that ids stay unique. */
function prefixIds(root: HTMLElement, prefix: string): void {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  for (const element of root.querySelectorAll<HTMLElement>('[id]')) element.id = `${safe}-${element.id}`;
  for (const element of root.querySelectorAll<HTMLElement>('[for]')) element.setAttribute('for', `${safe}-${element.getAttribute('for')}`);
  for (const element of root.querySelectorAll<HTMLElement>('[aria-describedby],[aria-labelledby]')) {
    for (const name of ['aria-describedby', 'aria-labelledby']) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split(' ').map((id) => `${safe}-${id}`).join(' '));
    }
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>('.error-summary a')) {
    const target = link.getAttribute('href')!.slice(1);
    link.setAttribute('href', `#${safe}-${target}`);
    link.onclick = (event) => { event.preventDefault(); document.getElementById(`${safe}-${target}`)?.focus(); };
  }
}
