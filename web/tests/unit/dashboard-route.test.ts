import { describe, expect, test } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../src/dashboard/route';

describe('routes in the hash', () => {
  test('the indicator view, with period, trend type and area', () => {
    expect(parseRoute('#indicator=info_know_where_pct&period=2026')).toEqual(
      { view: 'indicator', indicator: 'info_know_where_pct', period: '2026' });
    expect(parseRoute('#indicator=x&period=2026-Q3&trend=month&trendArea=LT-57')).toEqual(
      { view: 'indicator', indicator: 'x', period: '2026-Q3', trend: 'month', trendArea: 'LT-57' });
  });

  test('the municipality view and the methodology', () => {
    expect(parseRoute('#area=LT-57')).toEqual({ view: 'area', area: 'LT-57' });
    expect(parseRoute('#area=LT-57&period=2026-07')).toEqual({ view: 'area', area: 'LT-57', period: '2026-07' });
    expect(parseRoute('#methodology')).toEqual({ view: 'methodology' });
  });

  test('no hash: the indicator view with defaults; the query string when the hash is empty', () => {
    expect(parseRoute('')).toEqual({ view: 'indicator' });
    expect(parseRoute('#')).toEqual({ view: 'indicator' });
    expect(parseRoute('', '?area=LT-01')).toEqual({ view: 'area', area: 'LT-01' });
    expect(parseRoute('#methodology', '?area=LT-01')).toEqual({ view: 'methodology' });
  });

  test('values that are not codes or periods are dropped, not passed on', () => {
    expect(parseRoute('#indicator=<script>&period=last&trend=week')).toEqual({ view: 'indicator' });
    expect(parseRoute('#area=LT%2057')).toEqual({ view: 'area' });
  });

  test('formatting and parsing agree', () => {
    const routes: Route[] = [
      { view: 'indicator' },
      { view: 'indicator', indicator: 'a_b', period: '2026-Q1', trend: 'quarter', trendArea: 'LT-02' },
      { view: 'area', area: 'LT-57', period: '2026' },
      { view: 'area' },
      { view: 'methodology' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ view: 'indicator', indicator: 'info_know_where_pct', period: '2026' }))
      .toBe('#indicator=info_know_where_pct&period=2026');
  });
});
