// The ministry's grid: partner municipalities × quarters (GET /v1/reporting-overview?from&to), each cell's status
// in words and colour, linking to the report when filed.
import { h, replace } from '../../common/dom';
import { get, type ReportingOverview } from '../api';
import type { Context } from '../context';
import { quarterOf, quartersBetween, shiftQuarter, statusClass, statusText } from '../status';
import { t } from '../texts';
import { errorSummary } from '../ui';

const PERIOD = /^\d{4}-Q[1-4]$/;

export async function gridView(ctx: Context, fromText?: string, toText?: string): Promise<void> {
  const lang = ctx.language;
  const today = new Date().toISOString().slice(0, 10);
  const to = toText && PERIOD.test(toText) ? toText : quarterOf(today);
  const from = fromText && PERIOD.test(fromText) ? fromText : shiftQuarter(to, -3);
  const query = new URLSearchParams({ from, to });
  const overview = (await get<ReportingOverview>(`/v1/reporting-overview?${query}`)).body;
  const h1 = ctx.heading(t(lang, 'gridTitle'));
  const summary = h('div');
  const input = (id: 'from' | 'to', value: string) => h('div', { class: 'question inline' },
    h('label', { class: 'question-label', for: id }, t(lang, id)),
    h('input', { class: 'input period-input', id, name: id, value, 'aria-describedby': 'period-hint', spellcheck: 'false', autocomplete: 'off' }));
  replace(ctx.main, summary, h1,
    h('form', { class: 'period-filter', novalidate: true, onsubmit: (event: Event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const f = (form.elements.namedItem('from') as HTMLInputElement).value.trim().toUpperCase();
      const tt = (form.elements.namedItem('to') as HTMLInputElement).value.trim().toUpperCase();
      const count = PERIOD.test(f) && PERIOD.test(tt) ? quartersBetween(f, tt).length : 0;
      if (count < 1 || count > 12) {
        const bad = !PERIOD.test(f) || count < 1 ? 'from' : 'to';
        replace(summary, errorSummary(lang, new Map([[`/${bad}`, 'bad_format']]), () => t(lang, 'badPeriod')));
        document.getElementById(bad)?.setAttribute('aria-invalid', 'true');
        summary.querySelector('a')?.setAttribute('href', `#${bad}`);
        summary.querySelector('a')?.addEventListener('click', () => document.getElementById(bad)?.focus());
        summary.querySelector<HTMLElement>('.error-summary')?.focus();
        return;
      }
      ctx.go(`#grid/${f}/${tt}`);
    } },
    h('p', { class: 'hint', id: 'period-hint' }, t(lang, 'periodHint')),
    h('div', { class: 'filter-row' }, input('from', from), input('to', to),
      h('button', { type: 'submit', class: 'button secondary' }, t(lang, 'show')))),
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'grid-caption' },
      h('table', { class: 'grid' },
        h('caption', { id: 'grid-caption' }, t(lang, 'gridCaption', overview.today)),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t(lang, 'municipality')),
          overview.quarters.map((quarter) => h('th', { scope: 'col' }, quarter.period,
            h('span', { class: 'deadline' }, `${t(lang, 'deadline')}: ${quarter.deadline}`))))),
        h('tbody', {}, overview.partners.map((partner) => h('tr', { 'data-municipality': partner.municipality },
          h('th', { scope: 'row' }, partner.name[lang] ?? partner.name.en ?? partner.municipality),
          partner.cells.map((cell) => h('td', { class: statusClass(cell), 'data-period': cell.period, 'data-status': cell.status },
            cell.revision !== undefined
              ? h('a', { href: `#review/${partner.municipality}/${cell.period}` }, statusText(lang, cell))
              : statusText(lang, cell)))))))));
  h1.focus();
}
