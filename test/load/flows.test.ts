// The shared load flows, run in Node against the twin (in-process, loopback) with the async
// runner: the same flow code the k6 scripts run. Every response is checked against the spec,
// every flow makes exactly the requests the load plan counts, and the recorded answers,
// replayed through the k6 runner with the standalone validators, validate there too.
import { twinOps } from '../../lib/twin-ops.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { contractFor } from '../../lib/contract.ts';
import { basicKeyAuthorization, buildRequest } from '../../lib/http.ts';
import { runFlow, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import type { Cardholder } from '../../scenarios/sovera.ts';
import { generateLoadData } from '../../load/build/load-data.ts';
import { costKey, type FlowCostTable } from '../../load/lib/flow-costs.ts';
import { createExecutor, provisionPool, runIteration, type HttpResponseLike } from '../../load/lib/k6-runner.ts';
import type { LoadTarget } from '../../load/lib/profiles.ts';
import { POOL_FUNDS_CENTS, provisionMember, SCENARIOS, scenariosOf } from '../../load/lib/scenarios.ts';
import { startTwin, type RunningTwin } from '../../twin/main.ts';
import { costTable, fakeK6, operationsMeta, standaloneValidators } from './helpers.ts';

const KEY = 'load-flow-test-key';
const CLIENT_CODE = 'HARNESS-DEBIT-01';

interface Recorded { step: Step; status: number; contentType: string; text: string }

let twin: RunningTwin;
let costs: FlowCostTable;
const recorded: Recorded[] = [];

before(async () => {
  twin = await startTwin({ apiKeys: [KEY], host: '127.0.0.1' });
  costs = costTable();
});
after(async () => { await twin?.close(); });

/** Node's executor: fetch, spec check of every answer, and a record for the k6 replay. */
async function execute(step: Step): Promise<StepResponse> {
  if (step.twinOnly) { // the twin's own card transactions: no spec to check them against, nothing for the k6 replay
    const res = await twinOps(twin.url).send(step.twinOnly.method, step.twinOnly.path, step.input.body);
    return { operationId: step.operationId, status: res.status, body: res.body };
  }
  const contract = contractFor('sovera');
  const req = buildRequest(contract.operation(step.operationId), step.input, { baseUrl: twin.url, authorization: basicKeyAuthorization(KEY) });
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown;
  try { body = JSON.parse(text); } catch { body = undefined; }
  const check = contract.checkResponse(step.operationId, { status: res.status, contentType, body }, step.expect);
  assert.ok(check.ok, `${step.operationId} ${res.status} breaks the spec: ${JSON.stringify({ problems: check.problems, violations: check.violations })}`);
  recorded.push({ step, status: res.status, contentType, text });
  return { operationId: step.operationId, status: res.status, body };
}

async function counted<T>(flow: Flow<T>): Promise<{ result: T; requests: number; operations: string[] }> {
  const steps: string[] = [];
  const result = await runFlow(flow, (step) => { steps.push(step.operationId); return execute(step); });
  return { result, requests: steps.length, operations: [...new Set(steps)] };
}

async function provision(index = 0): Promise<Cardholder> {
  const user = generateLoadData(index + 1)[index];
  const { result, requests, operations } = await counted(provisionMember({ ...user, email: `load+${index}${Date.now()}@example.com` }, CLIENT_CODE));
  assert.equal(requests, costs.provision.requests, 'provisioning makes the requests the plan counts');
  assert.deepEqual(operations, costs.provision.operations);
  return result;
}

describe('provisioning a pool member (setup)', () => {
  test('creates a user with a funded main wallet and an active virtual card', async () => {
    const member = await provision();
    for (const id of [member.userId, member.walletId, member.cardId]) assert.ok(typeof id === 'string' && id.length > 0);
    const wallet = await counted((function* () {
      return (yield { operationId: 'getWallet', input: { path: { walletId: member.walletId } }, expect: 200 }).body.data[0];
    })());
    assert.equal(wallet.result.balance, POOL_FUNDS_CENTS, 'the pay-in shows in the balance');
  });
});

for (const name of scenariosOf('sovera')) { // the Core scenario: core-flows.test.ts
  describe(`${name} iteration`, () => {
    for (const target of SCENARIOS[name].targets ?? (['twin', 'mock', 'sandbox'] as LoadTarget[])) {
      // Each target's variant of the flow, on the (stateful) twin; the mock's variant skips only assertions.
      test(`${target} variant passes on the twin and makes the planned requests`, async () => {
        const member = await provision();
        const ctx = { clientCode: CLIENT_CODE, stateful: target !== 'mock', target };
        const { requests, operations } = await counted(SCENARIOS[name].iteration(member, ctx));
        const planned = costs.iterations[costKey(name, target)];
        assert.equal(requests, planned.requests, `requests per iteration of ${name} on ${target}`);
        assert.deepEqual(operations, planned.operations);
      });
    }

    test('runs again on the same member (iterations repeat on a VU\'s own card)', async () => {
      const member = await provision();
      const ctx = { clientCode: CLIENT_CODE, stateful: true, target: 'twin' as const };
      await counted(SCENARIOS[name].iteration(member, ctx));
      await counted(SCENARIOS[name].iteration(member, ctx));
    });
  });
}

describe('the recorded twin answers, replayed through the k6 runner', () => {
  test('validate with the standalone validators the bundles carry, and a broken one is caught', async () => {
    assert.ok(recorded.length > 20, 'the flow tests above recorded answers');
    const ids = [...new Set(recorded.map((r) => r.step.operationId))];
    const validators = await standaloneValidators(ids);
    const replay = (records: Recorded[]) => {
      let i = 0;
      const fake = fakeK6((): HttpResponseLike => {
        const r = records[i++];
        return { status: r.status, body: r.text, headers: { 'Content-Type': r.contentType } };
      });
      const execute = createExecutor(fake.deps, {
        baseUrl: twin.url, authorization: basicKeyAuthorization(KEY), contractSample: 1, operations: operationsMeta(ids), validators,
      });
      for (const r of records) execute(r.step);
      return fake;
    };
    const clean = replay(recorded);
    assert.equal(clean.counters.contractChecked.length, recorded.length);
    assert.deepEqual(clean.counters.contractViolations, [], clean.warnings.join('\n'));

    const wallet = recorded.find((r) => r.step.operationId === 'getWallet' && r.status === 200)!;
    const broken = { ...wallet, text: wallet.text.replace(/"balance":\d+/, '"balance":10.5') };
    const caught = replay([broken]);
    assert.deepEqual(caught.counters.contractViolations, [{ value: 1, tags: { operation: 'getWallet', name: 'GET /wallets/{walletId}' } }]);
    assert.match(caught.warnings[0], /getWallet .*status 200: \/data\/0\/balance must be integer/);
  });

  /** A fake k6 that answers, in order, what the twin answered to `records`, and an executor over it. */
  function replay(records: typeof recorded) {
    let i = 0;
    const fake = fakeK6(() => {
      const r = records[i++];
      return { status: r.status, body: r.text, headers: { 'Content-Type': r.contentType } };
    });
    const ids = [...new Set(records.map((r) => r.step.operationId))];
    const execute = createExecutor(fake.deps, {
      baseUrl: twin.url, authorization: basicKeyAuthorization(KEY), contractSample: 0, operations: operationsMeta(ids), validators: {},
    });
    return { fake, execute };
  }

  test('the k6 pool provisioning and iteration helpers drive the same flows', async () => {
    // Synchronous replay of a whole provisioning: the k6 runner's provisionPool over recorded answers.
    const start = recorded.length;
    await provision(3);
    const records = recorded.slice(start);
    const { fake, execute } = replay(records);
    const pool = provisionPool(execute, { poolSize: 1, clientCode: CLIENT_CODE, users: generateLoadData(2), runId: 'r1', provision: provisionMember });
    assert.equal(pool.length, 1);
    assert.equal(fake.requests.length, costs.provision.requests);
    assert.match(JSON.parse(fake.requests[0].body!).email, /\+r10@/, 'emails are made unique per run');
  });

  test('a lifecycle iteration replayed through runIteration completes its checks', async () => {
    const member = await provision(4);
    const ctx = { clientCode: CLIENT_CODE, stateful: true, target: 'twin' as const };
    const start = recorded.length;
    await counted(SCENARIOS.lifecycle.iteration(member, ctx));
    const records = recorded.slice(start);
    const { fake, execute } = replay(records);
    assert.equal(runIteration(fake.deps, 'lifecycle', SCENARIOS.lifecycle.iteration(member, ctx), execute, fake.deps.warn), true, fake.warnings.join('\n'));
    assert.ok(fake.checks.every((c) => c.ok));
    assert.equal(fake.checks.at(-1)?.name, 'lifecycle flow completes');
  });
});
