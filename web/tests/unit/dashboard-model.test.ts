import { describe, expect, test } from 'vitest';
import { areaTable, defaultPeriod, periodTypeOf, ranking, trendSeries, trendType } from '../../src/dashboard/model';
import type { AreaEntry, Cell, IndicatorEntry, PeriodEntry, PeriodType } from '../../src/dashboard/types';

const label = (text: string) => ({ lt: text, en: text, uk: text, ru: text });

function period(periodType: PeriodType, code: string, start: string): PeriodEntry {
  return { periodType, period: code, start, end: start, label: label(`P ${code}`) };
}

const PERIODS: PeriodEntry[] = [
  period('month', '2026-01', '2026-01-01'), period('month', '2026-02', '2026-02-01'),
  period('month', '2026-03', '2026-03-01'), period('month', '2026-04', '2026-04-01'),
  period('month', '2026-05', '2026-05-01'),
  period('quarter', '2026-Q1', '2026-01-01'), period('quarter', '2026-Q2', '2026-04-01'),
  period('year', '2026', '2026-01-01'),
];

const AREAS: AreaEntry[] = [
  { code: 'LT', name: label('Lithuania') },
  { code: 'LT-01', name: label('Akmenė') },
  { code: 'LT-15', name: label('Kaunas') },
  { code: 'LT-57', name: label('Vilnius') },
  { code: 'LT-60', name: label('Zarasai') },
];

function cell(area: string, periodType: PeriodType, code: string, status: Cell['status'], value?: number,
  extra: Partial<Cell> = {}): Cell {
  const published = status === 'published';
  return {
    indicator: 'x', area, periodType, period: code, status, suppressed: status === 'withheld',
    ...(published ? { value, n: 100, ciLow: value! - 5, ciHigh: value! + 5, lowReliability: false } : {}),
    ...(status === 'no_responses' ? { n: 0 } : {}),
    ...extra,
  };
}

describe('ranking', () => {
  const cells = [
    cell('LT', 'year', '2026', 'published', 50),
    cell('LT-01', 'year', '2026', 'withheld'),
    cell('LT-15', 'year', '2026', 'published', 40, { lowReliability: true, n: 25 }),
    cell('LT-57', 'year', '2026', 'published', 60),
    cell('LT-60', 'year', '2026', 'no_responses'),
    cell('LT-57', 'quarter', '2026-Q1', 'published', 99),
  ];

  test('ranks only published municipalities, highest first, and keeps Lithuania apart', () => {
    const result = ranking(cells, '2026', AREAS, 'en');
    expect(result.ranked.map((r) => r.area)).toEqual(['LT-57', 'LT-15']);
    expect(result.national?.value).toBe(50);
    expect(result.ranked[1]!.lowReliability).toBe(true);
  });

  test('a withheld figure is never ranked and never becomes 0', () => {
    const result = ranking(cells, '2026', AREAS, 'en');
    expect(result.withheld.map((r) => r.area)).toEqual(['LT-01']);
    expect(result.withheld[0]!.value).toBeUndefined();
    expect(result.withheld[0]!.n).toBeUndefined();
    expect(result.noResponses.map((r) => r.area)).toEqual(['LT-60']);
  });

  test('only the period asked for counts, by its type', () => {
    const result = ranking(cells, '2026-Q1', AREAS, 'en');
    expect(result.ranked.map((r) => r.value)).toEqual([99]);
    expect(result.national?.status).toBe('missing');
  });

  test('a "published" row without a value is treated as withheld, not as 0', () => {
    const odd = [{ ...cell('LT-57', 'year', '2026', 'published', 1), value: undefined }];
    const result = ranking(odd, '2026', AREAS, 'en');
    expect(result.ranked).toEqual([]);
    expect(result.withheld.map((r) => r.area)).toContain('LT-57');
  });
});

