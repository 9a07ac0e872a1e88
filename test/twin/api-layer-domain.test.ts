// The API Layer twin's rules (spec/api-layer.yaml, docs 003), on its handlers directly (the HTTP
// wiring and the profile come next): one handler per operation of the spec, access levels as the
// spec's x-access-level says, delete permanent, TOP_UP-only override that replaces the balance,
// unblock → ACTIVE, reissue keeping the card, the single-use PAN link, the 3DS window on a clock.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { TwinError, type HandlerResult } from '../../twin/server.ts';
import { apiLayerHandlers, meetsAccessLevel, openPanLink } from '../../twin/api-layer/handlers.ts';
import { ApiLayerState, THREE_DS_WINDOW_MS, type AccessLevel, type ApiLayerPrincipal } from '../../twin/api-layer/state.ts';

const spec = parse(readFileSync(path.join(PROJECT_ROOT, 'spec/api-layer.yaml'), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string; 'x-access-level'?: AccessLevel }>> };
const OPERATIONS = Object.values(spec.paths).flatMap((item) => Object.values(item)).filter((op) => typeof op === 'object' && op?.operationId) as { operationId: string; 'x-access-level': AccessLevel }[];

const ADMIN: ApiLayerPrincipal = { bucket: 'client-a', clientId: 'client-a', level: 3 };
const OTHER: ApiLayerPrincipal = { bucket: 'client-b', clientId: 'client-b', level: 3 };

function call(state: ApiLayerState, operationId: string, input: { path?: Record<string, string>; body?: unknown } = {}, principal = ADMIN): HandlerResult {
  return apiLayerHandlers[operationId](state, { pathParams: input.path ?? {}, query: {}, body: input.body, principal });
}

function refused(state: ApiLayerState, operationId: string, input: { path?: Record<string, string>; body?: unknown }, status: number, code: string, principal = ADMIN): void {
  assert.throws(() => call(state, operationId, input, principal), (e: unknown) => e instanceof TwinError && e.status === status && e.code === code, `${operationId} answers ${status} ${code}`);
}

function newCard(state: ApiLayerState, approvalMethod: 'TOP_UP' | 'AUTHORIZATION' = 'TOP_UP') {
  return call(state, 'createVirtualCard', { body: { currency: 'USD', approvalMethod } }).data as { cardId: string; balance: number; status: string; last4: string };
}

test('one handler per operation of the spec, and no other', () => {
  assert.deepEqual(Object.keys(apiLayerHandlers).sort(), OPERATIONS.map((op) => op.operationId).sort());
});

test('access levels, for every operation as its x-access-level says: its level passes, the level below and the other kind are refused', () => {
  const keys: AccessLevel[] = [1, 2, 3, 'MANAGEMENT'];
  for (const op of OPERATIONS) {
    const required = op['x-access-level'];
    assert.ok(keys.includes(required), `${op.operationId} has an access level`);
    assert.equal(meetsAccessLevel(required, required), true, `${op.operationId} with its own level`);
    if (typeof required === 'number') {
      if (required > 1) assert.equal(meetsAccessLevel((required - 1) as AccessLevel, required), false, `${op.operationId} one level too low`);
      assert.equal(meetsAccessLevel(3, required), true, `${op.operationId} with Admin`);
      assert.equal(meetsAccessLevel('MANAGEMENT', required), false, `${op.operationId} with only the MANAGEMENT permission`);
    } else {
      assert.equal(meetsAccessLevel(3, required), false, `${op.operationId} (management) with an Admin key`);
    }
  }
});

