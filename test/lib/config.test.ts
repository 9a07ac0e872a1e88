import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, isLoopbackHost, parseTargets, resolveRunPlan, LOCAL_API_KEY } from '../../lib/config.ts';

const ports = (n: number) => Array.from({ length: n }, (_, i) => 5000 + i);
const plan = (env: Record<string, string>) => resolveRunPlan(env, ports);

test('defaults to the twin and the mock, both started locally', () => {
  const p = plan({});
  assert.deepEqual(p.endpoints.map((e) => `${e.api}@${e.target}`), ['sovera@twin', 'sovera@mock']);
  const twin = p.endpoints[0];
  assert.equal(twin.stateful, true);
  assert.match(twin.directUrl!, /^http:\/\/127\.0\.0\.1:\d+\/cards\/v2$/);
  assert.ok(p.servers.some((s) => s.command.includes('proxy') && s.command.includes('--errors') && s.command.includes(twin.directUrl!)));
  assert.ok(p.servers.every((s) => s.command.includes('127.0.0.1')));
  assert.equal(p.servers.find((s) => s.name.includes('twin'))?.env?.TWIN_API_KEYS, LOCAL_API_KEY);
});

test('the mock is stateless and honours forced statuses', () => {
  const [mock] = plan({ TARGET: 'mock' }).endpoints;
  assert.equal(mock.stateful, false);
  assert.equal(mock.forcesStatus, true);
});

test('an unknown target is refused with a fix', () => {
  assert.throws(() => parseTargets('staging'), (e: unknown) => e instanceof ConfigError && /Unknown TARGET "staging".*Fix:/.test(e.message));
});

const sandbox = { TARGET: 'sandbox', SOVERA_BASE_URL: 'https://api.sandbox.sovera.io/cards/v2/', SOVERA_API_KEY: 'k' };

test('sandbox: base URL and key are used as given, trailing slash trimmed', () => {
  const [e] = plan(sandbox).endpoints;
  assert.equal(e.baseUrl, 'https://api.sandbox.sovera.io/cards/v2');
  assert.equal(e.stateful, true);
  assert.equal(plan(sandbox).servers.length, 0);
});

for (const [name, env, pattern] of [
  ['missing key', { ...sandbox, SOVERA_API_KEY: '' }, /SOVERA_API_KEY is not set/],
  ['missing base URL', { TARGET: 'sandbox', SOVERA_API_KEY: 'k' }, /SOVERA_BASE_URL is not set/],
  ['plain http to a remote host', { ...sandbox, SOVERA_BASE_URL: 'http://api.sandbox.sovera.io/cards/v2' }, /plain http/],
  ['production host', { ...sandbox, SOVERA_BASE_URL: 'https://api.sovera.io/cards/v2' }, /production host/],
  ['not a URL', { ...sandbox, SOVERA_BASE_URL: 'sandbox' }, /not a URL/],
] as const) {
  test(`sandbox refuses: ${name}`, () => {
    assert.throws(() => plan(env as Record<string, string>), (e: unknown) => e instanceof ConfigError && pattern.test(e.message) && e.message.includes('Fix:'));
  });
}

test('plain http is allowed to loopback', () => {
  const [e] = plan({ ...sandbox, SOVERA_BASE_URL: 'http://127.0.0.1:9999/cards/v2' }).endpoints;
  assert.equal(e.baseUrl, 'http://127.0.0.1:9999/cards/v2');
});

test('loopback hosts', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['10.0.0.1', '192.168.1.1', '0.0.0.0', 'example.com', '128.0.0.1']) assert.ok(!isLoopbackHost(h), h);
});

test('the plan is read back from HARNESS_PLAN so workers share ports', () => {
  const p = plan({});
  assert.deepEqual(resolveRunPlan({ HARNESS_PLAN: JSON.stringify(p) }, () => { throw new Error('must not allocate'); }), p);
});
