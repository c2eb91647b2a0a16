// What the form keeps on the device, and only there: the answers while the respondent is answering, the exact
// body while a submission waits for its receipt, then only the receipt. Nothing reaches the server before
// the respondent submits.
import type { Language } from '../common/language';
import { safely } from '../common/language';
import type { Answers, Receipt, Submission } from './model';

export type Progress =
  | { stage: 'answering'; instrumentId: string; version: number; language: Language; page: number; answers: Answers }
  | { stage: 'submitting'; instrumentId: string; version: number; language: Language; page: number; answers: Answers;
      body: Submission }
  | { stage: 'submitted'; instrumentId: string; version: number; language: Language; receipt: Receipt };

export interface ProgressStore {
  load(instrumentId: string): Progress | undefined;
  save(progress: Progress): void;
  clear(instrumentId: string): void;
}

const key = (instrumentId: string) => `integra.survey.${instrumentId}`;

/** Progress in the browser's local storage: it survives a reload and a closed tab, on this device only. */
export function localProgressStore(storage: Storage | undefined): ProgressStore {
  return {
    load(instrumentId) {
      const text = safely(() => storage?.getItem(key(instrumentId)));
      if (!text) return undefined;
      const parsed = safely(() => JSON.parse(text) as Progress);
      return parsed && parsed.instrumentId === instrumentId && typeof parsed.version === 'number' ? parsed : undefined;
    },
    save(progress) {
      safely(() => storage?.setItem(key(progress.instrumentId), JSON.stringify(progress)));
    },
    clear(instrumentId) {
      safely(() => storage?.removeItem(key(instrumentId)));
    },
  };
}

/** A random version 4 UUID, made once per respondent when they submit. */
export function newSubmissionId(random: Crypto = crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
