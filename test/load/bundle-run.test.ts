// The built k6 bundles, run in Node with a k6 stand-in (test/load/k6-emulator.ts) against a
// real twin and a real Prism mock on loopback: init, setup() (readiness and pool), a smoke
// profile's iterations of every scenario, and handleSummary. Every request is tagged by
// operation, every response validated, every check passes, and the request count is the plan's.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiProfile } from '../../lib/apis.ts';
import { freePorts } from '../../lib/config.ts';
import { loadTwinServer, startLocalServer, stopLocalServers } from '../../lib/local-servers.ts';
import { prismHost, prismMock } from '../../lib/server-specs.ts';
import { buildLoadBundles, type BuildInfo } from '../../load/build/bundle.ts';
import { costKey } from '../../load/lib/flow-costs.ts';
import type { LoadTarget } from '../../load/lib/profiles.ts';
import { CORE_POOL_FUNDS, CORE_TOP_UP_AMOUNT, SCRIPTS, scriptApi } from '../../load/lib/scenarios.ts';
import { sampleSummary } from './helpers.ts';
import { loadBundle } from './k6-emulator.ts';

const outDir = mkdtempSync(path.join(os.tmpdir(), 'k6-bundles-'));
let info: BuildInfo;
const baseUrls: Partial<Record<LoadTarget, string>> = {};
const coreUrls: Partial<Record<LoadTarget, string>> = {};
const layerUrls: Partial<Record<LoadTarget, string>> = {};

before(async () => {
  info = await buildLoadBundles({ outDir });
  const [twinPort, mockPort, coreTwinPort, coreMockPort, layerTwinPort, layerMockPort] = freePorts(6);
  await Promise.all([
    startLocalServer(loadTwinServer('sovera', twinPort)),
    // The Core twin as npm run load starts it: the local account, a limit no load run reaches.
    startLocalServer(loadTwinServer('core', coreTwinPort)),
    startLocalServer(loadTwinServer('api-layer', layerTwinPort)),
    startLocalServer(prismHost([prismMock('sovera', mockPort), prismMock('core', coreMockPort), prismMock('api-layer', layerMockPort)])),
  ]);
  layerUrls.twin = `http://127.0.0.1:${layerTwinPort}${apiProfile('api-layer').basePath}`;
  layerUrls.mock = `http://127.0.0.1:${layerMockPort}`;
  baseUrls.twin = `http://127.0.0.1:${twinPort}${apiProfile('sovera').basePath}`;
  baseUrls.mock = `http://127.0.0.1:${mockPort}`; // Prism serves at the root
  coreUrls.twin = `http://127.0.0.1:${coreTwinPort}${apiProfile('core').basePath}`;
  coreUrls.mock = `http://127.0.0.1:${coreMockPort}`;
});
after(async () => { await stopLocalServers(); });

async function runSmoke(script: string, target: LoadTarget, baseUrl?: string) {
  const reportDir = mkdtempSync(path.join(os.tmpdir(), 'k6-report-'));
  const urls = { sovera: baseUrls, core: coreUrls, 'api-layer': layerUrls }[scriptApi(script)];
  const { mod, emu } = await loadBundle(path.join(outDir, `${script}.js`), { BASE_URL: baseUrl ?? urls[target]!, TARGET: target, PROFILE: 'smoke', REPORT_DIR: reportDir });
  try {
    const scenarios = mod.options.scenarios as Record<string, { executor: string; vus: number; iterations: number; exec: string }>;
    assert.deepEqual(Object.keys(scenarios), SCRIPTS[script]);
    const data = mod.setup();
    const setupRequests = emu.requests.length;
    let firstVu = 1; // k6 numbers VUs across all scenarios of the test
    let planned = setupRequests;
    for (const [name, scenario] of Object.entries(scenarios)) {
      assert.equal(scenario.executor, 'per-vu-iterations');
      for (let vu = firstVu; vu < firstVu + scenario.vus; vu++) {
        emu.vu.idInTest = vu;
        for (let i = 0; i < scenario.iterations; i++) mod[scenario.exec](data);
      }
      firstVu += scenario.vus;
      planned += scenario.vus * scenario.iterations * info.apis[scriptApi(script)].flowCosts.iterations[costKey(name, target)].requests;
    }
    // k6 passes setup()'s data to handleSummary as setup_data (k6 v0.49: data.setup_data).
    const outputs = mod.handleSummary({ ...sampleSummary(), setup_data: data }) as Record<string, string>;
    return { emu, data, setupRequests, planned, outputs, reportDir };
  } finally {
    await emu.close();
  }
}

