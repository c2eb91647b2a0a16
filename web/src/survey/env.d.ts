/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** The survey API's base URL when it is not the pages' own origin (AWS). */
  readonly VITE_SURVEY_API_URL?: string;
  /** The instrument the form shows when the address does not name one. */
  readonly VITE_INSTRUMENT_ID?: string;
}
