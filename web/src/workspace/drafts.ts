// Drafts of reports kept on the device (localStorage), per municipality and period: the form's JSON and the
// revision it was based on, never a token. Kept until the report is stored.
import { deviceStorage, safely } from '../common/language';
import type { Body } from './schema-form';

export interface Draft {
  values: Record<string, string>;
  /** The revision the draft started from (undefined for a first filing). */
  baseRevision?: number;
  savedAt: string;
}

const key = (municipality: string, period: string) => `integra.workspace.draft.${municipality}.${period}`;

export function loadDraft(municipality: string, period: string): Draft | undefined {
  const text = safely(() => deviceStorage()?.getItem(key(municipality, period)));
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as Draft;
    return draft && typeof draft.values === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(municipality: string, period: string, draft: Draft): void {
  safely(() => deviceStorage()?.setItem(key(municipality, period), JSON.stringify(draft)));
}

export function deleteDraft(municipality: string, period: string): void {
  safely(() => deviceStorage()?.removeItem(key(municipality, period)));
}

export type { Body };
