// What every view is given: the language and its texts, the snapshot's pointer and dictionary, the source of
// further files, and how to move to another view.
import type { Language } from '../common/language';
import type { SnapshotSource } from './data';
import type { Route } from './route';
import type { Texts } from './texts';
import type { Dictionary, Latest } from './types';

export interface ViewContext {
  language: Language;
  t: Texts;
  latest: Latest;
  dictionary: Dictionary;
  source: SnapshotSource;
  route: Route;
  /** Shows another view: a new history entry, so the back button returns here. */
  navigate: (route: Route) => void;
}
