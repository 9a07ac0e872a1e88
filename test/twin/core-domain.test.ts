// The Core twin's rules (spec/core-api.yaml, docs 004): login/logout and token expiry, accounts that
// see only their own data, customers, the card lifecycle, assignment, balances and movements.
// Every response is validated against the spec by the helpers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningCoreTwin } from '../../twin/main.ts';
import { twinOps } from '../../lib/twin-ops.ts';
import {
  startCoreWithToken, EMAIL, OTHER_EMAIL, OTHER_PASSWORD, PASSWORD, call, expectCall, getCard, login, newCard, newCustomer, setStatus, topUp, uniqueEmail, withCore,
} from './core-helpers.ts';

let twin: RunningCoreTwin;
let token: string;
before(async () => { ({ twin, token } = await startCoreWithToken()); });
after(async () => { await twin.close(); });

describe('auth', () => {
  test('login answers an opaque random token and the account\'s userId; each login a new token', async () => {
    const a = await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200);
    const b = await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD } }, 200);
    assert.deepEqual(Object.keys(a.body).sort(), ['token', 'userId']);
    assert.match(a.body.token, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.notEqual(a.body.token, b.body.token);
    assert.equal(a.body.userId, b.body.userId);
    assert.match(a.body.userId, /^usr_\d{3,}$/);
    assert.ok(!a.body.token.includes(EMAIL) && !a.body.token.includes(PASSWORD));
    const other = await expectCall(twin, 'login', { body: { email: OTHER_EMAIL, password: OTHER_PASSWORD } }, 200);
    assert.notEqual(other.body.userId, a.body.userId);
    // Both tokens of the account work at once.
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: a.body.token });
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: b.body.token });
  });

  test('the email matches in any case; the password exactly', async () => {
    await expectCall(twin, 'login', { body: { email: EMAIL.toUpperCase(), password: PASSWORD } }, 200);
    await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD.toUpperCase() } }, 401, 'UNAUTHORIZED');
  });

  test('wrong credentials: 401 UNAUTHORIZED, same answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await expectCall(twin, 'login', { body: { email: EMAIL, password: 'nope' } }, 401, 'UNAUTHORIZED');
    const unknownEmail = await expectCall(twin, 'login', { body: { email: 'nobody@example.com', password: PASSWORD } }, 401, 'UNAUTHORIZED');
    assert.equal(wrongPassword.body.message, unknownEmail.body.message);
    assert.ok(!wrongPassword.text.includes('nope'), 'the password is not echoed');
  });

  test('missing, malformed and unknown tokens: 401 UNAUTHORIZED', async () => {
    const cases: [string, { token?: string; authorization?: string }][] = [
      ['missing', {}],
      ['unknown token', { token: 'not-a-token' }],
      ['token without Bearer', { authorization: token }],
      ['basic scheme', { authorization: `Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString('base64')}` }],
      ['empty bearer', { authorization: 'Bearer ' }],
    ];
    for (const [name, options] of cases) {
      const res = await expectCall(twin, 'listCustomers', {}, 401, 'UNAUTHORIZED', options);
      assert.ok(!res.text.includes(token), `${name}: the token is never echoed`);
    }
  });

  test('other spellings of the Bearer scheme are accepted', async () => {
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { authorization: `bearer ${token}` });
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { authorization: `BEARER   ${token} ` });
  });

  test('401 comes before validation and before 404', async () => {
    await expectCall(twin, 'addBalance', { body: { cardId: 'card_x', amount: '100' } }, 401, 'UNAUTHORIZED');
    await expectCall(twin, 'getCard', { path: { cardId: 'card_999999' } }, 401, 'UNAUTHORIZED', { token: 'wrong' });
  });

  test('logout: 200 {success: true}; the token then answers 401, other tokens keep working', async () => {
    const mine = await login(twin);
    const kept = await login(twin);
    const res = await expectCall(twin, 'logout', {}, 200, undefined, { token: mine });
    assert.deepEqual(res.body, { success: true });
    await expectCall(twin, 'listCustomers', {}, 401, 'UNAUTHORIZED', { token: mine });
    await expectCall(twin, 'logout', {}, 401, 'UNAUTHORIZED', { token: mine });
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: kept });
  });

  test('an expired token answers 403 TOKEN_EXPIRED on every secured operation (X-Twin-Token-Ttl-Ms hook); login again works', async () => {
    const short = await login(twin, EMAIL, PASSWORD, { 'x-twin-token-ttl-ms': '30' });
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: short });
    await twinOps(twin.url).advanceClock(30); // the token's 30 ms pass on the twin's clock, not the wall's
    const inputs: [string, object][] = [
      ['listCustomers', {}], ['createCustomer', { body: { name: 'A', email: uniqueEmail() } }], ['createCard', { body: { currency: 'USD' } }],
      ['getCard', { path: { cardId: 'card_001' } }], ['logout', {}],
    ];
    for (const [operationId, input] of inputs) {
      const res = await expectCall(twin, operationId, input, 403, 'TOKEN_EXPIRED', { token: short });
      assert.match(res.body.message, /expired/i);
    }
    // 403 before validation too: the token is the first thing looked at.
    await expectCall(twin, 'addBalance', { body: { cardId: 'x', amount: -1 } }, 403, 'TOKEN_EXPIRED', { token: short });
    const fresh = await login(twin);
    await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: fresh });
  });

  test('X-Twin-Token-Ttl-Ms: 0 is expired at once; a bad value is 400 INVALID_TEST_HOOK', async () => {
    const zero = await login(twin, EMAIL, PASSWORD, { 'x-twin-token-ttl-ms': '0' });
    await expectCall(twin, 'listCustomers', {}, 403, 'TOKEN_EXPIRED', { token: zero });
    for (const value of ['soon', '-5', '1.5', '99999999999']) {
      await expectCall(twin, 'login', { body: { email: EMAIL, password: PASSWORD } }, 400, 'INVALID_TEST_HOOK', { headers: { 'x-twin-token-ttl-ms': value } });
    }
  });

  test('--token-ttl-seconds: tokens expire after the configured lifetime (injected clock)', async () => {
    let now = Date.UTC(2025, 1, 10, 12);
    await withCore({ tokenTtlSeconds: 60, now: () => now }, async (clocked) => {
      const t = await login(clocked);
      now += 59_999;
      await expectCall(clocked, 'listCustomers', {}, 200, undefined, { token: t });
      now += 1;
      await expectCall(clocked, 'listCustomers', {}, 403, 'TOKEN_EXPIRED', { token: t });
    });
  });

  test('the default account is the docs\' sandbox test account (test@example.com / test123)', async () => {
    await withCore({ accounts: undefined }, async (plain) => {
      await expectCall(plain, 'login', { body: { email: 'test@example.com', password: 'test123' } }, 200);
      await expectCall(plain, 'login', { body: { email: OTHER_EMAIL, password: OTHER_PASSWORD } }, 401, 'UNAUTHORIZED');
    });
  });
});

