import '../common/base.css';
import './survey.css';
import { deviceStorage, initialLanguage } from '../common/language';
import { SurveyForm } from './form';

// Where the survey API is: on the same origin locally (the local system serves both), on API Gateway's
// own domain in AWS, given when the pages are built (docs/deploy.md).
const apiBase = (import.meta.env.VITE_SURVEY_API_URL ?? '').replace(/\/$/, '');
const instrumentId = new URLSearchParams(location.search).get('instrument')
  ?? import.meta.env.VITE_INSTRUMENT_ID ?? 'tcn-integration';

new SurveyForm(document.getElementById('app')!, {
  apiBase,
  instrumentId,
  storage: deviceStorage(),
  language: initialLanguage(location.search, deviceStorage(), navigator.languages ?? [navigator.language]),
}).start();
