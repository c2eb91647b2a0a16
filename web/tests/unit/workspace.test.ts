import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizeUrl, base64Url, expiresAt, jwtClaims, logoutUrl, s256Challenge, tokenRequestBody } from '../../src/workspace/pkce';
import {
  bodyFromValues, checkValues, controlId, fieldLabel, fieldsFromSchema, leaves, valuesFromBody, type JsonSchema,
} from '../../src/workspace/schema-form';
import { carryOver, diff } from '../../src/workspace/diff';
import { quarterOf, quartersBetween, recommendationStatusText, shiftQuarter, statusClass, statusText } from '../../src/workspace/status';
import { t } from '../../src/workspace/texts';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const schema = (name: string) => JSON.parse(readFileSync(join(repository, 'shared', 'src', 'main', 'resources', 'monitoring',
  `${name}.schema.json`), 'utf8')) as JsonSchema;
const config = { authUrl: 'http://127.0.0.1:8080/local/auth', clientId: 'integra-local-clients', redirectUri: 'http://127.0.0.1:8080/workspace/' };

describe('PKCE and the OIDC addresses', () => {
  it('makes the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('writes base64url without padding', () => {
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });
  it('asks for a code with S256, the scopes and the redirect URI', () => {
    const url = new URL(authorizeUrl(config, 'the-state', 'the-challenge'));
    expect(url.pathname).toBe('/local/auth/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'integra-local-clients', redirect_uri: 'http://127.0.0.1:8080/workspace/',
      scope: 'openid email profile', state: 'the-state', code_challenge: 'the-challenge', code_challenge_method: 'S256',
    });
  });
  it('redeems the code with the verifier, and signs out to the workspace', () => {
    expect(Object.fromEntries(tokenRequestBody(config, 'c0de', 'v'.repeat(43)))).toEqual({
      grant_type: 'authorization_code', code: 'c0de', redirect_uri: config.redirectUri, client_id: config.clientId, code_verifier: 'v'.repeat(43),
    });
    expect(logoutUrl(config)).toBe('http://127.0.0.1:8080/local/auth/logout?client_id=integra-local-clients&logout_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fworkspace%2F');
  });
  it('reads exp from the ID token, else expires_in', () => {
    const payload = base64Url(new TextEncoder().encode(JSON.stringify({ exp: 1_800_000_000, 'custom:role': 'ministry', name: 'Jūratė' })));
    const token = `x.${payload}.y`;
    expect(jwtClaims(token).name).toBe('Jūratė');
    expect(expiresAt(token, 60, 0)).toBe(1_800_000_000_000);
    expect(expiresAt('not a jwt', 60, 1000)).toBe(61_000);
  });
});