for (const target of ['twin', 'mock'] as LoadTarget[]) {
  describe(`gate.js, smoke profile, on the ${target}`, () => {
    test('setup provisions the pool, every iteration passes its checks and validates against the spec', async () => {
      const { emu, data, setupRequests, planned, outputs, reportDir } = await runSmoke('gate', target);
      assert.deepEqual(emu.warnings, [], 'no warning: no violation, no failed flow');
      assert.deepEqual(emu.aborts, []);
      assert.equal(data.pool.length, 4, 'one cardholder per VU');
      assert.equal(new Set(data.pool.map((m: { cardId: string }) => m.cardId)).size, target === 'twin' ? 4 : 1, 'distinct cards on the twin (the mock answers one example)');
      assert.equal(setupRequests, 1 + 4 * info.apis.sovera.flowCosts.provision.requests, 'readiness probe plus the pool');
      assert.equal(emu.requests.length, planned, 'exactly the planned requests');
      assert.ok(emu.requests.every((r) => typeof r.tags.operation === 'string' && r.tags.operation.length > 0), 'every request tagged by operationId');
      const failed = emu.checks.filter((c) => !c.ok);
      assert.deepEqual(failed, []);
      assert.ok(emu.checks.some((c) => c.name === 'lifecycle flow completes') && emu.checks.some((c) => c.name === 'balance-check flow completes'));
      assert.equal(emu.metrics.contract_violations, undefined, 'no contract violation');
      assert.equal(emu.metrics.rate_limited, undefined);
      assert.equal(emu.metrics.contract_checked?.length, emu.requests.length - 1, 'CONTRACT_SAMPLE 1 on smoke: every response but the readiness probe validated');
      assert.deepEqual(Object.keys(outputs).sort(), [`${reportDir}/created.json`, `${reportDir}/junit.xml`, `${reportDir}/summary.json`, 'stdout']);
      assert.deepEqual(JSON.parse(outputs[`${reportDir}/created.json`]), data.pool.flatMap((m: { userId: string; cardId: string }) => [{ kind: 'user', id: m.userId }, { kind: 'card', id: m.cardId }]),
        'what setup() created, by id, for the cleanup of a sandbox run');
      assert.equal(JSON.parse(outputs[`${reportDir}/summary.json`]).target, target);
      for (const r of emu.requests) assert.ok(!r.url.includes('local-harness-key'));
    });
  });
}

describe('balance-check.js on the twin with a sampled contract check', () => {
  test('CONTRACT_SAMPLE from the environment, validating only a share', async () => {
    const reportDir = mkdtempSync(path.join(os.tmpdir(), 'k6-report-'));
    const { mod, emu } = await loadBundle(path.join(outDir, 'balance-check.js'), { BASE_URL: baseUrls.twin!, CONTRACT_SAMPLE: '0', REPORT_DIR: reportDir });
    try {
      const data = mod.setup();
      for (let i = 0; i < 5; i++) mod.balanceCheck(data);
      assert.equal(emu.metrics.contract_checked, undefined, 'CONTRACT_SAMPLE=0 validates nothing');
      assert.ok(emu.checks.every((c) => c.ok));
      assert.match(mod.handleSummary(sampleSummary())[`${reportDir}/summary.json`], /"contractSample": 0/);
    } finally {
      await emu.close();
    }
  });

  test('a target that is not up fails setup with a clear message', async () => {
    const [port] = freePorts(1);
    const { mod, emu } = await loadBundle(path.join(outDir, 'balance-check.js'), { BASE_URL: `http://127.0.0.1:${port}/cards/v2`, REPORT_DIR: outDir });
    try {
      assert.throws(() => mod.setup(), /Cannot reach http:\/\/127\.0\.0\.1:\d+\/cards\/v2 \(ECONNREFUSED\)\. Start the target first/);
    } finally {
      await emu.close();
    }
  });

  test('a non-loopback BASE_URL for a local target is refused at init', async () => {
    await assert.rejects(loadBundle(path.join(outDir, 'balance-check.js'), { BASE_URL: 'http://192.0.2.10/cards/v2' }), /host 192\.0\.2\.10 is not loopback/);
  });
});

