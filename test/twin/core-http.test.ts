// The Core twin's HTTP behaviour: request validation, headers on every answer (X-RateLimit-*,
// X-Request-Id), the per-account rate limit, fault injection in Core's error format, routing, and
// the CLI for --api core (options, refusals, start-up line, no secrets printed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, parseAccounts, parseCli, startTwin, type RunningCoreTwin } from '../../twin/main.ts';
import {
  startCoreWithToken, EMAIL, OTHER_EMAIL, OTHER_PASSWORD, PASSWORD, UUID, assertCoreHeaders, call, expectCall, getCard, login, newCard, setStatus, topUp, withCore,
} from './core-helpers.ts';

let twin: RunningCoreTwin;
let token: string;
before(async () => { ({ twin, token } = await startCoreWithToken()); });
after(async () => { await twin.close(); });

async function raw(target: { url: string }, method: string, route: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(target.url + route, { method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = undefined; }
  return { status: response.status, headers: response.headers, text, body };
}

describe('request validation', () => {
  test('400 VALIDATION_ERROR: one message listing every violation with its Ajv path', async () => {
    const res = await expectCall(twin, 'createCustomer', { body: { email: 'not-an-email', nickname: 'J' } }, 400, 'VALIDATION_ERROR', { token });
    const parts = res.body.message.split('; ');
    assert.ok(parts.includes("body must have required property 'name'"), res.body.message);
    assert.ok(parts.includes('body must NOT have additional properties: "nickname"'), res.body.message);
    assert.ok(parts.includes('body/email must match format "email"'), res.body.message);
    assert.equal(parts.length, 3, res.body.message);
  });

  test('the docs\' "Common Issues" payloads are 400s', async () => {
    await expectCall(twin, 'createCustomer', { body: { name: 'Juan Perez' } }, 400, 'VALIDATION_ERROR', { token });
    await expectCall(twin, 'addBalance', { body: { cardId: 'card_001', amount: '100' } }, 400, 'VALIDATION_ERROR', { token });
    await expectCall(twin, 'changeCardStatus', { body: { cardId: 'card_001', status: 'pending' } }, 400, 'VALIDATION_ERROR', { token });
    await expectCall(twin, 'createCard', { body: { currency: 'GBP' } }, 400, 'VALIDATION_ERROR', { token });
    await expectCall(twin, 'login', { body: { email: EMAIL } }, 400, 'VALIDATION_ERROR');
    await expectCall(twin, 'assignCard', { body: { cardId: '', customerId: 'cus_001' } }, 400, 'VALIDATION_ERROR', { token });
  });

  test('a missing body, unparsable JSON, an unaccepted content type', async () => {
    const missing = await expectCall(twin, 'createCard', {}, 400, 'VALIDATION_ERROR', { token });
    assert.equal(missing.body.message, 'body request body is required');
    await expectCall(twin, 'createCard', {}, 400, 'INVALID_BODY', { token, raw: { text: '{"currency":', contentType: 'application/json' } });
    const form = await expectCall(twin, 'createCard', {}, 400, 'VALIDATION_ERROR', { token, raw: { text: 'currency=USD', contentType: 'application/x-www-form-urlencoded' } });
    assert.match(form.body.message, /content type/);
    // Login reads its body before anything else: a broken one is still a Core answer with every header.
    const login = await expectCall(twin, 'login', {}, 400, 'INVALID_BODY', { raw: { text: '{"email":', contentType: 'application/json' } });
    assertCoreHeaders(login);
  });
});

describe('headers on every answer', () => {
  test('X-Request-Id is a fresh UUID on every response, success and error', async () => {
    const ids = new Set<string>();
    const answers = [
      await call(twin, 'listCustomers', {}, { token }),
      await call(twin, 'listCustomers', {}, { token }),
      await call(twin, 'listCustomers', {}, {}),
      await call(twin, 'getCard', { path: { cardId: 'nope' } }, { token }),
      await call(twin, 'login', { body: { email: EMAIL, password: 'x' } }),
      await call(twin, 'listCustomers', {}, { token, headers: { 'x-twin-fault': 'status=500' } }),
    ];
    for (const res of answers) {
      const id = res.headers.get('x-request-id') ?? '';
      assert.match(id, UUID);
      ids.add(id);
    }
    assert.equal(ids.size, answers.length, 'never reused');
  });

  test('unknown routes (404) and known paths with another method (405) carry them too, in the error format', async () => {
    const unknown = await raw(twin, 'GET', '/nope', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { error: 'NOT_FOUND', message: "Route 'GET /nope' not found" });
    assertCoreHeaders(unknown);
    const wrong = await raw(twin, 'DELETE', '/balances/add');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    // /cards/assign is also a card id under GET /cards/{cardId}
    assert.equal((await raw(twin, 'DELETE', '/cards/assign')).headers.get('allow'), 'POST, GET');
    assert.equal(wrong.body.error, 'METHOD_NOT_ALLOWED');
    assertCoreHeaders(wrong);
    const root = await raw(twin, 'GET', '/');
    assert.equal(root.status, 404);
    assertCoreHeaders(root);
  });

  test('the answer is application/json; the Core API has no envelope', async () => {
    const res = await expectCall(twin, 'listCustomers', {}, 200, undefined, { token });
    assert.equal(res.contentType, 'application/json; charset=utf-8');
    assert.deepEqual(Object.keys(res.body), ['customers']);
  });

  test('header names are case-insensitive (raw HTTP/1.1, capitalised names)', async () => {
    const exchange = (head: string) => new Promise<string>((resolve, reject) => {
      const socket = net.connect(twin.port, '127.0.0.1', () => socket.end(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.on('data', (c) => { text += c; }).on('end', () => resolve(text)).on('error', reject);
    });
    assert.match(await exchange(`GET /customers HTTP/1.1\r\nAUTHORIZATION: Bearer ${token}`), /^HTTP\/1\.1 200 /);
    assert.match(await exchange(`GET /customers HTTP/1.1\r\nAuthorization: Bearer ${token}\r\nX-Twin-Fault: status=503`), /^HTTP\/1\.1 503 /);
  });
});

describe('rate limit', () => {
  test('default 1000 per hour per account: Limit 1000, Remaining counts down, Reset is the end of the hour', async () => {
    await withCore({ rateLimitPerHour: undefined }, async (plain) => {
      const t = await login(plain); // 1
      const remaining: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await expectCall(plain, 'listCustomers', {}, 200, undefined, { token: t });
        assert.equal(res.headers.get('x-ratelimit-limit'), '1000');
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        const nowSeconds = Date.now() / 1000;
        assert.ok(reset > nowSeconds && reset <= nowSeconds + 3600 + 1, `reset ${reset} is the end of the hourly window`);
        assert.equal(reset % 3600, 0, 'a fixed, clock-aligned hourly window');
        remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
      }
      assert.deepEqual(remaining, [998, 997, 996]);
    });
  });

  test('past the limit: 429 RATE_LIMITED with the headers and Remaining 0; other accounts keep their own budget', async () => {
    await withCore({ rateLimitPerHour: 4 }, async (limited) => {
      const t = await login(limited); // 1
      await expectCall(limited, 'listCustomers', {}, 200, undefined, { token: t }); // 2
      await expectCall(limited, 'createCard', { body: { currency: 'USD' } }, 200, undefined, { token: t }); // 3
      const last = await expectCall(limited, 'getCard', { path: { cardId: 'x' } }, 404, 'NOT_FOUND', { token: t }); // 4: errors count too
      assert.equal(last.headers.get('x-ratelimit-remaining'), '0');
      for (const [operationId, input] of [['listCustomers', {}], ['createCard', { body: { currency: 'EUR' } }], ['logout', {}]] as const) {
        const res = await expectCall(limited, operationId, input, 429, 'RATE_LIMITED', { token: t });
        assert.equal(res.headers.get('x-ratelimit-limit'), '4');
        assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
        assert.match(res.body.message, /4 requests per hour/);
        assert.ok(Number(res.headers.get('retry-after')) >= 1);
      }
      // Past the limit nothing runs: the token was not logged out, no card was created.
      const other = await login(limited, OTHER_EMAIL, OTHER_PASSWORD);
      const otherRes = await expectCall(limited, 'listCustomers', {}, 200, undefined, { token: other });
      assert.equal(otherRes.headers.get('x-ratelimit-remaining'), '2');
      // A login to the limited account is limited too (it counts against the account of its email).
      await expectCall(limited, 'login', { body: { email: EMAIL, password: PASSWORD } }, 429, 'RATE_LIMITED');
      await expectCall(limited, 'login', { body: { email: EMAIL.toUpperCase(), password: 'wrong' } }, 429, 'RATE_LIMITED');
    });
  });

  test('a login with a known email counts against that account, right password or not; unknown emails and missing tokens share the anonymous bucket', async () => {
    await withCore({ rateLimitPerHour: 10 }, async (limited) => {
      const first = await expectCall(limited, 'login', { body: { email: EMAIL, password: 'wrong' } }, 401, 'UNAUTHORIZED');
      assert.equal(first.headers.get('x-ratelimit-remaining'), '9');
      const second = await expectCall(limited, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200);
      assert.equal(second.headers.get('x-ratelimit-remaining'), '8');
      const anonymous = await expectCall(limited, 'login', { body: { email: 'nobody@example.com', password: 'x' } }, 401, 'UNAUTHORIZED');
      assert.equal(anonymous.headers.get('x-ratelimit-remaining'), '9');
      const noToken = await expectCall(limited, 'listCustomers', {}, 401, 'UNAUTHORIZED');
      assert.equal(noToken.headers.get('x-ratelimit-remaining'), '8');
      const badToken = await expectCall(limited, 'listCustomers', {}, 401, 'UNAUTHORIZED', { token: 'nope' });
      assert.equal(badToken.headers.get('x-ratelimit-remaining'), '7');
      // An expired token is still the account's: it counts there.
      const short = await login(limited, OTHER_EMAIL, OTHER_PASSWORD, { 'x-twin-token-ttl-ms': '0' });
      const expired = await expectCall(limited, 'listCustomers', {}, 403, 'TOKEN_EXPIRED', { token: short });
      assert.equal(expired.headers.get('x-ratelimit-remaining'), '8');
    });
  });

  test('past the limit, callers without a valid token get 429 too (the anonymous bucket)', async () => {
    await withCore({ rateLimitPerHour: 2 }, async (limited) => {
      await expectCall(limited, 'listCustomers', {}, 401, 'UNAUTHORIZED');
      await expectCall(limited, 'login', { body: { email: 'nobody@example.com', password: 'x' } }, 401, 'UNAUTHORIZED');
      const res = await expectCall(limited, 'listCustomers', {}, 429, 'RATE_LIMITED');
      assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
      await expectCall(limited, 'login', { body: { email: 'nobody@example.com', password: 'x' } }, 429, 'RATE_LIMITED');
      // The account's own budget is untouched.
      await expectCall(limited, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200);
    });
  });

  test('a per-account limit in the accounts list overrides the default', async () => {
    await withCore({
      rateLimitPerHour: 50,
      accounts: [{ email: EMAIL, password: PASSWORD, rateLimitPerHour: 2 }, { email: OTHER_EMAIL, password: OTHER_PASSWORD }],
    }, async (limited) => {
      const t = await login(limited);
      const res = await expectCall(limited, 'listCustomers', {}, 200, undefined, { token: t });
      assert.equal(res.headers.get('x-ratelimit-limit'), '2');
      assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
      await expectCall(limited, 'listCustomers', {}, 429, 'RATE_LIMITED', { token: t });
      const other = await expectCall(limited, 'login', { body: { email: OTHER_EMAIL, password: OTHER_PASSWORD } }, 200);
      assert.equal(other.headers.get('x-ratelimit-limit'), '50');
      assert.equal(other.headers.get('x-ratelimit-remaining'), '49');
      const anonymous = await expectCall(limited, 'listCustomers', {}, 401, 'UNAUTHORIZED');
      assert.equal(anonymous.headers.get('x-ratelimit-limit'), '50', 'the anonymous bucket has the default limit');
    });
  });

  test('the Core twin cannot run without a limit (its headers are required)', async () => {
    await assert.rejects(startTwin({ api: 'core', rateLimitPerHour: 0 }), /always rate-limits/);
  });
});

describe('fault injection, in Core\'s error format', () => {
  test('status=NNN answers {error: INJECTED_FAULT, message} with the headers, without touching state', async () => {
    const cardId = await newCard(twin, token);
    const res = await expectCall(twin, 'addBalance', { body: { cardId, amount: 50 } }, 503, 'INJECTED_FAULT', { token, validate: false, headers: { 'x-twin-fault': 'status=503' } });
    assert.deepEqual(res.body, { error: 'INJECTED_FAULT', message: 'Injected fault: status 503' });
    assertCoreHeaders(res);
    await expectCall(twin, 'addBalance', { body: { cardId, amount: 50 } }, 500, 'INJECTED_FAULT', { token, headers: { 'x-twin-fault': 'status=500' } });
    await expectCall(twin, 'changeCardStatus', { body: { cardId, status: 'cancelled' } }, 429, 'INJECTED_FAULT', { token, headers: { 'x-twin-fault': 'status=429' } });
    assert.deepEqual(await getCard(twin, token, cardId), { cardId, status: 'inactive', currency: 'USD', customerId: null, balance: 0 });
    // On login too (its body is read first, then the fault applies): no token is issued.
    const faultedLogin = await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD } }, 500, 'INJECTED_FAULT', { headers: { 'x-twin-fault': 'status=500' } });
    assert.equal(faultedLogin.body.token, undefined);
  });

  test('delay=MS answers normally after the delay, and the handler runs (login included)', async () => {
    const cardId = await newCard(twin, token);
    const started = performance.now();
    await expectCall(twin, 'addBalance', { body: { cardId, amount: 7 } }, 200, undefined, { token, headers: { 'x-twin-fault': 'delay=120' } });
    assert.ok(performance.now() - started >= 110, 'waited');
    assert.equal((await getCard(twin, token, cardId)).balance, 7);
    const t0 = performance.now();
    const res = await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200, undefined, { headers: { 'x-twin-fault': 'delay=80' } });
    assert.ok(performance.now() - t0 >= 70);
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: res.body.token });
  });

  test('malformed-json and content-type alter the answer only', async () => {
    const cardId = await newCard(twin, token);
    const broken = await call(twin, 'getCard', { path: { cardId } }, { token, validate: false, headers: { 'x-twin-fault': 'malformed-json' } });
    assert.equal(broken.status, 200);
    assert.match(broken.contentType, /^application\/json/);
    assert.equal(broken.body, undefined);
    const html = await call(twin, 'getCard', { path: { cardId } }, { token, validate: false, headers: { 'x-twin-fault': 'content-type' } });
    assert.equal(html.status, 200);
    assert.match(html.contentType, /^text\/html/);
    assert.equal(html.body.cardId, cardId);
  });

  test('reset drops the connection; nothing changes', async () => {
    const cardId = await newCard(twin, token);
    await assert.rejects(call(twin, 'addBalance', { body: { cardId, amount: 1 } }, { token, headers: { 'x-twin-fault': 'reset' } }));
    assert.equal((await getCard(twin, token, cardId)).balance, 0);
  });

  test('timeout never answers', async () => {
    await assert.rejects(fetch(`${twin.url}/customers`, {
      headers: { authorization: `Bearer ${token}`, 'x-twin-fault': 'timeout' }, signal: AbortSignal.timeout(300),
    }), (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError');
  });

  test('an unknown fault value is 400 INVALID_FAULT', async () => {
    for (const value of ['explode', 'status=200']) {
      await expectCall(twin, 'createCard', { body: { currency: 'USD' } }, 400, 'INVALID_FAULT', { token, headers: { 'x-twin-fault': value } });
    }
  });

  test('faults apply after auth and the rate limit: no token is still 401, an expired one 403', async () => {
    await expectCall(twin, 'listCustomers', {}, 401, 'UNAUTHORIZED', { headers: { 'x-twin-fault': 'reset' } });
    const short = await login(twin, EMAIL, PASSWORD, { 'x-twin-token-ttl-ms': '0' });
    await expectCall(twin, 'listCustomers', {}, 403, 'TOKEN_EXPIRED', { token: short, headers: { 'x-twin-fault': 'status=500' } });
  });

  test('--fault with --fault-rate 1 applies to every request; the header still wins', async () => {
    await withCore({ fault: { kind: 'status', status: 502 }, faultRate: 1 }, async (faulty) => {
      const res = await call(faulty, 'login', { body: { email: EMAIL, password: PASSWORD } }, { validate: false });
      assert.equal(res.status, 502);
      assert.deepEqual(res.body, { error: 'INJECTED_FAULT', message: 'Injected fault: status 502' });
      await expectCall(faulty, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200, undefined, { headers: { 'x-twin-fault': 'delay=0' } });
    });
  });
});