describe('virtual cards', () => {
  test('a card answer never holds its number, CVV, expiry or PIN; only the last four digits', () => {
    const state = new ApiLayerState();
    const card = newCard(state);
    const stored = state.cards.get(card.cardId)!;
    const answer = call(state, 'getVirtualCard', { path: { cardId: card.cardId } }).data as Record<string, unknown>;
    assert.deepEqual(Object.keys(answer).filter((k) => /pan|number|cvv|pin|exp|due/i.test(k)), [], 'no secret field');
    assert.ok(!JSON.stringify(answer).includes(stored.pan), 'no card number');
    assert.equal(card.last4, stored.pan.slice(-4));
  });

  test('another client\'s card does not exist for it', () => {
    const state = new ApiLayerState();
    const { cardId } = newCard(state);
    refused(state, 'getVirtualCard', { path: { cardId } }, 404, 'NOT_FOUND', OTHER);
  });

  test('delete is permanent: the card stays DELETED, leaves the list, and every change is refused', () => {
    const state = new ApiLayerState();
    const { cardId } = newCard(state);
    assert.equal((call(state, 'deleteVirtualCard', { path: { cardId } }).data as { status: string }).status, 'DELETED');
    const changes: [string, unknown][] = [
      ['deleteVirtualCard', undefined], ['unblockVirtualCard', undefined], ['freezeVirtualCard', { frozen: false }], ['reissueVirtualCard', undefined],
      ['overrideVirtualBalance', { amount: 1 }], ['depositToVirtualCard', { amount: 10 }], ['updateVirtualCardPin', { pin: '4829' }],
      ['updateVirtualCardLimits', { daily: 1 }], ['updateVirtualCardEmail', { email: 'a@b.co' }], ['updateVirtualCardPhone', { phone: '+573001234567' }],
      ['configure3ds', { otpMethod: 'SMS' }], ['getVirtualCardPan', undefined], ['getTopUpWallets', undefined],
    ];
    for (const [operationId, body] of changes) refused(state, operationId, { path: { cardId }, body }, 409, 'CARD_DELETED');
    assert.equal((call(state, 'getVirtualCard', { path: { cardId } }).data as { status: string }).status, 'DELETED');
    assert.deepEqual((call(state, 'listVirtualCards').data as { cards: unknown[] }).cards, []);
  });

  test('the list holds ACTIVE cards only', () => {
    const state = new ApiLayerState();
    const [a, b] = [newCard(state), newCard(state)];
    call(state, 'freezeVirtualCard', { path: { cardId: b.cardId }, body: { frozen: true } });
    assert.deepEqual((call(state, 'listVirtualCards').data as { cards: { cardId: string }[] }).cards.map((c) => c.cardId), [a.cardId]);
  });

  test('override replaces the balance of a TOP_UP card, and is refused (balance kept) on any other', () => {
    const state = new ApiLayerState();
    const topUp = newCard(state, 'TOP_UP');
    call(state, 'depositToVirtualCard', { path: { cardId: topUp.cardId }, body: { amount: 25 } });
    assert.equal((call(state, 'overrideVirtualBalance', { path: { cardId: topUp.cardId }, body: { amount: 12.34 } }).data as { balance: number }).balance, 12.34);
    assert.equal((call(state, 'overrideVirtualBalance', { path: { cardId: topUp.cardId }, body: { amount: 0 } }).data as { balance: number }).balance, 0);
    const other = newCard(state, 'AUTHORIZATION');
    call(state, 'depositToVirtualCard', { path: { cardId: other.cardId }, body: { amount: 40 } });
    refused(state, 'overrideVirtualBalance', { path: { cardId: other.cardId }, body: { amount: 5 } }, 409, 'NOT_TOP_UP');
    refused(state, 'getTopUpWallets', { path: { cardId: other.cardId } }, 409, 'NOT_TOP_UP');
    assert.equal((call(state, 'getVirtualCard', { path: { cardId: other.cardId } }).data as { balance: number }).balance, 40);
  });

  test('unblock makes the card ACTIVE whatever its status was', () => {
    const state = new ApiLayerState();
    const { cardId } = newCard(state);
    for (const before of ['ACTIVE', 'BLOCKED', 'FROZEN'] as const) {
      state.cards.get(cardId)!.status = before;
      assert.equal((call(state, 'unblockVirtualCard', { path: { cardId } }).data as { status: string }).status, 'ACTIVE', `from ${before}`);
    }
  });

  test('reissue: a new number, CVV and expiry; the same cardId, balance and movements', () => {
    const state = new ApiLayerState();
    const { cardId } = newCard(state);
    call(state, 'depositToVirtualCard', { path: { cardId } , body: { amount: 30 } });
    const before = structuredClone(state.cards.get(cardId)!);
    const answer = call(state, 'reissueVirtualCard', { path: { cardId } }).data as { cardId: string; balance: number };
    const after = state.cards.get(cardId)!;
    assert.equal(answer.cardId, cardId);
    assert.equal(answer.balance, 30);
    assert.deepEqual(after.movements, before.movements);
    assert.ok(after.pan !== before.pan && after.cvv !== before.cvv && after.expiry !== before.expiry, 'number, CVV and expiry all change');
  });

  test('the PAN link opens once; a second opening shows nothing', () => {
    const state = new ApiLayerState({ linkBase: 'http://127.0.0.1:4040/' });
    const { cardId } = newCard(state);
    const { panUrl: url } = call(state, 'getVirtualCardPan', { path: { cardId } }).data as { panUrl: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:4040\/pan\/[A-Za-z0-9_-]{32}$/);
    const token = url.split('/').pop()!;
    const first = openPanLink(state, token);
    assert.equal(first.status, 200);
    assert.equal((first as { pan: string }).pan, state.cards.get(cardId)!.pan);
    assert.deepEqual(openPanLink(state, token), { status: 410, reason: 'the link was already opened' });
    assert.equal(openPanLink(state, 'no-such-token').status, 404);
  });
});