describe('forms from JSON Schema', () => {
  const fields = fieldsFromSchema(schema('report-v1'));
  it('makes fieldsets of objects, number inputs of integers, a textarea of the long text', () => {
    expect(fields.filter((f) => f.kind === 'group').map((f) => f.key)).toEqual(['consultations', 'referrals', 'events', 'trainings']);
    const counts = leaves(fields).filter((f) => f.kind === 'integer');
    expect(counts).toHaveLength(17);
    expect(counts.every((f) => f.kind === 'integer' && f.min === 0 && f.max === 1_000_000 && f.required)).toBe(true);
    const narrative = leaves(fields).find((f) => f.pointer === '/narrative')!;
    expect(narrative).toMatchObject({ kind: 'text', multiline: true, maxLength: 5000, required: false });
  });
  it('labels a field in the language from x-labels, else by its description', () => {
    const housing = leaves(fields).find((f) => f.pointer === '/consultations/housing')!;
    expect(fieldLabel(housing, 'en')).toMatch(/housing/i);
    expect(fieldLabel({ key: 'x', labels: { lt: 'Būstas', en: 'Housing' }, description: 'd' }, 'lt')).toBe('Būstas');
    expect(fieldLabel({ key: 'x', labels: { en: 'Housing' }, description: 'd' }, 'uk')).toBe('Housing');
    expect(fieldLabel({ key: 'staffTrained', labels: {}, description: undefined }, 'ru')).toBe('staff Trained');
  });
  it('makes a select of an enum and one-line inputs of dates and links', () => {
    const status = fieldsFromSchema(schema('status-update-v1'));
    expect(status[0]).toMatchObject({ kind: 'choice', options: ['not_started', 'in_progress', 'partially_implemented', 'implemented', 'dropped'] });
    expect(status.find((f) => f.key === 'evidenceLink')).toMatchObject({ kind: 'text', multiline: false, format: 'uri' });
    expect(fieldsFromSchema(schema('recommendation-v1')).find((f) => f.key === 'targetDate')).toMatchObject({ format: 'date', multiline: false });
  });
  it('reads a body from the controls and back, numbers as numbers, leaving out empty optional fields', () => {
    const values = valuesFromBody(fields, { consultations: { housing: 3 }, studyVisits: 0 });
    expect(values).toEqual({ '/consultations/housing': '3', '/studyVisits': '0' });
    expect(bodyFromValues(fields, { ...values, '/narrative': '', '/events/held': '2.5' }))
      .toEqual({ consultations: { housing: 3 }, studyVisits: 0, events: { held: '2.5' } });
  });
  it('checks required fields, whole numbers and limits before sending', () => {
    const all = Object.fromEntries(leaves(fields).filter((f) => f.kind === 'integer').map((f) => [f.pointer, '1']));
    expect(checkValues(fields, all)).toEqual([]);
    expect(checkValues(fields, { ...all, '/studyVisits': '-1', '/events/held': 'x', '/referrals/made': '' })).toEqual([
      { pointer: '/referrals/made', code: 'required' }, { pointer: '/events/held', code: 'wrong_type' },
      { pointer: '/studyVisits', code: 'below_minimum' }]);
    expect(checkValues(fields, { ...all, '/narrative': 'ą'.repeat(5001) })).toEqual([{ pointer: '/narrative', code: 'too_long' }]);
  });
  it('makes element ids from pointers', () => {
    expect(controlId('/consultations/documents_legal_status')).toBe('field-consultations-documents_legal_status');
  });
});

describe('revisions compared and changes carried over', () => {
  const r1 = { consultations: { housing: 1, health: 2 }, studyVisits: 0, narrative: 'a' };
  it('lists the fields that changed, by pointer', () => {
    expect(diff(r1, { consultations: { housing: 1, health: 5 }, studyVisits: 0 })).toEqual([
      { pointer: '/consultations/health', before: 2, after: 5 }, { pointer: '/narrative', before: 'a', after: undefined }]);
    expect(diff(r1, structuredClone(r1))).toEqual([]);
  });
  it('applies my changes onto the newer revision and names the fields we both changed', () => {
    const theirs = { ...structuredClone(r1), studyVisits: 9, consultations: { housing: 7, health: 2 } };
    const mine = { ...structuredClone(r1), narrative: 'b', consultations: { housing: 8, health: 2 } };
    const carried = carryOver(r1, mine, theirs);
    expect(carried.body).toEqual({ consultations: { housing: 8, health: 2 }, studyVisits: 9, narrative: 'b' });
    expect(carried.conflicts).toEqual([{ pointer: '/consultations/housing', before: 7, after: 8 }]);
    expect(carried.mine.map((c) => c.pointer)).toEqual(['/consultations/housing', '/narrative']);
  });
});

describe('status labels', () => {
  it('says each status in words, and revised with its revision', () => {
    expect(statusText('en', { status: 'on_time', revision: 1 })).toBe('on time');
    expect(statusText('en', { status: 'late', revision: 3 })).toBe('late, revised (revision 3)');
    expect(statusText('lt', { status: 'missing' })).toBe('nepateikta');
    expect(statusText('uk', { status: 'open' })).toBe('очікується');
    expect(statusClass({ status: 'on_time', revision: 2 })).toBe('status status-on_time revised');
    expect(recommendationStatusText('ru', 'dropped')).toBe('отменено');
  });
  it('counts quarters', () => {
    expect(quarterOf('2026-11-30')).toBe('2026-Q4');
    expect(quartersBetween('2025-Q4', '2026-Q2')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
  });
  it('has every text in four languages, with the placeholders filled', () => {
    expect(t('en', 'reportTitle', 'LT-57', '2026-Q4')).toBe('LT-57 report for 2026-Q4');
    expect(t('lt', 'reportTitle', 'LT-57', '2026-Q4')).toBe('LT-57 ataskaita už 2026-Q4');
  });
});