describe('accounts are isolated', () => {
  test('another account sees 404 for my cards and customers, and lists none of my customers', async () => {
    const other = await login(twin, OTHER_EMAIL, OTHER_PASSWORD);
    const customer = await newCustomer(twin, token);
    const cardId = await newCard(twin, token);
    const res = await expectCall(twin, 'getCard', { path: { cardId } }, 404, 'NOT_FOUND', { token: other });
    assert.equal(res.body.message, `Card '${cardId}' not found`);
    await expectCall(twin, 'listMovements', { path: { cardId } }, 404, 'NOT_FOUND', { token: other });
    await expectCall(twin, 'addBalance', { body: { cardId, amount: 5 } }, 404, 'NOT_FOUND', { token: other });
    await expectCall(twin, 'changeCardStatus', { body: { cardId, status: 'active' } }, 404, 'NOT_FOUND', { token: other });
    // Their own card cannot be assigned to my customer either.
    const theirCard = await newCard(twin, other);
    const cross = await expectCall(twin, 'assignCard', { body: { cardId: theirCard, customerId: customer.customerId } }, 404, 'NOT_FOUND', { token: other });
    assert.equal(cross.body.message, `Customer '${customer.customerId}' not found`);
    const list = await expectCall(twin, 'listCustomers', {}, 200, undefined, { token: other });
    assert.ok(!list.body.customers.some((c: { customerId: string }) => c.customerId === customer.customerId));
    // The same email is free in another account.
    await expectCall(twin, 'createCustomer', { body: { name: 'Twin', email: customer.email } }, 200, undefined, { token: other });
    assert.equal((await getCard(twin, token, cardId)).balance, 0, 'nothing happened to my card');
  });
});

