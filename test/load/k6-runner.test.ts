// The k6 runner's logic with a fake k6: requests and tags, status checks, contract sampling,
// violations, 429 abort, readiness errors, pool provisioning and VU-to-card assignment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { basicKeyAuthorization } from '../../lib/http.ts';
import type { Flow } from '../../scenarios/flow.ts';
import {
  checkReadiness, createExecutor, limitedLog, memberFor, provisionPool, RateLimitedError, runIteration, uniqueEmail,
  type HttpResponseLike, type ResponseValidator, type RunnerConfig,
} from '../../load/lib/k6-runner.ts';
import { provisionMember } from '../../load/lib/scenarios.ts';
import { luhnCheckDigit } from '../../twin/card-numbers.ts';
import { classifyingValidators, fakeK6, jsonResponse, operationsMeta, standaloneValidators } from './helpers.ts';

const BASE = 'http://127.0.0.1:4999/cards/v2';
const SECRET_KEY = 'runner-test-secret-key';
const META = { timestamp: '2026-01-01T00:00:00.000Z', version: 'v2', traceId: '5b0c2c36-1d3a-4f5e-9a1b-3c4d5e6f7a8b' };
const CARD = { id: 'c1', userId: 'u1', walletId: 'w1', physicalCard: false, code: 'X', isActive: true, status: 'active', creationDate: META.timestamp, dueDate: 2712 };

function config(overrides: Partial<RunnerConfig> = {}): RunnerConfig {
  return {
    baseUrl: BASE,
    authorization: basicKeyAuthorization(SECRET_KEY),
    contractSample: 1,
    operations: operationsMeta(['getCard', 'blockCard', 'getWallet', 'createNaturalUser', 'createPayIn', 'createDebitCard']),
    validators: {},
    ...overrides,
  };
}

function* getCard(cardId: string, expect = 200): Flow<unknown> {
  const res = yield { operationId: 'getCard', input: { path: { cardId } }, expect };
  return res.body;
}

describe('executing a step', () => {
  test('sends one request built from the spec, tagged by operationId, and checks the status', () => {
    const fake = fakeK6(() => jsonResponse(200, { success: true, data: CARD, meta: META }));
    const execute = createExecutor(fake.deps, config({ contractSample: 0 }));
    const res = execute({ operationId: 'getCard', input: { path: { cardId: 'card 1' } }, expect: 200 });
    assert.equal(res.status, 200);
    assert.equal(res.body.data.id, 'c1');
    const [req] = fake.requests;
    assert.equal(req.method, 'GET');
    assert.equal(req.url, `${BASE}/cards/card%201`);
    assert.equal(req.body, null);
    assert.equal(req.params.headers.authorization, basicKeyAuthorization(SECRET_KEY));
    assert.deepEqual(req.params.tags, { operation: 'getCard', name: 'GET /cards/{cardId}' });
    assert.deepEqual(fake.checks, [{ name: 'getCard answers 200', ok: true, tags: { operation: 'getCard', name: 'GET /cards/{cardId}' } }]);
  });

  test('a JSON body is sent with its content type', () => {
    const fake = fakeK6(() => jsonResponse(201, { success: true, data: { cardId: 'c1', isActive: false }, meta: META }));
    createExecutor(fake.deps, config({ contractSample: 0 }))({ operationId: 'blockCard', input: { body: { cardId: 'c1' } }, expect: 201 });
    assert.equal(fake.requests[0].method, 'POST');
    assert.equal(fake.requests[0].body, '{"cardId":"c1"}');
    assert.equal(fake.requests[0].params.headers['content-type'], 'application/json');
  });

  test('an unexpected status fails the check, and the flow with the operation and error code', () => {
    const fake = fakeK6(() => jsonResponse(404, { success: false, errors: [{ code: 'NOT_FOUND', message: 'no card' }], meta: META }));
    const execute = createExecutor(fake.deps, config({ contractSample: 0 }));
    const ok = runIteration(fake.deps, 'lifecycle', getCard('c1'), execute, fake.deps.warn);
    assert.equal(ok, false);
    assert.deepEqual(fake.checks.map((c) => [c.name, c.ok]), [['getCard answers 200', false], ['lifecycle flow completes', false]]);
    assert.deepEqual(fake.warnings, ['lifecycle: getCard: expected status 200, got 404 (NOT_FOUND)']);
    assert.deepEqual(fake.aborts, []);
  });

  test('the body is parsed only when read: a flow that ignores it survives a non-JSON answer', () => {
    const fake = fakeK6(() => ({ status: 200, body: '<html>', headers: { 'Content-Type': 'text/html' } }));
    const execute = createExecutor(fake.deps, config({ contractSample: 0 }));
    const res = execute({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 });
    assert.equal(res.status, 200);
    assert.equal(res.body, undefined);
  });

  test('an operation missing from the bundled spec says to rebuild', () => {
    const fake = fakeK6(() => jsonResponse(200, {}));
    assert.throws(() => createExecutor(fake.deps, config())({ operationId: 'nope', input: {}, expect: 200 }), /not in the bundled spec; rebuild/);
  });
});

