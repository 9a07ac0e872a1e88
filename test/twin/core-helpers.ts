// Helpers for the Core twin's tests (imported by the other test/twin/core-*.test.ts files): start it
// in-process, call operations by operationId with a bearer token, and check every response against
// spec/core-api.yaml with the harness's own validators (body, status and documented headers), plus
// the headers every Core answer carries (X-RateLimit-*, X-Request-Id). core-contract.test.ts
// proves the check itself fails on a broken answer.
import assert from 'node:assert/strict';
import { contractFor } from '../../lib/contract.ts';
import { bearerAuthorization, type OperationInput } from '../../lib/http.ts';
import { send, type TwinResponse } from './helpers.ts';
import { startTwin, type RunningCoreTwin, type TwinOptions } from '../../twin/main.ts';

export const EMAIL = 'test@example.com';
export const PASSWORD = 'test123';
export const OTHER_EMAIL = 'other@example.com';
export const OTHER_PASSWORD = 'other-pass';
/** Large enough that no test trips it unless it means to. */
export const ROOMY_LIMIT = 1_000_000;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type CoreResponse = TwinResponse;

export interface CoreCallOptions {
  /** A token from login; 'none' sends no Authorization header. Default: none. */
  token?: string;
  /** Raw Authorization header value (overrides token). */
  authorization?: string;
  headers?: Record<string, string>;
  /** Send this text as the body, with this content type, instead of input.body. */
  raw?: { text: string; contentType: string };
  /** Check the response against the spec (default true). */
  validate?: boolean;
}

/** Every (operationId, status) the tests saw validate, for the coverage assertion. */
export const validated = new Set<string>();

export function startCore(options: Partial<TwinOptions> = {}): Promise<RunningCoreTwin> {
  return startTwin({
    accounts: [{ email: EMAIL, password: PASSWORD }, { email: OTHER_EMAIL, password: OTHER_PASSWORD }],
    rateLimitPerHour: ROOMY_LIMIT,
    ...options,
    api: 'core',
  });
}

export async function withCore(options: Partial<TwinOptions>, fn: (twin: RunningCoreTwin) => Promise<void>): Promise<void> {
  const twin = await startCore(options);
  try { await fn(twin); } finally { await twin.close(); }
}

export async function call(twin: { url: string }, operationId: string, input: OperationInput = {}, options: CoreCallOptions = {}): Promise<CoreResponse> {
  const res = await send('core', twin.url, operationId, input, {
    ...options,
    authorization: options.authorization ?? (options.token === undefined ? undefined : bearerAuthorization(options.token)),
  });
  assertCoreHeaders(res);
  if (options.validate !== false) assertContract(res);
  return res;
}

/** The headers every Core answer carries, whatever its status: X-RateLimit-* (integers) and a fresh X-Request-Id. */
export function assertCoreHeaders(res: { status: number; headers: Headers; operationId?: string }): void {
  const where = `${res.operationId ?? 'response'} ${res.status}`;
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
    const value = res.headers.get(name);
    assert.match(value ?? '', /^\d+$/, `${where}: ${name} is a non-negative integer (got ${value})`);
  }
  assert.match(res.headers.get('x-request-id') ?? '', UUID, `${where}: X-Request-Id is a UUID`);
}

/** The response is documented for the operation; its body and documented headers validate against the spec. */
export function assertContract(res: CoreResponse): void {
  const problems = contractProblems(res);
  assert.deepEqual(problems, [], `${res.operationId} ${res.status} breaks the spec: ${problems.join(' | ')}\nbody: ${res.text.slice(0, 500)}`);
  validated.add(`${res.operationId} ${res.status}`);
}

export function contractProblems(res: { operationId: string; status: number; contentType: string; body: unknown; headers: Headers }): string[] {
  const check = contractFor('core').checkResponse(res.operationId, {
    status: res.status, contentType: res.contentType, body: res.body, headers: Object.fromEntries(res.headers),
  });
  return [...check.problems, ...check.violations.map((v) => `${v.pointer || '(root)'} ${v.message}`)];
}

export function assertStatus(res: CoreResponse, status: number, code?: string): void {
  assert.equal(res.status, status, `${res.operationId}: expected ${status}, got ${res.status}: ${res.text.slice(0, 400)}`);
  if (code !== undefined) assert.equal(res.body?.error, code, `${res.operationId}: expected error code ${code}: ${res.text.slice(0, 400)}`);
  if (status >= 400) {
    assert.deepEqual(Object.keys(res.body ?? {}).sort(), ['error', 'message'], `${res.operationId}: the Core error body is {error, message}`);
    assert.equal(typeof res.body.message, 'string');
    assert.ok(res.body.message.length > 0);
  }
}

export async function expectCall(twin: { url: string }, operationId: string, input: OperationInput, status: number, code?: string, options: CoreCallOptions = {}): Promise<CoreResponse> {
  const res = await call(twin, operationId, input, options);
  assertStatus(res, status, code);
  return res;
}

export async function login(twin: { url: string }, email = EMAIL, password = PASSWORD, headers?: Record<string, string>): Promise<string> {
  const res = await expectCall(twin, 'login', { body: { email, password } }, 200, undefined, { headers });
  assert.equal(typeof res.body.token, 'string');
  return res.body.token;
}

let emailSeq = 0;
export function uniqueEmail(prefix = 'juan'): string {
  return `${prefix}.${process.pid}.${++emailSeq}@example.com`;
}

export async function newCustomer(twin: { url: string }, token: string, name = 'Juan Perez'): Promise<{ customerId: string; name: string; email: string }> {
  return (await expectCall(twin, 'createCustomer', { body: { name, email: uniqueEmail() } }, 200, undefined, { token })).body;
}

export async function newCard(twin: { url: string }, token: string, currency = 'USD'): Promise<string> {
  return (await expectCall(twin, 'createCard', { body: { currency } }, 200, undefined, { token })).body.cardId;
}

export async function setStatus(twin: { url: string }, token: string, cardId: string, status: string): Promise<CoreResponse> {
  return expectCall(twin, 'changeCardStatus', { body: { cardId, status } }, 200, undefined, { token });
}

export async function topUp(twin: { url: string }, token: string, cardId: string, amount: number): Promise<number> {
  return (await expectCall(twin, 'addBalance', { body: { cardId, amount } }, 200, undefined, { token })).body.balance;
}

export async function getCard(twin: { url: string }, token: string, cardId: string): Promise<any> {
  return (await expectCall(twin, 'getCard', { path: { cardId } }, 200, undefined, { token })).body;
}


/** A Core twin (startCore) and a token of its main account: the setup most Core twin tests share. */
export async function startCoreWithToken(): Promise<{ twin: RunningCoreTwin; token: string }> {
  const twin = await startCore();
  return { twin, token: await login(twin) };
}
