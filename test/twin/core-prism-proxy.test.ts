// The Core twin behind Prism's validating proxy (`prism proxy --errors spec/core-api.yaml`, as the
// harness runs it): a full lifecycle with successes and 400/401/403/404/409/429/500 answers from the
// twin, and not a single violation reported by Prism (bodies, statuses, required X-RateLimit-* headers).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrismProxy, type PrismProxy } from '../support/prism-proxy.ts';
import type { RunningCoreTwin } from '../../twin/main.ts';
import { EMAIL, OTHER_EMAIL, OTHER_PASSWORD, PASSWORD, UUID, startCore } from './core-helpers.ts';

const LIMITED_EMAIL = 'limited@example.com';
const LIMITED_PASSWORD = 'limited-pass';
let twin: RunningCoreTwin;
let prism: PrismProxy | undefined;
let proxyUrl = '';

before(async () => {
  twin = await startCore({
    accounts: [
      { email: EMAIL, password: PASSWORD },
      { email: OTHER_EMAIL, password: OTHER_PASSWORD },
      { email: LIMITED_EMAIL, password: LIMITED_PASSWORD, rateLimitPerHour: 3 },
    ],
  });
  prism = await startPrismProxy('spec/core-api.yaml', twin.url);
  proxyUrl = prism.url;
}, { timeout: 120_000 });

after(async () => {
  await prism?.stop();
  await twin?.close();
});

/** Which statuses the flow saw through the proxy. */
const seen = new Set<number>();

