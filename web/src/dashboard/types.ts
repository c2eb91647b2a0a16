// The shapes of the published snapshot files the dashboard reads (docs/disclosure.md, "Files of a snapshot";
// shared/.../snapshot/SnapshotWriter.java, DataDictionary.java, PublishedCell.java).
import type { Localised } from '../common/language';

export type PeriodType = 'month' | 'quarter' | 'year';
export const PERIOD_TYPES: readonly PeriodType[] = ['month', 'quarter', 'year'];
export type Status = 'published' | 'withheld' | 'no_responses';

/** latest.json: the newest complete snapshot and the keys of its files (relative to the origin's root). */
export interface Latest {
  snapshotId: string;
  generatedAt: string;
  dataCutOff: string;
  manifest: string;
  indicators: string;
  csv: string;
  dictionary: string;
  datapackage: string;
  indicatorFolder: string;
  municipalityFolder: string;
  /** Measurement quality and weighted national figures, when the aggregation made them. */
  quality?: string;
  weighted?: string;
  /** The ministry's reports: keys ending in reports/{instrument}-v{version}.{language}.html. */
  reports?: string[];
}

/** One row of a snapshot: every indicator x area x period has one; a withheld row carries only its key. */
export interface Cell {
  indicator: string;
  area: string;
  periodType: PeriodType;
  period: string;
  status: Status;
  value?: number;
  n?: number;
  numerator?: number;
  ciLow?: number;
  ciHigh?: number;
  lowReliability?: boolean;
  previousValue?: number;
  change?: number;
  suppressed: boolean;
}

export interface IndicatorEntry {
  id: string;
  label: Localised;
  source: 'survey' | 'monitoring';
  domain: string;
  domainLabel: Localised;
  type: string;
  unit: string;
  unitLabel: Localised;
  periodTypes: PeriodType[];
  decimals: number;
  formulaInWords?: string;
  formula?: string;
  denominator?: string;
  interval?: string;
}

export interface PeriodEntry {
  periodType: PeriodType;
  period: string;
  start: string;
  end: string;
  label: Localised;
}

export interface AreaEntry {
  code: string;
  name: Localised;
}

/** dictionary.json (the parts the dashboard uses). */
export interface Dictionary {
  snapshotId: string;
  generatedAt: string;
  dataCutOff: string;
  sampleNote: Localised;
  indicators: IndicatorEntry[];
  domains: Record<string, Localised>;
  units: Record<string, Localised>;
  periodTypes: Record<PeriodType, Localised>;
  statuses: Record<Status, Localised>;
  periods: PeriodEntry[];
  areas: AreaEntry[];
}

/** indicators/{id}.json */
export interface IndicatorFile {
  snapshotId: string;
  indicator: IndicatorEntry;
  cells: Cell[];
}

/** municipalities/{code}.json */
export interface AreaFile {
  snapshotId: string;
  area: string;
  name: Localised;
  cells: Cell[];
}

export const NATIONAL = 'LT';