describe('trendSeries', () => {
  const cells = [
    cell('LT', 'month', '2026-01', 'published', 10),
    cell('LT', 'month', '2026-02', 'published', 12),
    cell('LT', 'month', '2026-03', 'withheld'),
    cell('LT', 'month', '2026-04', 'published', 14, { lowReliability: true }),
    cell('LT', 'month', '2026-05', 'no_responses'),
    cell('LT-57', 'month', '2026-03', 'published', 99),
  ];

  test('every period of the type, in order, with gaps kept', () => {
    const series = trendSeries(cells, 'LT', 'month', PERIODS, 'en');
    expect(series.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(series.map((p) => p.status)).toEqual(['published', 'published', 'withheld', 'published', 'no_responses']);
    expect(series[2]!.value).toBeUndefined();
  });

  test('the line breaks at a withheld period: the points on either side are in different segments', () => {
    const series = trendSeries(cells, 'LT', 'month', PERIODS, 'en');
    expect(series[0]!.segment).toBe(series[1]!.segment);
    expect(series[3]!.segment).not.toBe(series[1]!.segment);
    expect(series[3]!.lowReliability).toBe(true);
  });

  test('a period without a row at all is a gap too', () => {
    const others = [...cells.filter((c) => c.period !== '2026-02'), cell('LT-57', 'month', '2026-02', 'withheld')];
    const series = trendSeries(others, 'LT', 'month', PERIODS, 'en');
    expect(series[1]!.status).toBe('missing');
    expect(series[0]!.segment).not.toBe(series[3]!.segment);
  });

  test('quarters are their own series; periods the indicator has no rows for are left out', () => {
    const series = trendSeries([cell('LT', 'quarter', '2026-Q2', 'published', 3)], 'LT', 'quarter', PERIODS, 'en');
    expect(series.map((p) => [p.period, p.value])).toEqual([['2026-Q2', 3]]);
  });

  test('a period with rows for other areas only is a gap of this area, not left out', () => {
    const series = trendSeries([cell('LT', 'quarter', '2026-Q2', 'published', 3), cell('LT-57', 'quarter', '2026-Q1', 'withheld')],
      'LT', 'quarter', PERIODS, 'en');
    expect(series.map((p) => [p.period, p.status])).toEqual([['2026-Q1', 'missing'], ['2026-Q2', 'published']]);
  });
});

describe('defaultPeriod', () => {
  test('the latest year with a published figure', () => {
    expect(defaultPeriod([cell('LT', 'year', '2026', 'published', 1), cell('LT', 'quarter', '2026-Q2', 'published', 1)],
      PERIODS)).toBe('2026');
  });

  test('else the latest quarter with one, then the latest month', () => {
    const cells = [cell('LT', 'year', '2026', 'withheld'), cell('LT-57', 'quarter', '2026-Q1', 'published', 1),
      cell('LT', 'month', '2026-05', 'published', 1)];
    expect(defaultPeriod(cells, PERIODS)).toBe('2026-Q1');
    expect(defaultPeriod([cell('LT', 'month', '2026-02', 'published', 1)], PERIODS)).toBe('2026-02');
  });

  test('with nothing published, the latest year; and only types the indicator has', () => {
    expect(defaultPeriod([cell('LT', 'year', '2026', 'withheld')], PERIODS)).toBe('2026');
    expect(defaultPeriod([cell('LT', 'year', '2026', 'published', 1)], PERIODS, ['quarter'])).toBe('2026-Q2');
    expect(defaultPeriod([], [])).toBeUndefined();
  });
});

describe('period types', () => {
  test('read from the code', () => {
    expect(periodTypeOf('2026')).toBe('year');
    expect(periodTypeOf('2026-Q3')).toBe('quarter');
    expect(periodTypeOf('2026-07')).toBe('month');
  });

  test('the trend shows quarters for a year, the type asked for when the indicator has it', () => {
    const survey = { periodTypes: ['month', 'quarter', 'year'] as PeriodType[] };
    const monitoring = { periodTypes: ['quarter', 'year'] as PeriodType[] };
    expect(trendType(survey, undefined, '2026')).toBe('quarter');
    expect(trendType(survey, undefined, '2026-03')).toBe('month');
    expect(trendType(survey, 'year', '2026-03')).toBe('year');
    expect(trendType(monitoring, 'month', '2026')).toBe('quarter');
  });
});

describe('areaTable', () => {
  const indicator = (id: string, domain: string): IndicatorEntry => ({
    id, label: label(id), source: 'survey', domain, domainLabel: label(domain), type: 'share', unit: 'percent',
    unitLabel: label('%'), periodTypes: ['month', 'quarter', 'year'], decimals: 1,
  });

  test('every indicator of the dictionary, grouped by domain in order, with its cell for the period or none', () => {
    const dictionary = { indicators: [indicator('a', 'd1'), indicator('b', 'd2'), indicator('c', 'd1')] };
    const cells = [{ ...cell('LT-57', 'year', '2026', 'published', 5), indicator: 'a' },
      { ...cell('LT-57', 'quarter', '2026-Q1', 'published', 7), indicator: 'c' }];
    const groups = areaTable(dictionary, cells, '2026', 'en');
    expect(groups.map((g) => [g.domain, g.rows.map((r) => r.indicator.id)])).toEqual([['d1', ['a', 'c']], ['d2', ['b']]]);
    expect(groups[0]!.rows[0]!.cell?.value).toBe(5);
    expect(groups[0]!.rows[1]!.cell).toBeUndefined();
  });
});