describe('in-process start', () => {
  test('startTwin({api: "core"}) serves at the root of a loopback port', async () => {
    const own = await startTwin({ api: 'core' });
    try {
      assert.match(own.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(own.api.apiId, 'core');
      assert.deepEqual(Object.keys(own.api.handlers).sort(), ['addBalance', 'assignCard', 'changeCardStatus', 'createCard', 'createCustomer', 'getCard', 'listCustomers', 'listMovements', 'login', 'logout']);
      const t = await login(own);
      const cardId = await newCard(own, t);
      await setStatus(own, t, cardId, 'active');
      assert.equal(await topUp(own, t, cardId, 1.5), 1.5);
    } finally {
      await own.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'twin/main.ts');
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TWIN_')));

describe('CLI for --api core', () => {
  test('parseCli: core defaults (docs\' sandbox account, 1000/hour, 3600 s tokens) and environment', () => {
    const defaults = parseCli(['--api', 'core'], {});
    assert.ok(!defaults.help);
    if (!defaults.help) {
      assert.equal(defaults.options.api, 'core');
      assert.equal(defaults.options.rateLimitPerHour, 1000);
      assert.equal(defaults.options.tokenTtlSeconds, 3600);
      assert.deepEqual(defaults.options.accounts, [{ email: 'test@example.com', password: 'test123' }]);
    }
    const env = { TWIN_CORE_ACCOUNTS: 'a@x.io:pw1:5, b@x.io:p:w:2 ,c@x.io:plain', TWIN_TOKEN_TTL_SECONDS: '60', TWIN_RATE_LIMIT_PER_HOUR: '20', TWIN_API_KEYS: 'ignored', TWIN_PRINT_DELAY_MS: '5' };
    const fromEnv = parseCli(['--api', 'core'], env);
    assert.ok(!fromEnv.help);
    if (!fromEnv.help) {
      assert.deepEqual(fromEnv.options.accounts, [
        { email: 'a@x.io', password: 'pw1', rateLimitPerHour: 5 },
        { email: 'b@x.io', password: 'p:w', rateLimitPerHour: 2 },
        { email: 'c@x.io', password: 'plain' },
      ]);
      assert.equal(fromEnv.options.tokenTtlSeconds, 60);
      assert.equal(fromEnv.options.rateLimitPerHour, 20);
    }
    const flags = parseCli(['--api', 'core', '--accounts', 'z@x.io:s3cret', '--token-ttl-seconds', '5', '--rate-limit-per-hour', '7'], env);
    assert.ok(!flags.help);
    if (!flags.help) {
      assert.deepEqual(flags.options.accounts, [{ email: 'z@x.io', password: 's3cret' }]);
      assert.equal(flags.options.tokenTtlSeconds, 5);
      assert.equal(flags.options.rateLimitPerHour, 7);
    }
    // Sovera's options are unchanged by the Core ones (no Core keys appear).
    const sovera = parseCli([], { TWIN_CORE_ACCOUNTS: 'a@x.io:pw' });
    assert.ok(!sovera.help && !('accounts' in sovera.options) && !('tokenTtlSeconds' in sovera.options));
  });

  test('parseCli: bad Core input is a one-line CliError that never shows a password', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--api', 'core', '--accounts', ' , '], {}, /lists no account/],
      [['--api', 'core', '--accounts', 'nobody:pw'], {}, /valid email/],
      [['--api', 'core', '--accounts', 'a@x.io'], {}, /no password/],
      [['--api', 'core', '--accounts', 'a@x.io:'], {}, /no password/],
      [['--api', 'core', '--accounts', 'a@x.io:hunter2:0'], {}, /limitPerHour/],
      [['--api', 'core', '--accounts', 'a@x.io:hunter2,A@x.io:hunter3'], {}, /listed twice/],
      [['--api', 'core'], { TWIN_CORE_ACCOUNTS: 'broken' }, /TWIN_CORE_ACCOUNTS/],
      [['--api', 'core', '--token-ttl-seconds', '0'], {}, /--token-ttl-seconds/],
      [['--api', 'core'], { TWIN_TOKEN_TTL_SECONDS: 'soon' }, /TWIN_TOKEN_TTL_SECONDS/],
      [['--api', 'core', '--rate-limit-per-hour', '0'], {}, /cannot be 0 for --api core/],
      [['--api', 'core'], { TWIN_RATE_LIMIT_PER_HOUR: '0' }, /TWIN_RATE_LIMIT_PER_HOUR cannot be 0/],
      [['--api', 'core', '--api-keys', 'k'], {}, /--api-keys does not apply to --api core/],
      [['--api', 'core', '--print-delay-ms', '5'], {}, /--print-delay-ms does not apply/],
      [['--accounts', 'a@x.io:pw'], {}, /--accounts does not apply to --api sovera/],
      [['--token-ttl-seconds', '5'], {}, /--token-ttl-seconds does not apply/],
    ];
    for (const [argv, env, pattern] of cases) {
      assert.throws(() => parseCli(argv, env), (error: unknown) => {
        assert.ok(error instanceof CliError, `${argv.join(' ')}: ${String(error)}`);
        assert.match(error.message, pattern, argv.join(' '));
        assert.doesNotMatch(error.message, /\n/);
        assert.doesNotMatch(error.message, /hunter/, 'passwords are never echoed');
        return true;
      });
    }
    assert.deepEqual(parseAccounts('a@x.io:p'), [{ email: 'a@x.io', password: 'p' }]);
  });

  test('--help documents the Core options, variables and the token hook next to X-Twin-Fault', () => {
    const result = spawnSync(process.execPath, ['--import', '#ts', MAIN, '--help'], { cwd: ROOT, env: BASE_ENV, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0);
    for (const word of ['--api', 'core', '--accounts', 'TWIN_CORE_ACCOUNTS', 'email:password[:limitPerHour]', '--token-ttl-seconds', 'TWIN_TOKEN_TTL_SECONDS',
      '--rate-limit-per-hour', 'TWIN_RATE_LIMIT_PER_HOUR', 'X-Twin-Fault', 'X-Twin-Token-Ttl-Ms', 'TOKEN_EXPIRED', 'X-Request-Id', 'test@example.com']) {
      assert.ok(result.stdout.includes(word), `--help mentions ${word}`);
    }
    assert.ok(result.stdout.indexOf('X-Twin-Token-Ttl-Ms') > result.stdout.indexOf('X-Twin-Fault header'), 'the hook is documented after X-Twin-Fault');
  });

  test('node twin/main.ts --api core: one start-up line without secrets, serves, --log prints no bodies or tokens, exits 0 on SIGTERM', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--import', '#ts', MAIN, '--api', 'core', '--port', '0', '--log'], {
      cwd: ROOT, env: { ...BASE_ENV, TWIN_CORE_ACCOUNTS: 'cli@example.com:cli-secret-pass:30', TWIN_API_KEYS: 'local-harness-key' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (c) => { stderr += c; });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (c) => {
          stdout += c;
          const newline = stdout.indexOf('\n');
          if (newline >= 0) resolve(stdout.slice(0, newline));
        });
        child.once('exit', (code) => reject(new Error(`twin exited ${code}: ${stderr}`)));
      });
      assert.match(line, /^Core API twin listening on http:\/\/127\.0\.0\.1:\d+ \(accounts: 1, rate limit: 1000\/hour, token TTL: 3600 s\)$/);
      const url = /listening on (\S+)/.exec(line)![1];
      const t = await login({ url }, 'cli@example.com', 'cli-secret-pass');
      const res = await expectCall({ url }, 'createCustomer', { body: { name: 'Hidden Name', email: 'hidden@example.com' } }, 200, undefined, { token: t });
      assert.equal(res.headers.get('x-ratelimit-limit'), '30', 'the per-account limit from TWIN_CORE_ACCOUNTS');
      await expectCall({ url }, 'getCard', { path: { cardId: 'card_404' } }, 404, 'NOT_FOUND', { token: t });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      const text = stdout + stderr;
      assert.match(text, /^POST \/auth\/login 200 \d+\.\dms$/m);
      assert.match(text, /^GET \/cards\/card_404 404 \d+\.\dms$/m);
      for (const secret of ['cli-secret-pass', t, 'Hidden Name', 'hidden@example.com', 'cli@example.com']) {
        assert.ok(!text.includes(secret), 'no passwords, tokens, bodies or emails in the output');
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
