// Pieces several views share: labelled selects, tables of figures, download links, a chart in a figure.
import { h } from '../../common/dom';
import type { Language } from '../../common/language';
import { fileUrl } from '../data';
import { formatCount, formatInterval, formatNumber } from '../format';
import type { Texts } from '../texts';
import type { AreaEntry, Cell, Dictionary, PeriodEntry, PeriodType, Status } from '../types';
import { NATIONAL } from '../types';
import { periodsWithRows } from '../model';

export interface Option {
  value: string;
  label: string;
}

/** A select with its visible label; changing it calls `change` with the value. */
export function select(id: string, label: string, value: string | undefined,
  groups: { label?: string; options: Option[] }[], change: (value: string) => void): HTMLElement {
  const control = h('select', { id, name: id, class: 'select', onchange: (event: Event) => change((event.target as HTMLSelectElement).value) },
    groups.map((group) => {
      const options = group.options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label));
      return group.label ? h('optgroup', { label: group.label }, options) : options;
    }).flat());
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** The periods the cells have rows for, as select groups (years, quarters, months), newest first. */
export function periodGroups(dictionary: Dictionary, cells: readonly Cell[], types: readonly PeriodType[],
  language: Language): { label: string; options: Option[] }[] {
  return (['year', 'quarter', 'month'] as const).filter((type) => types.includes(type)).map((type) => ({
    label: dictionary.periodTypes[type]?.[language] ?? type,
    options: periodsWithRows(dictionary.periods, cells, [type]).reverse()
      .map((p: PeriodEntry) => ({ value: p.period, label: p.label[language] })),
  })).filter((group) => group.options.length > 0);
}

/** Lithuania first, then the municipalities in the language's alphabetical order. */
export function areaOptions(areas: readonly AreaEntry[], language: Language): Option[] {
  const collator = new Intl.Collator(language);
  const national = areas.filter((a) => a.code === NATIONAL);
  const municipalities = areas.filter((a) => a.code !== NATIONAL)
    .sort((a, b) => collator.compare(a.name[language], b.name[language]));
  return [...national, ...municipalities].map((a) => ({ value: a.code, label: a.name[language] }));
}

export function periodLabel(dictionary: Dictionary, period: string, language: Language): string {
  return dictionary.periods.find((p) => p.period === period)?.label[language] ?? period;
}

export function statusText(t: Texts, status: Status | 'missing', lowReliability: boolean): string {
  switch (status) {
    case 'published': return lowReliability ? t.lowReliability : '';
    case 'withheld': return t.statusWithheld;
    case 'no_responses': return t.statusNoResponses;
    default: return t.statusMissing;
  }
}

export interface FigureRow {
  key: string;
  header: string | Node;
  status: Status | 'missing';
  value?: number;
  ciLow?: number;
  ciHigh?: number;
  n?: number;
  lowReliability: boolean;
  /** Said instead of the status's word (e.g. why there is no figure). */
  note?: string;
}

/** A table of figures: the first column names each row (row headers), then value, interval, n and a note. */
export function figuresTable(t: Texts, language: Language, caption: string, firstColumn: string, decimals: number,
  rows: FigureRow[], nLabel = t.colN): HTMLElement {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: 'figures' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, firstColumn),
        h('th', { scope: 'col', class: 'number' }, t.colValue),
        h('th', { scope: 'col', class: 'number' }, t.colInterval),
        h('th', { scope: 'col', class: 'number' }, nLabel),
        h('th', { scope: 'col' }, t.colStatus))),
      h('tbody', {}, rows.map((r) => figureRow(t, language, decimals, r)))));
}

export function figureRow(t: Texts, language: Language, decimals: number, r: FigureRow): HTMLTableRowElement {
  const note = r.note ?? statusText(t, r.status, r.lowReliability);
  return h('tr', { 'data-key': r.key, 'data-status': r.status },
    h('th', { scope: 'row' }, r.header),
    h('td', { class: 'number', 'data-value': r.value === undefined ? null : String(r.value) },
      r.value === undefined ? (r.status === 'withheld' ? t.statusWithheld : '–') : formatNumber(r.value, decimals, language)),
    h('td', { class: 'number' }, formatInterval(r.ciLow, r.ciHigh, decimals, language)),
    h('td', { class: 'number' }, formatCount(r.n, language)),
    h('td', { class: r.status === 'withheld' ? 'status withheld' : 'status' }, note));
}

