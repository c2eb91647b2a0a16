// View models as plain functions of the snapshot's data: what to rank, what to draw, which period to show.
// No DOM here, so each rule is unit-tested (tests/unit/dashboard-model.test.ts).
import type { Language } from '../common/language';
import { NATIONAL, PERIOD_TYPES, type AreaEntry, type Cell, type Dictionary, type IndicatorEntry, type PeriodEntry,
  type PeriodType, type Status } from './types';

/** The periods of the given types, each type in chronological order, years first, then quarters, then months. */
export function periodsOf(periods: readonly PeriodEntry[], types: readonly PeriodType[]): PeriodEntry[] {
  const order = ['year', 'quarter', 'month'];
  return periods.filter((p) => types.includes(p.periodType))
    .slice()
    .sort((a, b) => order.indexOf(a.periodType) - order.indexOf(b.periodType) || a.start.localeCompare(b.start));
}

/**
 * The period shown when none is asked for: the latest year with a published figure, else the latest quarter
 * with one, else the latest month with one; with nothing published at all, the latest year (or the latest
 * period of the first type the indicator has).
 */
export function defaultPeriod(cells: readonly Cell[], periods: readonly PeriodEntry[],
  types: readonly PeriodType[] = PERIOD_TYPES): string | undefined {
  const published = new Set(cells.filter((c) => c.status === 'published').map((c) => `${c.periodType}/${c.period}`));
  for (const type of ['year', 'quarter', 'month'] as const) {
    if (!types.includes(type)) continue;
    const withData = periods.filter((p) => p.periodType === type && published.has(`${type}/${p.period}`));
    if (withData.length > 0) return latest(withData).period;
  }
  for (const type of ['year', 'quarter', 'month'] as const) {
    const ofType = periods.filter((p) => p.periodType === type && types.includes(type));
    if (ofType.length > 0) return latest(ofType).period;
  }
  return undefined;
}

function latest(periods: readonly PeriodEntry[]): PeriodEntry {
  return periods.reduce((a, b) => (b.start > a.start ? b : a));
}

/** The type of a period code: 2026 year, 2026-Q3 quarter, 2026-07 month. */
export function periodTypeOf(period: string): PeriodType {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  return 'month';
}

export interface RankRow {
  area: string;
  name: string;
  status: Status | 'missing';
  value?: number;
  ciLow?: number;
  ciHigh?: number;
  n?: number;
  lowReliability: boolean;
}

export interface Ranking {
  national?: RankRow;
  /** Municipalities with a published value, highest first (ties by name). */
  ranked: RankRow[];
  withheld: RankRow[];
  noResponses: RankRow[];
}

/** What a cell says: a figure only when published with a value; n never for a withheld one. */
function figureOf(cell: Cell | undefined): Omit<RankRow, 'area' | 'name'> {
  const published = cell?.status === 'published' && typeof cell.value === 'number';
  return {
    status: cell ? (cell.status === 'published' && !published ? 'withheld' : cell.status) : 'missing',
    value: published ? cell.value : undefined,
    ciLow: published ? cell.ciLow : undefined,
    ciHigh: published ? cell.ciHigh : undefined,
    n: cell?.status === 'withheld' ? undefined : cell?.n,
    lowReliability: published && cell.lowReliability === true,
  };
}

function row(cell: Cell | undefined, area: AreaEntry, language: Language): RankRow {
  return { area: area.code, name: area.name[language], ...figureOf(cell) };
}

/**
 * The municipalities of one period ordered by value. Only published figures are ranked: a withheld figure has
 * no value (it is never a 0) and goes into `withheld`; areas without respondents into `noResponses`.
 */
export function ranking(cells: readonly Cell[], period: string, areas: readonly AreaEntry[], language: Language): Ranking {
  const type = periodTypeOf(period);
  const byArea = new Map(cells.filter((c) => c.period === period && c.periodType === type).map((c) => [c.area, c]));
  const collator = new Intl.Collator(language);
  const result: Ranking = { ranked: [], withheld: [], noResponses: [] };
  for (const area of areas) {
    const r = row(byArea.get(area.code), area, language);
    if (area.code === NATIONAL) {
      result.national = r;
    } else if (r.value !== undefined) {
      result.ranked.push(r);
    } else if (r.status === 'no_responses') {
      result.noResponses.push(r);
    } else {
      result.withheld.push(r);
    }
  }
  result.ranked.sort((a, b) => (b.value! - a.value!) || collator.compare(a.name, b.name));
  result.withheld.sort((a, b) => collator.compare(a.name, b.name));
  result.noResponses.sort((a, b) => collator.compare(a.name, b.name));
  return result;
}

