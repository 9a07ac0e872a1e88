// The twin's domain rules: users and wallets, card birth state and lifecycle, print delay, PIN,
// money movement and transactions. Every response is also checked against the spec (helpers.call).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnValid } from '../../lib/redact.ts';
import type { RunningTwin } from '../../twin/main.ts';
import { balanceOf, call, expectCall, newCard, newUser, payIn, startTestTwin, withTwin } from './helpers.ts';

let twin: RunningTwin;
before(async () => { twin = await startTestTwin(); });
after(async () => { await twin.close(); });

async function cardOf(cardId: string) {
  return (await expectCall(twin, 'getCard', { path: { cardId } }, 200)).body.data;
}

describe('users and wallets', () => {
  test('a natural user gets a Main wallet (USD by default) that getWallet and listWalletsByUser show', async () => {
    const created = await expectCall(twin, 'createNaturalUser', { body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } }, 201);
    const user = created.body.data;
    assert.equal(user.type, 'natural');
    assert.equal(user.firstName, 'Ada');
    const wallet = (await expectCall(twin, 'getWallet', { path: { walletId: user.mainWalletId } }, 200)).body.data;
    assert.ok(Array.isArray(wallet) && wallet.length === 1);
    assert.deepEqual({ ...wallet[0], creationDate: undefined, id: undefined }, {
      id: undefined, userId: user.id, currency: 'USD', description: 'Main wallet', balance: 0, amountWithheld: 0, creationDate: undefined,
    });
    const fetched = await expectCall(twin, 'getUser', { path: { userId: user.id } }, 200);
    assert.deepEqual(fetched.body.data, user);
  });

  test('a legal user, with its currency', async () => {
    const created = await expectCall(twin, 'createLegalUser', { body: { legalName: 'Analytical Engines Ltd', taxId: '123456789', email: 'ops@example.com', currency: 'GBP' } }, 201);
    const user = created.body.data;
    assert.equal(user.type, 'legal');
    assert.equal(user.legalName, 'Analytical Engines Ltd');
    assert.equal(await balanceOf(twin, user.mainWalletId), 0);
    const wallet = (await expectCall(twin, 'getWallet', { path: { walletId: user.mainWalletId } }, 200)).body.data[0];
    assert.equal(wallet.currency, 'GBP');
    assert.equal((await expectCall(twin, 'getUser', { path: { userId: user.id } }, 200)).body.data.type, 'legal');
  });

  test('createWallet: 201 for a user, 404 for an unknown user; listWalletsByUser lists both wallets with the list shape', async () => {
    const holder = await newUser(twin);
    const created = await expectCall(twin, 'createWallet', { body: { userId: holder.userId, currency: 'EUR', description: 'Savings', walletType: 0 } }, 201);
    assert.deepEqual({ ...created.body.data, id: undefined, creationDate: undefined }, {
      id: undefined, userId: holder.userId, currency: 'EUR', description: 'Savings', balance: 0, amountWithheld: 0, creationDate: undefined,
    });
    await expectCall(twin, 'createWallet', { body: { userId: crypto.randomUUID(), currency: 'EUR', description: 'x', walletType: 0 } }, 404, 'NOT_FOUND');
    await payIn(twin, created.body.data.id, 4321);
    const list = (await expectCall(twin, 'listWalletsByUser', { body: { userId: holder.userId } }, 200)).body.data;
    assert.deepEqual(list.map((w: { id: string }) => w.id), [holder.walletId, created.body.data.id]);
    const item = list[1];
    assert.equal(item.amountAvailable, 4321);
    assert.equal(item.amountWithheld, 0);
    assert.equal(item.createdAt, created.body.data.creationDate);
    assert.equal(item.clientId, list[0].clientId);
    assert.equal(item.balance, undefined);
    await expectCall(twin, 'listWalletsByUser', { body: { userId: crypto.randomUUID() } }, 404, 'NOT_FOUND');
  });
});

