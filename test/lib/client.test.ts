import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, describeRateLimit, parseRateLimit, RateLimitedError, traceIdOf, type RateLimitEvent } from '../../lib/client.ts';
import { redactText, REDACTED } from '../../lib/redact.ts';
import type { TargetEndpoint } from '../../lib/config.ts';
import type { operations } from '../../lib/generated/core-api.ts';

test('parseRateLimit: the three headers as integers, case-insensitive; undefined without any', () => {
  assert.deepEqual(parseRateLimit({ 'x-ratelimit-limit': '1000', 'X-RateLimit-Remaining': '847', 'x-ratelimit-reset': '1644332400' }),
    { limit: 1000, remaining: 847, reset: 1644332400 });
  assert.equal(parseRateLimit({ 'content-type': 'application/json' }), undefined);
  assert.deepEqual(parseRateLimit({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4.5', 'x-ratelimit-reset': 'soon' }),
    { limit: 5, remaining: undefined, reset: undefined }, 'a value that is not a whole number is not parsed');
  assert.deepEqual(parseRateLimit({ 'x-ratelimit-remaining': '0' }), { limit: undefined, remaining: 0, reset: undefined });
});

test('traceIdOf: meta.traceId for an envelope API, the X-Request-Id header otherwise', () => {
  assert.deepEqual(traceIdOf({ meta: { traceId: 't-1' } }, { 'x-request-id': 'r-1' }, true), { traceId: 't-1', source: 'meta.traceId' });
  assert.deepEqual(traceIdOf({ error: 'X' }, { 'x-request-id': 'r-1' }, false), { traceId: 'r-1', source: 'X-Request-Id' });
  assert.deepEqual(traceIdOf({ error: 'X' }, { 'X-Request-ID': ' r-2 ' }, false), { traceId: 'r-2', source: 'X-Request-Id' });
  assert.deepEqual(traceIdOf({ meta: { traceId: 't-1' } }, {}, false), { traceId: undefined, source: 'X-Request-Id' }, 'no envelope: the body is not read');
  assert.deepEqual(traceIdOf(undefined, {}, true), { traceId: undefined, source: 'meta.traceId' });
});

test('describeRateLimit: where, limit, remaining, reset as ISO time, and that it is not a crash', () => {
  const line = describeRateLimit({
    operationId: 'getCard', method: 'GET', path: '/cards/{cardId}', api: 'core', target: 'twin',
    rateLimit: { limit: 5, remaining: 0, reset: 1_900_000_000 }, traceId: 'req-9', traceSource: 'X-Request-Id',
  });
  assert.equal(line, 'getCard (GET /cards/{cardId}) rate limited (429) on core@twin: limit 5/h, 0 remaining, resets at 2030-03-17T17:46:40.000Z (X-Request-Id req-9); ' +
    'the harness stopped this check, not a crash; wait for the reset or lower the request rate.');
  assert.match(describeRateLimit({ operationId: 'login', method: 'POST', path: '/auth/login', api: 'core', target: 'sandbox', traceSource: 'X-Request-Id' }),
    /limit not stated, remaining not stated, reset time not stated; the harness stopped this check/);
});

// A fake Core server: /auth/login answers a token, /customers checks it, /cards/{id} answers 429.
async function fakeCore(handler: (url: string, headers: IncomingHttpHeaders) => { status: number; body: unknown; headers?: Record<string, string> }) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const answer = handler(req.url ?? '', req.headers);
    res.writeHead(answer.status, { 'content-type': 'application/json', 'x-request-id': `req-${seen.length}`, ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint: TargetEndpoint = {
    api: 'core', target: 'sandbox', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stateful: true, forcesStatus: false, injectsFaults: false, strict: false,
  };
  return { endpoint, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const LIMIT = { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' };
const TOKEN = 'tok_unit_3b8f6c2d9e';

test('bearer client: the token goes in Authorization, is masked in bodies, and X-Request-Id becomes the trace id', async () => {
  const fake = await fakeCore((url) => url === '/auth/login'
    ? { status: 200, body: { token: TOKEN, userId: 'usr_1' } }
    : { status: 200, body: { customers: [] }, headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '998', 'x-ratelimit-reset': '1900000000' } });
  try {
    const login = await createClient<operations>({ endpoint: fake.endpoint }).call('login', { body: { email: 'a@example.com', password: 'pw-unit-77' } }, { auth: 'none' });
    assert.deepEqual(login.body, { token: REDACTED, userId: 'usr_1' });
    assert.ok(!login.text.includes(TOKEN));
    assert.equal(login.traceId, 'req-1');
    assert.equal(login.traceSource, 'X-Request-Id');
    assert.equal(fake.seen[0].authorization, undefined);

    const events: RateLimitEvent[] = [];
    const client = createClient<operations>({ endpoint: fake.endpoint, auth: { token: TOKEN }, onRateLimit: (e) => events.push(e) });
    const res = await client.call('listCustomers', {});
    assert.equal(fake.seen[1].authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(res.rateLimit, { limit: 1000, remaining: 998, reset: 1_900_000_000 });
    assert.equal(res.traceId, 'req-2');
    assert.equal(redactText(`Authorization: Bearer ${TOKEN} and ${TOKEN}`).includes(TOKEN), false, 'the token is a known secret');
    await client.call('listCustomers', {}, { auth: { token: 'tok_other_5a1e' } });
    assert.equal(fake.seen[2].authorization, 'Bearer tok_other_5a1e');
    assert.equal(events.length, 0);
  } finally {
    await fake.close();
  }
});

test('a 429 stops the check with a clear RateLimitedError, or is answered when the test asks for it; both are events', async () => {
  const fake = await fakeCore(() => ({ status: 429, body: { error: 'RATE_LIMITED', message: 'Rate limit exceeded' }, headers: LIMIT }));
  try {
    const events: RateLimitEvent[] = [];
    const accounts: string[] = [];
    const client = createClient<operations>({ endpoint: fake.endpoint, auth: { token: TOKEN }, onRateLimit: (e) => events.push(e), onResponse: (_r, account) => accounts.push(account) });
    await assert.rejects(client.call('getCard', { path: { cardId: 'card_1' } }), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.response.status, 429);
      assert.match(error.message, /^getCard \(GET \/cards\/\{cardId\}\) rate limited \(429\) on core@sandbox: limit 5\/h, 0 remaining, resets at 2030-03-17T17:46:40\.000Z \(X-Request-Id req-1\); the harness stopped this check, not a crash/);
      return true;
    });
    const res = await client.call('getCard', { path: { cardId: 'card_1' } }, { allowRateLimit: true, account: 'limited' });
    assert.equal(res.status, 429);
    assert.deepEqual(res.rateLimit, { limit: 5, remaining: 0, reset: 1_900_000_000 });
    assert.deepEqual(events.map((e) => [e.expected, e.account, e.target]), [[false, 'main', 'core@sandbox'], [true, 'limited', 'core@sandbox']]);
    assert.deepEqual(accounts, ['main', 'limited'], 'both answers are counted as requests');
  } finally {
    await fake.close();
  }
});

test('level-keys client: each operation goes out with the least-privileged key that suffices, in X-API-Key, masked; no key of the level: MissingKeyError', async () => {
  const seen: { url: string; key: string | undefined; authorization: string | undefined }[] = [];
  const server = await fakeCore((url, headers) => {
    seen.push({ url, key: headers['x-api-key'] as string | undefined, authorization: headers.authorization });
    return { status: 404, body: { code: 'NOT_FOUND', message: 'no such card' } };
  });
  try {
    const endpoint: TargetEndpoint = { ...server.endpoint, api: 'api-layer' };
    const keys = { 2: 'layer-operational-key-123', 3: 'layer-admin-key-456' };
    const client = createClient<Record<string, never>>({ endpoint, auth: { levelKeys: keys } });
    const read = await client.call('getVirtualCard' as never, { path: { cardId: 'vc_1' } }); // Level 1: no Read-Only key, so the Operational one
    await client.call('freezeVirtualCard' as never, { path: { cardId: 'vc_1' }, body: { frozen: true } }); // Level 3: Admin
    assert.deepEqual(seen.map((s) => s.key), ['layer-operational-key-123', 'layer-admin-key-456']);
    assert.ok(seen.every((s) => s.authorization === undefined), 'no Authorization header');
    assert.equal(read.headers['x-api-key'], undefined, 'response headers hold no key');
    assert.equal(redactText('key layer-admin-key-456 leaked'), `key ${REDACTED} leaked`, 'the keys are known secrets');
    let skipped: string | undefined;
    const noManagement = createClient<Record<string, never>>({ endpoint, auth: { levelKeys: keys }, onMissingKey: (e) => { skipped = e.message; } });
    await assert.rejects(noManagement.call('listBlockchains' as never, {}), /listBlockchains needs a key of access level MANAGEMENT: set API_LAYER_KEY_MANAGEMENT/);
    assert.match(skipped ?? '', /API_LAYER_KEY_MANAGEMENT/);
    assert.equal(seen.length, 2, 'nothing was sent without the key');
  } finally {
    await server.close();
  }
});
