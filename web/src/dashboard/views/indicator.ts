// One indicator: Lithuania's value, the municipalities ranked with their intervals, the figures over time.
import { h } from '../../common/dom';
import { formatCount, formatInterval, formatNumber } from '../format';
import type { ViewContext } from '../context';
import { rankingChart, trendChart } from '../charts';
import { defaultPeriod, hasPublished, periodsWithRows, ranking, trendSeries, trendType, type RankRow } from '../model';
import { formatRoute, type Route } from '../route';
import { indicatorKey } from '../data';
import { NATIONAL, type IndicatorEntry, type IndicatorFile, type PeriodType } from '../types';
import { areaOptions, chartFigure, downloads, figuresTable, notice, periodGroups, periodLabel, select,
  snapshotDownloads, type FigureRow } from './parts';

type IndicatorRoute = Extract<Route, { view: 'indicator' }>;

export async function indicatorView(context: ViewContext): Promise<{ title: string; content: Node[] }> {
  const { t, language, dictionary, latest } = context;
  const route = context.route as IndicatorRoute;
  const known = dictionary.indicators.find((i) => i.id === route.indicator);
  const entry: IndicatorEntry | undefined = known ?? dictionary.indicators[0];
  if (!entry) return { title: t.navIndicator, content: [h('h1', { tabindex: -1 }, t.navIndicator), notice(t.allWithheld, '')] };
  const file = await context.source.indicator(latest, entry.id);
  const indicator = { ...entry, ...file.indicator };
  const label = indicator.label[language];
  const periodsOfIndicator = periodsWithRows(dictionary.periods, file.cells, indicator.periodTypes);
  const period = route.period && periodsOfIndicator.some((p) => p.period === route.period)
    ? route.period : defaultPeriod(file.cells, periodsOfIndicator, indicator.periodTypes);
  const go = (change: Partial<IndicatorRoute>) => context.navigate({ ...route, indicator: indicator.id, period, ...change });

  const content: Node[] = [h('h1', { tabindex: -1 }, label)];
  if (route.indicator !== undefined && !known) content.push(notice(t.unknownIndicator, ''));
  content.push(controls(context, indicator, file.cells, period, go));
  content.push(h('p', { class: 'hint' }, `${t.unit}: ${indicator.unitLabel[language]}`));

  if (!hasPublished(file.cells) || period === undefined) {
    content.push(notice(t.allWithheld, ''));
  } else {
    const periodText = periodLabel(dictionary, period, language);
    const rank = ranking(file.cells, period, dictionary.areas, language);
    content.push(headline(context, indicator, rank.national, periodText));
    if (indicator.source === 'survey' && dictionary.sampleNote?.[language]) {
      content.push(h('p', { class: 'sample-note' }, dictionary.sampleNote[language], ' ',
        h('a', { href: formatRoute({ view: 'methodology' }) }, t.readMethodology)));
    }
    content.push(rankingSection(context, indicator, rank, periodText));
    content.push(trendSection(context, indicator, file, route, period, go));
  }
  content.push(definition(context, indicator));
  content.push(downloads(t, [
    { label: t.downloadIndicatorCsv, key: indicatorKey(latest, indicator.id, 'csv') },
    { label: t.downloadIndicatorJson, key: indicatorKey(latest, indicator.id, 'json') },
    ...snapshotDownloads(t, latest),
  ]));
  return { title: label, content };
}

function controls(context: ViewContext, indicator: IndicatorEntry, cells: IndicatorFile['cells'], period: string | undefined,
  go: (change: Partial<IndicatorRoute>) => void): HTMLElement {
  const { t, language, dictionary } = context;
  const domains: { label: string; options: { value: string; label: string }[] }[] = [];
  for (const entry of dictionary.indicators) {
    const domain = entry.domainLabel[language];
    let group = domains.find((g) => g.label === domain);
    if (!group) domains.push(group = { label: domain, options: [] });
    group.options.push({ value: entry.id, label: entry.label[language] });
  }
  return h('form', { class: 'controls', onsubmit: (event: Event) => event.preventDefault() },
    select('indicator-select', t.indicatorSelect, indicator.id, domains,
      (value) => go({ indicator: value, period: undefined, trend: undefined })),
    select('period-select', t.periodSelect, period, periodGroups(dictionary, cells, indicator.periodTypes, language),
      (value) => go({ period: value })));
}

