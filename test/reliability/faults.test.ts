// The harness itself under faults: a 500, malformed JSON, a wrong content type, a reset
// connection, a hang and a slow answer past the timeout each fail the affected check with a
// message naming the operation and the fault; the other tests still run and pass; the run ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectFailures, runPlaywright } from '../support/playwright-subrun.ts';

const TIMEOUT_MS = 2000;
const EXPECTED: Record<string, RegExp> = {
  'status=500': /getWallet \(GET \/wallets\/\{walletId\}\)[\s\S]*expected status 200, got 500/,
  'malformed-json': /getWallet \(GET \/wallets\/\{walletId\}\)[\s\S]*body is not valid JSON/,
  'content-type': /getWallet \(GET \/wallets\/\{walletId\}\)[\s\S]*content type is "text\/html[^"]*", expected application\/json/,
  reset: /getWallet \(GET \/wallets\/\{walletId\}\) on sovera@twin: connection reset by the server/,
  timeout: new RegExp(`getWallet \\(GET /wallets/\\{walletId\\}\\) on sovera@twin: no response within ${TIMEOUT_MS} ms \\(timeout\\)`),
  'delay=5000': new RegExp(`getWallet \\(GET /wallets/\\{walletId\\}\\) on sovera@twin: no response within ${TIMEOUT_MS} ms \\(timeout\\)`),
};

interface JsonTest { title: string; status: string; errors: { message?: string }[] }

test('each injected fault fails its own check, clearly; the rest of the suite passes; the run ends', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'faults-'));
  try {
    // The fault tests are listed as expected to fail (no worker restart after each); whether each did is read below.
    const expected = expectFailures(out, Object.keys(EXPECTED).map((fault) => `sovera@twin › getWallet under fault ${fault}`));
    const run = await runPlaywright('test/reliability/faults.config.ts', { TARGET: 'twin', API: 'sovera', REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), FAULTS_OUT: out, ...expected });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    assert.equal(run.status, 0, `the fault tests fail as listed, the others pass:\n${run.output.slice(-2000)}`);
    assert.deepEqual(report.errors ?? [], [], 'no run-level error (e.g. the global timeout)');
    const results = new Map<string, JsonTest>();
    const collect = (suite: { specs?: { title: string; tests: { results: { status: string; errors: { message?: string }[] }[] }[] }[]; suites?: unknown[] }) => {
      for (const spec of suite.specs ?? []) {
        const last = spec.tests[0].results.at(-1)!;
        results.set(spec.title, { title: spec.title, status: last.status, errors: last.errors });
      }
      for (const child of (suite.suites ?? []) as typeof suite[]) collect(child);
    };
    for (const suite of report.suites) collect(suite);

    for (const [fault, pattern] of Object.entries(EXPECTED)) {
      const result = results.get(`getWallet under fault ${fault}`);
      assert.ok(result, `the test for ${fault} ran`);
      assert.equal(result.status, 'failed', `${fault} fails its check`);
      const message = result.errors.map((e) => e.message ?? '').join('\n').replace(/\u001b\[[0-9;]*m/g, '');
      assert.match(message, pattern, `${fault}: the message names the operation and the fault`);
    }
    for (const title of ['getWallet with a short delay inside the timeout', 'getWallet without a fault']) {
      assert.equal(results.get(title)?.status, 'passed', `${title} still passes`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
