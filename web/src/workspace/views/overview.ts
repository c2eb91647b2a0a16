// A coordinator's quarters (GET /v1/municipalities/{code}/reporting-overview): deadline, status, revision and
// feedback, with the way to file or revise each report.
import { h, replace } from '../../common/dom';
import { ApiError, enc, get, type ReportingOverview } from '../api';
import type { Context } from '../context';
import { statusClass, statusText } from '../status';
import { t } from '../texts';

export async function overviewView(ctx: Context, code: string): Promise<void> {
  const { language: lang } = ctx;
  let overview: ReportingOverview;
  try {
    overview = (await get<ReportingOverview>(`/v1/municipalities/${enc(code)}/reporting-overview`)).body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && ctx.me.municipality === code) {
      replace(ctx.main, ctx.heading(t(lang, 'overviewTitle', code)), h('p', {}, t(lang, 'notPartner')));
      return;
    }
    throw error;
  }
  const partner = overview.partners[0];
  const name = partner?.name[lang] ?? partner?.name.en ?? code;
  const writes = ctx.me.permissions.includes('write_report');
  const deadlines = new Map(overview.quarters.map((quarter) => [quarter.period, quarter.deadline]));
  const rows = [...(partner?.cells ?? [])].reverse().filter((cell) => cell.status !== 'not_required');
  const h1 = ctx.heading(t(lang, 'overviewTitle', name));
  replace(ctx.main, h1,
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t(lang, 'overviewTitle', name) },
      h('table', {},
        h('caption', { class: 'visually-hidden' }, t(lang, 'overviewTitle', name)),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t(lang, 'quarter')),
          h('th', { scope: 'col' }, t(lang, 'deadline')),
          h('th', { scope: 'col' }, t(lang, 'status')),
          h('th', { scope: 'col', class: 'number' }, t(lang, 'feedback')),
          h('th', { scope: 'col' }, t(lang, 'action')))),
        h('tbody', {}, rows.map((cell) => {
          const filed = cell.revision !== undefined;
          const canFile = writes && cell.status !== 'not_open';
          return h('tr', { 'data-period': cell.period },
            h('th', { scope: 'row' }, cell.period),
            h('td', {}, deadlines.get(cell.period) ?? ''),
            h('td', {}, h('span', { class: statusClass(cell) }, statusText(lang, cell))),
            h('td', { class: 'number' }, filed ? String(cell.feedback ?? 0) : ''),
            h('td', {}, canFile
              ? h('a', { href: `#report/${code}/${cell.period}` }, t(lang, filed ? 'reviseReport' : 'fileReport', cell.period))
              : filed ? h('a', { href: `#review/${code}/${cell.period}` }, t(lang, 'openReport', cell.period)) : ''));
        })))));
  h1.focus();
}
