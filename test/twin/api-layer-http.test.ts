// The API Layer twin over HTTP (in-process, loopback): keys in X-API-Key with their levels (401
// without or unknown, 403 below an operation's level), errors {code, message} with X-Request-Id,
// the single-use PAN page and the outbox on loopback, the back-dating hook, and the CLI's keys.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CliError, parseCli, parseLevelKeys, startTwin, type RunningApiLayerTwin } from '../../twin/main.ts';

let twin: RunningApiLayerTwin;
before(async () => { twin = await startTwin({ api: 'api-layer' }); });
after(async () => { await twin?.close(); });

const KEYS = { read: 'local-layer-read-only', ops: 'local-layer-operational', admin: 'local-layer-admin', mgmt: 'local-layer-management' };

async function call(method: string, path: string, key?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${twin.url}${path}`, {
    method,
    headers: { ...(key ? { 'x-api-key': key } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, body: json, text, requestId: res.headers.get('x-request-id'), contentType: res.headers.get('content-type') ?? '' };
}

test('keys: none or unknown → 401; below the level → 403 naming both levels; the level → through', async () => {
  const none = await call('GET', '/virtual-cards');
  assert.equal(none.status, 401);
  assert.deepEqual(Object.keys(none.body).sort(), ['code', 'message']);
  assert.match(none.requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.equal((await call('GET', '/virtual-cards', 'no-such-key')).status, 401);
  const low = await call('POST', '/virtual-cards', KEYS.read, { currency: 'USD', approvalMethod: 'TOP_UP' });
  assert.equal(low.status, 403);
  assert.equal(low.body.code, 'FORBIDDEN');
  assert.match(low.body.message, /createVirtualCard needs Operational \(Level 2\) access; this key has Read-Only \(Level 1\)/);
  assert.equal((await call('GET', '/blockchains', KEYS.admin)).status, 403, 'Admin is not MANAGEMENT');
  assert.equal((await call('GET', '/blockchains', KEYS.mgmt)).status, 200);
  const created = await call('POST', '/virtual-cards', KEYS.ops, { currency: 'USD', approvalMethod: 'TOP_UP' });
  assert.equal(created.status, 201);
  assert.equal((await call('GET', `/virtual-cards/${created.body.cardId}`, KEYS.read)).status, 200, 'one client: the Read-Only key sees the card');
});

test('the PAN page opens once, on loopback; the answer holds the link only', async () => {
  const { body: card } = await call('POST', '/virtual-cards', KEYS.ops, { currency: 'USD', approvalMethod: 'TOP_UP' });
  const link = await call('GET', `/virtual-cards/${card.cardId}/pan`, KEYS.ops);
  assert.equal(link.status, 200);
  assert.equal(new URL(link.body.panUrl).hostname, '127.0.0.1');
  const first = await fetch(link.body.panUrl);
  assert.equal(first.status, 200);
  assert.match(await first.text(), /\b\d{16}\b/);
  const second = await fetch(link.body.panUrl);
  assert.equal(second.status, 410);
  assert.doesNotMatch(await second.text(), /\b\d{16}\b/);
});

test('the outbox holds a purchase\'s one-time code; X-Twin-Backdate-Ms ages the transaction past the 3DS window', async () => {
  const { body: card } = await call('POST', '/virtual-cards', KEYS.ops, { currency: 'USD', approvalMethod: 'TOP_UP' });
  await call('PUT', `/virtual-cards/${card.cardId}/virtual-balance`, KEYS.ops, { amount: 50 });
  const bad = await call('POST', '/simulate/transactions', KEYS.ops, { cardId: card.cardId, type: 'PURCHASE', amount: 5 }, { 'x-twin-backdate-ms': 'soon' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'INVALID_TEST_HOOK');
  const late = await call('POST', '/simulate/transactions', KEYS.ops, { cardId: card.cardId, type: 'PURCHASE', amount: 5 }, { 'x-twin-backdate-ms': String(5 * 60_000 + 1) });
  assert.equal(late.status, 202);
  const outbox = await (await fetch(`${twin.url}/_twin/outbox?cardId=${card.cardId}`)).json() as { messages: { authenticationId: string; otp: string; channel: string }[] };
  assert.equal(outbox.messages.length, 1, 'the refused hook changed nothing');
  const [{ authenticationId, otp, channel }] = outbox.messages;
  assert.equal(channel, 'SMS');
  const answer = await call('POST', `/virtual-cards/${card.cardId}/3ds/authentications/${authenticationId}`, KEYS.ops, { otp });
  assert.equal(answer.status, 410);
  assert.equal(answer.body.code, 'EXPIRED');
});

test('CLI: --level-keys / TWIN_API_LAYER_KEYS as level:key; mistakes refused without echoing a key; other APIs\' flags refused', () => {
  const parsed = parseCli(['--api', 'api-layer'], { TWIN_API_LAYER_KEYS: '1:r-key, MANAGEMENT:m-key' });
  assert.ok(!parsed.help);
  assert.deepEqual(parsed.options.levelKeys, [{ level: 1, key: 'r-key' }, { level: 'MANAGEMENT', key: 'm-key' }]);
  assert.throws(() => parseLevelKeys('4:secret-key-1'), (e: unknown) => e instanceof CliError && /level 1, 2, 3 or MANAGEMENT/.test(e.message) && !e.message.includes('secret-key-1'));
  assert.throws(() => parseLevelKeys('1:a,2:a'), /listed twice/);
  assert.throws(() => parseCli(['--api', 'api-layer', '--api-keys', 'k']), /--api-keys does not apply to --api api-layer/);
  assert.throws(() => parseCli(['--api', 'sovera', '--level-keys', '1:k']), /--level-keys does not apply to --api sovera/);
});
