import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigError, isLoopbackHost, parseTargets, resolveRunPlan, credentialsFor, twinEnv,
  LOCAL_API_KEY, LOCAL_CORE_ACCOUNT, LOCAL_LIMITED_ACCOUNT, webhookSettings, webhookWithinMs,
} from '../../lib/config.ts';
import { APIS } from '../../lib/apis.ts';

const ports = (n: number) => Array.from({ length: n }, (_, i) => 5000 + i);
const plan = (env: Record<string, string>) => resolveRunPlan(env, ports);

test('defaults to every API on the twin and the mock, all started locally', () => {
  assert.deepEqual(plan({}).endpoints.map((e) => `${e.api}@${e.target}`), ['sovera@twin', 'sovera@mock', 'core@twin', 'core@mock', 'api-layer@twin', 'api-layer@mock']);
  const { servers } = plan({});
  assert.equal(new Set(servers.flatMap((s) => s.ports ?? [s.port])).size, 9, 'one port per server');
  const prism = servers.filter((s) => s.command.includes('prism-host'));
  assert.equal(prism.length, 1, 'the six Prism servers share one process (one load of Prism)');
  assert.equal(prism[0].ports?.length, 6, 'the host lists its six ports (startLocalServer waits for each: local-servers.test.ts)');
});

test('API=api-layer: the twin with one local key per access level; a sandbox needs the Admin key, the other levels are optional', () => {
  const p = plan({ API: 'api-layer' });
  assert.deepEqual(p.endpoints.map((e) => `${e.api}@${e.target}`), ['api-layer@twin', 'api-layer@mock']);
  assert.equal(p.endpoints[0].testHooks, true, 'the twin has the outbox and back-dating hooks');
  assert.equal(p.servers.find((s) => s.name.includes('twin'))?.env?.TWIN_API_LAYER_KEYS,
    '1:local-layer-read-only,2:local-layer-operational,3:local-layer-admin,MANAGEMENT:local-layer-management');
  const api = APIS['api-layer'];
  assert.throws(() => credentialsFor(api, 'sandbox', { API_LAYER_KEY_READ_ONLY: 'r' }), (e: unknown) => e instanceof ConfigError && /API_LAYER_KEY_ADMIN is not set for TARGET=sandbox/.test(e.message));
  assert.deepEqual(credentialsFor(api, 'sandbox', { API_LAYER_KEY_ADMIN: 'a', API_LAYER_KEY_MANAGEMENT: 'm' }), { scheme: 'level-keys', keys: { 3: 'a', MANAGEMENT: 'm' } });
  assert.throws(() => plan({ API: 'api-layer', TARGET: 'sandbox', API_LAYER_BASE_URL: 'http://layer.example.com', API_LAYER_KEY_ADMIN: 'a' }), /plain http/);
});

test('API=sovera: the twin and the mock, both started locally', () => {
  const p = plan({ API: 'sovera' });
  assert.deepEqual(p.endpoints.map((e) => `${e.api}@${e.target}`), ['sovera@twin', 'sovera@mock']);
  const twin = p.endpoints[0];
  assert.equal(twin.stateful, true);
  assert.match(twin.directUrl!, /^http:\/\/127\.0\.0\.1:\d+\/cards\/v2$/);
  assert.ok(p.servers.some((s) => s.command.includes(`proxy spec/sovera-cards-v2.yaml ${twin.directUrl!} `)), 'the validating proxy in front of the twin');
  assert.ok(p.servers.every((s) => s.command.includes('127.0.0.1')));
  assert.equal(p.servers.find((s) => s.name.includes('twin'))?.env?.TWIN_API_KEYS, LOCAL_API_KEY);
});

