// Unit tests of the twin's pure parts: fault parsing, rate limiter, router, CLI parsing, card data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FAULT_DELAY_MS, parseFault, parseFaultRate, truncateJson } from '../../twin/faults.ts';
import { FixedWindowRateLimiter } from '../../twin/rate-limit.ts';
import { Router, isLoopbackHost, parseForm } from '../../twin/server.ts';
import { CliError, DEFAULT_API_KEY, parseCli } from '../../twin/main.ts';
import { SoveraState } from '../../twin/sovera/state.ts';
import { luhnCheckDigit } from '../../twin/card-numbers.ts';
import { luhnValid } from '../../lib/redact.ts';
import type { OperationInfo } from '../../lib/spec.ts';

test('parseFault: status=NNN for error statuses only', () => {
  assert.deepEqual(parseFault('status=503'), { ok: true, fault: { kind: 'status', status: 503 } });
  assert.deepEqual(parseFault(' STATUS = 400 '), { ok: true, fault: { kind: 'status', status: 400 } });
  assert.deepEqual(parseFault('status=599'), { ok: true, fault: { kind: 'status', status: 599 } });
  for (const bad of ['status', 'status=', 'status=200', 'status=600', 'status=50x', 'status=-500', 'status=5e2']) {
    const parsed = parseFault(bad);
    assert.equal(parsed.ok, false, bad);
  }
});

test('parseFault: delay=MS is bounded', () => {
  assert.deepEqual(parseFault('delay=0'), { ok: true, fault: { kind: 'delay', ms: 0 } });
  assert.deepEqual(parseFault('delay=250'), { ok: true, fault: { kind: 'delay', ms: 250 } });
  assert.deepEqual(parseFault(`delay=${MAX_FAULT_DELAY_MS}`), { ok: true, fault: { kind: 'delay', ms: MAX_FAULT_DELAY_MS } });
  for (const bad of ['delay', `delay=${MAX_FAULT_DELAY_MS + 1}`, 'delay=1.5', 'delay=abc']) assert.equal(parseFault(bad).ok, false, bad);
});

test('parseFault: the value-less kinds, and nothing else', () => {
  for (const kind of ['malformed-json', 'content-type', 'reset', 'timeout'] as const) {
    assert.deepEqual(parseFault(kind), { ok: true, fault: { kind } });
    assert.equal(parseFault(`${kind}=1`).ok, false, `${kind}=1`);
  }
  for (const bad of ['', 'explode', 'status503', 'resett', 'malformed_json']) {
    const parsed = parseFault(bad);
    assert.equal(parsed.ok, false, bad);
    if (!parsed.ok) assert.match(parsed.error, /fault/);
  }
});

test('parseFault error messages stay short and printable', () => {
  const parsed = parseFault(`\u0000${'x'.repeat(500)}`);
  assert.equal(parsed.ok, false);
  if (!parsed.ok) {
    assert.ok(parsed.error.length < 200, parsed.error);
    assert.doesNotMatch(parsed.error, /[\u0000-\u001f]/);
  }
});

test('parseFaultRate: 0..1 only', () => {
  assert.equal(parseFaultRate('0'), 0);
  assert.equal(parseFaultRate('1'), 1);
  assert.equal(parseFaultRate('0.25'), 0.25);
  assert.equal(parseFaultRate('.5'), 0.5);
  for (const bad of ['', '-0.1', '1.01', 'abc', '1e-1', 'NaN']) assert.equal(parseFaultRate(bad), undefined, bad);
});

test('truncateJson never leaves parseable JSON', () => {
  for (const text of ['{}', '[]', '{"a":1}', JSON.stringify({ success: true, data: [{ id: 'x' }], meta: {} })]) {
    const cut = truncateJson(text);
    assert.ok(cut.length > 0 && cut.length < text.length, text);
    assert.throws(() => JSON.parse(cut), SyntaxError, cut);
  }
});