async function viaProxy(method: string, route: string, expected: number, options: { body?: unknown; token?: string; headers?: Record<string, string>; code?: string } = {}): Promise<any> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(proxyUrl + route, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  assert.equal(res.headers.get('sl-violations'), null, `${method} ${route}: Prism reports violations: ${res.headers.get('sl-violations')}`);
  assert.equal(res.status, expected, `${method} ${route}: ${text.slice(0, 500)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) assert.match(res.headers.get(name) ?? '', /^\d+$/, `${method} ${route}: ${name}`);
  assert.match(res.headers.get('x-request-id') ?? '', UUID, `${method} ${route}: X-Request-Id passes through the proxy`);
  const body = JSON.parse(text);
  if (options.code !== undefined) assert.equal(body.error, options.code, `${method} ${route}: ${text}`);
  seen.add(res.status);
  return body;
}

test('a full Core lifecycle, successes and errors, passes Prism\'s validating proxy without a violation', { timeout: 60_000 }, async () => {
  // auth
  await viaProxy('POST', '/auth/login', 401, { body: { email: EMAIL, password: 'wrong' }, code: 'UNAUTHORIZED' });
  const { token, userId } = await viaProxy('POST', '/auth/login', 200, { body: { email: EMAIL, password: PASSWORD } });
  assert.match(userId, /^usr_/);
  await viaProxy('GET', '/customers', 401, { token: 'not-a-token', code: 'UNAUTHORIZED' });

  // customers
  const juan = await viaProxy('POST', '/customers', 200, { token, body: { name: 'Juan Perez', email: 'juan@email.com' } });
  const maria = await viaProxy('POST', '/customers', 200, { token, body: { name: 'Maria Garcia', email: 'maria@email.com' } });
  await viaProxy('POST', '/customers', 409, { token, body: { name: 'Juan Again', email: 'JUAN@email.com' }, code: 'EMAIL_TAKEN' });
  const list = await viaProxy('GET', '/customers', 200, { token });
  assert.deepEqual(list.customers.map((c: { customerId: string }) => c.customerId), [juan.customerId, maria.customerId]);

  // cards
  const card = await viaProxy('POST', '/cards', 200, { token, body: { currency: 'USD' } });
  const spare = await viaProxy('POST', '/cards', 200, { token, body: { currency: 'COP' } });
  assert.deepEqual(await viaProxy('GET', `/cards/${card.cardId}`, 200, { token }), { cardId: card.cardId, status: 'inactive', currency: 'USD', customerId: null, balance: 0 });
  await viaProxy('GET', '/cards/card_unknown', 404, { token, code: 'NOT_FOUND' });
  await viaProxy('POST', '/cards/assign', 200, { token, body: { cardId: card.cardId, customerId: juan.customerId } });
  await viaProxy('POST', '/cards/assign', 409, { token, body: { cardId: card.cardId, customerId: maria.customerId }, code: 'CARD_ALREADY_ASSIGNED' });
  await viaProxy('POST', '/cards/assign', 404, { token, body: { cardId: spare.cardId, customerId: 'cus_unknown' }, code: 'NOT_FOUND' });

  // balances, status
  await viaProxy('POST', '/balances/add', 200, { token, body: { cardId: card.cardId, amount: 500 } });
  await viaProxy('POST', '/balances/add', 400, { token, body: { cardId: card.cardId, amount: 0.001 }, code: 'INVALID_AMOUNT' });
  await viaProxy('PATCH', '/cards/status', 200, { token, body: { cardId: card.cardId, status: 'active' } });
  await viaProxy('POST', '/balances/add', 200, { token, body: { cardId: card.cardId, amount: 15.5 } });
  await viaProxy('PATCH', '/cards/status', 200, { token, body: { cardId: card.cardId, status: 'blocked' } });
  await viaProxy('POST', '/balances/add', 409, { token, body: { cardId: card.cardId, amount: 1 }, code: 'CARD_BLOCKED' });
  await viaProxy('POST', '/balances/add', 404, { token, body: { cardId: 'card_unknown', amount: 1 }, code: 'NOT_FOUND' });
  const moves = await viaProxy('GET', `/cards/${card.cardId}/movements`, 200, { token });
  assert.deepEqual(moves.movements.map((m: { amount: number }) => m.amount), [15.5, 500]);
  await viaProxy('GET', '/cards/card_unknown/movements', 404, { token, code: 'NOT_FOUND' });
  await viaProxy('PATCH', '/cards/status', 200, { token, body: { cardId: card.cardId, status: 'cancelled' } });
  await viaProxy('PATCH', '/cards/status', 409, { token, body: { cardId: card.cardId, status: 'active' }, code: 'CARD_CANCELLED' });
  await viaProxy('PATCH', '/cards/status', 404, { token, body: { cardId: 'card_unknown', status: 'active' }, code: 'NOT_FOUND' });
  assert.deepEqual(await viaProxy('GET', `/cards/${card.cardId}`, 200, { token }), { cardId: card.cardId, status: 'cancelled', currency: 'USD', customerId: juan.customerId, balance: 515.5 });

  // 403: a token of no lifetime, expired from its first use (the login hook goes through the proxy)
  const short = (await viaProxy('POST', '/auth/login', 200, { body: { email: EMAIL, password: PASSWORD }, headers: { 'x-twin-token-ttl-ms': '0' } })).token;
  await viaProxy('GET', `/cards/${card.cardId}`, 403, { token: short, code: 'TOKEN_EXPIRED' });
  await viaProxy('POST', '/auth/logout', 403, { token: short, code: 'TOKEN_EXPIRED' });

  // 500 from fault injection
  await viaProxy('GET', `/cards/${card.cardId}/movements`, 500, { token, headers: { 'x-twin-fault': 'status=500' }, code: 'INJECTED_FAULT' });

  // 429: an account limited to 3 requests an hour
  const limited = (await viaProxy('POST', '/auth/login', 200, { body: { email: LIMITED_EMAIL, password: LIMITED_PASSWORD } })).token;
  await viaProxy('GET', '/customers', 200, { token: limited });
  await viaProxy('POST', '/cards', 200, { token: limited, body: { currency: 'EUR' } });
  await viaProxy('GET', '/customers', 429, { token: limited, code: 'RATE_LIMITED' });
  await viaProxy('POST', '/auth/login', 429, { body: { email: LIMITED_EMAIL, password: LIMITED_PASSWORD }, code: 'RATE_LIMITED' });

  // logout
  assert.deepEqual(await viaProxy('POST', '/auth/logout', 200, { token }), { success: true });
  await viaProxy('GET', '/customers', 401, { token, code: 'UNAUTHORIZED' });

  assert.deepEqual([...seen].sort((a, b) => a - b), [200, 400, 401, 403, 404, 409, 429, 500]);
});