export function cellRow(key: string, header: string | Node, cell: Cell | undefined): FigureRow {
  const published = cell?.status === 'published' && typeof cell.value === 'number';
  return {
    key,
    header,
    status: cell ? (cell.status === 'published' && !published ? 'withheld' : cell.status) : 'missing',
    value: published ? cell.value : undefined,
    ciLow: published ? cell.ciLow : undefined,
    ciHigh: published ? cell.ciHigh : undefined,
    n: cell?.status === 'withheld' ? undefined : cell?.n,
    lowReliability: published && cell.lowReliability === true,
  };
}

/** A chart in a figure with its caption and notes, redrawn when its width changes; the table follows in a disclosure. */
export function chartFigure(caption: string, draw: (width: number) => SVGSVGElement, notes: string[],
  table: HTMLElement, showTable: string): HTMLElement {
  const holder = h('div', { class: 'chart-holder' });
  let drawnWidth = 0;
  const redraw = () => {
    const width = Math.max(300, Math.min(900, Math.floor(holder.clientWidth || 340)));
    if (Math.abs(width - drawnWidth) < 16) return;
    drawnWidth = width;
    holder.replaceChildren(draw(width));
  };
  // drawn once the holder is laid out in the document with a width, and again when the width changes
  // (rotating a phone); without ResizeObserver, once at a phone's width
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => redraw()).observe(holder);
  } else {
    queueMicrotask(redraw);
  }
  return h('div', { class: 'chart-block' },
    h('figure', { class: 'chart-figure' },
      holder,
      h('figcaption', {}, h('span', { class: 'caption' }, caption),
        notes.length > 0 ? h('ul', { class: 'chart-notes' }, notes.map((note) => h('li', {}, note))) : null)),
    h('details', { class: 'table-view' }, h('summary', {}, showTable), table));
}

export interface Download {
  label: string;
  key: string;
}

export function downloads(t: Texts, items: Download[]): HTMLElement {
  return h('section', { class: 'downloads', 'aria-labelledby': 'downloads-heading' },
    h('h2', { id: 'downloads-heading' }, t.downloads),
    h('ul', {}, items.map((item) => h('li', {}, h('a', { href: fileUrl(item.key), download: true }, item.label)))));
}

export function snapshotDownloads(t: Texts, latest: { csv: string; indicators: string; dictionary: string;
  datapackage: string; manifest: string; quality?: string; weighted?: string }): Download[] {
  const items = [
    { label: t.downloadAllCsv, key: latest.csv },
    { label: t.downloadAllJson, key: latest.indicators },
    { label: t.downloadDictionary, key: latest.dictionary },
    { label: t.downloadDatapackage, key: latest.datapackage },
    { label: t.downloadManifest, key: latest.manifest },
  ];
  if (latest.quality) items.push({ label: t.downloadQuality, key: latest.quality });
  if (latest.weighted) items.push({ label: t.downloadWeighted, key: latest.weighted });
  return items;
}

/** The ministry's reports (HTML, opened rather than downloaded), named by questionnaire, version and language. */
export function reportLinks(t: Texts, reports: string[] | undefined): HTMLElement | null {
  const parsed = (reports ?? []).map((key) => ({ key, match: /reports\/(.+)-v(\d+)\.([a-z]{2})\.html$/.exec(key) }))
    .filter((report) => report.match !== null);
  if (parsed.length === 0) return null;
  return h('section', { class: 'downloads', 'aria-labelledby': 'reports-heading' },
    h('h2', { id: 'reports-heading' }, t.reports),
    h('p', {}, t.reportsIntro),
    h('ul', {}, parsed.map((report) => {
      const [, instrument, version, language] = report.match as RegExpExecArray;
      return h('li', {}, h('a', { href: fileUrl(report.key), hreflang: language },
        `${instrument}, v${version} (${language.toUpperCase()})`));
    })));
}

export function notice(title: string, text: string, kind = ''): HTMLElement {
  return h('div', { class: `notice ${kind}`.trim(), role: kind === 'error' ? 'alert' : null },
    h('p', { class: 'notice-title' }, title), text ? h('p', {}, text) : null);
}
