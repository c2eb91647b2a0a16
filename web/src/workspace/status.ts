// How a report's status reads in a cell: words first (never colour alone), a class for the colour.
import type { Language } from '../common/language';
import { t, tKey } from './texts';

export interface CellLike {
  status: string;
  revision?: number;
}

export function statusText(language: Language, cell: CellLike): string {
  const status = tKey(language, `st_${cell.status}`, 'st_not_filed');
  return cell.revision !== undefined && cell.revision > 1 ? `${status}, ${t(language, 'revisedN', cell.revision)}` : status;
}

/** The CSS class of a status: status-on_time, ..., and `revised` when there is more than one revision. */
export function statusClass(cell: CellLike): string {
  return `status status-${cell.status}${cell.revision !== undefined && cell.revision > 1 ? ' revised' : ''}`;
}

export function recommendationStatusText(language: Language, status: string): string {
  return tKey(language, `rs_${status}`, 'rs_not_started');
}

/** The quarter a date falls in: 2026-11-30 → 2026-Q4. */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Quarters from `from` to `to`, inclusive; empty when `to` is before `from`. */
export function quartersBetween(from: string, to: string): string[] {
  const index = (period: string) => Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1;
  const result: string[] = [];
  for (let i = index(from); i <= index(to); i++) result.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return result;
}

export function shiftQuarter(period: string, by: number): string {
  const i = Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1 + by;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}