describe('card creation', () => {
  test('virtual cards are born active; physical ones inactive and pendingAck', async () => {
    const holder = await newUser(twin);
    for (const [op, body] of [['createDebitCard', false], ['createPrepaidCard', false], ['createDebitCard', true], ['createPrepaidCard', true]] as const) {
      const res = await expectCall(twin, op, { body: { userId: holder.userId, walletId: holder.walletId, clientCode: 'PROFILE-7', physicalCard: body } }, 201);
      const card = res.body.data;
      assert.equal(card.physicalCard, body);
      assert.equal(card.isActive, !body);
      assert.equal(card.status, body ? 'pendingAck' : 'active');
      assert.equal(card.code, 'PROFILE-7');
      assert.equal(card.userId, holder.userId);
      assert.equal(card.walletId, holder.walletId);
      assert.equal(typeof card.dueDate, 'number');
      assert.deepEqual(await cardOf(card.id), card);
    }
  });

  test('credit cards need a walletType 1 wallet, debit and prepaid a walletType 0 wallet', async () => {
    const holder = await newUser(twin);
    const credit = (await expectCall(twin, 'createWallet', { body: { userId: holder.userId, currency: 'USD', description: 'Credit line', walletType: 1 } }, 201)).body.data.id;
    const body = (walletId: string) => ({ body: { userId: holder.userId, walletId, clientCode: 'X', physicalCard: false } });
    await expectCall(twin, 'createCreditCard', body(credit), 201);
    await expectCall(twin, 'createCreditCard', body(holder.walletId), 400, 'INVALID_WALLET_TYPE');
    await expectCall(twin, 'createDebitCard', body(credit), 400, 'INVALID_WALLET_TYPE');
    await expectCall(twin, 'createPrepaidCard', body(credit), 400, 'INVALID_WALLET_TYPE');
  });

  test('unknown user or wallet 404; a wallet of another user 400', async () => {
    const alice = await newUser(twin);
    const bob = await newUser(twin);
    const body = (userId: string, walletId: string) => ({ body: { userId, walletId, clientCode: 'X', physicalCard: false } });
    await expectCall(twin, 'createDebitCard', body(crypto.randomUUID(), alice.walletId), 404, 'NOT_FOUND');
    await expectCall(twin, 'createDebitCard', body(alice.userId, crypto.randomUUID()), 404, 'NOT_FOUND');
    await expectCall(twin, 'createDebitCard', body(alice.userId, bob.walletId), 400, 'WALLET_NOT_OWNED');
  });
});

describe('card lifecycle', () => {
  test('block → blocked, unblock → active, with their 400s', async () => {
    const cardId = await newCard(twin, await newUser(twin));
    await expectCall(twin, 'unblockCard', { body: { cardId } }, 400, 'CARD_NOT_BLOCKED');
    const blocked = await expectCall(twin, 'blockCard', { body: { cardId } }, 201);
    assert.deepEqual(blocked.body.data, { cardId, isActive: false });
    assert.deepEqual([(await cardOf(cardId)).isActive, (await cardOf(cardId)).status], [false, 'blocked']);
    await expectCall(twin, 'blockCard', { body: { cardId } }, 400, 'CARD_ALREADY_BLOCKED');
    const unblocked = await expectCall(twin, 'unblockCard', { body: { cardId } }, 201);
    assert.deepEqual(unblocked.body.data, { cardId, isActive: true });
    assert.deepEqual([(await cardOf(cardId)).isActive, (await cardOf(cardId)).status], [true, 'active']);
  });

  test('a physical card: block/unblock refused until acknowledged; ack activates it once', async () => {
    const cardId = await newCard(twin, await newUser(twin), { physical: true });
    await expectCall(twin, 'blockCard', { body: { cardId } }, 400, 'CARD_NOT_ACTIVE');
    await expectCall(twin, 'unblockCard', { body: { cardId } }, 400, 'CARD_NOT_BLOCKED');
    const ack = await expectCall(twin, 'ackReception', { body: { cardId } }, 201);
    assert.deepEqual(ack.body.data, { cardId });
    assert.deepEqual([(await cardOf(cardId)).isActive, (await cardOf(cardId)).status], [true, 'active']);
    await expectCall(twin, 'ackReception', { body: { cardId } }, 400, 'CARD_NOT_PENDING_ACK');
    await expectCall(twin, 'blockCard', { body: { cardId } }, 201);
  });

  test('ackReception 400 for a virtual card', async () => {
    const cardId = await newCard(twin, await newUser(twin));
    await expectCall(twin, 'ackReception', { body: { cardId } }, 400, 'CARD_NOT_PENDING_ACK');
  });

  test('cancel is irreversible: isActive "false" (string), status Cancel, every later transition 400', async () => {
    for (const start of ['active', 'blocked', 'pendingAck'] as const) {
      const cardId = await newCard(twin, await newUser(twin), { physical: start === 'pendingAck' });
      if (start === 'blocked') await expectCall(twin, 'blockCard', { body: { cardId } }, 201);
      const cancelled = await expectCall(twin, 'cancelCard', { body: { cardId } }, 201);
      assert.deepEqual(cancelled.body.data, { cardId, isActive: 'false' });
      assert.equal(typeof cancelled.body.data.isActive, 'string');
      assert.deepEqual([(await cardOf(cardId)).isActive, (await cardOf(cardId)).status], [false, 'Cancel']);
      await expectCall(twin, 'cancelCard', { body: { cardId } }, 400, 'CARD_ALREADY_CANCELLED');
      for (const op of ['blockCard', 'unblockCard', 'ackReception'] as const) {
        await expectCall(twin, op, { body: { cardId } }, 400, 'CARD_CANCELLED');
      }
      await expectCall(twin, 'changePin', { body: { cardId, pin: '1234' } }, 400, 'CARD_CANCELLED');
      assert.deepEqual([(await cardOf(cardId)).isActive, (await cardOf(cardId)).status], [false, 'Cancel'], `still cancelled (from ${start})`);
    }
  });

  test('lifecycle operations answer 404 for unknown cards', async () => {
    const cardId = crypto.randomUUID();
    for (const op of ['ackReception', 'blockCard', 'unblockCard', 'cancelCard', 'checkPan', 'checkCvv', 'checkDueDate', 'checkPin', 'unblockPin']) {
      const res = await expectCall(twin, op, { body: { cardId } }, 404, 'NOT_FOUND');
      assert.equal(res.body.errors[0].message, `Card '${cardId}' not found`);
    }
    await expectCall(twin, 'changePin', { body: { cardId, pin: '1234' } }, 404, 'NOT_FOUND');
  });
});