function headline(context: ViewContext, indicator: IndicatorEntry, national: RankRow | undefined,
  periodText: string): HTMLElement {
  const { t, language } = context;
  const value = national?.value;
  const nLabel = indicator.source === 'monitoring' ? 'n' : t.colN;
  return h('div', { class: 'headline', 'data-testid': 'national' },
    h('p', { class: 'headline-label' }, t.nationalValue(periodText)),
    h('p', { class: 'headline-value', 'data-value': value === undefined ? null : String(value),
      'data-status': national?.status ?? 'missing' },
      value === undefined
        ? (national?.status === 'no_responses' ? t.statusNoResponses : t.statusWithheld)
        : formatNumber(value, indicator.decimals, language)),
    value === undefined ? null : h('p', { class: 'headline-detail' },
      [national?.ciLow !== undefined ? `${t.colInterval}: ${formatInterval(national.ciLow, national.ciHigh, indicator.decimals, language)}` : '',
        `${nLabel}: ${formatCount(national?.n, language)}`,
        national?.lowReliability ? t.lowReliability : ''].filter((part) => part !== '').join(' · ')));
}

function rankingSection(context: ViewContext, indicator: IndicatorEntry, rank: ReturnType<typeof ranking>,
  periodText: string): HTMLElement {
  const { t, language } = context;
  const label = indicator.label[language];
  const heading = t.rankingHeading(periodText);
  const rows: FigureRow[] = [];
  const asRow = (r: RankRow): FigureRow => ({ ...r, key: r.area, header: r.name });
  if (rank.national) rows.push(asRow(rank.national));
  rows.push(...rank.ranked.map(asRow), ...rank.withheld.map(asRow), ...rank.noResponses.map(asRow));
  const table = figuresTable(t, language, t.rankingCaption(label, periodText), t.colArea, indicator.decimals, rows,
    indicator.source === 'monitoring' ? 'n' : t.colN);
  const counts = [
    rank.withheld.length > 0 ? t.withheldAreas(rank.withheld.length) : '',
    rank.noResponses.length > 0 ? t.noResponseAreas(rank.noResponses.length) : '',
  ].filter((s) => s !== '');
  const section = h('section', { class: 'ranking', 'aria-labelledby': 'ranking-heading' },
    h('h2', { id: 'ranking-heading' }, heading));
  if (rank.ranked.length === 0) {
    section.append(notice(t.noneRankedInPeriod, counts.join(' ')), table);
    return section;
  }
  const format = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, indicator.decimals, language));
  const alt = t.rankingAlt(label, periodText, rank.ranked.length,
    `${rank.ranked[0]!.name} ${format(rank.ranked[0]!.value)}`,
    `${rank.ranked[rank.ranked.length - 1]!.name} ${format(rank.ranked[rank.ranked.length - 1]!.value)}`,
    format(rank.national?.value));
  const notes = [
    rank.national?.value !== undefined ? t.nationalLegend : '',
    rank.ranked.some((r) => r.lowReliability) ? t.lowReliabilityLegend : '',
    ...counts,
    counts.length > 0 ? t.withheldNote : '',
  ].filter((s) => s !== '');
  section.append(h('p', { class: 'hint' }, t.rankingHelp),
    chartFigure(t.rankingCaption(label, periodText), (width) => rankingChart({
      rows: rank.ranked, national: rank.national?.value, nationalLabel: t.lithuania, decimals: indicator.decimals,
      unitLabel: indicator.unitLabel[language], lowReliabilityWord: t.lowReliability, language, label: alt,
    }, width), notes, table, t.showTable));
  return section;
}

