// Views are addressed by the URL's hash, so they can be linked and the browser's back button works:
//   #indicator=info_know_where_pct&period=2026&trend=month&trendArea=LT-57
//   #area=LT-57&period=2026-Q3
//   #methodology
// A query string (?indicator=...) is read too, for links written by hand; the hash wins.
import { PERIOD_TYPES, type PeriodType } from './types';

export type Route =
  | { view: 'indicator'; indicator?: string; period?: string; trend?: PeriodType; trendArea?: string }
  | { view: 'area'; area?: string; period?: string }
  | { view: 'methodology' };

const CODE = /^[A-Za-z0-9_-]{1,80}$/;
const PERIOD = /^\d{4}(-\d{2}|-Q[1-4])?$/;

function code(value: string | null): string | undefined {
  return value !== null && CODE.test(value) ? value : undefined;
}

function period(value: string | null): string | undefined {
  return value !== null && PERIOD.test(value) ? value : undefined;
}

function periodType(value: string | null): PeriodType | undefined {
  return (PERIOD_TYPES as readonly string[]).includes(value ?? '') ? (value as PeriodType) : undefined;
}

/** Reads a route from a hash ("#a=b&c=d") or, when the hash says nothing, from a query string. */
export function parseRoute(hash: string, search = ''): Route {
  const fromHash = hash.replace(/^#/, '');
  const params = new URLSearchParams(fromHash !== '' ? fromHash : search.replace(/^\?/, ''));
  if (params.has('methodology')) return { view: 'methodology' };
  if (params.has('area') && !params.has('indicator')) {
    return clean({ view: 'area', area: code(params.get('area')), period: period(params.get('period')) });
  }
  return clean({
    view: 'indicator',
    indicator: code(params.get('indicator')),
    period: period(params.get('period')),
    trend: periodType(params.get('trend')),
    trendArea: code(params.get('trendArea')),
  });
}

/** The hash of a route; parseRoute(formatRoute(r)) equals r. */
export function formatRoute(route: Route): string {
  if (route.view === 'methodology') return '#methodology';
  const params = new URLSearchParams();
  if (route.view === 'area') {
    if (route.area) params.set('area', route.area);
    else params.set('area', '');
    if (route.period) params.set('period', route.period);
  } else {
    if (route.indicator) params.set('indicator', route.indicator);
    if (route.period) params.set('period', route.period);
    if (route.trend) params.set('trend', route.trend);
    if (route.trendArea) params.set('trendArea', route.trendArea);
  }
  const text = params.toString();
  return text === '' ? '#' : '#' + text;
}

/** Drops keys whose value is undefined, so routes compare and print cleanly. */
function clean<T extends Route>(route: T): T {
  for (const key of Object.keys(route) as (keyof T)[]) {
    if (route[key] === undefined) delete route[key];
  }
  return route;
}
