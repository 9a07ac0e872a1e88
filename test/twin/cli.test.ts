// The twin's CLI as a child process: refusals exit 2 with one line, --help, start-up line, logging, signals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basicKeyAuthorization } from '../../lib/http.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'twin/main.ts');
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TWIN_')));

function runSync(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', '#ts', MAIN, ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 30_000 });
}

function assertOneLineRefusal(result: ReturnType<typeof runSync>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code (stderr: ${result.stderr})`);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${result.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\s+at\s.+:\d+:\d+/, 'no stack trace');
  assert.equal(result.stdout, '');
}

test('a non-loopback host is refused with one line and exit 2', () => {
  assertOneLineRefusal(runSync(['--host', '0.0.0.0']), /^twin: --host "0\.0\.0\.0" is not a loopback address/);
  assertOneLineRefusal(runSync([], { TWIN_HOST: '192.168.1.10' }), /TWIN_HOST "192\.168\.1\.10" is not a loopback address/);
});

test('bad flags exit 2 with one line', () => {
  assertOneLineRefusal(runSync(['--port', 'abc']), /--port must be an integer/);
  assertOneLineRefusal(runSync(['--frobnicate']), /frobnicate/);
  assertOneLineRefusal(runSync(['--fault', 'explode', '--fault-rate', '0.5']), /unknown fault/);
});

test('a webhook URL off loopback, a key without a URL, or a webhook flag for another API exit 2 with one line', () => {
  assertOneLineRefusal(runSync(['--api', 'api-layer', '--webhook-url', 'https://hooks.example.com/x']), /TWIN_WEBHOOK_URL|--webhook-url: the twin delivers webhooks to loopback only/);
  assertOneLineRefusal(runSync(['--api', 'api-layer', '--webhook-key', 'k']), /a webhook key is set but no webhook URL/);
  assertOneLineRefusal(runSync(['--api', 'sovera', '--webhook-url', 'http://127.0.0.1:9/x']), /--webhook-url does not apply to --api sovera/);
  assertOneLineRefusal(runSync(['--webhook-retry-ms', '0']), /--webhook-retry-ms must be an integer from 1 to 60000/);
});

test('--help documents every flag and variable, exit 0', () => {
  const result = runSync(['--help']);
  assert.equal(result.status, 0);
  for (const word of ['--api', '--port', 'TWIN_PORT', '--host', 'TWIN_HOST', '--api-keys', 'TWIN_API_KEYS', '--print-delay-ms', 'TWIN_PRINT_DELAY_MS',
    '--rate-limit-per-hour', 'TWIN_RATE_LIMIT_PER_HOUR', '--fault-rate', 'TWIN_FAULT_RATE', '--fault ', 'TWIN_FAULT', '--log', 'X-Twin-Fault',
    '--webhook-url', 'TWIN_WEBHOOK_URL', '--webhook-key', 'TWIN_WEBHOOK_KEY', '--webhook-retry-ms', 'TWIN_WEBHOOK_RETRY_MS', '/_twin/clock/advance', '/_twin/webhooks/deliveries']) {
    assert.ok(result.stdout.includes(word), `--help mentions ${word}`);
  }
});

async function startCli(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; line: string; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', '#ts', MAIN, '--port', '0', ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c) => { stderr += c; });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      stdout += c;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`twin exited ${code} before listening: ${stderr}`)));
  });
  const url = /listening on (\S+)/.exec(line)?.[1] ?? '';
  return { child, line, url, output: () => stdout + stderr };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

test('starts with one line that never shows the keys, serves, and exits 0 on SIGTERM and SIGINT', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const { child, line, url, output } = await startCli([], { TWIN_API_KEYS: 'cli-secret-key-1,cli-secret-key-2', TWIN_RATE_LIMIT_PER_HOUR: '50' });
    try {
      assert.match(line, /^Sovera twin listening on http:\/\/127\.0\.0\.1:\d+\/cards\/v2 \(keys: 2, rate limit: 50\/hour\)$/);
      const res = await fetch(`${url}/users/natural`, {
        method: 'POST',
        headers: { authorization: basicKeyAuthorization('cli-secret-key-2'), 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'A', lastName: 'B', email: 'a@example.com' }),
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('x-ratelimit-remaining'), '49');
      const exited = exitOf(child);
      child.kill(signal);
      assert.equal(await exited, 0, `${signal} exits 0`);
      assert.ok(!output().includes('cli-secret-key'), 'keys never printed');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
});

test('default start-up line, and --log prints method, path, status and duration only', async () => {
  const { child, line, url, output } = await startCli(['--log']);
  try {
    assert.match(line, /^Sovera twin listening on http:\/\/127\.0\.0\.1:\d+\/cards\/v2 \(keys: 1, rate limit: off\)$/);
    const auth = { authorization: basicKeyAuthorization('local-harness-key') };
    const user = await (await fetch(`${url}/users/natural`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Secretive', lastName: 'Person', email: 'hidden@example.com' }),
    })).json();
    const card = await (await fetch(`${url}/cards/debit`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.data.id, walletId: user.data.mainWalletId, clientCode: 'X', physicalCard: false }),
    })).json();
    const pan = await (await fetch(`${url}/operations/check/pan`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ cardId: card.data.id }),
    })).json();
    await (await fetch(`${url}/transactions?walletId=${user.data.mainWalletId}`, { headers: auth })).text();
    const exited = exitOf(child);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const text = output();
    assert.match(text, /^POST \/cards\/v2\/users\/natural 201 \d+\.\dms$/m);
    assert.match(text, /^POST \/cards\/v2\/operations\/check\/pan 201 \d+\.\dms$/m);
    assert.match(text, /^GET \/cards\/v2\/transactions 200 \d+\.\dms$/m);
    for (const secret of [pan.data.pan, String(pan.data.expDate), 'Secretive', 'hidden@example.com', 'local-harness-key', user.data.mainWalletId]) {
      assert.ok(!text.includes(secret), 'the log carries no bodies, queries or keys');
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a port in use is one line and a non-zero exit', async () => {
  const { child, url } = await startCli([]);
  try {
    const port = new URL(url).port;
    const result = runSync(['--port', port]);
    assert.notEqual(result.status, 0);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /address already in use/);
  } finally {
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
  }
});