export interface TrendPoint {
  period: string;
  label: string;
  status: Status | 'missing';
  value?: number;
  ciLow?: number;
  ciHigh?: number;
  n?: number;
  lowReliability: boolean;
  /**
   * Consecutive published periods share a segment; every period without a published value (withheld, no
   * responses) ends one, so a line drawn per segment never bridges a gap.
   */
  segment: number;
}

/**
 * One area's figures over every period of a type that the indicator has rows for (the dictionary also lists
 * periods of other indicators, such as the monitoring calendar's), in order, gaps kept.
 */
export function trendSeries(cells: readonly Cell[], area: string, type: PeriodType, periods: readonly PeriodEntry[],
  language: Language): TrendPoint[] {
  const byPeriod = new Map(cells.filter((c) => c.area === area && c.periodType === type).map((c) => [c.period, c]));
  let segment = 0;
  let open = false;
  return periodsWithRows(periods, cells, [type]).map((p) => {
    const cell = byPeriod.get(p.period);
    const published = cell?.status === 'published' && typeof cell.value === 'number';
    if (published && !open) {
      segment += 1;
      open = true;
    } else if (!published) {
      open = false;
    }
    return {
      period: p.period,
      label: p.label[language],
      ...figureOf(cell),
      segment: published ? segment : 0,
    };
  });
}

/** The periods of the given types for which the cells hold rows (of any status, any area), in periodsOf's order. */
export function periodsWithRows(periods: readonly PeriodEntry[], cells: readonly Cell[],
  types: readonly PeriodType[]): PeriodEntry[] {
  const present = new Set(cells.map((c) => `${c.periodType}/${c.period}`));
  return periodsOf(periods, types).filter((p) => present.has(`${p.periodType}/${p.period}`));
}

/** Whether any figure of the cells is published. */
export function hasPublished(cells: readonly Cell[]): boolean {
  return cells.some((c) => c.status === 'published' && typeof c.value === 'number');
}

export interface AreaGroup {
  domain: string;
  label: string;
  rows: { indicator: IndicatorEntry; cell?: Cell }[];
}

/**
 * An area's figures for one period, by domain in the dictionary's order. An indicator that has no figures for
 * the period's type (monitoring figures have no months) is listed with no cell.
 */
export function areaTable(dictionary: Pick<Dictionary, 'indicators'>, cells: readonly Cell[], period: string,
  language: Language): AreaGroup[] {
  const type = periodTypeOf(period);
  const byIndicator = new Map(cells.filter((c) => c.period === period && c.periodType === type)
    .map((c) => [c.indicator, c]));
  const groups: AreaGroup[] = [];
  for (const indicator of dictionary.indicators) {
    let group = groups.find((g) => g.domain === indicator.domain);
    if (!group) {
      group = { domain: indicator.domain, label: indicator.domainLabel[language], rows: [] };
      groups.push(group);
    }
    group.rows.push({ indicator, cell: byIndicator.get(indicator.id) });
  }
  return groups;
}

/** The trend's period type: the one asked for when the indicator has it, else the type of the chosen period. */
export function trendType(indicator: Pick<IndicatorEntry, 'periodTypes'>, asked: PeriodType | undefined,
  period: string | undefined): PeriodType {
  if (asked && indicator.periodTypes.includes(asked)) return asked;
  const ofPeriod = period ? periodTypeOf(period) : undefined;
  if (ofPeriod === 'year') {
    // one point per year says little: show the quarters of the years instead
    if (indicator.periodTypes.includes('quarter')) return 'quarter';
  }
  if (ofPeriod && indicator.periodTypes.includes(ofPeriod)) return ofPeriod;
  return indicator.periodTypes.includes('quarter') ? 'quarter' : indicator.periodTypes[0] ?? 'year';
}