function trendSection(context: ViewContext, indicator: IndicatorEntry, file: IndicatorFile, route: IndicatorRoute,
  period: string, go: (change: Partial<IndicatorRoute>) => void): HTMLElement {
  const { t, language, dictionary } = context;
  const type = trendType(indicator, route.trend, period);
  const area = route.trendArea && dictionary.areas.some((a) => a.code === route.trendArea) ? route.trendArea : NATIONAL;
  const areaName = dictionary.areas.find((a) => a.code === area)?.name[language] ?? area;
  const points = trendSeries(file.cells, area, type, dictionary.periods, language);
  const label = indicator.label[language];
  const published = points.filter((p) => p.value !== undefined);
  const section = h('section', { class: 'trend', 'aria-labelledby': 'trend-heading' },
    h('h2', { id: 'trend-heading' }, t.trendHeading(areaName)),
    h('form', { class: 'controls', onsubmit: (event: Event) => event.preventDefault() },
      select('trend-area-select', t.trendAreaSelect, area, [{ options: areaOptions(dictionary.areas, language) }],
        (value) => go({ trendArea: value === NATIONAL ? undefined : value })),
      typeSwitch(context, indicator.periodTypes, type, (value) => go({ trend: value }))));
  const table = figuresTable(t, language, t.trendCaption(label, areaName), t.colPeriod, indicator.decimals,
    points.map((p) => cellRowOf(p)), indicator.source === 'monitoring' ? 'n' : t.colN);
  if (published.length === 0) {
    section.append(notice(t.noTrend, ''), table);
    return section;
  }
  const format = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, indicator.decimals, language));
  const first = published[0]!;
  const last = published[published.length - 1]!;
  const alt = t.trendAlt(label, areaName, published.length, points.length, `${first.label} ${format(first.value)}`,
    `${last.label} ${format(last.value)}`);
  const notes = [
    t.gapNote,
    points.some((p) => p.status === 'withheld') ? t.withheldLegend : '',
    published.some((p) => p.lowReliability) ? t.lowReliabilityLegend : '',
  ].filter((s) => s !== '');
  section.append(h('p', { class: 'hint' }, t.trendHelp),
    chartFigure(t.trendCaption(label, areaName), (width) => trendChart({
      points, decimals: indicator.decimals, unitLabel: indicator.unitLabel[language], language, label: alt,
    }, width), notes, table, t.showTable));
  return section;
  function cellRowOf(p: ReturnType<typeof trendSeries>[number]): FigureRow {
    return { ...p, key: p.period, header: p.label };
  }
}

function typeSwitch(context: ViewContext, types: readonly PeriodType[], current: PeriodType,
  choose: (type: PeriodType) => void): HTMLElement {
  const { t, language, dictionary } = context;
  return h('fieldset', { class: 'type-switch' },
    h('legend', {}, t.trendTypeLegend),
    h('div', { class: 'type-options' }, types.map((type) => h('div', { class: 'type-option' },
      h('input', { type: 'radio', name: 'trend-type', id: `trend-type-${type}`, value: type, checked: type === current,
        onchange: () => choose(type) }),
      h('label', { for: `trend-type-${type}` }, dictionary.periodTypes[type]?.[language] ?? type)))));
}

function definition(context: ViewContext, indicator: IndicatorEntry): HTMLElement {
  const { t } = context;
  const parts = [indicator.formulaInWords, indicator.denominator, indicator.formula, indicator.interval]
    .filter((part): part is string => typeof part === 'string' && part !== '');
  return h('details', { class: 'definition' }, h('summary', {}, t.definition),
    h('div', { lang: 'en' }, parts.map((part) => h('p', {}, part))));
}

