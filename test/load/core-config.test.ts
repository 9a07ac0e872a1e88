// The k6 side for the Core API, in Node: configuration from __ENV (login credentials, hosts a
// sandbox run may reach), setup's login with clear errors, Core's error code in failure lines,
// and the hot-path flow's checks on canned answers (a fake k6, no server).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runFlowSync, type StepResponse } from '../../scenarios/flow.ts';
import { coreBalanceCycle, coreBalanceSteps, sameAmount } from '../../scenarios/core.ts';
import { bearerAuthorization } from '../../lib/http.ts';
import { LOAD_APIS } from '../../load/lib/apis.ts';
import { checkLoadBaseUrl, readConfig } from '../../load/lib/config.ts';
import { createExecutor, loginForSetup, RateLimitedError, runIteration, type RunnerConfig } from '../../load/lib/k6-runner.ts';
import { CORE_TOP_UP_AMOUNT, SCENARIOS } from '../../load/lib/scenarios.ts';
import { loadSpec } from '../../lib/spec.ts';
import { fakeK6, jsonResponse } from './helpers.ts';

const BASE = 'http://127.0.0.1:4999';
const PASSWORD = 'core-config-test-password';

function coreOperations() {
  const spec = loadSpec('core');
  return Object.fromEntries([...spec.operations.values()].map((op) => [op.operationId, { method: op.method, path: op.path, statuses: [...op.responses.keys()] }]));
}
function config(overrides: Partial<RunnerConfig> = {}): RunnerConfig {
  return { baseUrl: BASE, authorization: undefined, contractSample: 0, operations: coreOperations(), validators: {}, ...overrides };
}

describe('k6 configuration of core-balance', () => {
  test('local defaults: the Core twin at the root, the docs\' test account, no API key', () => {
    const c = readConfig({}, 'core-balance');
    assert.equal(c.api, 'core');
    assert.equal(c.baseUrl, 'http://127.0.0.1:4020');
    assert.deepEqual(c.credentials, { email: 'test@example.com', password: 'test123' });
    assert.equal(c.apiKey, '');
    assert.equal(c.rateLimitPerHour, 1000);
    assert.equal(c.reportDir, 'reports/load/core-balance');
  });

  test('a sandbox needs CORE_EMAIL and CORE_PASSWORD', () => {
    assert.throws(() => readConfig({ TARGET: 'sandbox', BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'a@example.com' }, 'core-balance'), /CORE_EMAIL and CORE_PASSWORD must both be set for TARGET=sandbox/);
    const c = readConfig({ TARGET: 'sandbox', BASE_URL: 'https://api-sandbox.example.com/', CORE_EMAIL: 'a@example.com', CORE_PASSWORD: PASSWORD }, 'core-balance');
    assert.equal(c.baseUrl, 'https://api-sandbox.example.com');
    assert.deepEqual(c.credentials, { email: 'a@example.com', password: PASSWORD });
  });

  test('hosts: loopback, the spec\'s sandbox or the configured CORE_BASE_URL host; never production, never plain http', () => {
    assert.equal(checkLoadBaseUrl('https://api-sandbox.example.com', 'sandbox', 'core'), 'https://api-sandbox.example.com');
    assert.equal(checkLoadBaseUrl('http://127.0.0.1:5000', 'sandbox', 'core'), 'http://127.0.0.1:5000');
    assert.equal(checkLoadBaseUrl('https://core.partner-sandbox.test/v1', 'sandbox', 'core', { CORE_BASE_URL: 'https://core.partner-sandbox.test/v1' }), 'https://core.partner-sandbox.test/v1');
    assert.throws(() => checkLoadBaseUrl('https://elsewhere.test', 'sandbox', 'core', { CORE_BASE_URL: 'https://api-sandbox.example.com' }), /host elsewhere\.test is neither loopback nor the configured sandbox \(api-sandbox\.example\.com\); set CORE_BASE_URL/);
    assert.throws(() => checkLoadBaseUrl('https://api.example.com', 'sandbox', 'core', { CORE_BASE_URL: 'https://api.example.com' }), /production host api\.example\.com/);
    assert.throws(() => checkLoadBaseUrl('http://api-sandbox.example.com', 'sandbox', 'core'), /sends the login credentials over plain http/);
    assert.throws(() => checkLoadBaseUrl('https://api-sandbox.example.com', 'twin', 'core'), /not loopback/);
    assert.throws(() => readConfig({ TARGET: 'sandbox', BASE_URL: 'https://attacker.test', CORE_EMAIL: 'a@example.com', CORE_PASSWORD: PASSWORD }, 'core-balance'), /neither loopback nor the configured sandbox/);
  });

  test('Sovera keeps its own rules: its sandbox host, its production host', () => {
    assert.equal(checkLoadBaseUrl('https://api.sandbox.sovera.io/cards/v2', 'sandbox'), 'https://api.sandbox.sovera.io/cards/v2');
    assert.throws(() => checkLoadBaseUrl('https://api-sandbox.example.com', 'sandbox', 'sovera'), /neither loopback nor the configured sandbox/);
  });
});

