// The webhook receiver and the transaction rules catch each break alone, in copies of the twin
// (test fixtures) run as the user runs the suite: the API Layer's notification test against a
// twin posing as a sandbox (its webhook configured outside the API, as on a real one) that sends
// a wrong key, drops a common field, sends an unknown status, sends each notification twice, or
// sends nothing; and Sovera's reversal test against a twin whose reversal never gives the
// withheld amount back. The same test passes against the real twin (the control run).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_LEVEL_KEYS } from '../../lib/apis.ts';
import { freePorts, resolveRunPlan, type RunPlan } from '../../lib/config.ts';
import { startTwin } from '../../twin/main.ts';
import type { TwinVariant } from '../../twin/server.ts';
import type { WebhookEvent } from '../../twin/webhooks.ts';
import { failedTests, runCases, runPlaywright } from '../support/playwright-subrun.ts';

const CONFIG = 'test/support/suite.config.ts';
const NOTIFIED = 'a simulated purchase is notified: the common part, a unique operation_id, the X-Webhook-Key';
const KEY = 'whk-configured-in-management';

const body = (e: WebhookEvent) => e.body as Record<string, unknown>;
const BREAKS: Record<string, { variant?: TwinVariant; twinKey?: string; expect: RegExp[] }> = {
  'a wrong key': { twinKey: 'whk-some-other-key', expect: [/Contract failure: webhook receiveWebhookEvent/, /header X-Webhook-Key does not hold the configured key/, /documented: 003 Webhooks/] },
  'a missing common field': {
    variant: { webhook: (e) => [{ ...e, body: Object.fromEntries(Object.entries(body(e)).filter(([k]) => k !== 'sub_operation')) }] },
    expect: [/Contract failure: webhook receiveWebhookEvent/, /must have required property 'sub_operation'/],
  },
  'an unknown status': {
    variant: { webhook: (e) => [{ ...e, body: { ...body(e), status: 'SETTLED_MAYBE' } }] },
    expect: [/webhook receiveWebhookEvent/, /\/status must be equal to one of the allowed values/],
  },
  'a duplicated id': {
    variant: { webhook: (e) => [e, e] },
    expect: [/Contract failure: webhook receiveWebhookEvent/, /operation_id .+ was delivered again after this receiver acknowledged it \(2xx\): a duplicate, not a retry/],
  },
  'no delivery at all': {
    variant: { webhook: () => [] },
    expect: [/Contract failure: webhook receiveWebhookEvent/, /no receiveWebhookEvent notification arrived within 1500 ms \(expected 1\)/, /simulateTransaction|Simulate/],
  },
};

/**
 * The notification test of every case (the control first, then each break) against a twin of its
 * own posing as the sandbox, in one Playwright run (runCases: a project per twin). One worker, so
 * the cases run one after another: every twin posts to the one receiver port the run configures
 * (WEBHOOK_RECEIVER_PORT), open only during the test of the twin's own case. The failure message
 * of each, or undefined when it passed.
 */
let messages: Record<string, string | undefined>;

before(async () => {
  const [port] = freePorts(1);
  const cases: [string, { variant?: TwinVariant; twinKey?: string }][] = [['control', {}], ...Object.entries(BREAKS)];
  const twins = await Promise.all(cases.map(([, c]) => startTwin({ api: 'api-layer', variant: c.variant, webhookUrl: `http://127.0.0.1:${port}/webhooks`, webhookKey: c.twinKey ?? KEY })));
  try {
    const env = {
      API_LAYER_KEY_ADMIN: LOCAL_LEVEL_KEYS[3], API_LAYER_KEY_OPERATIONAL: LOCAL_LEVEL_KEYS[2],
      // The sandbox's webhook is configured outside the API; the tunnel's public URL is not called here (the twins post to the port).
      WEBHOOK_PUBLIC_URL: 'https://hooks.example.test/webhooks', WEBHOOK_RECEIVER_PORT: String(port), API_LAYER_WEBHOOK_KEY: KEY,
      WEBHOOK_WITHIN_MS: '1500',
    };
    // Each twin as the API Layer sandbox, as TARGET=sandbox STRICT=1 resolves it.
    const plan: RunPlan = { endpoints: twins.flatMap((twin) => resolveRunPlan({ ...env, TARGET: 'sandbox', API: 'api-layer', STRICT: '1', API_LAYER_BASE_URL: twin.url }).endpoints), servers: [] };
    const { run, cases: results } = await runCases(plan, cases.map(() => NOTIFIED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), env, 1);
    cases.forEach(([name], i) => assert.equal(results[i].ran, 1, `the notification test ran for ${name}:\n${run.output.slice(-1500)}`));
    messages = Object.fromEntries(cases.map(([name], i) => [name, results[i].failed.get(NOTIFIED)]));
  } finally {
    await Promise.all(twins.map((twin) => twin.close()));
  }
}, { timeout: 300_000 });

test('the notification check passes against the real twin posing as a sandbox (control)', () => {
  assert.equal(messages.control, undefined);
});

for (const [name, { expect }] of Object.entries(BREAKS)) {
  test(`the receiver catches ${name}`, () => {
    const message = messages[name];
    assert.ok(message !== undefined, `the notification test fails against a twin with ${name}`);
    for (const pattern of expect) assert.match(message, pattern);
    assert.doesNotMatch(message, new RegExp(`${KEY}|whk-some-other-key`), 'no webhook key in the message');
  });
}

test('a withheld amount that never returns after a reversal fails the Sovera suite, naming the rule', { timeout: 120_000 }, async () => {
  // The reversal releases nothing: amountWithheld stays up.
  const twin = await startTwin({ api: 'sovera', variant: { funds: (funds) => ({ ...funds, release: () => {} }) } });
  const out = mkdtempSync(path.join(tmpdir(), 'withheld-break-'));
  const plan: RunPlan = {
    endpoints: [{ api: 'sovera', target: 'twin', baseUrl: twin.url, directUrl: twin.url, stateful: true, forcesStatus: false, injectsFaults: false, testHooks: true, strict: true }],
    servers: [],
  };
  try {
    const run = await runPlaywright(CONFIG, { HARNESS_PLAN: JSON.stringify(plan), RUN_OUT: out, MAX_FAILURES: '0' }, 1, ['--grep', 'a reversed authorisation gives the withheld amount back']);
    assert.equal(run.status, 1, `the test fails against the broken twin:\n${run.output.slice(-1500)}`);
    const [message] = [...failedTests(`${out}/results.json`).values()];
    assert.match(message, /Contract failure/);
    assert.match(message, /rule getWallet#withheld-follows-pending on sovera@twin \(documented/);
    assert.match(message, /the balance withheld due to pending transactions/);
  } finally {
    await twin.close();
    rmSync(out, { recursive: true, force: true });
  }
});