describe('print delay', () => {
  test('ackReception answers 400 NOT_PRINTED_YET until the card is printed', async () => {
    let now = Date.UTC(2025, 0, 1, 12);
    await withTwin({ printDelayMs: 60_000, now: () => now }, async (delayed) => {
      const holder = await newUser(delayed);
      const cardId = await newCard(delayed, holder, { physical: true });
      await expectCall(delayed, 'ackReception', { body: { cardId } }, 400, 'NOT_PRINTED_YET');
      now += 59_999;
      await expectCall(delayed, 'ackReception', { body: { cardId } }, 400, 'NOT_PRINTED_YET');
      now += 1;
      await expectCall(delayed, 'ackReception', { body: { cardId } }, 201);
      const card = (await expectCall(delayed, 'getCard', { path: { cardId } }, 200)).body.data;
      assert.equal(card.status, 'active');
    });
  });
});

describe('card secrets and PIN', () => {
  test('checkPan/Cvv/DueDate/Pin answer stable, well-formed secrets', async () => {
    const cardId = await newCard(twin, await newUser(twin));
    const pan = (await expectCall(twin, 'checkPan', { body: { cardId } }, 201)).body.data;
    assert.equal(pan.cardId, cardId);
    assert.ok(/^\d{16}$/.test(pan.pan) && luhnValid(pan.pan), 'PAN is 16 Luhn-valid digits');
    assert.ok(Number.isInteger(pan.expDate) && /^\d{6}$/.test(String(pan.expDate)), 'expDate is YYYYMM');
    const again = (await expectCall(twin, 'checkPan', { body: { cardId } }, 201)).body.data;
    assert.ok(again.pan === pan.pan && again.expDate === pan.expDate, 'stable per card');
    const cvv = (await expectCall(twin, 'checkCvv', { body: { cardId } }, 201)).body.data;
    assert.ok(typeof cvv.cvv === 'string' && /^\d{3}$/.test(cvv.cvv), 'CVV is a 3-digit string');
    const due = (await expectCall(twin, 'checkDueDate', { body: { cardId } }, 201)).body.data;
    const month = String(pan.expDate % 100).padStart(2, '0');
    const year = String(Math.floor(pan.expDate / 100) % 100).padStart(2, '0');
    assert.ok(due.dueDate === `${month}/${year}`, 'dueDate is MM/YY of expDate');
    const pin = (await expectCall(twin, 'checkPin', { body: { cardId } }, 201)).body.data;
    assert.ok(/^\d{4}$/.test(pin.pin), 'PIN is 4 digits');
    const unblocked = (await expectCall(twin, 'unblockPin', { body: { cardId } }, 201)).body.data;
    assert.ok(unblocked.pin === pin.pin, 'unblockPin answers the current PIN');
    const otherCard = await newCard(twin, await newUser(twin));
    const otherPan = (await expectCall(twin, 'checkPan', { body: { cardId: otherCard } }, 201)).body.data;
    assert.ok(otherPan.pan !== pan.pan, 'PANs differ per card');
  });

  test('changePin takes effect; a refused PIN changes nothing', async () => {
    const cardId = await newCard(twin, await newUser(twin));
    const before = (await expectCall(twin, 'checkPin', { body: { cardId } }, 201)).body.data.pin;
    const next = before === '7391' ? '7392' : '7391';
    const changed = await expectCall(twin, 'changePin', { body: { cardId, pin: next } }, 200);
    assert.ok(changed.body.data.cardId === cardId && changed.body.data.pin === next);
    assert.ok((await expectCall(twin, 'checkPin', { body: { cardId } }, 201)).body.data.pin === next, 'checkPin answers the new PIN');
    for (const pin of ['123', '12345', '12a4', '']) {
      await expectCall(twin, 'changePin', { body: { cardId, pin } }, 400, 'VALIDATION_ERROR');
    }
    await expectCall(twin, 'changePin', { body: { cardId, pin: 1234 } }, 400, 'VALIDATION_ERROR');
    assert.ok((await expectCall(twin, 'checkPin', { body: { cardId } }, 201)).body.data.pin === next, 'refused PINs left it unchanged');
    // Form-encoded: a PIN with a leading zero stays a string.
    await expectCall(twin, 'changePin', { body: { cardId, pin: '0042' } }, 200, undefined, { form: true });
    assert.ok((await expectCall(twin, 'checkPin', { body: { cardId } }, 201)).body.data.pin === '0042');
  });
});