describe('setup\'s login', () => {
  test('sent without credentials, tagged login; the token comes back, never logged', () => {
    const fake = fakeK6(() => jsonResponse(200, { token: 'tok-secret-123', userId: 'usr_1' }));
    const session = loginForSetup(createExecutor(fake.deps, config({ contractSample: 1 })), { email: 'test@example.com', password: PASSWORD }, BASE);
    assert.deepEqual(session, { token: 'tok-secret-123', userId: 'usr_1' });
    const [req] = fake.requests;
    assert.equal(req.url, `${BASE}/auth/login`);
    assert.equal(req.params.headers.authorization, undefined);
    assert.deepEqual(req.params.tags, { operation: 'login', name: 'POST /auth/login' });
    assert.equal(JSON.parse(req.body!).password, PASSWORD);
    assert.ok(!fake.warnings.join('\n').includes('tok-secret-123'));
  });

  test('down, refused, not ready, rate-limited: one clear error each, no secret', () => {
    const attempt = (status: number, body: unknown = { error: 'X', message: 'x' }) => {
      const fake = fakeK6(() => (status === 0 ? { status: 0, body: null, headers: {}, error: 'dial tcp: connection refused' } : jsonResponse(status, body)));
      return () => loginForSetup(createExecutor(fake.deps, config()), { email: 'test@example.com', password: PASSWORD }, BASE);
    };
    assert.throws(attempt(0), /^Error: Cannot reach http:\/\/127\.0\.0\.1:4999 \(dial tcp: connection refused\)\. Start the target first/);
    assert.throws(attempt(401), /refused the login \(login answered 401\)\. Check CORE_EMAIL and CORE_PASSWORD for a sandbox, TWIN_CORE_ACCOUNTS for a twin/);
    assert.throws(attempt(404), /is not ready: login answered 404, expected 200/);
    assert.throws(attempt(429), RateLimitedError);
    assert.throws(attempt(200, { userId: 'u' }), /login answered no token/);
    try { attempt(401)(); } catch (error) { assert.ok(!(error as Error).message.includes(PASSWORD)); }
  });
});