for (const target of ['twin', 'mock'] as LoadTarget[]) {
  describe(`core-balance.js, smoke profile, on the Core ${target}`, () => {
    test('setup logs in and provisions one card per VU; every iteration passes and validates against the spec', async () => {
      const { emu, data, setupRequests, planned, outputs, reportDir } = await runSmoke('core-balance', target);
      const costs = info.apis.core.flowCosts;
      assert.deepEqual(emu.warnings, [], 'no warning: no violation, no failed flow');
      assert.deepEqual(emu.aborts, []);
      assert.equal(data.pool.length, 2, 'one card per VU');
      assert.equal(typeof data.token, 'string');
      if (target === 'twin') {
        assert.equal(new Set(data.pool.map((m: { cardId: string }) => m.cardId)).size, 2, 'distinct cards');
        assert.ok(data.pool.every((m: { balance: number }) => m.balance === CORE_POOL_FUNDS));
      }
      assert.equal(setupRequests, costs.readinessRequests + 2 * costs.provision.requests, 'login plus the pool');
      assert.equal(emu.requests[0].tags.operation, 'login');
      assert.equal(emu.requests.length, planned, 'exactly the planned requests');
      assert.ok(emu.requests.every((r) => typeof r.tags.operation === 'string' && r.tags.operation.length > 0), 'every request tagged by operationId');
      assert.deepEqual(emu.checks.filter((c) => !c.ok), []);
      assert.equal(emu.checks.filter((c) => c.name === 'core-balance flow completes').length, 10);
      assert.equal(emu.metrics.contract_violations, undefined, 'no contract violation');
      assert.equal(emu.metrics.rate_limited, undefined);
      assert.equal(emu.metrics.contract_checked?.length, emu.requests.length, 'CONTRACT_SAMPLE 1 on smoke: every response validated, the login too');
      const summary = JSON.parse(outputs[`${reportDir}/summary.json`]);
      assert.equal(summary.script, 'core-balance');
      assert.deepEqual(JSON.parse(outputs[`${reportDir}/created.json`]), data.pool.flatMap((m: { customerId: string; cardId: string }) => [{ kind: 'customer', id: m.customerId }, { kind: 'card', id: m.cardId }]));
      assert.ok(!JSON.stringify(outputs).includes(data.token), 'the token stays out of the reports');
      for (const r of emu.requests) assert.ok(!r.url.includes('test123'));
      if (target === 'twin') {
        // The last getCard of each VU shows 5 top-ups on the pool balance.
        const lastBody = emu.requests.filter((r) => r.tags.operation === 'addBalance').length;
        assert.equal(lastBody, 2 + 10, 'one addBalance per pool card in setup, one per iteration');
        assert.ok(CORE_TOP_UP_AMOUNT > 0);
      }
    });
  });
}

