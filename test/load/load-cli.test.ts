// `npm run load` as a user meets it: k6 missing, a mistyped scenario, a sandbox plan over the
// budget. Exit 2, one clear message, no stack trace, no secret, and no request sent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { gateLoadStep } from '../../scripts/load.ts';

const SECRET = 'sandbox-key-must-not-print-7f3a';

interface Result { code: number | null; stdout: string; stderr: string }

/** Runs scripts/load.ts with a PATH holding node only, so no k6 is found there. */
function runLoad(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', '#ts', 'scripts/load.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: {
        HOME: process.env.HOME ?? '/tmp',
        PATH: path.dirname(process.execPath),
        TARGET: '', SOVERA_BASE_URL: '', SOVERA_API_KEY: '', RATE_LIMIT_PER_HOUR: '', POOL_SIZE: '', CONTRACT_SAMPLE: '', K6_BIN: '',
        CORE_BASE_URL: '', CORE_EMAIL: '', CORE_PASSWORD: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function assertNoStackTrace(result: Result): void {
  assert.doesNotMatch(result.stderr + result.stdout, /^\s+at .+\(.*:\d+:\d+\)$/m, 'no stack trace');
  assert.doesNotMatch(result.stderr, /Error:|node:internal/);
}

describe('npm run load without k6', () => {
  test('K6_BIN pointing nowhere and no k6 on PATH: install guidance, exit 2', async () => {
    const result = await runLoad(['balance-check', '--target', 'twin', '--profile', 'smoke'], { K6_BIN: '/nonexistent/k6' });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /k6 is not installed \(K6_BIN=\/nonexistent\/k6 is not an executable file\)/);
    assert.match(result.stderr, /sudo apt-get update && sudo apt-get install k6/);
    assert.match(result.stderr, /brew install k6/);
    assert.match(result.stderr, /grafana\/k6/);
    assert.match(result.stderr, /K6_BIN=\/path\/to\/k6 npm run load -- <scenario>/);
    assert.match(result.stdout, /Request plan:/, 'the plan is printed first');
    assertNoStackTrace(result);
  });

  test('the gate (npm start) skips its load step, and says why', async () => {
    const step = await gateLoadStep({ PATH: '/nonexistent-dir', K6_BIN: '' });
    assert.equal(step.status, 'skipped');
    assert.match(step.note, /k6 is not installed/);
  });

  test('without K6_BIN, the guidance says PATH was searched', async () => {
    const result = await runLoad(['gate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no k6 on PATH and K6_BIN is not set/);
    assertNoStackTrace(result);
  });
});

describe('npm run load with a wrong command', () => {
  test('an unknown scenario lists the known ones', async () => {
    const result = await runLoad(['balance']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim(), 'Unknown scenario "balance". Known scenarios: lifecycle, balance-check, gate, purchase, core-balance, layer-hot-path.');
    assertNoStackTrace(result);
  });

  test('an unknown target or profile names the known ones', async () => {
    const target = await runLoad(['gate', '--target', 'prod']);
    assert.equal(target.code, 2);
    assert.equal(target.stderr.trim(), 'Unknown target "prod". Known targets: twin, mock, sandbox.');
    const profile = await runLoad(['gate', '--profile', 'spike']);
    assert.equal(profile.code, 2);
    assert.equal(profile.stderr.trim(), 'Unknown profile "spike". Known profiles: smoke, load, stress, soak.');
  });

  test('a sandbox over plain http to a remote host is refused before anything runs', async () => {
    const result = await runLoad(['gate', '--target', 'sandbox'], { SOVERA_BASE_URL: 'http://api.sandbox.sovera.io/cards/v2', SOVERA_API_KEY: SECRET });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Configuration error: SOVERA_BASE_URL sends credentials over plain http/);
    assert.ok(!(result.stdout + result.stderr).includes(SECRET));
  });
});

describe('npm run load against a sandbox over budget', () => {
  // A loopback listener stands in for the sandbox host: any connection would be a request sent.
  let server: net.Server;
  let connections = 0;
  let port = 0;
  before(async () => {
    server = net.createServer((socket) => { connections++; socket.destroy(); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('is refused with the numbers, no request sent, the key never printed', async () => {
    const result = await runLoad(['gate', '--target', 'sandbox', '--profile', 'load'], {
      SOVERA_BASE_URL: `https://127.0.0.1:${port}/cards/v2`,
      SOVERA_API_KEY: SECRET,
      RATE_LIMIT_PER_HOUR: '10',
      K6_BIN: process.execPath, // even with a "k6", nothing may start
    });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout, /lifecycle\s+constant-arrival-rate\s+4 req\/iteration × 1 iterations = 4 requests/);
    assert.match(result.stdout, /setup\s+17 requests \(readiness probe 1 \+ pool 4 × 3 \+ cleanup 4\)/, 'a cancel per pool card after the run is planned too');
    assert.match(result.stdout, /budget: 23 of 8 allowed \(80% of 10\/hour\)/);
    assert.match(result.stderr, /^Load plan refused: 23 requests in the busiest hour \(lifecycle 4 req\/iteration × 1 iterations = 4; balance-check 2 req\/iteration × 1 iterations = 2; setup 17 = readiness probe 1 \+ pool 4 × 3 \+ cleanup 4\) exceed 8, 80% of the 10 requests\/hour limit\./);
    assert.ok(!(result.stdout + result.stderr).includes(SECRET), 'the API key is never printed');
    assertNoStackTrace(result);
    assert.equal(connections, 0, 'no request reached the sandbox');
  });

  test('within budget, the plan is printed and --dry-run stops before k6', async () => {
    const result = await runLoad(['gate', '--target', 'sandbox', '--profile', 'smoke', '--dry-run'], {
      SOVERA_BASE_URL: `https://127.0.0.1:${port}/cards/v2`,
      SOVERA_API_KEY: SECRET,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /budget: 47 of 800 allowed \(80% of 1000\/hour\)/);
    assert.ok(!(result.stdout + result.stderr).includes(SECRET));
    assert.equal(connections, 0);
  });
});

describe('npm run load -- core-balance', () => {
  const CORE_SECRET = 'core-password-must-not-print-91d2';
  const sandbox = { CORE_BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'load@example.com', CORE_PASSWORD: CORE_SECRET };

  test('without k6: the plan (login included), then install guidance, exit 2, no stack trace', async () => {
    const result = await runLoad(['core-balance', '--target', 'twin', '--profile', 'smoke']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stdout, /^Load core-balance: profile smoke on twin/m);
    assert.match(result.stdout, /pool 2 cards for up to 2 VUs; contract sample 1/);
    assert.match(result.stdout, /core-balance\s+per-vu-iterations\s+3 req\/iteration × 10 iterations = 30 requests/);
    assert.match(result.stdout, /setup\s+11 requests \(login 1 \+ pool 2 × 5\)/);
    assert.match(result.stderr, /k6 is not installed \(no k6 on PATH and K6_BIN is not set\)/);
    assert.match(result.stderr, /sudo apt-get update && sudo apt-get install k6/);
    assertNoStackTrace(result);
  });

  test('the sandbox plan is printed for CORE_BASE_URL and fits the budget; the password never shows', async () => {
    const smoke = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke', '--dry-run'], sandbox);
    assert.equal(smoke.code, 0, smoke.stderr);
    assert.match(smoke.stdout, /profile smoke on sandbox \(https:\/\/api-sandbox\.example\.com\)/);
    assert.match(smoke.stdout, /budget: 29 of 800 allowed \(80% of 1000\/hour\)/, 'the run, and its cleanup: a login and a cancel per card');
    const load = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'load', '--dry-run'], sandbox);
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /3 req\/iteration × 262 iterations = 786 requests/);
    assert.match(load.stdout, /budget: 800 of 800 allowed/);
    for (const r of [smoke, load]) assert.ok(!(r.stdout + r.stderr).includes(CORE_SECRET));
  });

  test('over budget on a sandbox: refused with the numbers before anything starts', async () => {
    const result = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke'], { ...sandbox, POOL_SIZE: '200', K6_BIN: process.execPath });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Load plan refused: 1205 requests in the busiest hour \(core-balance 3 req\/iteration × 1 iterations = 3; setup 1202 = login 1 \+ pool 200 × 5 \+ cleanup 201\) exceed 800/);
    assert.ok(!(result.stdout + result.stderr).includes(CORE_SECRET));
    assertNoStackTrace(result);
  });

  test('refused: credentials missing, plain http, the production host', async () => {
    const missing = await runLoad(['core-balance', '--target', 'sandbox', '--dry-run'], { CORE_BASE_URL: 'https://api-sandbox.example.com' });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^Configuration error: CORE_EMAIL and CORE_PASSWORD are not set for TARGET=sandbox/);
    const http = await runLoad(['core-balance', '--target', 'sandbox', '--dry-run'], { ...sandbox, CORE_BASE_URL: 'http://api-sandbox.example.com' });
    assert.equal(http.code, 2);
    assert.match(http.stderr, /^Configuration error: CORE_BASE_URL sends credentials over plain http to api-sandbox\.example\.com/);
    const production = await runLoad(['core-balance', '--target', 'sandbox', '--dry-run'], { ...sandbox, CORE_BASE_URL: 'https://api.example.com' });
    assert.equal(production.code, 2);
    assert.match(production.stderr, /^Configuration error: CORE_BASE_URL points at the production host api\.example\.com/);
    for (const r of [missing, http, production]) {
      assert.ok(!(r.stdout + r.stderr).includes(CORE_SECRET));
      assertNoStackTrace(r);
    }
  });
});
