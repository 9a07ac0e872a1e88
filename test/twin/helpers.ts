// Test helpers for the twin: start it in-process on a free loopback port, call operations by
// operationId, and check every response against the spec with the harness's own validators.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiId } from '../../lib/apis.ts';
import { contractFor } from '../../lib/contract.ts';
import { basicKeyAuthorization, buildRequest, type OperationInput } from '../../lib/http.ts';
import { startTwin, type RunningTwin, type TwinOptions } from '../../twin/main.ts';

export const KEY = 'test-key-1';
export const OTHER_KEY = 'test-key-2';

export interface TwinResponse {
  operationId: string;
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** Parsed JSON, or undefined. */
  body: any;
}

export interface CallOptions {
  /** 'none' sends no Authorization header; a string sends that key; default KEY. */
  auth?: 'none' | string;
  /** Raw Authorization header value (overrides auth). */
  authorization?: string;
  form?: boolean;
  headers?: Record<string, string>;
  /** Send this text as the body, with this content type, instead of input.body. */
  raw?: { text: string; contentType: string };
  /** Check the response against the spec (default true). */
  validate?: boolean;
}

/** Every (operationId, status) the tests saw validate, for the coverage assertion. */
export const validated = new Set<string>();

export async function withTwin(options: Partial<TwinOptions>, fn: (twin: RunningTwin) => Promise<void>): Promise<void> {
  const twin = await startTwin({ apiKeys: [KEY, OTHER_KEY], ...options });
  try { await fn(twin); } finally { await twin.close(); }
}

export function startTestTwin(options: Partial<TwinOptions> = {}): Promise<RunningTwin> {
  return startTwin({ apiKeys: [KEY, OTHER_KEY], ...options });
}

export async function call(twin: RunningTwin, operationId: string, input: OperationInput = {}, options: CallOptions = {}): Promise<TwinResponse> {
  const key = options.auth === 'none' ? undefined : options.auth ?? KEY;
  const res = await send('sovera', twin.url, operationId, input, {
    ...options,
    authorization: options.authorization ?? (key === undefined ? undefined : basicKeyAuthorization(key)),
  });
  if (options.validate !== false) assertContract(res);
  return res;
}

/** Sends one operation of `apiId` to `baseUrl` and reads the answer; shared by the Sovera and Core twin tests. */
export async function send(apiId: ApiId, baseUrl: string, operationId: string, input: OperationInput,
  options: { authorization?: string; form?: boolean; headers?: Record<string, string>; raw?: { text: string; contentType: string } }): Promise<TwinResponse> {
  const op = contractFor(apiId).operation(operationId);
  const req = buildRequest(op, input, { baseUrl, authorization: options.authorization, form: options.form, headers: options.headers });
  let body = req.body;
  if (options.raw) {
    body = options.raw.text;
    req.headers['content-type'] = options.raw.contentType;
  }
  const response = await fetch(req.url, { method: req.method, headers: req.headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  return { operationId, status: response.status, headers: response.headers, contentType: response.headers.get('content-type') ?? '', text, body: parsed };
}

/** The response is documented for the operation and its body validates against the spec. */
export function assertContract(res: TwinResponse): void {
  const check = contractFor('sovera').checkResponse(res.operationId, { status: res.status, contentType: res.contentType, body: res.body });
  assert.ok(check.ok, `${res.operationId} ${res.status} breaks the spec: ${JSON.stringify({ problems: check.problems, violations: check.violations })}\nbody: ${res.text.slice(0, 500)}`);
  validated.add(`${res.operationId} ${res.status}`);
}

export function assertStatus(res: TwinResponse, status: number, code?: string): void {
  assert.equal(res.status, status, `${res.operationId}: expected ${status}, got ${res.status}: ${res.text.slice(0, 400)}`);
  if (code !== undefined) assert.equal(res.body?.errors?.[0]?.code, code, `${res.operationId}: expected error code ${code}: ${res.text.slice(0, 400)}`);
}

/** Call and expect a status (and error code); returns the response. */
export async function expectCall(twin: RunningTwin, operationId: string, input: OperationInput, status: number, code?: string, options: CallOptions = {}): Promise<TwinResponse> {
  const res = await call(twin, operationId, input, options);
  assertStatus(res, status, code);
  return res;
}

export interface Holder { userId: string; walletId: string }

export async function newUser(twin: RunningTwin, currency = 'USD', auth?: string): Promise<Holder> {
  const res = await expectCall(twin, 'createNaturalUser', {
    body: { firstName: 'Ada', lastName: 'Lovelace', email: `ada.${Math.random().toString(36).slice(2)}@example.com`, currency },
  }, 201, undefined, { auth });
  return { userId: res.body.data.id, walletId: res.body.data.mainWalletId };
}

export async function newCard(twin: RunningTwin, holder: Holder, options: { kind?: 'debit' | 'prepaid' | 'credit'; physical?: boolean; walletId?: string } = {}): Promise<string> {
  const op = { debit: 'createDebitCard', prepaid: 'createPrepaidCard', credit: 'createCreditCard' }[options.kind ?? 'debit'];
  const res = await expectCall(twin, op, {
    body: { userId: holder.userId, walletId: options.walletId ?? holder.walletId, clientCode: 'HARNESS-DEBIT-01', physicalCard: options.physical ?? false },
  }, 201);
  return res.body.data.id;
}

export async function balanceOf(twin: RunningTwin, walletId: string): Promise<number> {
  const res = await expectCall(twin, 'getWallet', { path: { walletId } }, 200);
  return res.body.data[0].balance;
}

export async function payIn(twin: RunningTwin, walletId: string, amount: number): Promise<TwinResponse> {
  return expectCall(twin, 'createPayIn', { body: { walletId, amount } }, 201);
}

/** A raw HTTP request to the twin (paths outside the spec, odd methods). */
export async function raw(twin: RunningTwin, method: string, pathBelowBase: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(twin.url + pathBelowBase, {
    method,
    headers: { authorization: basicKeyAuthorization(KEY), ...init.headers },
    body: init.body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = undefined; }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * The closing checks of a twin's contract test: every documented (operation, status) was
 * produced and validated, and the twin has exactly one handler per operation of the spec.
 */
export function testSpecCompleteness(apiId: ApiId, validatedPairs: Set<string>, twin: () => { api: { handlers: object } }): void {
  const contract = contractFor(apiId);
  const operationIds = [...contract.operations.keys()];
  test('every status the spec documents for every operation was produced and validated', () => {
    const missing = operationIds.flatMap((id) => contract.documentedStatuses(id)
      .filter((status) => !validatedPairs.has(`${id} ${status}`))
      .map((status) => `${id} ${status}`));
    assert.deepEqual(missing, [], `documented but never produced by the twin: ${missing.join(', ')}`);
  });

  test('the twin has a handler for every operation of the spec, and none for operations it lacks', () => {
    const handlers = Object.keys(twin().api.handlers).sort();
    assert.deepEqual(operationIds.filter((id) => !handlers.includes(id)), [], 'operations without a handler answer 501');
    assert.deepEqual(handlers.filter((id) => !operationIds.includes(id)), [], 'handlers for operations the spec does not have are unreachable');
  });
}
