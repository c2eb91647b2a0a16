// The monitoring API, typed from its OpenAPI contract. Every call sends the ID token; a 401 (or a token past
// its `exp`) becomes SessionExpired, which the page answers by asking to sign in again, keeping drafts.
import type { components } from '../api/generated/monitoring-api';
import { currentSession, forgetSession, hasValidSession } from './auth';

export type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type Report = Schemas['Report'];
export type ReportSummary = Schemas['ReportSummary'];
export type ReportRevision = Schemas['ReportRevision'];
export type Feedback = Schemas['Feedback'];
export type Recommendation = Schemas['Recommendation'];
export type RecommendationEvent = Schemas['RecommendationEvent'];
export type ReportingOverview = Schemas['ReportingOverview'];
export type OverviewCell = Schemas['OverviewCell'];
export type FieldError = Schemas['FieldError'];
export type Problem = Schemas['Problem'];
export type CellStatus = OverviewCell['status'];
export type RecommendationStatus = Schemas['RecommendationStatus'];

const base = (import.meta.env.VITE_MONITORING_API_URL ?? '').replace(/\/$/, '');

export class SessionExpired extends Error {}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined, readonly etag: string | null) {
    super(`HTTP ${status}`);
  }
}

export interface Answer<T> {
  status: number;
  body: T;
  etag: string | null;
}

export async function call<T>(method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<Answer<T>> {
  if (!hasValidSession()) {
    forgetSession();
    throw new SessionExpired();
  }
  const headers: Record<string, string> = { Authorization: `Bearer ${currentSession()!.idToken}`, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(`${base}${path}`, {
    method, headers, credentials: 'omit', cache: 'no-store',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401) {
    forgetSession();
    throw new SessionExpired();
  }
  const text = await response.text();
  const json = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, json as Problem | undefined, response.headers.get('ETag'));
  return { status: response.status, body: json as T, etag: response.headers.get('ETag') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => call<T>('GET', path);

/** Every item of a paged listing, following `next`. */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}limit=100`;
  while (next) {
    const page: { items: T[]; next?: string } = (await get<{ items: T[]; next?: string }>(next)).body;
    items.push(...page.items);
    next = page.next;
  }
  return items;
}

export const enc = encodeURIComponent;
export const reportPath = (code: string, period: string) => `/v1/municipalities/${enc(code)}/reports/${enc(period)}`;
export const recommendationPath = (code: string, id: string) => `/v1/municipalities/${enc(code)}/recommendations/${enc(id)}`;

/** "r3" → 3 (an ETag of a report revision or a recommendation version). */
export function etagNumber(etag: string | null): number | undefined {
  const match = /^"[rv](\d+)"$/.exec(etag ?? '');
  return match ? Number(match[1]) : undefined;
}