test('rate limiter: fixed window per bucket, remaining counts down, reset is the window end', () => {
  let now = 7_200_000 + 1_234; // 02:00:01.234 on day 0
  const limiter = new FixedWindowRateLimiter(3, 3_600_000, () => now);
  const seen = [limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')];
  assert.deepEqual(seen.map((d) => d.remaining), [2, 1, 0, 0]);
  assert.deepEqual(seen.map((d) => d.allowed), [true, true, true, false]);
  assert.ok(seen.every((d) => d.resetEpochSeconds === 10_800 && d.limit === 3));
  assert.equal(limiter.take('b').remaining, 2, 'buckets are independent');
  now = 10_800_000; // next window
  const fresh = limiter.take('a');
  assert.equal(fresh.allowed, true);
  assert.equal(fresh.remaining, 2);
  assert.equal(fresh.resetEpochSeconds, 14_400);
  assert.throws(() => new FixedWindowRateLimiter(0));
});

function op(operationId: string, method: OperationInfo['method'], path: string, query = false): OperationInfo {
  return {
    apiId: 'sovera', operationId, method, path, tags: [], provenance: 'documented', secured: true, responses: new Map(),
    basis: { provenance: 'documented', source: 'test' }, rules: new Map(),
    parameters: query ? [{ name: 'q', in: 'query', required: false, schema: {} }] : [],
  };
}

test('router: static paths win over templates; params are decoded; wrong methods are told apart', () => {
  const router = new Router([
    op('getCard', 'get', '/cards/{cardId}'),
    op('createDebitCard', 'post', '/cards/debit'),
    op('getWallet', 'get', '/wallets/{walletId}'),
    op('listWalletsByUser', 'post', '/wallets/user'),
    op('changePin', 'put', '/operations/pin'),
    op('list', 'get', '/transactions', true),
  ]);
  const debit = router.match('POST', '/cards/debit');
  assert.equal(debit.kind === 'found' && debit.route.operationId, 'createDebitCard');
  const card = router.match('GET', '/cards/debit');
  assert.ok(card.kind === 'found' && card.route.operationId === 'getCard' && card.params?.cardId === 'debit');
  const encoded = router.match('GET', '/wallets/a%20b');
  assert.ok(encoded.kind === 'found' && encoded.params?.walletId === 'a b');
  const broken = router.match('GET', '/wallets/%E0%A4%A');
  assert.ok(broken.kind === 'found' && broken.params === undefined);
  const wrongMethod = router.match('DELETE', '/operations/pin');
  assert.deepEqual(wrongMethod, { kind: 'method', allowed: ['PUT'] });
  assert.deepEqual(router.match('GET', '/nope'), { kind: 'none' });
  assert.deepEqual(router.match('GET', '/cards/a/b'), { kind: 'none' });
  assert.deepEqual(router.match('GET', '/cards/'), { kind: 'none' });
  const list = router.match('GET', '/transactions');
  assert.ok(list.kind === 'found' && list.route.hasQuery);
});

test('isLoopbackHost', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.1', 'example.com', '127.0.0.1.example.com', '127.0.0.256', '']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('parseForm decodes flat fields', () => {
  assert.deepEqual(parseForm('cardId=c+1&physicalCard=true&email=a%40b.c'), { cardId: 'c 1', physicalCard: 'true', email: 'a@b.c' });
  assert.deepEqual(parseForm(''), {});
});

test('parseCli: defaults, flags over environment', () => {
  const defaults = parseCli([], {});
  assert.ok(!defaults.help);
  if (!defaults.help) {
    assert.deepEqual(defaults.options, {
      api: 'sovera', host: '127.0.0.1', port: 4020, apiKeys: [DEFAULT_API_KEY], printDelayMs: 0, rateLimitPerHour: 0, faultRate: 0, fault: undefined, log: false,
    });
  }
  const env = { TWIN_PORT: '5000', TWIN_HOST: '::1', TWIN_API_KEYS: 'a, b,,', TWIN_PRINT_DELAY_MS: '250', TWIN_RATE_LIMIT_PER_HOUR: '1000', TWIN_FAULT_RATE: '0.5', TWIN_FAULT: 'status=503' };
  const fromEnv = parseCli([], env);
  assert.ok(!fromEnv.help);
  if (!fromEnv.help) {
    assert.equal(fromEnv.options.port, 5000);
    assert.equal(fromEnv.options.host, '::1');
    assert.deepEqual(fromEnv.options.apiKeys, ['a', 'b']);
    assert.equal(fromEnv.options.printDelayMs, 250);
    assert.equal(fromEnv.options.rateLimitPerHour, 1000);
    assert.equal(fromEnv.options.faultRate, 0.5);
    assert.deepEqual(fromEnv.options.fault, { kind: 'status', status: 503 });
  }
  const flags = parseCli(['--port', '0', '--host=localhost', '--api-keys', 'k', '--fault', 'reset', '--fault-rate', '1', '--log'], env);
  assert.ok(!flags.help);
  if (!flags.help) {
    assert.equal(flags.options.port, 0);
    assert.equal(flags.options.host, 'localhost');
    assert.deepEqual(flags.options.apiKeys, ['k']);
    assert.deepEqual(flags.options.fault, { kind: 'reset' });
    assert.equal(flags.options.faultRate, 1);
    assert.equal(flags.options.log, true);
  }
  assert.deepEqual(parseCli(['--help'], {}), { help: true });
  assert.deepEqual(parseCli(['-h'], {}), { help: true });
});

