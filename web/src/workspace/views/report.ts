// Filing or revising a quarter's report (coordinator): the form from the report's JSON Schema, a draft kept on
// the device after every change, PUT with If-Match of the revision it was based on, field errors at their
// field, and after a 412 what changed in the newer revision, with the coordinator's changes carried over.
import { h, replace } from '../../common/dom';
import { ApiError, all, etagNumber, get, call, reportPath, type Feedback, type Report, type ReportRevision, type ReportSummary } from '../api';
import type { Context } from '../context';
import { carryOver, diff, type Change } from '../diff';
import { deleteDraft, loadDraft, saveDraft } from '../drafts';
import { formFields } from '../forms';
import { bodyFromValues, checkValues, fieldLabel, leaves, valuesFromBody, type Body } from '../schema-form';
import { t } from '../texts';
import { errorsByPointer, errorSummary, notice, renderFields, shown, type FormState } from '../ui';
import { feedbackList } from './feedback-list';
import { reviewView } from './review';

interface Base {
  revision?: number;
  body: Body;
}

export async function reportView(ctx: Context, code: string, period: string): Promise<void> {
  if (!ctx.me.permissions.includes('write_report')) return reviewView(ctx, code, period);
  const lang = ctx.language;
  const fields = await formFields('report');
  let latest: ReportSummary | undefined;
  try {
    latest = (await get<ReportSummary>(reportPath(code, period))).body;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const feedback = latest ? await all<Feedback>(`${reportPath(code, period)}/feedback`) : [];
  let base: Base = { revision: latest?.revision, body: (latest?.body ?? {}) as Body };
  const state: FormState = { values: valuesFromBody(fields, base.body), errors: new Map() };
  const draft = loadDraft(code, period);
  let message: HTMLElement | null = null;
  if (draft) {
    state.values = draft.values;
    if (draft.baseRevision !== undefined && draft.baseRevision !== base.revision) {
      base = { revision: draft.baseRevision, body: (await get<ReportRevision>(`${reportPath(code, period)}/revisions/${draft.baseRevision}`)).body.body as Body };
    } else if (draft.baseRevision === undefined && base.revision !== undefined) {
      base = { revision: undefined, body: {} };
    }
    message = notice('info', t(lang, 'draftRestored', new Date(draft.savedAt).toLocaleString(lang)));
  }
  const labelOf = (pointer: string) => {
    const field = leaves(fields).find((leaf) => leaf.pointer === pointer);
    return field ? fieldLabel(field, lang) : pointer;
  };

  const keep = () => saveDraft(code, period, { values: state.values, baseRevision: base.revision, savedAt: new Date().toISOString() });

  function render(focus: 'h1' | 'summary' | 'message' | 'none' = 'h1', extra: HTMLElement | null = null): void {
    const h1 = ctx.heading(t(lang, 'reportTitle', code, period));
    if (state.errors.size > 0) document.title = `${t(lang, 'errorPrefix')} ${document.title}`;
    const summary = state.errors.size > 0 ? errorSummary(lang, state.errors, labelOf) : null;
    const submit = h('button', { type: 'submit', class: 'button' }, t(lang, 'submitReport'));
    replace(ctx.main,
      h('p', {}, h('a', { href: `#reports/${code}` }, t(lang, 'back'))),
      summary, h1, message, extra,
      h('p', { class: 'hint' }, base.revision ? t(lang, 'reportBasedOn', base.revision) : t(lang, 'reportFirst'),
        ' ', t(lang, 'draftKept')),
      h('form', { novalidate: true, class: 'report-form', onsubmit: (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        void send().catch(ctx.fail).finally(() => { submit.disabled = false; });
      } },
      renderFields(fields, state, lang, (pointer, value) => {
        state.values[pointer] = value;
        keep();
      }),
      h('div', { class: 'actions' }, submit,
        h('button', { type: 'button', class: 'button secondary', onclick: () => {
          deleteDraft(code, period);
          void reportView(ctx, code, period).catch(ctx.fail);
        } }, t(lang, 'discardDraft')))),
      h('h2', {}, t(lang, 'feedbackOnReport')),
      feedbackList(lang, feedback));
    if (focus === 'summary') summary?.focus();
    else if (focus === 'message') (extra ?? message)?.focus();
    else if (focus === 'h1') h1.focus();
  }

  async function send(): Promise<void> {
    message = null;
    const local = checkValues(fields, state.values);
    state.errors = errorsByPointer(local);
    if (local.length > 0) return render('summary');
    const body = bodyFromValues(fields, state.values) as Report;
    try {
      const answer = await call<ReportRevision>('PUT', reportPath(code, period), {
        body, ifMatch: base.revision ? `"r${base.revision}"` : undefined });
      deleteDraft(code, period);
      const revision = etagNumber(answer.etag) ?? answer.body.revision;
      base = { revision, body: answer.body.body as Body };
      state.values = valuesFromBody(fields, base.body);
      message = notice('success', t(lang, 'saved', revision));
      render('message');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422) && error.problem?.errors?.some((e) => e.pointer.startsWith('/'))) {
        state.errors = errorsByPointer(error.problem.errors.filter((e) => e.pointer.startsWith('/')));
        return render('summary');
      }
      if (error instanceof ApiError && error.status === 422) {
        message = notice('waiting', t(lang, 'periodNotOpen'));
        return render('message');
      }
      if (error instanceof ApiError && (error.status === 412 || error.status === 428)) return conflict(body);
      throw error;
    }
  }

  /** Someone else revised the report: show what changed in the newer revision and offer to carry mine over. */
  async function conflict(mine: Body): Promise<void> {
    const newest = (await get<ReportSummary>(reportPath(code, period))).body;
    const theirs = diff(base.body, newest.body);
    const mineChanges = new Map(diff(base.body, mine).map((change) => [change.pointer, change]));
    const panel = h('section', { class: 'conflict', tabindex: -1, 'aria-labelledby': 'conflict-title' },
      h('h2', { id: 'conflict-title' }, t(lang, 'conflictTitle')),
      h('p', {}, t(lang, 'conflictIntro', base.revision ?? '—', newest.revision)),
      changesTable(theirs, mineChanges, newest.revision),
      h('button', { type: 'button', class: 'button', onclick: () => {
        const carried = carryOver(base.body, mine, newest.body as Body);
        base = { revision: newest.revision, body: newest.body as Body };
        state.values = valuesFromBody(fields, carried.body);
        state.errors = new Map();
        keep();
        message = notice('info', t(lang, 'carriedOver', newest.revision),
          ...(carried.conflicts.length ? [' ', t(lang, 'conflictFields', carried.conflicts.map((c) => labelOf(c.pointer)).join(', '))] : []));
        render('message');
      } }, t(lang, 'carryOver', newest.revision)));
    render('message', panel);
  }

  function changesTable(changes: Change[], mine: Map<string, Change>, newer: number): HTMLElement {
    if (changes.length === 0) return h('p', {}, t(lang, 'noChanges'));
    return h('table', { class: 'changes' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t(lang, 'field')),
        h('th', { scope: 'col' }, t(lang, 'revisionN', base.revision ?? '—')),
        h('th', { scope: 'col' }, t(lang, 'inRevision', newer)),
        h('th', { scope: 'col' }, t(lang, 'yours')))),
      h('tbody', {}, changes.map((change) => h('tr', {},
        h('th', { scope: 'row' }, labelOf(change.pointer)),
        h('td', {}, shown(lang, change.before)),
        h('td', {}, h('mark', {}, shown(lang, change.after))),
        h('td', {}, shown(lang, mine.has(change.pointer) ? mine.get(change.pointer)!.after : change.before))))));
  }

  render(message ? 'message' : 'h1');
}