describe('customers', () => {
  test('createCustomer answers {customerId, name, email} as given', async () => {
    const email = uniqueEmail('Maria.Garcia');
    const res = await expectCall(twin, 'createCustomer', { body: { name: 'María García', email } }, 200, undefined, { token });
    assert.deepEqual(Object.keys(res.body).sort(), ['customerId', 'email', 'name']);
    assert.equal(res.body.name, 'María García');
    assert.equal(res.body.email, email);
    assert.match(res.body.customerId, /^cus_\d{3,}$/);
  });

  test('emails are unique per account, case-insensitively: 409 EMAIL_TAKEN', async () => {
    const email = uniqueEmail('dup');
    await expectCall(twin, 'createCustomer', { body: { name: 'First', email } }, 200, undefined, { token });
    const again = await expectCall(twin, 'createCustomer', { body: { name: 'Second', email } }, 409, 'EMAIL_TAKEN', { token });
    assert.match(again.body.message, /already exists/);
    await expectCall(twin, 'createCustomer', { body: { name: 'Third', email: email.toUpperCase() } }, 409, 'EMAIL_TAKEN', { token });
  });

  test('listCustomers answers every customer of the account, in creation order', async () => {
    await withCore({}, async (own) => {
      const t = await login(own);
      assert.deepEqual((await expectCall(own, 'listCustomers', {}, 200, undefined, { token: t })).body, { customers: [] });
      const created = [];
      for (const name of ['Juan Perez', 'Maria Garcia', 'Ana Lopez', 'Zoe Adams']) created.push(await newCustomer(own, t, name));
      const list = await expectCall(own, 'listCustomers', {}, 200, undefined, { token: t });
      assert.deepEqual(list.body.customers, created);
    });
  });
});

