// The twin behind Prism's validating proxy (`prism proxy --errors`, as the harness runs it): a flow
// through every operation, successes and errors, without a single violation Prism reports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrismProxy, type PrismProxy } from '../support/prism-proxy.ts';
import { basicKeyAuthorization } from '../../lib/http.ts';
import type { RunningTwin } from '../../twin/main.ts';
import { KEY, startTestTwin } from './helpers.ts';

let twin: RunningTwin;
let prism: PrismProxy | undefined;
let proxyUrl = '';

before(async () => {
  twin = await startTestTwin();
  prism = await startPrismProxy('spec/sovera-cards-v2.yaml', twin.url);
  proxyUrl = prism.url;
}, { timeout: 120_000 });

after(async () => {
  await prism?.stop();
  await twin?.close();
});

async function viaProxy(method: string, route: string, expected: number, body?: unknown): Promise<any> {
  const res = await fetch(proxyUrl + route, {
    method,
    headers: { authorization: basicKeyAuthorization(KEY), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.headers.get('sl-violations'), null, `${method} ${route}: Prism reports violations: ${res.headers.get('sl-violations')}`);
  assert.equal(res.status, expected, `${method} ${route}: ${text.slice(0, 500)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return JSON.parse(text);
}

test('every operation, success and error, passes Prism\'s validating proxy', { timeout: 60_000 }, async () => {
  const user = (await viaProxy('POST', '/users/natural', 201, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).data;
  const company = (await viaProxy('POST', '/users/legal', 201, { legalName: 'Engines Ltd', taxId: '123', email: 'ops@example.com', currency: 'EUR' })).data;
  await viaProxy('GET', `/users/${user.id}`, 200);
  await viaProxy('GET', `/users/${company.id}`, 200);
  await viaProxy('GET', `/users/${crypto.randomUUID()}`, 404);
  const credit = (await viaProxy('POST', '/wallets', 201, { userId: user.id, currency: 'USD', description: 'Credit', walletType: 1 })).data;
  await viaProxy('POST', '/wallets', 404, { userId: crypto.randomUUID(), currency: 'USD', description: 'x', walletType: 0 });
  await viaProxy('GET', `/wallets/${user.mainWalletId}`, 200);
  await viaProxy('GET', `/wallets/${crypto.randomUUID()}`, 404);
  await viaProxy('POST', '/wallets/user', 200, { userId: user.id });
  const physical = (await viaProxy('POST', '/cards/debit', 201, { userId: user.id, walletId: user.mainWalletId, clientCode: 'X', physicalCard: true })).data;
  await viaProxy('POST', '/cards/prepaid', 201, { userId: user.id, walletId: user.mainWalletId, clientCode: 'X', physicalCard: false });
  await viaProxy('POST', '/cards/credit', 201, { userId: user.id, walletId: credit.id, clientCode: 'X', physicalCard: false });
  await viaProxy('POST', '/cards/credit', 400, { userId: user.id, walletId: user.mainWalletId, clientCode: 'X', physicalCard: false });
  await viaProxy('GET', `/cards/${physical.id}`, 200);
  const cardId = physical.id;
  await viaProxy('POST', '/operations/block', 400, { cardId });
  await viaProxy('POST', '/operations/ack/reception', 201, { cardId });
  await viaProxy('POST', '/operations/ack/reception', 400, { cardId });
  await viaProxy('POST', '/operations/block', 201, { cardId });
  await viaProxy('POST', '/operations/block', 400, { cardId });
  await viaProxy('POST', '/operations/unblock', 201, { cardId });
  await viaProxy('POST', '/operations/unblock', 400, { cardId });
  for (const route of ['/operations/check/pan', '/operations/check/cvv', '/operations/check/due/date', '/operations/check/pin', '/operations/unblock/pin']) {
    await viaProxy('POST', route, 201, { cardId });
    await viaProxy('POST', route, 404, { cardId: crypto.randomUUID() });
  }
  await viaProxy('PUT', '/operations/pin', 200, { cardId, pin: '1234' });
  await viaProxy('POST', '/operations/cancel', 201, { cardId });
  await viaProxy('POST', '/operations/cancel', 400, { cardId });
  await viaProxy('PUT', '/operations/pin', 400, { cardId, pin: '4321' });
  await viaProxy('POST', '/payins', 201, { walletId: user.mainWalletId, amount: 5_000 });
  await viaProxy('POST', '/payouts', 201, { walletId: user.mainWalletId, amount: 1_000 });
  await viaProxy('POST', '/payouts', 400, { walletId: user.mainWalletId, amount: 1_000_000 });
  await viaProxy('POST', '/transfers', 201, { fromWalletId: user.mainWalletId, toWalletId: credit.id, amount: 500 });
  await viaProxy('POST', '/transfers', 400, { fromWalletId: user.mainWalletId, toWalletId: company.mainWalletId, amount: 500 });
  await viaProxy('POST', '/transfers', 404, { fromWalletId: user.mainWalletId, toWalletId: crypto.randomUUID(), amount: 500 });
  const moves = (await viaProxy('GET', `/transactions?walletId=${encodeURIComponent(user.mainWalletId)}`, 200)).data;
  assert.deepEqual(moves.map((t: { type: string }) => t.type), ['transfer_out', 'payout', 'payin']);
  await viaProxy('POST', '/notifications/enlist', 201, { url: 'https://hooks.example.com/sovera' });
});
