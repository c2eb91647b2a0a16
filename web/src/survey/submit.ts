// Sending a submission until a receipt comes back. The API stores a submission once per id and answers a
// repeat of the same body with 200 and the same receipt, so resending after any failure is safe.
import type { FieldError, Problem, Receipt, Submission } from './model';

export type Outcome =
  | { kind: 'stored'; receipt: Receipt }
  | { kind: 'rejected'; status: number; problem?: Problem; errors: FieldError[] }
  | { kind: 'unavailable'; reason: string };

/** One attempt: a network failure, a timeout, 408, 429 and 5xx are worth retrying; other answers are final. */
export async function sendOnce(apiBase: string, instrumentId: string, body: Submission,
  fetchFn: typeof fetch = fetch, timeoutMs = 20_000): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(`${apiBase}/v1/instruments/${encodeURIComponent(instrumentId)}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (response.status === 200 || response.status === 201) {
      return { kind: 'stored', receipt: await response.json() as Receipt };
    }
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      return { kind: 'unavailable', reason: `HTTP ${response.status}` };
    }
    const problem = await response.json().catch(() => undefined) as Problem | undefined;
    return { kind: 'rejected', status: response.status, problem, errors: problem?.errors ?? [] };
  } catch (failure) {
    return { kind: 'unavailable', reason: failure instanceof Error ? failure.name : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** Waits before the next attempt: 2, 4, 8, 16 then 30 seconds. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}

export interface RetryHooks {
  /** Told after each failed attempt, with when the next one is due. */
  waiting(attempt: number, nextInMs: number, reason: string): void;
  /** Resolves early when the browser reports it is back online. */
  online(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

/** Sends until the submission is stored or refused; the same id and body every time. */
export async function sendUntilAnswered(send: () => Promise<Outcome>, hooks: RetryHooks): Promise<Exclude<Outcome,
  { kind: 'unavailable' }>> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await send();
    if (outcome.kind !== 'unavailable') return outcome;
    const delay = retryDelayMs(attempt);
    hooks.waiting(attempt, delay, outcome.reason);
    await Promise.race([hooks.sleep(delay), hooks.online()]);
  }
}
