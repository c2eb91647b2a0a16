import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  askedAnswers, isAsked, itemOfPointer, missingRequired, sectionErrors, sectionOfItem, submissionBody, toggleOption,
  type Instrument,
} from '../../src/survey/model';
import { newSubmissionId } from '../../src/survey/progress';
import { retryDelayMs, sendUntilAnswered, type Outcome } from '../../src/survey/submit';

// the instrument as the server keeps it (the API adds the municipality options; not needed here)
const repository = fileURLToPath(new URL('../../../', import.meta.url));
const instrument = JSON.parse(readFileSync(join(repository, 'shared', 'src', 'main', 'resources', 'instruments',
  'tcn-integration', 'v1.json'), 'utf8')) as Instrument;
const item = (id: string) => instrument.sections.flatMap((section) => section.items).find((it) => it.id === id)!;

describe('skip logic', () => {
  it('asks a conditional item only when the earlier answer matches, like the server', () => {
    expect(isAsked(item('svc_satisfied_help'), {})).toBe(false);
    expect(isAsked(item('svc_satisfied_help'), { svc_contacted: false })).toBe(false);
    expect(isAsked(item('svc_satisfied_help'), { svc_contacted: true })).toBe(true);
    expect(isAsked(item('work_matches_qualification'), { work_employed: 'self_employed' })).toBe(true);
    expect(isAsked(item('lang_course_barriers'), { lang_course_attended: false })).toBe(true);
  });

  it('leaves out answers to items no longer asked, blank text and empty selections', () => {
    const sent = askedAnswers(instrument, {
      svc_contacted: false, svc_satisfied_help: 4, info_channels: [], overall_comment: '  ', info_know_where: 'na',
    });
    expect(sent).toEqual({ svc_contacted: false, info_know_where: 'na' });
  });

  it('trims free text and keeps the submission id and language it is given', () => {
    const body = submissionBody(instrument, 'id-1', 'uk', { overall_comment: '  Дякую  ' });
    expect(body).toEqual({ submissionId: 'id-1', instrumentVersion: 1, language: 'uk', answers: { overall_comment: 'Дякую' } });
  });
});

describe('checks before going on', () => {
  const services = instrument.sections.find((section) => section.id === 'municipal_services')!;

  it('names the required questions that are asked and unanswered, by JSON pointer', () => {
    expect(missingRequired(services, { svc_contacted: true }).map((error) => error.pointer)).toEqual([
      '/answers/svc_satisfied_help', '/answers/svc_staff_understood', '/answers/svc_know_coordinator']);
    expect(missingRequired(services, { svc_contacted: false, svc_know_coordinator: true })).toEqual([]);
  });

  it('checks the number of selections', () => {
    const information = instrument.sections.find((section) => section.id === 'information')!;
    const errors = sectionErrors(information, { info_know_where: 1, info_in_my_language: 2,
      info_channels: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
    expect(errors.map((error) => error.code)).toEqual(['too_many_selected']);
  });
});

describe('server errors', () => {
  it('finds the item and its page from a JSON pointer', () => {
    expect(itemOfPointer('/answers/info_know_where')).toBe('info_know_where');
    expect(itemOfPointer('/answers/info_channels/2')).toBe('info_channels');
    expect(itemOfPointer('/answers/a~1b')).toBe('a/b');
    expect(itemOfPointer('/language')).toBeUndefined();
    expect(itemOfPointer('')).toBeUndefined();
    expect(sectionOfItem(instrument, 'info_know_where')).toBe(1);
  });
});

describe('exclusive options', () => {
  it('"none" clears the others and another choice clears "none"', () => {
    const participated = item('belong_participated');
    expect(toggleOption(participated, ['ngo', 'volunteering'], 'none', true)).toEqual(['none']);
    expect(toggleOption(participated, ['none'], 'ngo', true)).toEqual(['ngo']);
    expect(toggleOption(participated, ['ngo'], 'community_events', true)).toEqual(['community_events', 'ngo']);
    expect(toggleOption(participated, ['ngo', 'volunteering'], 'ngo', false)).toEqual(['volunteering']);
  });
});

describe('sending', () => {
  it('retries the same attempt until an answer that is not "unavailable", waiting longer each time', async () => {
    const outcomes: Outcome[] = [{ kind: 'unavailable', reason: 'TypeError' }, { kind: 'unavailable', reason: 'HTTP 503' },
      { kind: 'stored', receipt: { submissionId: 'x', instrumentId: 'i', instrumentVersion: 1, receivedOn: '2026-11-30', status: 'stored' } }];
    const waits: number[] = [];
    let sends = 0;
    const outcome = await sendUntilAnswered(async () => outcomes[sends++], {
      waiting: (_attempt, next) => waits.push(next), online: () => new Promise(() => {}), sleep: async () => {},
    });
    expect(outcome.kind).toBe('stored');
    expect(sends).toBe(3);
    expect(waits).toEqual([2000, 4000]);
    expect(retryDelayMs(10)).toBe(30_000);
  });

  it('makes version 4 UUIDs without randomUUID too', () => {
    const fallback = { getRandomValues: (bytes: Uint8Array) => bytes.fill(255) } as unknown as Crypto;
    expect(newSubmissionId(fallback)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