describe('cards', () => {
  test('createCard: inactive, the currency asked, unassigned, balance 0', async () => {
    for (const currency of ['USD', 'EUR', 'COP']) {
      const res = await expectCall(twin, 'createCard', { body: { currency } }, 200, undefined, { token });
      assert.deepEqual(Object.keys(res.body).sort(), ['cardId', 'currency', 'status']);
      assert.equal(res.body.status, 'inactive');
      assert.equal(res.body.currency, currency);
      assert.match(res.body.cardId, /^card_\d{3,}$/);
      assert.deepEqual(await getCard(twin, token, res.body.cardId), { cardId: res.body.cardId, status: 'inactive', currency, customerId: null, balance: 0 });
    }
  });

  test('assignCard links the card to the customer; getCard shows it', async () => {
    const customer = await newCustomer(twin, token);
    const cardId = await newCard(twin, token, 'EUR');
    const res = await expectCall(twin, 'assignCard', { body: { cardId, customerId: customer.customerId } }, 200, undefined, { token });
    assert.deepEqual(res.body, { success: true, cardId, customerId: customer.customerId });
    assert.equal((await getCard(twin, token, cardId)).customerId, customer.customerId);
  });

  test('assignCard: 404 NOT_FOUND naming the unknown card, customer, or both', async () => {
    const customer = await newCustomer(twin, token);
    const cardId = await newCard(twin, token);
    const card = await expectCall(twin, 'assignCard', { body: { cardId: 'card_nope', customerId: customer.customerId } }, 404, 'NOT_FOUND', { token });
    assert.equal(card.body.message, "Card 'card_nope' not found");
    const cus = await expectCall(twin, 'assignCard', { body: { cardId, customerId: 'cus_nope' } }, 404, 'NOT_FOUND', { token });
    assert.equal(cus.body.message, "Customer 'cus_nope' not found");
    const both = await expectCall(twin, 'assignCard', { body: { cardId: 'card_nope', customerId: 'cus_nope' } }, 404, 'NOT_FOUND', { token });
    assert.equal(both.body.message, "Card 'card_nope' and customer 'cus_nope' not found");
    assert.equal((await getCard(twin, token, cardId)).customerId, null, 'nothing was assigned');
  });

  test('assignCard: a card is assigned once, 409 CARD_ALREADY_ASSIGNED (to another customer or the same)', async () => {
    const first = await newCustomer(twin, token);
    const second = await newCustomer(twin, token);
    const cardId = await newCard(twin, token);
    await expectCall(twin, 'assignCard', { body: { cardId, customerId: first.customerId } }, 200, undefined, { token });
    const res = await expectCall(twin, 'assignCard', { body: { cardId, customerId: second.customerId } }, 409, 'CARD_ALREADY_ASSIGNED', { token });
    assert.match(res.body.message, new RegExp(first.customerId));
    await expectCall(twin, 'assignCard', { body: { cardId, customerId: first.customerId } }, 409, 'CARD_ALREADY_ASSIGNED', { token });
    assert.equal((await getCard(twin, token, cardId)).customerId, first.customerId, 'still the first customer');
  });

  test('changeCardStatus: inactive → active → blocked → active → cancelled, each answered {cardId, status}', async () => {
    const cardId = await newCard(twin, token);
    for (const status of ['active', 'blocked', 'active', 'cancelled']) {
      const res = await setStatus(twin, token, cardId, status);
      assert.deepEqual(res.body, { cardId, status });
      assert.equal((await getCard(twin, token, cardId)).status, status);
    }
  });

  test('changeCardStatus: an inactive card can be blocked or cancelled directly', async () => {
    const a = await newCard(twin, token);
    await setStatus(twin, token, a, 'blocked');
    const b = await newCard(twin, token);
    await setStatus(twin, token, b, 'cancelled');
  });

  test('changeCardStatus: the current status again is 200 and changes nothing', async () => {
    const cardId = await newCard(twin, token);
    await setStatus(twin, token, cardId, 'active');
    assert.deepEqual((await setStatus(twin, token, cardId, 'active')).body, { cardId, status: 'active' });
    await setStatus(twin, token, cardId, 'blocked');
    assert.deepEqual((await setStatus(twin, token, cardId, 'blocked')).body, { cardId, status: 'blocked' });
  });

  test('changeCardStatus: cancelled is permanent, any status (cancelled included) is 409 CARD_CANCELLED', async () => {
    const cardId = await newCard(twin, token);
    await topUp(twin, token, cardId, 10);
    await setStatus(twin, token, cardId, 'cancelled');
    for (const status of ['active', 'blocked', 'cancelled']) {
      const res = await expectCall(twin, 'changeCardStatus', { body: { cardId, status } }, 409, 'CARD_CANCELLED', { token });
      assert.match(res.body.message, /cancelled/);
    }
    assert.deepEqual(await getCard(twin, token, cardId), { cardId, status: 'cancelled', currency: 'USD', customerId: null, balance: 10 });
  });

  test('changeCardStatus: a status other than active, blocked, cancelled is a 400 from the schema', async () => {
    const cardId = await newCard(twin, token);
    for (const status of ['inactive', 'pending', 'ACTIVE', '']) {
      const res = await expectCall(twin, 'changeCardStatus', { body: { cardId, status } }, 400, 'VALIDATION_ERROR', { token });
      assert.match(res.body.message, /^body\/status must be equal to one of the allowed values/);
    }
    assert.equal((await getCard(twin, token, cardId)).status, 'inactive');
  });

  test('unknown cards: 404 NOT_FOUND on getCard, changeCardStatus, addBalance, listMovements', async () => {
    const id = 'card_does_not_exist';
    for (const [operationId, input] of [
      ['getCard', { path: { cardId: id } }], ['listMovements', { path: { cardId: id } }],
      ['changeCardStatus', { body: { cardId: id, status: 'active' } }], ['addBalance', { body: { cardId: id, amount: 1 } }],
    ] as const) {
      const res = await expectCall(twin, operationId, input, 404, 'NOT_FOUND', { token });
      assert.equal(res.body.message, `Card '${id}' not found`);
    }
  });

  test('a card id that is a sub-path segment still routes to getCard (GET /cards/assign is card "assign")', async () => {
    const res = await expectCall(twin, 'getCard', { path: { cardId: 'assign' } }, 404, 'NOT_FOUND', { token });
    assert.equal(res.body.message, "Card 'assign' not found");
  });
});