test('API=core: the twin behind the proxy at the root, with the main and the small-limit account', () => {
  const p = plan({ API: 'core' });
  assert.deepEqual(p.endpoints.map((e) => `${e.api}@${e.target}`), ['core@twin', 'core@mock']);
  const [twin, mock] = p.endpoints;
  assert.match(twin.directUrl!, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(twin.testHooks, true);
  assert.deepEqual(twin.limitedAccount, { ...LOCAL_LIMITED_ACCOUNT });
  assert.equal(mock.limitedAccount, undefined);
  const server = p.servers.find((s) => s.name === 'core twin')!;
  assert.match(server.command, /twin\/main\.ts --api core --host 127\.0\.0\.1 --port \d+/);
  const accounts = server.env!.TWIN_CORE_ACCOUNTS.split(',');
  assert.deepEqual(accounts, [`${LOCAL_CORE_ACCOUNT.email}:${LOCAL_CORE_ACCOUNT.password}`, `${LOCAL_LIMITED_ACCOUNT.email}:${LOCAL_LIMITED_ACCOUNT.password}:${LOCAL_LIMITED_ACCOUNT.limitPerHour}`]);
  assert.equal(server.env!.TWIN_API_KEYS, undefined);
  assert.ok(p.servers.some((s) => s.command.includes(`proxy spec/core-api.yaml ${twin.directUrl!} `)));
  assert.ok(p.servers.some((s) => s.command.includes('mock spec/core-api.yaml')));
  assert.deepEqual(twinEnv(APIS.sovera), { TWIN_API_KEYS: LOCAL_API_KEY });
});

test('the mock is stateless and honours forced statuses', () => {
  const [mock] = plan({ TARGET: 'mock', API: 'sovera' }).endpoints;
  assert.equal(mock.stateful, false);
  assert.equal(mock.forcesStatus, true);
});

test('an unknown target is refused with a fix', () => {
  assert.throws(() => parseTargets('staging'), (e: unknown) => e instanceof ConfigError && /Unknown TARGET "staging".*Fix:/.test(e.message));
});

const sandbox = { TARGET: 'sandbox', API: 'sovera', SOVERA_BASE_URL: 'https://api.sandbox.sovera.io/cards/v2/', SOVERA_API_KEY: 'k' };

test('sandbox: base URL and key are used as given, trailing slash trimmed', () => {
  const [e] = plan(sandbox).endpoints;
  assert.equal(e.baseUrl, 'https://api.sandbox.sovera.io/cards/v2');
  assert.equal(e.stateful, true);
  assert.equal(plan(sandbox).servers.length, 0);
});

for (const [name, env, pattern] of [
  ['missing key', { ...sandbox, SOVERA_API_KEY: '' }, /SOVERA_API_KEY is not set/],
  ['missing base URL', { TARGET: 'sandbox', API: 'sovera', SOVERA_API_KEY: 'k' }, /SOVERA_BASE_URL is not set/],
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

// ---- credentials per auth scheme
const coreSandbox = { TARGET: 'sandbox', API: 'core', CORE_BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'me@example.com', CORE_PASSWORD: 'pw-secret' };

test('credentials: local targets get the fixed local ones, per scheme', () => {
  for (const target of ['twin', 'mock'] as const) {
    assert.deepEqual(credentialsFor(APIS.sovera, target, {}), { scheme: 'basic-key', apiKey: LOCAL_API_KEY });
    assert.deepEqual(credentialsFor(APIS.core, target, {}), { scheme: 'bearer-login', email: 'test@example.com', password: 'test123' });
  }
});

test('credentials: sandbox reads them from the environment', () => {
  assert.deepEqual(credentialsFor(APIS.sovera, 'sandbox', { SOVERA_API_KEY: 'k1' }), { scheme: 'basic-key', apiKey: 'k1' });
  assert.deepEqual(credentialsFor(APIS.core, 'sandbox', coreSandbox), { scheme: 'bearer-login', email: 'me@example.com', password: 'pw-secret' });
  assert.throws(() => credentialsFor(APIS.sovera, 'sandbox', {}), (e: unknown) => e instanceof ConfigError && /^SOVERA_API_KEY is not set for TARGET=sandbox\./.test(e.message));
});

for (const [name, env, pattern] of [
  ['missing email', { ...coreSandbox, CORE_EMAIL: '' }, /^CORE_EMAIL is not set for TARGET=sandbox\. Fix: set CORE_EMAIL in \.env/],
  ['missing password', { ...coreSandbox, CORE_PASSWORD: '' }, /^CORE_PASSWORD is not set for TARGET=sandbox\. Fix: set CORE_PASSWORD in \.env/],
  ['missing email and password', { ...coreSandbox, CORE_EMAIL: '', CORE_PASSWORD: '' }, /^CORE_EMAIL and CORE_PASSWORD are not set for TARGET=sandbox\. Fix: set CORE_EMAIL and CORE_PASSWORD in \.env/],
  ['missing base URL', { ...coreSandbox, CORE_BASE_URL: '' }, /CORE_BASE_URL is not set/],
  ['production host', { ...coreSandbox, CORE_BASE_URL: 'https://api.example.com' }, /production host api\.example\.com/],
] as const) {
  test(`core sandbox refuses: ${name}, in one line`, () => {
    assert.throws(() => plan(env as Record<string, string>), (e: unknown) => e instanceof ConfigError && pattern.test(e.message) && !e.message.includes('\n'));
  });
}

test('core sandbox: base URL as given, no servers, no twin hooks, the password never in the message of a refusal', () => {
  const p = plan(coreSandbox);
  assert.deepEqual(p.endpoints, [{ api: 'core', target: 'sandbox', baseUrl: 'https://api-sandbox.example.com', stateful: true, forcesStatus: false, injectsFaults: false, strict: false }]);
  assert.equal(p.servers.length, 0);
  try { plan({ ...coreSandbox, CORE_BASE_URL: 'http://remote.example.com' }); assert.fail('refused'); } catch (e) {
    assert.ok(!(e as Error).message.includes('pw-secret'));
  }
});

test('with every API on sandbox, only the configured ones run', () => {
  const p = plan({ TARGET: 'sandbox', CORE_BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'a@b.co', CORE_PASSWORD: 'x' });
  assert.deepEqual(p.endpoints.map((e) => `${e.api}@${e.target}`), ['core@sandbox']);
});

test('STRICT and MAX_FAILURES: read before the first request, refused in one line when malformed', async () => {
  const { parseStrict, maxFailures, resolveRunPlan, ConfigError } = await import('../../lib/config.ts');
  assert.equal(parseStrict(undefined), false);
  assert.equal(parseStrict('1'), true);
  assert.equal(parseStrict('0'), false);
  assert.throws(() => parseStrict('yes'), (e: Error) => e instanceof ConfigError && /STRICT="yes" is neither 1 nor 0\. Fix: set STRICT=1/.test(e.message));
  const local = resolveRunPlan({ TARGET: 'twin', API: 'core' }, (n) => Array.from({ length: n }, (_, i) => 5000 + i));
  assert.ok(local.endpoints.every((e) => e.strict), 'the twin is always strict');
  const live = { TARGET: 'sandbox', API: 'core', CORE_BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'a@b.c', CORE_PASSWORD: 'p' };
  assert.equal(resolveRunPlan(live).endpoints[0].strict, false);
  assert.equal(resolveRunPlan({ ...live, STRICT: '1' }).endpoints[0].strict, true);
  assert.equal(maxFailures(local, {}), 0, 'unlimited on local targets');
  assert.equal(maxFailures(resolveRunPlan(live), {}), 10, 'a failure budget on live targets');
  assert.equal(maxFailures(resolveRunPlan(live), { MAX_FAILURES: '0' }), 0);
  assert.throws(() => maxFailures(local, { MAX_FAILURES: '-1' }), /MAX_FAILURES="-1" is not a whole number\. Fix:/);
});

test('webhook settings: none, both, or refused with the fix (half set, plain http, not a port)', () => {
  assert.equal(webhookSettings({}), undefined);
  assert.deepEqual(webhookSettings({ WEBHOOK_PUBLIC_URL: 'https://hooks.example.com/in', WEBHOOK_RECEIVER_PORT: '8787' }), { publicUrl: 'https://hooks.example.com/in', port: 8787 });
  assert.throws(() => webhookSettings({ WEBHOOK_RECEIVER_PORT: '8787' }), /WEBHOOK_PUBLIC_URL is not/);
  assert.throws(() => webhookSettings({ WEBHOOK_PUBLIC_URL: 'https://hooks.example.com/in' }), /WEBHOOK_RECEIVER_PORT="" is not a port/);
  assert.throws(() => webhookSettings({ WEBHOOK_PUBLIC_URL: 'http://hooks.example.com/in', WEBHOOK_RECEIVER_PORT: '8787' }), /must be https/);
  assert.throws(() => webhookSettings({ WEBHOOK_PUBLIC_URL: 'https://hooks.example.com/in', WEBHOOK_RECEIVER_PORT: '70000' }), /not a port/);
});

test('WEBHOOK_WITHIN_MS: 10 s by default, whole milliseconds, else refused with the fix', () => {
  assert.equal(webhookWithinMs({}), 10_000);
  assert.equal(webhookWithinMs({ WEBHOOK_WITHIN_MS: '1500' }), 1500);
  assert.throws(() => webhookWithinMs({ WEBHOOK_WITHIN_MS: 'soon' }), /not whole milliseconds/);
});
