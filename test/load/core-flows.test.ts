// The shared Core flows (scenarios/core.ts), run in Node against the Core twin (in-process,
// loopback) with the async runner: the same flow code core-balance.k6.ts runs. Every answer is
// checked against the spec (body and X-RateLimit-* headers), each flow makes exactly the
// requests the load plan counts, and the recorded answers, replayed through the k6 runner with
// the standalone validators the bundle carries, validate there too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { contractFor } from '../../lib/contract.ts';
import { bearerAuthorization, buildRequest } from '../../lib/http.ts';
import { loadSpec } from '../../lib/spec.ts';
import { runFlow, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import { coreBalanceCycle, coreBalanceSteps, coreLogin, setCoreCardStatus, type CoreCard } from '../../scenarios/core.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import { generateLoadData } from '../../load/build/load-data.ts';
import { generateValidators } from '../../load/build/validators.ts';
import { LOAD_APIS } from '../../load/lib/apis.ts';
import { costKey, flowCostTable, type FlowCostTable } from '../../load/lib/flow-costs.ts';
import { createExecutor, loginForSetup, provisionPool, runIteration, type HttpResponseLike, type ResponseValidator } from '../../load/lib/k6-runner.ts';
import type { LoadTarget } from '../../load/lib/profiles.ts';
import { CORE_POOL_FUNDS, CORE_TOP_UP_AMOUNT, provisionCoreMember, SCENARIOS } from '../../load/lib/scenarios.ts';
import { startTwin, type RunningCoreTwin } from '../../twin/main.ts';
import { bundledValidators, fakeK6 } from './helpers.ts';

const ACCOUNT = { email: 'load-flows@example.com', password: 'load-flows-password' };

interface Recorded { step: Step; status: number; contentType: string; text: string }

let twin: RunningCoreTwin;
let costs: FlowCostTable;
let token = '';
const recorded: Recorded[] = [];

before(async () => {
  twin = await startTwin({ api: 'core', host: '127.0.0.1', accounts: [{ ...ACCOUNT, rateLimitPerHour: 1_000_000 }] });
  costs = flowCostTable(exampleResponder(loadSpec('core')), 'core');
  token = (await counted(coreLogin(ACCOUNT), false)).result.token;
});
after(async () => { await twin?.close(); });

/** Node's executor: fetch, spec check of every answer (headers too), and a record for the k6 replay. */
async function execute(step: Step, authorized = true): Promise<StepResponse> {
  const contract = contractFor('core');
  const req = buildRequest(contract.operation(step.operationId), step.input, { baseUrl: twin.url, authorization: authorized ? bearerAuthorization(token) : undefined });
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown;
  try { body = JSON.parse(text); } catch { body = undefined; }
  // Checked against the spec whatever the status; the flow runner refuses an unexpected one.
  const check = contract.checkResponse(step.operationId, { status: res.status, contentType, body, headers: Object.fromEntries(res.headers) });
  assert.ok(check.ok, `${step.operationId} ${res.status} breaks the spec: ${JSON.stringify({ problems: check.problems, violations: check.violations })}`);
  recorded.push({ step, status: res.status, contentType, text });
  return { operationId: step.operationId, status: res.status, body };
}

async function counted<T>(flow: Flow<T>, authorized = true): Promise<{ result: T; requests: number; operations: string[] }> {
  const start = recorded.length;
  const result = await runFlow(flow, (step) => execute(step, authorized));
  const steps = recorded.slice(start).map((r) => r.step.operationId);
  return { result, requests: steps.length, operations: [...new Set(steps)] };
}

async function provision(index = 0): Promise<CoreCard> {
  const user = generateLoadData(index + 1)[index];
  const { result, requests, operations } = await counted(provisionCoreMember({ ...user, email: `core-load+${index}${Date.now()}@example.com` }));
  assert.equal(requests, costs.provision.requests, 'provisioning makes the requests the plan counts');
  assert.deepEqual(operations, costs.provision.operations);
  return result;
}

describe('Core: login and provisioning a pool card (setup)', () => {
  test('login answers a token; provisioning leaves an assigned, funded, active card', async () => {
    assert.ok(token.length > 0);
    assert.equal(costs.readinessRequests, 1);
    const card = await provision();
    assert.equal(card.balance, CORE_POOL_FUNDS);
    const read = await counted((function* () {
      return (yield { operationId: 'getCard', input: { path: { cardId: card.cardId } }, expect: 200 }).body;
    })());
    assert.deepEqual({ status: read.result.status, customerId: read.result.customerId, balance: read.result.balance }, { status: 'active', customerId: card.customerId, balance: CORE_POOL_FUNDS });
  });
});

describe('core-balance iteration on the Core twin', () => {
  for (const target of ['twin', 'mock', 'sandbox'] as LoadTarget[]) {
    test(`${target} variant passes and makes the planned requests`, async () => {
      const card = await provision();
      const ctx = { clientCode: '', stateful: target !== 'mock', target, balances: new Map<string, number | null>() };
      const { requests, operations } = await counted(SCENARIOS['core-balance'].iteration(card, ctx));
      const planned = costs.iterations[costKey('core-balance', target)];
      assert.equal(requests, planned.requests);
      assert.deepEqual(operations, planned.operations);
    });
  }

  test('repeats on the same card: the balance grows by the amount each time, and the checks catch a blocked card', async () => {
    const card = await provision();
    const balances = new Map<string, number | null>();
    const ctx = { clientCode: '', stateful: true, target: 'twin' as const, balances };
    for (let i = 0; i < 3; i++) await counted(SCENARIOS['core-balance'].iteration(card, ctx));
    assert.equal(balances.get(card.cardId), CORE_POOL_FUNDS + 3 * CORE_TOP_UP_AMOUNT);
    // A top-up of a blocked card is refused (409): the flow fails on its first step.
    await counted(setCoreCardStatus(card.cardId, 'blocked'));
    await assert.rejects(counted(coreBalanceCycle(coreBalanceSteps(card.cardId, 1), balances.get(card.cardId))), /addBalance: expected status 200, got 409/);
  });

  test('the growth check catches a balance that moved behind the flow\'s back', async () => {
    const card = await provision();
    await assert.rejects(counted(coreBalanceCycle(coreBalanceSteps(card.cardId, 5), card.balance + 1)), /the balance did not grow by the amount/);
  });
});

describe('Core: the recorded twin answers, replayed through the k6 runner', () => {
  let validators: Record<string, ResponseValidator>;
  before(async () => {
    const ids = [...loadSpec('core').operations.keys()];
    validators = await bundledValidators(generateValidators(loadSpec('core'), ids));
  });

  function replayer(records: Recorded[]) {
    let i = 0;
    return fakeK6((): HttpResponseLike => {
      const r = records[i++];
      return { status: r.status, body: r.text, headers: { 'Content-Type': r.contentType } };
    });
  }
  const operations = () => Object.fromEntries([...loadSpec('core').operations.values()].map((op) => [op.operationId, { method: op.method, path: op.path, statuses: [...op.responses.keys()] }]));

  test('validate with the standalone validators the bundle carries, and a broken one is caught', () => {
    assert.ok(recorded.length > 20, 'the flow tests above recorded answers');
    const fake = replayer(recorded);
    const run = createExecutor(fake.deps, { baseUrl: twin.url, authorization: bearerAuthorization(token), contractSample: 1, operations: operations(), validators });
    for (const r of recorded) run(r.step);
    assert.equal(fake.counters.contractChecked.length, recorded.length);
    assert.deepEqual(fake.counters.contractViolations, [], fake.warnings.join('\n'));

    const list = recorded.find((r) => r.step.operationId === 'listMovements' && r.status === 200)!;
    const broken = { ...list, text: list.text.replace(/"date":"[^"]*"/, '"date":"yesterday"') };
    const caught = replayer([broken]);
    createExecutor(caught.deps, { baseUrl: twin.url, authorization: bearerAuthorization(token), contractSample: 1, operations: operations(), validators })(broken.step);
    assert.deepEqual(caught.counters.contractViolations, [{ value: 1, tags: { operation: 'listMovements', name: 'GET /cards/{cardId}/movements' } }]);
    assert.match(caught.warnings[0], /listMovements .*status 200: \/movements\/0\/date must match format "date-time"/);
  });

  test('setup (login, pool) and an iteration through the k6 runner, over recorded answers', async () => {
    const start = recorded.length;
    await counted(coreLogin(ACCOUNT), false);
    const card = await provision(3);
    await counted(SCENARIOS['core-balance'].iteration(card, { clientCode: '', stateful: true, target: 'twin', balances: new Map([[card.cardId, card.balance]]) }));
    const fake = replayer(recorded.slice(start));
    const config = { baseUrl: twin.url, contractSample: 0, operations: operations(), validators: {} };
    const session = loginForSetup(createExecutor(fake.deps, { ...config, authorization: undefined }), ACCOUNT, twin.url);
    const execute = createExecutor(fake.deps, { ...config, authorization: bearerAuthorization(session.token) });
    const pool = provisionPool(execute, { poolSize: 1, clientCode: '', users: generateLoadData(4).slice(3), runId: 'r1', provision: (u) => provisionCoreMember(u, { stateful: false }) }); // recorded answers carry the recorded email
    assert.equal(pool.length, 1);
    assert.match(JSON.parse(fake.requests[1].body!).email, /\+r10@/, 'emails are made unique per run');
    assert.equal(fake.requests[0].params.headers.authorization, undefined, 'login goes without credentials');
    assert.ok(fake.requests.slice(1).every((r) => r.params.headers.authorization === bearerAuthorization(session.token)));
    const ok = runIteration(fake.deps, 'core-balance', SCENARIOS['core-balance'].iteration(pool[0], { clientCode: '', stateful: false, target: 'twin' }), execute, fake.deps.warn, LOAD_APIS.core.errorCode);
    assert.equal(ok, true, fake.warnings.join('\n'));
    assert.equal(fake.requests.length, 1 + costs.provision.requests + 3);
    assert.equal(fake.checks.at(-1)?.name, 'core-balance flow completes');
  });
});