test('parseCli: every bad input is a one-line CliError', () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [['--host', '0.0.0.0'], {}, /loopback/],
    [[], { TWIN_HOST: '10.1.2.3' }, /TWIN_HOST.*loopback/],
    [['--port', '70000'], {}, /--port/],
    [['--port', 'abc'], {}, /--port/],
    [['--port', '-1'], {}, /--port/],
    [[], { TWIN_PORT: '1.5' }, /TWIN_PORT/],
    [['--api', 'nope'], {}, /--api/],
    [['--api-keys', ' , '], {}, /no API key/],
    [['--api-keys', 'a:b'], {}, /":"/],
    [['--print-delay-ms', 'soon'], {}, /--print-delay-ms/],
    [['--rate-limit-per-hour', '-5'], {}, /--rate-limit-per-hour/],
    [['--fault-rate', '2', '--fault', 'reset'], {}, /--fault-rate/],
    [['--fault-rate', '0.5'], {}, /no fault/],
    [['--fault', 'reset'], {}, /--fault-rate/],
    [['--fault', 'explode', '--fault-rate', '0.1'], {}, /unknown fault/],
    [['--bogus'], {}, /bogus/],
    [['positional'], {}, /positional|argument/i],
    [['--port'], {}, /port/],
  ];
  for (const [argv, env, pattern] of cases) {
    assert.throws(() => parseCli(argv, env), (error: unknown) => {
      assert.ok(error instanceof CliError, `${argv.join(' ')}: ${String(error)}`);
      assert.match(error.message, pattern, argv.join(' '));
      assert.doesNotMatch(error.message, /\n/, 'one line');
      return true;
    });
  }
});

test('cards get a 16-digit Luhn-valid PAN, 3-digit CVV, 4-digit PIN and a future YYYYMM expiry', () => {
  const state = new SoveraState({ now: () => Date.UTC(2025, 10, 23) });
  const pans = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const card = state.addCard({ clientId: 'c', kind: 'debit', userId: 'u', walletId: 'w', physicalCard: i % 2 === 0, code: 'X' });
    assert.match(card.pan, /^\d{16}$/);
    assert.ok(luhnValid(card.pan), 'Luhn-valid');
    assert.match(card.cvv, /^\d{3}$/);
    assert.match(card.pin, /^\d{4}$/);
    assert.equal(card.expDate, 202811);
    assert.equal(card.status, card.physicalCard ? 'pendingAck' : 'active');
    pans.add(card.pan);
  }
  assert.equal(pans.size, 200, 'PANs are unique');
  assert.equal(luhnCheckDigit('7992739871'), '3');
});

test('transactions come back newest first even within one millisecond', () => {
  const state = new SoveraState({ now: () => 1_700_000_000_000 });
  const user = state.addUser({ clientId: 'c', type: 'natural', email: 'e' }, 'USD');
  const types = ['payin', 'payout', 'transfer_out', 'transfer_in', 'payin'] as const;
  for (const type of types) state.addTransaction(user.mainWalletId, type, 1, state.isoNow());
  assert.deepEqual(state.transactionsOf(user.mainWalletId).map((t) => t.type), [...types].reverse());
});

test('the Sovera fast serialiser writes exactly the envelope successBody describes', async () => {
  const { createSoveraApi } = await import('../../twin/sovera/index.ts');
  const api = createSoveraApi({ apiKeys: ['k'] });
  for (const data of [[{ id: 'w', balance: 0, description: 'quote " and \\ and é' }], { cardId: 'c', isActive: 'false' }, []]) {
    const fast = JSON.parse(api.successJson!(201, data));
    const slow = api.successBody(201, data) as { meta: { timestamp: string; traceId: string } };
    assert.deepEqual(Object.keys(fast), ['success', 'data', 'meta']);
    assert.deepEqual(Object.keys(fast.meta), ['timestamp', 'version', 'traceId']);
    assert.deepEqual({ ...fast, meta: { ...fast.meta, traceId: slow.meta.traceId, timestamp: slow.meta.timestamp } }, slow);
    assert.match(fast.meta.traceId, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(fast.meta.timestamp)));
  }
});
