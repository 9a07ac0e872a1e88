// `npm run webhooks:send` (scripts/webhooks-send.ts) against integrators' receivers (fixtures):
// a well-behaved one passes every case and exits 0; one that ignores the key, or processes a
// duplicate twice, has that case named and exits 1; a plain-http URL off loopback is refused
// before any request (exit 2); the key never appears in the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { integratorReceiver } from '../support/webhook-receivers.ts';

const KEY = 'whk-integrator-key-1234';

function send(args: string[], env: Record<string, string> = { WEBHOOK_KEY: KEY }): Promise<{ status: number | null; out: string }> {
  // Async spawn: the receiver in this process must keep answering.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', '#ts', 'scripts/webhooks-send.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** Runs webhooks:send against a fixture receiver of the given behaviour, with --processed-url. */
async function sendTo(behaviour: Parameters<typeof integratorReceiver>[1]): Promise<{ status: number | null; out: string }> {
  const receiver = await integratorReceiver(KEY, behaviour);
  try {
    return await send(['--url', receiver.url, '--processed-url', receiver.processedUrl]);
  } finally {
    await receiver.close();
  }
}

test('a well-behaved receiver passes every case', { timeout: 60_000 }, async () => {
  const { status, out } = await sendTo({});
  assert.equal(status, 0, out);
  for (const name of ['valid notification', 'wrong X-Webhook-Key', 'missing X-Webhook-Key', 'malformed body', 'same notification twice', 'out of order']) {
    assert.match(out, new RegExp(`PASS ${name}`), out);
  }
  assert.match(out, /every case passed \(6 passed, 0 skipped\)/);
  assert.doesNotMatch(out, new RegExp(KEY));
});

test('a receiver that ignores the key fails the key cases, by name, exit 1', { timeout: 60_000 }, async () => {
  const { status, out } = await sendTo({ ignoresKey: true });
  assert.equal(status, 1, out);
  assert.match(out, /FAIL wrong X-Webhook-Key: answered 200 \(expected a refusal/);
  assert.match(out, /FAIL missing X-Webhook-Key: answered 200/);
  assert.match(out, /PASS valid notification/);
  assert.match(out, /2 of 6 cases failed: wrong X-Webhook-Key, missing X-Webhook-Key/);
  assert.doesNotMatch(out, new RegExp(KEY));
});

test('a receiver that processes a duplicate twice fails that case, exit 1', { timeout: 60_000 }, async () => {
  const { status, out } = await sendTo({ processesDuplicates: true });
  assert.equal(status, 1, out);
  assert.match(out, /FAIL same notification twice: answered 2xx both times; processed 2 times \(expected once\)/);
  assert.match(out, /1 of 6 cases failed: same notification twice/);
});

test('plain http off loopback, or no key, is refused before any request (exit 2)', () => {
  const offLoopback = spawnSync(process.execPath, ['--import', '#ts', 'scripts/webhooks-send.ts', '--url', 'http://hooks.example.com/webhooks'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, WEBHOOK_KEY: KEY } });
  assert.equal(offLoopback.status, 2);
  assert.match(offLoopback.stderr, /--url must be https, or http to loopback/);
  const noKey = spawnSync(process.execPath, ['--import', '#ts', 'scripts/webhooks-send.ts', '--url', 'http://127.0.0.1:9/webhooks'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, WEBHOOK_KEY: '' } });
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /set WEBHOOK_KEY/);
});