describe('3DS, on a test clock', () => {
  function purchase(now: { ms: number }) {
    const state = new ApiLayerState({ now: () => now.ms });
    const { cardId } = newCard(state);
    call(state, 'depositToVirtualCard', { path: { cardId }, body: { amount: 50 } });
    call(state, 'simulateTransaction', { body: { cardId, type: 'PURCHASE', amount: 5 } });
    const auth = [...state.authentications.values()][0];
    return { state, cardId, auth };
  }

  test('answered within 5 minutes with the code: SUCCESS; a second answer is refused', () => {
    const now = { ms: 1_800_000_000_000 };
    const { state, cardId, auth } = purchase(now);
    now.ms += THREE_DS_WINDOW_MS;
    refused(state, 'respond3dsAuthentication', { path: { cardId, authenticationId: auth.authenticationId }, body: { otp: auth.code === '000000' ? '000001' : '000000' } }, 400, 'WRONG_CODE');
    assert.equal((call(state, 'respond3dsAuthentication', { path: { cardId, authenticationId: auth.authenticationId }, body: { otp: auth.code } }).data as { status: string }).status, 'SUCCESS');
    refused(state, 'respond3dsAuthentication', { path: { cardId, authenticationId: auth.authenticationId }, body: { otp: auth.code } }, 409, 'ALREADY_ANSWERED');
  });

  test('answered after 5 minutes: refused (410), and the authentication has failed', () => {
    const now = { ms: 1_800_000_000_000 };
    const { state, cardId, auth } = purchase(now);
    now.ms += THREE_DS_WINDOW_MS + 1;
    refused(state, 'respond3dsAuthentication', { path: { cardId, authenticationId: auth.authenticationId }, body: { otp: auth.code } }, 410, 'EXPIRED');
    assert.equal(state.authentications.get(auth.authenticationId)!.status, 'FAILED');
  });
});

test('holding wallets: a withdrawal above the balance is refused, one within it leaves the rest', () => {
  const state = new ApiLayerState({ holdingBalance: 100 });
  refused(state, 'withdrawFromHoldingWallet', { path: { blockchain: 'TRON' }, body: { amount: 100.01, toAddress: 'T1' } }, 409, 'INSUFFICIENT_FUNDS');
  assert.equal(call(state, 'withdrawFromHoldingWallet', { path: { blockchain: 'TRON' }, body: { amount: 40, toAddress: 'T1' } }).status, 201);
  assert.equal((call(state, 'getHoldingWallet', { path: { blockchain: 'TRON' } }).data as { balance: number }).balance, 60);
  refused(state, 'getHoldingWallet', { path: { blockchain: 'DOGE' } }, 404, 'NOT_FOUND');
});