describe('the core-balance iteration on canned answers', () => {
  const card = { customerId: 'cus_1', cardId: 'card_1', currency: 'USD' as const, balance: 1000 };

  function cannedServer(balance: number, options: { movementAmount?: number; status?: string } = {}) {
    let current = balance;
    return fakeK6((method, url) => {
      if (url.endsWith('/balances/add')) { current += CORE_TOP_UP_AMOUNT; return jsonResponse(200, { cardId: 'card_1', balance: current }); }
      if (url.endsWith('/movements')) return jsonResponse(200, { movements: [{ id: 'mov_9', amount: options.movementAmount ?? CORE_TOP_UP_AMOUNT, description: 'Balance top-up', date: '2026-01-01T00:00:00Z' }] });
      return jsonResponse(200, { cardId: 'card_1', status: options.status ?? 'active', currency: 'USD', customerId: 'cus_1', balance: current });
    });
  }

  test('three requests with the bearer token; the balance memory carries over between iterations', () => {
    const fake = cannedServer(1000);
    const execute = createExecutor(fake.deps, config({ authorization: bearerAuthorization('tok') }));
    const balances = new Map<string, number | null>();
    const ctx = { clientCode: '', stateful: true, target: 'twin' as const, balances };
    for (let i = 0; i < 3; i++) assert.equal(runIteration(fake.deps, 'core-balance', SCENARIOS['core-balance'].iteration(card, ctx), execute, fake.deps.warn, LOAD_APIS.core.errorCode), true, fake.warnings.join('\n'));
    assert.equal(fake.requests.length, 9);
    assert.deepEqual(fake.requests.slice(0, 3).map((r) => r.params.tags.operation), ['addBalance', 'listMovements', 'getCard']);
    assert.ok(fake.requests.every((r) => r.params.headers.authorization === 'Bearer tok'));
    assert.equal(balances.get('card_1'), 1000 + 3 * CORE_TOP_UP_AMOUNT);
    assert.equal(fake.requests[0].body, fake.requests[3].body, 'the same step, reused');
  });

  test('each broken rule fails the flow check, named; a half-failed iteration makes the balance unknown', () => {
    const run = (fake: ReturnType<typeof cannedServer>, balances = new Map<string, number | null>()) => {
      const execute = createExecutor(fake.deps, config({ authorization: bearerAuthorization('tok') }));
      const ok = runIteration(fake.deps, 'core-balance', SCENARIOS['core-balance'].iteration(card, { clientCode: '', stateful: true, target: 'twin', balances }), execute, fake.deps.warn, LOAD_APIS.core.errorCode);
      return { ok, warnings: fake.warnings.join('\n'), balances };
    };
    const grew = run(cannedServer(900)); // the server's balance is not the one setup() left
    assert.equal(grew.ok, false);
    assert.match(grew.warnings, /core-balance: addBalance: the balance did not grow by the amount \(was 1000, added 12\.5, answered 912\.5\)/);
    assert.equal(grew.balances.get('card_1'), null, 'unknown until an iteration completes');
    assert.match(run(cannedServer(1000, { movementAmount: -20 })).warnings, /newest movement is not the positive top-up/);
    assert.match(run(cannedServer(1000, { status: 'blocked' })).warnings, /getCard shows the card other than active/);
    const blocked = fakeK6(() => jsonResponse(409, { error: 'CARD_BLOCKED', message: 'blocked' }));
    const refused = runIteration(blocked.deps, 'core-balance', SCENARIOS['core-balance'].iteration(card, { clientCode: '', stateful: true, target: 'twin' }),
      createExecutor(blocked.deps, config()), blocked.deps.warn, LOAD_APIS.core.errorCode);
    assert.equal(refused, false);
    assert.equal(blocked.warnings[0], 'core-balance: addBalance: expected status 200, got 409 (CARD_BLOCKED)', 'Core\'s error code, not Sovera\'s envelope');
  });

  test('on the mock (stateless) only the answers themselves are checked', () => {
    const steps = coreBalanceSteps('card_1', 5);
    const answers: Record<string, unknown> = {
      addBalance: { cardId: 'card_001', balance: 100 },
      listMovements: { movements: [{ id: 'mov_001', amount: -20, description: 'x', date: '2025-02-10T12:00:00Z' }] },
      getCard: { cardId: 'card_001', status: 'active', currency: 'USD', customerId: 'cus_001', balance: 100 },
    };
    const respond = (step: { operationId: string }): StepResponse => ({ operationId: step.operationId, status: 200, body: answers[step.operationId] });
    assert.deepEqual(runFlowSync(coreBalanceCycle(steps, 7, { stateful: false }), respond), { balance: 100, movementId: 'mov_001' });
    assert.throws(() => runFlowSync(coreBalanceCycle(steps, 7, { stateful: true }), respond), /addBalance answered another cardId/);
    assert.throws(() => coreBalanceSteps('card_1', 0), /must be > 0/);
    assert.ok(sameAmount(0.1 + 0.2, 0.3));
  });
});
