// Both API contracts, generated: every operation's bodies must come out typed (see typed.ts).
import type { operations as SurveyOperations } from './generated/survey-api';
import type { operations as MonitoringOperations } from './generated/monitoring-api';
import type { AllTyped } from './typed';

export const surveyOperationsAreTyped: AllTyped<SurveyOperations> = true;
export const monitoringOperationsAreTyped: AllTyped<MonitoringOperations> = true;

export type { SurveyOperations, MonitoringOperations };