describe('core-balance.js options and failures', () => {
  test('thresholds: per-operation p95/p99, contract violations per operation (setup\'s too), checks, failures, an aborting 429', async () => {
    const { mod, emu } = await loadBundle(path.join(outDir, 'core-balance.js'), { BASE_URL: coreUrls.twin!, PROFILE: 'load', REPORT_DIR: outDir });
    try {
      const t = mod.options.thresholds as Record<string, unknown[]>;
      for (const op of ['addBalance', 'listMovements', 'getCard']) {
        assert.deepEqual(t[`http_req_duration{operation:${op}}`], ['p(95)<300', 'p(99)<800']);
        assert.deepEqual(t[`contract_violations{operation:${op}}`], ['count==0']);
      }
      for (const op of ['login', 'createCustomer', 'createCard', 'assignCard', 'changeCardStatus']) assert.deepEqual(t[`contract_violations{operation:${op}}`], ['count==0']);
      assert.deepEqual(t.checks, ['rate>0.99']);
      assert.deepEqual(t.http_req_failed, ['rate<0.01']);
      assert.deepEqual(t.contract_violations, ['count==0']);
      assert.deepEqual(t.rate_limited, [{ threshold: 'count==0', abortOnFail: true }]);
      assert.equal((mod.options.scenarios as Record<string, { exec: string }>)['core-balance'].exec, 'coreBalance');
    } finally {
      await emu.close();
    }
  });

  test('wrong credentials and a target that is down fail setup with a clear message', async () => {
    const wrong = await loadBundle(path.join(outDir, 'core-balance.js'), { BASE_URL: coreUrls.twin!, CORE_PASSWORD: 'wrong-password-7d1', REPORT_DIR: outDir });
    try {
      assert.throws(() => wrong.mod.setup(), /refused the login \(login answered 401\)\. Check CORE_EMAIL and CORE_PASSWORD/);
      assert.ok(!wrong.emu.warnings.join('\n').includes('wrong-password-7d1'));
    } finally {
      await wrong.emu.close();
    }
    const [port] = freePorts(1);
    const down = await loadBundle(path.join(outDir, 'core-balance.js'), { BASE_URL: `http://127.0.0.1:${port}`, REPORT_DIR: outDir });
    try {
      assert.throws(() => down.mod.setup(), /Cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Start the target first/);
    } finally {
      await down.emu.close();
    }
  });

  test('a 429 aborts the run at once', async () => {
    // A server answering 429 to everything, in its own process (the emulator blocks this thread while k6's http.request waits).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'k6-429-'));
    writeFileSync(path.join(dir, 'limited.mjs'), "import http from 'node:http'; http.createServer((q, r) => { r.writeHead(429, { 'content-type': 'application/json' }); "
      + "r.end('{\"error\":\"RATE_LIMITED\",\"message\":\"slow down\"}'); }).listen(Number(process.argv[2]), '127.0.0.1');");
    const [port] = freePorts(1);
    const limited = await startLocalServer({ name: '429 server', port, command: `node ${path.join(dir, 'limited.mjs')} ${port}` });
    const { mod, emu } = await loadBundle(path.join(outDir, 'core-balance.js'), { BASE_URL: `http://127.0.0.1:${port}`, REPORT_DIR: outDir });
    try {
      const data = { token: 't', pool: [{ customerId: 'c', cardId: 'k', currency: 'USD', balance: 0 }] };
      assert.throws(() => mod.coreBalance(data), /aborted: addBalance answered 429/);
      assert.deepEqual(emu.metrics.rate_limited, [{ value: 1, tags: { operation: 'addBalance', name: 'POST /balances/add' } }]);
      assert.equal(emu.requests.length, 1, 'nothing after the 429');
    } finally {
      await emu.close();
      await limited.stop();
    }
  });
});

for (const target of ['twin', 'mock'] as LoadTarget[]) {
  describe(`layer-hot-path.js, smoke profile, on the API Layer ${target}`, () => {
    test('setup probes and provisions one TOP_UP card per VU; every iteration passes and validates against the spec', async () => {
      const { emu, data, setupRequests, planned } = await runSmoke('layer-hot-path', target);
      assert.deepEqual(emu.warnings, [], 'no warning: no violation, no failed flow');
      assert.deepEqual(emu.aborts, []);
      assert.equal(setupRequests, 1 + data.pool.length * info.apis['api-layer'].flowCosts.provision.requests, 'readiness probe plus the pool');
      if (target === 'twin') assert.equal(new Set(data.pool.map((m: { cardId: string }) => m.cardId)).size, data.pool.length, 'distinct cards');
      assert.equal(emu.requests.length, planned, 'exactly the planned requests');
      assert.deepEqual(emu.checks.filter((c) => !c.ok), []);
      assert.ok(emu.checks.some((c) => c.name === 'layer-hot-path flow completes'));
      assert.equal(emu.metrics.contract_violations, undefined, 'no contract violation');
      for (const r of emu.requests) assert.ok(!r.url.includes('local-layer'), 'the key never goes in a URL');
    });
  });
}

describe('layer-hot-path.js catches a contract break under load', () => {
  // The card statuses are an inferred enum (docs 003 name ACTIVE and BLOCKED only): an unknown one is an
  // unconfirmed assumption, which fails a twin run (contract_assumptions threshold), not a contract violation.
  test('a twin whose getVirtualCard answers a status the spec does not know: assumptions counted on getVirtualCard, the flow fails', async () => {
    const [port] = freePorts(1);
    await startLocalServer({ name: 'broken API Layer twin', port, command: `node --import=#ts test/support/broken-layer-twin.ts ${port}` });
    const { emu } = await runSmoke('layer-hot-path', 'twin', `http://127.0.0.1:${port}`);
    const assumptions = emu.metrics.contract_assumptions ?? [];
    assert.ok(assumptions.length > 0, 'assumptions counted');
    assert.ok(assumptions.every((v) => v.tags?.operation === 'getVirtualCard'), 'on getVirtualCard only');
    assert.equal(emu.metrics.contract_violations, undefined, 'no documented rule is broken');
    assert.ok(emu.checks.some((c) => !c.ok && c.name === 'layer-hot-path flow completes'), 'the flow fails too (the card is not ACTIVE)');
  });
});