describe('contract checks under load', () => {
  const failing: ResponseValidator = Object.assign(() => false, {
    errors: [{ instancePath: '/data/pan', keyword: 'pattern', message: 'must match pattern "^[0-9]{13,19}$"', params: {} }],
  });
  const passing: ResponseValidator = Object.assign(() => true, { errors: null });

  test('CONTRACT_SAMPLE 0 validates nothing; 1 validates every response', () => {
    for (const [sample, expected] of [[0, 0], [1, 3]] as const) {
      const fake = fakeK6(() => jsonResponse(200, { success: true, data: CARD, meta: META }));
      const execute = createExecutor(fake.deps, config({ contractSample: sample, validators: { 'getCard 200': passing } }));
      for (let i = 0; i < 3; i++) execute({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 });
      assert.equal(fake.counters.contractChecked.length, expected, `sample ${sample}`);
    }
  });

  test('a sample share validates the responses whose draw falls under it', () => {
    const draws = [0.1, 0.9, 0.2, 0.8];
    const fake = fakeK6(() => jsonResponse(200, { success: true, data: CARD, meta: META }), () => draws.shift()!);
    const execute = createExecutor(fake.deps, config({ contractSample: 0.5, validators: { 'getCard 200': passing } }));
    for (let i = 0; i < 4; i++) execute({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 });
    assert.equal(fake.counters.contractChecked.length, 2);
  });

  test('a violation counts once, tagged by operation, and the log names pointer and rule but no value', () => {
    const secretPan = `411111111111111${luhnCheckDigit('411111111111111')}`; // Luhn-valid, built at run time: no card number in the repo
    const fake = fakeK6(() => jsonResponse(200, { success: true, data: { ...CARD, pan: secretPan }, meta: META }));
    const execute = createExecutor(fake.deps, config({ validators: { 'getCard 200': failing } }));
    execute({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 });
    assert.deepEqual(fake.counters.contractViolations, [{ value: 1, tags: { operation: 'getCard', name: 'GET /cards/{cardId}' } }]);
    assert.equal(fake.warnings.length, 1);
    assert.match(fake.warnings[0], /^contract violation \(documented rule\): getCard \(GET \/cards\/\{cardId\}\) status 200: \/data\/pan must match pattern/);
    assert.ok(!fake.warnings[0].includes(secretPan));
    assert.ok(!fake.warnings[0].includes(SECRET_KEY));
  });

  test('a non-JSON body and a wrong content type are violations; a status the spec does not list is an assumption', () => {
    const cases: Array<[HttpResponseLike, RegExp, 'contractViolations' | 'contractAssumptions']> = [
      [jsonResponse(418, {}), /^unconfirmed assumption \(inferred rule\): .*status 418 is not in the spec \(it lists 200, 401, 404\)/, 'contractAssumptions'],
      [{ status: 200, body: '{"truncated', headers: { 'Content-Type': 'application/json' } }, /body is not valid JSON/, 'contractViolations'],
      [jsonResponse(200, { success: true }, 'text/html'), /content type is "text\/html"/, 'contractViolations'],
    ];
    for (const [response, message, counter] of cases) {
      const fake = fakeK6(() => response);
      createExecutor(fake.deps, config({ validators: { 'getCard 200': passing } }))({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 });
      assert.equal(fake.counters[counter].length, 1, String(message));
      assert.equal(fake.counters[counter === 'contractViolations' ? 'contractAssumptions' : 'contractViolations'].length, 0, String(message));
      assert.match(fake.warnings[0], message);
    }
  });

  test('with the documented-only validators, a body breaking only inferred rules is an assumption, a documented break a violation', async () => {
    // Core's error body is inferred as a whole; a card's balance must be a number (documented).
    const core = await classifyingValidators('core', ['getCard', 'listMovements']);
    const cases: Array<[HttpResponseLike, 'contractViolations' | 'contractAssumptions', RegExp]> = [
      [jsonResponse(404, { type: 'about:blank', title: 'no card', status: 404 }), 'contractAssumptions', /unconfirmed assumption \(inferred rule\): listMovements .* must have required property 'error'/],
      [jsonResponse(200, { movements: [{ id: 'mov_1', amount: '10', description: 'x', date: '2026-01-01T00:00:00Z' }] }), 'contractViolations', /contract violation \(documented rule\): listMovements .*\/movements\/0\/amount must be number/],
    ];
    for (const [response, counter, message] of cases) {
      const fake = fakeK6(() => ({ ...response, headers: { ...response.headers, 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '1' } }));
      const operations = { listMovements: { method: 'get', path: '/cards/{cardId}/movements', statuses: [200, 401, 403, 404, 429, 500] } };
      createExecutor(fake.deps, { ...config({}), operations, ...core })({ operationId: 'listMovements', input: { path: { cardId: 'c1' } }, expect: response.status });
      assert.equal(fake.counters[counter].length, 1, fake.warnings.join('\n'));
      assert.match(fake.warnings[0], message);
    }
  });

  test('the standalone validators accept a valid card and reject a wrong type, naming the pointer', async () => {
    const validators = await standaloneValidators(['getCard']);
    const fake = fakeK6((_m, url) => jsonResponse(200, { success: true, data: url.endsWith('/bad') ? { ...CARD, isActive: 'yes' } : CARD, meta: META }));
    const execute = createExecutor(fake.deps, config({ validators }));
    execute({ operationId: 'getCard', input: { path: { cardId: 'good' } }, expect: 200 });
    assert.equal(fake.counters.contractViolations.length, 0, fake.warnings.join('\n'));
    execute({ operationId: 'getCard', input: { path: { cardId: 'bad' } }, expect: 200 });
    assert.equal(fake.counters.contractViolations.length, 1);
    assert.match(fake.warnings[0], /\/data\/isActive must be boolean/);
  });

  test('log lines are capped per VU', () => {
    const lines: string[] = [];
    const log = limitedLog((m) => lines.push(m), 2);
    for (let i = 0; i < 5; i++) log(`line ${i}`);
    assert.deepEqual(lines, ['line 0', 'line 1', '(further messages from this VU suppressed after 2)']);
  });
});

