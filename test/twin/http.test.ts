// The twin's HTTP behaviour: auth, routing, validation, form bodies, rate limiting, fault injection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { basicKeyAuthorization } from '../../lib/http.ts';
import type { RunningTwin } from '../../twin/main.ts';
import { KEY, OTHER_KEY, call, expectCall, newCard, newUser, raw, startTestTwin, withTwin } from './helpers.ts';

let twin: RunningTwin;
before(async () => { twin = await startTestTwin(); });
after(async () => { await twin.close(); });

function assertEnvelopeMeta(body: any): void {
  assert.equal(body.meta.version, 'v2');
  assert.match(body.meta.traceId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(!Number.isNaN(Date.parse(body.meta.timestamp)) && body.meta.timestamp.endsWith('Z'));
}

describe('auth', () => {
  test('401 in the error format without credentials, with a wrong key, with a password', async () => {
    const holder = await newUser(twin);
    const cases: [string, { auth?: 'none' | string; authorization?: string }][] = [
      ['missing', { auth: 'none' }],
      ['wrong key', { auth: 'not-a-key' }],
      ['key with a password', { authorization: `Basic ${Buffer.from(`${KEY}:secret`).toString('base64')}` }],
      ['bearer instead of basic', { authorization: `Bearer ${KEY}` }],
      ['garbage', { authorization: 'Basic !!!' }],
    ];
    for (const [name, options] of cases) {
      const res = await call(twin, 'getWallet', { path: { walletId: holder.walletId } }, options);
      assert.equal(res.status, 401, name);
      assert.equal(res.body.success, false, name);
      assert.equal(res.body.errors[0].code, 'UNAUTHORIZED', name);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Basic/, name);
      assertEnvelopeMeta(res.body);
      assert.ok(!res.text.includes(KEY), 'the key is never echoed');
    }
  });

  test('401 comes before validation and before 404', async () => {
    const res = await call(twin, 'createWallet', { body: { nonsense: true } }, { auth: 'none' });
    assert.equal(res.status, 401);
    const unknown = await call(twin, 'getCard', { path: { cardId: crypto.randomUUID() } }, { auth: 'wrong' });
    assert.equal(unknown.status, 401);
  });

  test('other spellings of the same credentials are accepted (no colon, lower-case scheme)', async () => {
    const holder = await newUser(twin);
    for (const authorization of [`basic ${Buffer.from(`${KEY}:`).toString('base64')}`, `Basic ${Buffer.from(KEY).toString('base64')}`]) {
      await expectCall(twin, 'getWallet', { path: { walletId: holder.walletId } }, 200, undefined, { authorization });
    }
  });

  test('each API key is its own client: another key sees 404', async () => {
    const holder = await newUser(twin);
    const res = await expectCall(twin, 'getWallet', { path: { walletId: holder.walletId } }, 404, 'NOT_FOUND', { auth: OTHER_KEY });
    assert.equal(res.body.errors[0].message, `Wallet '${holder.walletId}' not found`);
    await expectCall(twin, 'getUser', { path: { userId: holder.userId } }, 404, 'NOT_FOUND', { auth: OTHER_KEY });
  });
});

