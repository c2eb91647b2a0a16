// One area (a municipality or Lithuania): every indicator for a chosen period, in a table.
import { h } from '../../common/dom';
import type { ViewContext } from '../context';
import { areaKey } from '../data';
import { areaTable, defaultPeriod, periodTypeOf, periodsWithRows } from '../model';
import { formatRoute, type Route } from '../route';
import { NATIONAL, PERIOD_TYPES } from '../types';
import { areaOptions, cellRow, downloads, figureRow, notice, periodGroups, periodLabel, select,
  snapshotDownloads } from './parts';

type AreaRoute = Extract<Route, { view: 'area' }>;

export async function areaView(context: ViewContext): Promise<{ title: string; content: Node[] }> {
  const { t, language, dictionary, latest } = context;
  const route = context.route as AreaRoute;
  const known = dictionary.areas.find((a) => a.code === route.area);
  const area = known ?? dictionary.areas.find((a) => a.code === NATIONAL) ?? dictionary.areas[0]!;
  const file = await context.source.area(latest, area.code);
  const periods = periodsWithRows(dictionary.periods, file.cells, PERIOD_TYPES);
  const period = route.period && periods.some((p) => p.period === route.period)
    ? route.period : defaultPeriod(file.cells, periods, PERIOD_TYPES);
  const name = area.name[language];
  const go = (change: Partial<AreaRoute>) => context.navigate({ ...route, area: area.code, period, ...change });

  const content: Node[] = [h('h1', { tabindex: -1 }, name)];
  if (route.area !== undefined && !known) content.push(notice(t.unknownArea, ''));
  content.push(h('form', { class: 'controls', onsubmit: (event: Event) => event.preventDefault() },
    select('area-select', t.areaSelect, area.code, [{ options: areaOptions(dictionary.areas, language) }],
      (value) => go({ area: value })),
    select('period-select', t.periodSelect, period, periodGroups(dictionary, file.cells, PERIOD_TYPES, language),
      (value) => go({ period: value }))));
  content.push(h('p', { class: 'hint' }, t.areaIntro));
  if (period !== undefined) {
    const periodText = periodLabel(dictionary, period, language);
    const groups = areaTable(dictionary, file.cells, period, language);
    for (const source of ['survey', 'monitoring'] as const) {
      const ofSource = groups.map((g) => ({ ...g, rows: g.rows.filter((r) => r.indicator.source === source) }))
        .filter((g) => g.rows.length > 0);
      if (ofSource.length === 0) continue;
      const caption = `${source === 'survey' ? t.survey : t.monitoring}: ${t.areaCaption(name, periodText)}`;
      const headingId = `area-${source}-heading`;
      content.push(h('section', { 'aria-labelledby': headingId },
        h('h2', { id: headingId }, source === 'survey' ? t.survey : t.monitoring),
        h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 },
          h('table', { class: 'figures area-figures' },
            h('caption', {}, caption),
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t.colIndicator),
              h('th', { scope: 'col', class: 'number' }, t.colValue),
              h('th', { scope: 'col', class: 'number' }, t.colInterval),
              h('th', { scope: 'col', class: 'number' }, source === 'survey' ? t.colN : 'n'),
              h('th', { scope: 'col' }, t.colStatus))),
            ofSource.map((group) => h('tbody', {},
              h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: 5 }, group.label)),
              group.rows.map(({ indicator, cell }) => {
                const link = h('a', { href: formatRoute({ view: 'indicator', indicator: indicator.id,
                  period: cell ? period : undefined, trendArea: area.code === NATIONAL ? undefined : area.code }) },
                indicator.label[language]);
                const row = cellRow(indicator.id, link, cell);
                if (!cell && !indicator.periodTypes.includes(periodTypeOf(period))) row.note = t.notForPeriod;
                return figureRow(t, language, indicator.decimals, row);
              })))))));
    }
  }
  content.push(downloads(t, [{ label: t.downloadAreaJson, key: areaKey(latest, area.code) }, ...snapshotDownloads(t, latest)]));
  return { title: name, content };
}