describe('money movement', () => {
  test('pay-in and pay-out move the balance by exactly the amount', async () => {
    const { walletId } = await newUser(twin);
    const inRes = await payIn(twin, walletId, 10_000);
    assert.deepEqual({ ...inRes.body.data, id: undefined, creationDate: undefined }, { id: undefined, walletId, type: 'payin', amount: 10_000, status: 'completed', creationDate: undefined });
    assert.equal(await balanceOf(twin, walletId), 10_000);
    const outRes = await expectCall(twin, 'createPayOut', { body: { walletId, amount: 2_500 } }, 201);
    assert.equal(outRes.body.data.type, 'payout');
    assert.equal(await balanceOf(twin, walletId), 7_500);
    await expectCall(twin, 'createPayOut', { body: { walletId, amount: 7_500 } }, 201);
    assert.equal(await balanceOf(twin, walletId), 0);
  });

  test('createPayOut 400 INSUFFICIENT_FUNDS leaves the balance unchanged; 404 for unknown wallets', async () => {
    const { walletId } = await newUser(twin);
    await payIn(twin, walletId, 5_000);
    await expectCall(twin, 'createPayOut', { body: { walletId, amount: 5_001 } }, 400, 'INSUFFICIENT_FUNDS');
    assert.equal(await balanceOf(twin, walletId), 5_000);
    await expectCall(twin, 'createPayOut', { body: { walletId: crypto.randomUUID(), amount: 1 } }, 404, 'NOT_FOUND');
    await expectCall(twin, 'createPayIn', { body: { walletId: crypto.randomUUID(), amount: 1 } }, 404, 'NOT_FOUND');
  });

  test('amounts must be positive integer cents', async () => {
    const { walletId } = await newUser(twin);
    for (const amount of [0, -100, 10.5, '100']) {
      await expectCall(twin, 'createPayIn', { body: { walletId, amount } }, 400);
      await expectCall(twin, 'createPayOut', { body: { walletId, amount } }, 400);
    }
    assert.equal(await balanceOf(twin, walletId), 0);
  });

  test('a transfer conserves the sum and records transfer_out / transfer_in', async () => {
    const a = await newUser(twin);
    const b = await newUser(twin);
    await payIn(twin, a.walletId, 30_000);
    await payIn(twin, b.walletId, 7_000);
    const res = await expectCall(twin, 'createTransfer', { body: { fromWalletId: a.walletId, toWalletId: b.walletId, amount: 12_345 } }, 201);
    assert.deepEqual({ ...res.body.data, id: undefined, creationDate: undefined }, {
      id: undefined, fromWalletId: a.walletId, toWalletId: b.walletId, amount: 12_345, status: 'completed', creationDate: undefined,
    });
    const [x, y] = [await balanceOf(twin, a.walletId), await balanceOf(twin, b.walletId)];
    assert.deepEqual([x, y], [30_000 - 12_345, 7_000 + 12_345]);
    assert.equal(x + y, 37_000);
    const inB = (await expectCall(twin, 'listTransactions', { query: { walletId: b.walletId } }, 200)).body.data;
    assert.deepEqual(inB.map((t: { type: string; amount: number }) => [t.type, t.amount]), [['transfer_in', 12_345], ['payin', 7_000]]);
  });

  test('createTransfer 400s: same wallet, currency mismatch, insufficient funds; 404 unknown wallet', async () => {
    const usd = await newUser(twin);
    const usd2 = await newUser(twin);
    const eur = await newUser(twin, 'EUR');
    await payIn(twin, usd.walletId, 1_000);
    const transfer = (from: string, to: string, amount: number) => ({ body: { fromWalletId: from, toWalletId: to, amount } });
    await expectCall(twin, 'createTransfer', transfer(usd.walletId, usd.walletId, 10), 400, 'SAME_WALLET');
    await expectCall(twin, 'createTransfer', transfer(usd.walletId, eur.walletId, 500), 400, 'CURRENCY_MISMATCH');
    await expectCall(twin, 'createTransfer', transfer(usd.walletId, usd2.walletId, 1_001), 400, 'INSUFFICIENT_FUNDS');
    await expectCall(twin, 'createTransfer', transfer(usd.walletId, crypto.randomUUID(), 1), 404, 'NOT_FOUND');
    await expectCall(twin, 'createTransfer', transfer(crypto.randomUUID(), usd.walletId, 1), 404, 'NOT_FOUND');
    assert.deepEqual([await balanceOf(twin, usd.walletId), await balanceOf(twin, usd2.walletId), await balanceOf(twin, eur.walletId)], [1_000, 0, 0]);
  });

  test('listTransactions: every movement newest first, only the wallet\'s own; 404 for unknown wallets', async () => {
    const { walletId } = await newUser(twin);
    const other = await newUser(twin);
    await payIn(twin, walletId, 9_000);
    await expectCall(twin, 'createPayOut', { body: { walletId, amount: 2_000 } }, 201);
    await expectCall(twin, 'createTransfer', { body: { fromWalletId: walletId, toWalletId: other.walletId, amount: 3_000 } }, 201);
    // Several in a burst, likely within one millisecond: order must still hold.
    await Promise.all([1, 2, 3].map(() => call(twin, 'createPayIn', { body: { walletId: other.walletId, amount: 1 } })));
    await expectCall(twin, 'createTransfer', { body: { fromWalletId: other.walletId, toWalletId: walletId, amount: 3 } }, 201);
    const moves = (await expectCall(twin, 'listTransactions', { query: { walletId } }, 200)).body.data;
    assert.deepEqual(moves.map((t: { type: string; amount: number }) => [t.type, t.amount]), [['transfer_in', 3], ['transfer_out', 3_000], ['payout', 2_000], ['payin', 9_000]]);
    assert.ok(moves.every((t: { walletId: string; status: string }) => t.walletId === walletId && t.status === 'completed'));
    const times = moves.map((t: { creationDate: string }) => Date.parse(t.creationDate));
    assert.deepEqual(times, [...times].sort((p, q) => q - p));
    await expectCall(twin, 'listTransactions', { query: { walletId: crypto.randomUUID() } }, 404, 'NOT_FOUND');
    const empty = (await expectCall(twin, 'listTransactions', { query: { walletId: (await newUser(twin)).walletId } }, 200)).body.data;
    assert.deepEqual(empty, []);
  });
});

describe('notifications', () => {
  test('enlistNotification echoes the URL', async () => {
    const url = 'https://hooks.example.com/sovera';
    const res = await expectCall(twin, 'enlistNotification', { body: { url } }, 201);
    assert.equal(res.body.data.url, url);
    assert.equal(twin.api.state.notifications.size >= 1, true);
  });
});