describe('balances and movements', () => {
  test('addBalance: inactive and active cards take top-ups; the balance adds up exactly', async () => {
    const cardId = await newCard(twin, token);
    assert.equal(await topUp(twin, token, cardId, 100), 100, 'inactive takes a top-up (docs: top up, then activate)');
    await setStatus(twin, token, cardId, 'active');
    assert.equal(await topUp(twin, token, cardId, 0.1), 100.1);
    assert.equal(await topUp(twin, token, cardId, 0.2), 100.3, 'no binary drift (0.1 + 0.2)');
    const res = await expectCall(twin, 'addBalance', { body: { cardId, amount: 15.5 } }, 200, undefined, { token });
    assert.deepEqual(res.body, { cardId, balance: 115.8 });
    assert.equal((await getCard(twin, token, cardId)).balance, 115.8);
  });

  test('addBalance: amounts round half up to cents (10.005 → 10.01); below 0.01 is 400 INVALID_AMOUNT', async () => {
    const cardId = await newCard(twin, token, 'COP');
    assert.equal(await topUp(twin, token, cardId, 10.005), 10.01);
    assert.equal(await topUp(twin, token, cardId, 1.004), 11.01);
    const tiny = await expectCall(twin, 'addBalance', { body: { cardId, amount: 0.004 } }, 400, 'INVALID_AMOUNT', { token });
    assert.match(tiny.body.message, /0\.01/);
    assert.equal((await getCard(twin, token, cardId)).balance, 11.01);
    const moves = await expectCall(twin, 'listMovements', { path: { cardId } }, 200, undefined, { token });
    assert.deepEqual(moves.body.movements.map((m: { amount: number }) => m.amount), [1, 10.01], 'movements record the amounts credited');
  });

  test('addBalance: a balance past what is exact is 400 INVALID_AMOUNT, the balance unchanged', async () => {
    const cardId = await newCard(twin, token);
    await topUp(twin, token, cardId, 90_000_000_000_000);
    await expectCall(twin, 'addBalance', { body: { cardId, amount: 10_000_000_000_000 } }, 400, 'INVALID_AMOUNT', { token });
    assert.equal((await getCard(twin, token, cardId)).balance, 90_000_000_000_000);
  });

  test('addBalance: amount must be a JSON number > 0 (a string "100", 0, -5 are 400 from the schema)', async () => {
    const cardId = await newCard(twin, token);
    const text = await expectCall(twin, 'addBalance', { body: { cardId, amount: '100' } }, 400, 'VALIDATION_ERROR', { token });
    assert.equal(text.body.message, 'body/amount must be number');
    for (const amount of [0, -5]) {
      const res = await expectCall(twin, 'addBalance', { body: { cardId, amount } }, 400, 'VALIDATION_ERROR', { token });
      assert.match(res.body.message, /^body\/amount must be > 0/);
    }
    assert.equal((await getCard(twin, token, cardId)).balance, 0);
  });

  test('addBalance: blocked → 409 CARD_BLOCKED, cancelled → 409 CARD_CANCELLED; no movement recorded', async () => {
    const blocked = await newCard(twin, token);
    await topUp(twin, token, blocked, 5);
    await setStatus(twin, token, blocked, 'blocked');
    const b = await expectCall(twin, 'addBalance', { body: { cardId: blocked, amount: 5 } }, 409, 'CARD_BLOCKED', { token });
    assert.match(b.body.message, /blocked/);
    await setStatus(twin, token, blocked, 'active');
    assert.equal(await topUp(twin, token, blocked, 5), 10, 'activated again, it takes top-ups');

    const cancelled = await newCard(twin, token);
    await setStatus(twin, token, cancelled, 'cancelled');
    await expectCall(twin, 'addBalance', { body: { cardId: cancelled, amount: 5 } }, 409, 'CARD_CANCELLED', { token });
    assert.equal((await getCard(twin, token, cancelled)).balance, 0);
    const moves = await expectCall(twin, 'listMovements', { path: { cardId: cancelled } }, 200, undefined, { token });
    assert.deepEqual(moves.body.movements, []);
  });

  test('listMovements: each top-up is {id, +amount, "Balance top-up", ISO date}, newest first, ties by sequence', async () => {
    // A frozen clock: every movement has the same date, so only the sequence orders them.
    const frozen = Date.UTC(2025, 1, 10, 10);
    await withCore({ now: () => frozen }, async (own) => {
      const t = await login(own);
      const cardId = await newCard(own, t);
      const amounts = [100, 20.5, 3, 0.01, 7];
      for (const amount of amounts) await topUp(own, t, cardId, amount);
      const res = await expectCall(own, 'listMovements', { path: { cardId } }, 200, undefined, { token: t });
      const moves = res.body.movements;
      assert.deepEqual(moves.map((m: { amount: number }) => m.amount), [...amounts].reverse());
      for (const m of moves) {
        assert.deepEqual(Object.keys(m).sort(), ['amount', 'date', 'description', 'id']);
        assert.equal(m.description, 'Balance top-up');
        assert.equal(m.date, '2025-02-10T10:00:00.000Z');
        assert.match(m.id, /^mov_\d{3,}$/);
      }
      assert.equal(new Set(moves.map((m: { id: string }) => m.id)).size, amounts.length, 'ids are unique');
      // The same answer every time (never by chance).
      const again = await expectCall(own, 'listMovements', { path: { cardId } }, 200, undefined, { token: t });
      assert.deepEqual(again.body, res.body);
    });
  });

  test('listMovements: newest first by date, even when the clock goes back', async () => {
    let now = Date.UTC(2025, 1, 10, 12);
    await withCore({ now: () => now, tokenTtlSeconds: 86_400 }, async (own) => {
      const t = await login(own);
      const cardId = await newCard(own, t);
      await topUp(own, t, cardId, 1); // 12:00
      now -= 3_600_000;
      await topUp(own, t, cardId, 2); // 11:00
      now += 2 * 3_600_000;
      await topUp(own, t, cardId, 3); // 13:00
      const moves = (await expectCall(own, 'listMovements', { path: { cardId } }, 200, undefined, { token: t })).body.movements;
      assert.deepEqual(moves.map((m: { amount: number; date: string }) => [m.amount, m.date.slice(11, 16)]), [[3, '13:00'], [1, '12:00'], [2, '11:00']]);
    });
  });

  test('listMovements of a new card is empty; movements belong to their card', async () => {
    const a = await newCard(twin, token);
    const b = await newCard(twin, token);
    await topUp(twin, token, a, 12);
    assert.deepEqual((await expectCall(twin, 'listMovements', { path: { cardId: b } }, 200, undefined, { token })).body, { movements: [] });
    assert.equal((await expectCall(twin, 'listMovements', { path: { cardId: a } }, 200, undefined, { token })).body.movements.length, 1);
  });

  test('the docs\' integration example runs as written: login, customer, card, assign, add 500, activate', async () => {
    const t = await login(twin);
    const { customerId } = await newCustomer(twin, t);
    const cardId = await newCard(twin, t);
    await expectCall(twin, 'assignCard', { body: { cardId, customerId } }, 200, undefined, { token: t });
    assert.equal(await topUp(twin, t, cardId, 500), 500);
    await setStatus(twin, t, cardId, 'active');
    assert.deepEqual(await getCard(twin, t, cardId), { cardId, status: 'active', currency: 'USD', customerId, balance: 500 });
    const res = await call(twin, 'logout', {}, { token: t });
    assert.equal(res.status, 200);
  });
});