describe('headers', () => {
  test('header names are case-insensitive (raw HTTP/1.1 with capitalised names)', async () => {
    const holder = await newUser(twin);
    const exchange = (head: string, body = '') => new Promise<string>((resolve, reject) => {
      const socket = net.connect(twin.port, '127.0.0.1', () => socket.end(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n${body}`));
      let text = '';
      socket.on('data', (c) => { text += c; }).on('end', () => resolve(text)).on('error', reject);
    });
    const auth = basicKeyAuthorization(KEY);
    const ok = await exchange(`GET /cards/v2/wallets/${holder.walletId} HTTP/1.1\r\nAUTHORIZATION: ${auth}`);
    assert.match(ok, /^HTTP\/1\.1 200 /);
    const faulted = await exchange(`GET /cards/v2/wallets/${holder.walletId} HTTP/1.1\r\nAuthorization: ${auth}\r\nX-Twin-Fault: status=503`);
    assert.match(faulted, /^HTTP\/1\.1 503 /);
    const body = JSON.stringify({ walletId: holder.walletId, amount: 5 });
    const posted = await exchange(`POST /cards/v2/payins HTTP/1.1\r\nAuthorization: ${auth}\r\nContent-Type: Application/JSON\r\nContent-Length: ${body.length}`, body);
    assert.match(posted, /^HTTP\/1\.1 201 /);
  });
});

describe('routing', () => {
  test('unknown paths answer 404 NOT_FOUND in the error format', async () => {
    for (const path of ['/nope', '/wallet', '/cards/debit/extra', '/']) {
      const res = await raw(twin, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.success, false);
      assert.equal(res.body.errors[0].code, 'NOT_FOUND');
      assertEnvelopeMeta(res.body);
    }
    const outside = await fetch(twin.url.replace('/cards/v2', '/other'));
    assert.equal(outside.status, 404);
    assert.equal((await outside.json()).errors[0].code, 'NOT_FOUND');
  });

  test('a known path with another method answers 405 with Allow', async () => {
    const res = await raw(twin, 'DELETE', '/operations/pin');
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'PUT');
    assert.equal(res.body.errors[0].code, 'METHOD_NOT_ALLOWED');
  });

  test('unknown ids answer 404 NOT_FOUND naming the entity', async () => {
    const id = crypto.randomUUID();
    const wallet = await expectCall(twin, 'getWallet', { path: { walletId: id } }, 404, 'NOT_FOUND');
    assert.equal(wallet.body.errors[0].message, `Wallet '${id}' not found`);
    const user = await expectCall(twin, 'getUser', { path: { userId: id } }, 404, 'NOT_FOUND');
    assert.equal(user.body.errors[0].message, `User '${id}' not found`);
    const card = await expectCall(twin, 'getCard', { path: { cardId: id } }, 404, 'NOT_FOUND');
    assert.equal(card.body.errors[0].message, `Card '${id}' not found`);
  });

  test('every response carries a fresh traceId', async () => {
    const holder = await newUser(twin);
    const a = await expectCall(twin, 'getWallet', { path: { walletId: holder.walletId } }, 200);
    const b = await expectCall(twin, 'getWallet', { path: { walletId: holder.walletId } }, 200);
    assertEnvelopeMeta(a.body);
    assert.notEqual(a.body.meta.traceId, b.body.meta.traceId);
    assert.equal(a.contentType, 'application/json; charset=utf-8');
  });
});

describe('request validation', () => {
  test('400 VALIDATION_ERROR lists every violation as its own error item', async () => {
    const holder = await newUser(twin);
    const res = await expectCall(twin, 'createWallet', {
      body: { userId: holder.userId, currency: 'usd', walletType: 'zero', colour: 'red' },
    }, 400, 'VALIDATION_ERROR');
    const messages: string[] = res.body.errors.map((e: { message: string }) => e.message);
    assert.ok(res.body.errors.every((e: { code: string }) => e.code === 'VALIDATION_ERROR'));
    assert.ok(messages.length >= 4, messages.join(' | '));
    assert.ok(messages.some((m) => /description/.test(m)), `missing field: ${messages.join(' | ')}`);
    assert.ok(messages.some((m) => /colour/.test(m)), `extra field: ${messages.join(' | ')}`);
    assert.ok(messages.some((m) => m.startsWith('body/walletType ')), `wrong type: ${messages.join(' | ')}`);
    assert.ok(messages.some((m) => m.startsWith('body/currency ')), `pattern: ${messages.join(' | ')}`);
  });

  test('a missing body, unparsable JSON, an unaccepted content type', async () => {
    await expectCall(twin, 'blockCard', {}, 400, 'VALIDATION_ERROR');
    const bad = await expectCall(twin, 'blockCard', {}, 400, 'INVALID_BODY', { raw: { text: '{"cardId":', contentType: 'application/json' } });
    assert.equal(bad.body.success, false);
    const text = await expectCall(twin, 'blockCard', {}, 400, 'VALIDATION_ERROR', { raw: { text: 'cardId', contentType: 'text/plain' } });
    assert.match(text.body.errors[0].message, /content type/);
  });

  test('query and path parameters are validated too', async () => {
    const res = await expectCall(twin, 'listTransactions', { query: {} }, 400, 'VALIDATION_ERROR');
    assert.match(res.body.errors[0].message, /walletId/);
  });

  test('form-encoded bodies work, typed fields coerced', async () => {
    const created = await expectCall(twin, 'createNaturalUser', { body: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', currency: 'EUR' } }, 201, undefined, { form: true });
    const userId = created.body.data.id;
    const wallet = await expectCall(twin, 'createWallet', { body: { userId, currency: 'EUR', description: 'Credit line', walletType: 1 } }, 201, undefined, { form: true });
    const card = await expectCall(twin, 'createCreditCard', { body: { userId, walletId: wallet.body.data.id, clientCode: 'X', physicalCard: true } }, 201, undefined, { form: true });
    assert.equal(card.body.data.physicalCard, true);
    assert.equal(card.body.data.status, 'pendingAck');
    const payIn = await expectCall(twin, 'createPayIn', { body: { walletId: wallet.body.data.id, amount: 1234 } }, 201, undefined, { form: true });
    assert.equal(payIn.body.data.amount, 1234);
    const invalid = await expectCall(twin, 'createPayIn', { body: { walletId: wallet.body.data.id, amount: 'lots' } }, 400, 'VALIDATION_ERROR', { form: true });
    assert.match(invalid.body.errors[0].message, /amount/);
    const extra = await expectCall(twin, 'blockCard', { body: { cardId: card.body.data.id, sneaky: '1' } }, 400, 'VALIDATION_ERROR', { form: true });
    assert.match(extra.body.errors[0].message, /sneaky/);
  });
});

describe('rate limiting', () => {
  test('every response carries X-RateLimit-*, remaining counts down, 429 RATE_LIMITED past the limit', async () => {
    await withTwin({ rateLimitPerHour: 5 }, async (limited) => {
      const holder = await newUser(limited); // 1
      const remaining: number[] = [];
      for (let i = 0; i < 4; i++) { // 2..5
        const res = await call(limited, 'getWallet', { path: { walletId: holder.walletId } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('x-ratelimit-limit'), '5');
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        const nowSeconds = Date.now() / 1000;
        assert.ok(reset > nowSeconds && reset <= nowSeconds + 3600 + 1, `reset ${reset} is the end of the hourly window`);
        remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
      }
      assert.deepEqual(remaining, [3, 2, 1, 0]);
      const limitedRes = await call(limited, 'getWallet', { path: { walletId: holder.walletId } }, { validate: false });
      assert.equal(limitedRes.status, 429);
      assert.equal(limitedRes.body.errors[0].code, 'RATE_LIMITED');
      assert.equal(limitedRes.headers.get('x-ratelimit-remaining'), '0');
      assert.ok(Number(limitedRes.headers.get('retry-after')) >= 1);
      // Another key has its own budget.
      const other = await call(limited, 'createNaturalUser', { body: { firstName: 'A', lastName: 'B', email: 'a@example.com' } }, { auth: OTHER_KEY });
      assert.equal(other.status, 201);
      assert.equal(other.headers.get('x-ratelimit-remaining'), '4');
      // 401 and unknown routes carry the headers too.
      const unauthorized = await call(limited, 'getWallet', { path: { walletId: holder.walletId } }, { auth: 'none' });
      assert.equal(unauthorized.status, 401);
      assert.equal(unauthorized.headers.get('x-ratelimit-limit'), '5');
      const unknown = await raw(limited, 'GET', '/nope', { headers: { authorization: basicKeyAuthorization(OTHER_KEY) } });
      assert.equal(unknown.headers.get('x-ratelimit-remaining'), '3');
    });
  });

  test('no rate-limit headers when the limit is off', async () => {
    const res = await call(twin, 'createNaturalUser', { body: { firstName: 'A', lastName: 'B', email: 'a@example.com' } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-ratelimit-limit'), null);
  });
});

describe('fault injection', () => {
  test('status=NNN answers that status in the error format, without touching state', async () => {
    const holder = await newUser(twin);
    const cardId = await newCard(twin, holder);
    const res = await call(twin, 'blockCard', { body: { cardId } }, { headers: { 'x-twin-fault': 'status=503' }, validate: false });
    assert.equal(res.status, 503);
    assert.equal(res.body.success, false);
    assert.equal(res.body.errors[0].code, 'INJECTED_FAULT');
    assertEnvelopeMeta(res.body);
    const card = await expectCall(twin, 'getCard', { path: { cardId } }, 200);
    assert.equal(card.body.data.status, 'active', 'the faulted block did not happen');
    // A status the spec documents validates as a normal error answer.
    await expectCall(twin, 'blockCard', { body: { cardId } }, 500, 'INJECTED_FAULT', { headers: { 'x-twin-fault': 'status=500' } });
    assert.equal((await expectCall(twin, 'getCard', { path: { cardId } }, 200)).body.data.status, 'active');
  });

  test('delay=MS answers normally after the delay', async () => {
    const holder = await newUser(twin);
    const started = performance.now();
    const res = await call(twin, 'getWallet', { path: { walletId: holder.walletId } }, { headers: { 'x-twin-fault': 'delay=150' } });
    assert.equal(res.status, 200);
    assert.ok(performance.now() - started >= 140, 'waited');
    // The delayed request still runs its handler.
    await expectCall(twin, 'createPayIn', { body: { walletId: holder.walletId, amount: 700 } }, 201, undefined, { headers: { 'x-twin-fault': 'delay=20' } });
    const wallet = await expectCall(twin, 'getWallet', { path: { walletId: holder.walletId } }, 200);
    assert.equal(wallet.body.data[0].balance, 700);
  });

  test('malformed-json keeps status and content type, truncates the body', async () => {
    const holder = await newUser(twin);
    const res = await call(twin, 'getWallet', { path: { walletId: holder.walletId } }, { headers: { 'x-twin-fault': 'malformed-json' }, validate: false });
    assert.equal(res.status, 200);
    assert.match(res.contentType, /^application\/json/);
    assert.ok(res.text.length > 0);
    assert.equal(res.body, undefined, 'not parseable');
    assert.throws(() => JSON.parse(res.text));
  });

  test('content-type labels a normal body text/html', async () => {
    const holder = await newUser(twin);
    const res = await call(twin, 'getWallet', { path: { walletId: holder.walletId } }, { headers: { 'x-twin-fault': 'content-type' }, validate: false });
    assert.equal(res.status, 200);
    assert.match(res.contentType, /^text\/html/);
    assert.equal(res.body.success, true);
    assert.equal(res.body.data[0].id, holder.walletId);
  });

  test('reset destroys the connection without an answer', async () => {
    const holder = await newUser(twin);
    await assert.rejects(call(twin, 'getWallet', { path: { walletId: holder.walletId } }, { headers: { 'x-twin-fault': 'reset' } }), (error: Error) => {
      assert.match(String((error.cause as Error | undefined)?.message ?? error.message), /socket|closed|reset|terminated|other side/i);
      return true;
    });
  });

  test('timeout never answers (the client gives up), and closing the twin frees the socket', async () => {
    await withTwin({}, async (own) => {
      const holder = await newUser(own);
      const socket = net.connect(own.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let received = '';
      socket.on('data', (chunk) => { received += chunk.toString(); });
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(`GET /cards/v2/wallets/${holder.walletId} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: ${basicKeyAuthorization(KEY)}\r\nx-twin-fault: timeout\r\n\r\n`);
      // A normal request on another connection is answered while this one hangs.
      await expectCall(own, 'getWallet', { path: { walletId: holder.walletId } }, 200);
      // A client with a deadline gives up on a timed-out request.
      await assert.rejects(fetch(`${own.url}/wallets/${holder.walletId}`, {
        headers: { authorization: basicKeyAuthorization(KEY), 'x-twin-fault': 'timeout' },
        signal: AbortSignal.timeout(300),
      }), (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError');
      assert.equal(received, '', 'no bytes were sent on the held connection');
      await own.close();
      await closed;
      assert.equal(received, '');
    });
  });

  test('an unknown fault value answers 400 INVALID_FAULT', async () => {
    const holder = await newUser(twin);
    for (const value of ['explode', 'status=200', 'delay=-1', 'reset=now']) {
      // createPayIn documents 400, so the answer validates as one.
      const res = await call(twin, 'createPayIn', { body: { walletId: holder.walletId, amount: 1 } }, { headers: { 'x-twin-fault': value } });
      assert.equal(res.status, 400, value);
      assert.equal(res.body.errors[0].code, 'INVALID_FAULT', value);
    }
  });

  test('--fault with --fault-rate 1 applies to every request; the header still wins', async () => {
    await withTwin({ fault: { kind: 'status', status: 502 }, faultRate: 1 }, async (faulty) => {
      const res = await call(faulty, 'createNaturalUser', { body: { firstName: 'A', lastName: 'B', email: 'a@example.com' } }, { validate: false });
      assert.equal(res.status, 502);
      assert.equal(res.body.errors[0].code, 'INJECTED_FAULT');
      const overridden = await call(faulty, 'createNaturalUser', { body: { firstName: 'A', lastName: 'B', email: 'a@example.com' } }, { headers: { 'x-twin-fault': 'delay=0' } });
      assert.equal(overridden.status, 201);
    });
  });

  test('faults apply after auth: no credentials is still 401', async () => {
    const res = await call(twin, 'getWallet', { path: { walletId: crypto.randomUUID() } }, { auth: 'none', headers: { 'x-twin-fault': 'reset' } });
    assert.equal(res.status, 401);
  });
});