describe('429: the run is aborted at once', () => {
  test('counts rate_limited, stops the flow, and aborts outside the flow', () => {
    const fake = fakeK6(() => jsonResponse(429, { success: false, errors: [{ code: 'RATE_LIMITED', message: 'slow down' }], meta: META }));
    const execute = createExecutor(fake.deps, config());
    assert.throws(() => execute({ operationId: 'getCard', input: { path: { cardId: 'c1' } }, expect: 200 }), RateLimitedError);
    const ok = runIteration(fake.deps, 'lifecycle', getCard('c1'), execute, fake.deps.warn);
    assert.equal(ok, false);
    assert.equal(fake.counters.rateLimited.length, 2);
    assert.deepEqual(fake.counters.rateLimited[0].tags, { operation: 'getCard', name: 'GET /cards/{cardId}' });
    assert.equal(fake.aborts.length, 1);
    assert.match(fake.aborts[0], /getCard answered 429.*aborted/);
    assert.equal(fake.requests.length, 2, 'no request after the 429 within the flow');
  });
});

describe('setup', () => {
  test('readiness: up on 404 (real server) or 200 (mock), without counting as failed', () => {
    for (const status of [404, 200]) {
      const fake = fakeK6(() => jsonResponse(status, {}));
      checkReadiness(fake.deps, config(), 'getWallet');
      assert.equal(fake.requests.length, 1);
      assert.deepEqual(fake.requests[0].params.responseCallback, { expected: [200, 404] });
      assert.equal(fake.requests[0].params.tags.operation, 'getWallet');
    }
  });

  test('readiness errors say what to do, and never print the key', () => {
    const cases: Array<[HttpResponseLike, RegExp]> = [
      [{ status: 0, body: null, headers: {}, error: 'dial tcp 127.0.0.1:4999: connect: connection refused' }, /Cannot reach http:\/\/127\.0\.0\.1:4999\/cards\/v2 \(dial tcp .*refused\)\. Start the target first/],
      [jsonResponse(401, {}), /refused the API key \(getWallet answered 401\)\. Check SOVERA_API_KEY/],
      [jsonResponse(500, {}), /is not ready: getWallet answered 500/],
    ];
    for (const [response, message] of cases) {
      const fake = fakeK6(() => response);
      assert.throws(() => checkReadiness(fake.deps, config(), 'getWallet'), (error: Error) => {
        assert.match(error.message, message);
        assert.ok(!error.message.includes(SECRET_KEY));
        return true;
      });
    }
    const limited = fakeK6(() => jsonResponse(429, {}));
    assert.throws(() => checkReadiness(limited.deps, config(), 'getWallet'), RateLimitedError);
    assert.equal(limited.counters.rateLimited.length, 1);
  });

  test('provisions the pool through the shared flow, with unique emails per run', () => {
    let n = 0;
    const fake = fakeK6((_m, url) => {
      n++;
      if (url.endsWith('/users/natural')) return jsonResponse(201, { success: true, data: { id: `u${n}`, mainWalletId: `w${n}` }, meta: META });
      if (url.endsWith('/cards/debit')) return jsonResponse(201, { success: true, data: { id: `c${n}` }, meta: META });
      return jsonResponse(201, { success: true, data: {}, meta: META });
    });
    const execute = createExecutor(fake.deps, config({ contractSample: 0 }));
    const users = [{ firstName: 'A', lastName: 'B', email: 'a.b@x.example.com', currency: 'USD' }];
    const pool = provisionPool(execute, { poolSize: 2, clientCode: 'CC', users, runId: 'run', provision: provisionMember });
    assert.deepEqual(pool, [{ userId: 'u1', walletId: 'w1', cardId: 'c3' }, { userId: 'u4', walletId: 'w4', cardId: 'c6' }]);
    const emails = fake.requests.filter((r) => r.url.endsWith('/users/natural')).map((r) => JSON.parse(r.body!).email);
    assert.deepEqual(emails, ['a.b+run0@x.example.com', 'a.b+run1@x.example.com']);
  });

  test('a provisioning failure names the member and the step', () => {
    const fake = fakeK6(() => jsonResponse(400, { success: false, errors: [{ code: 'VALIDATION_ERROR', message: 'bad' }], meta: META }));
    const execute = createExecutor(fake.deps, config({ contractSample: 0 }));
    assert.throws(
      () => provisionPool(execute, { poolSize: 3, clientCode: 'CC', users: [{ firstName: 'A', lastName: 'B', email: 'a@b.example.com' }], runId: 'r', provision: provisionMember }),
      /Provisioning pool member 1 of 3 failed: createNaturalUser: expected status 201, got 400 \(VALIDATION_ERROR\)/,
    );
  });

  test('no two VUs share a pool member while the pool is as large as the VUs', () => {
    const pool = ['a', 'b', 'c', 'd'];
    assert.deepEqual([1, 2, 3, 4].map((vu) => memberFor(pool, vu)), ['a', 'b', 'c', 'd']);
    assert.equal(memberFor(pool, 5), 'a');
    assert.throws(() => memberFor([], 1), /pool is empty/);
    assert.equal(uniqueEmail('x@y.example.com', 'r', 7), 'x+r7@y.example.com');
  });
});
