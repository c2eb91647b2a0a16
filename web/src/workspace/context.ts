import type { Language } from '../common/language';
import type { Me } from './api';

/** What every view gets: the language, who is signed in, the main element, and how to show an API failure. */
export interface Context {
  language: Language;
  me: Me;
  main: HTMLElement;
  /** Sets the document's title and the view's h1, and focuses it. */
  heading(text: string): HTMLElement;
  /** Shows a failed call (expired session, 403, 404, other) in the main element. */
  fail(error: unknown): void;
  /** Re-renders the current view (after a change of language). */
  go(hash: string): void;
}
