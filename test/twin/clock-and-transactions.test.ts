// The twins' shared mechanisms on their own: the test clock (only forward, bounded, runs what
// falls due), card transactions (holds, settle, reverse, direct purchase, expiry on the clock,
// declines that move nothing, exact minor units) and the twin-only operations over HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ADVANCE_MS, TestClock } from '../../twin/clock.ts';
import { AUTHORISATION_TTL_MS, CardTransactions, type CardFunds } from '../../twin/transactions.ts';
import { TwinError } from '../../twin/server.ts';
import { startTwin } from '../../twin/main.ts';
import { twinOps } from '../../lib/twin-ops.ts';

describe('the test clock', () => {
  test('advances from the wall clock, never back, within bounds, and runs what falls due', () => {
    const clock = new TestClock(() => 1_000);
    let due = 0;
    clock.onAdvance(() => { due++; });
    assert.equal(clock.now(), 1_000);
    assert.equal(clock.advance(500), 1_500);
    assert.equal(clock.advancedMs, 500);
    assert.equal(due, 1);
    for (const bad of [-1, 1.5, MAX_ADVANCE_MS + 1, Number.NaN]) assert.throws(() => clock.advance(bad), RangeError);
    assert.equal(clock.now(), 1_500, 'a refused advance changes nothing');
  });
});

/** One card's money, as an API twin keeps it (available and withheld, minor units), with a log of recorded purchases. */
function card(availableMinor: number, active = true) {
  const state = { available: availableMinor, withheld: 0, purchases: [] as number[] };
  const funds: CardFunds = {
    clientId: 'client',
    refusal: () => (active ? undefined : 'CARD_NOT_ACTIVE: blocked'),
    availableMinor: () => state.available,
    hold: (m) => { state.available -= m; state.withheld += m; },
    release: (m) => { state.available += m; state.withheld -= m; },
    captureHeld: (m) => { state.withheld -= m; state.purchases.push(m); },
    charge: (m) => { state.available -= m; state.purchases.push(m); },
  };
  return { state, funds };
}

function book(cards: Record<string, CardFunds>, holds = true, now = () => 0) {
  const events: string[] = [];
  const tx = new CardTransactions({ now, holds, fundsOf: (id) => cards[id], onEvent: (type, t) => events.push(`${type} ${t.id}`) });
  return { tx, events };
}

describe('card transactions', () => {
  test('authorise holds, settle debits the held amount, reverse gives it back; each notified once, in order', () => {
    const a = card(10_000);
    const { tx, events } = book({ a: a.funds });
    const held = tx.authorise('a', 2_500, 'Shop');
    assert.equal(held.status, 'AUTHORISED');
    assert.deepEqual([a.state.available, a.state.withheld], [7_500, 2_500]);
    tx.settle(held.id);
    assert.deepEqual([a.state.available, a.state.withheld, a.state.purchases], [7_500, 0, [2_500]]);
    const other = tx.authorise('a', 1_000, 'Shop');
    tx.reverse(other.id);
    assert.deepEqual([a.state.available, a.state.withheld], [7_500, 0]);
    assert.deepEqual(events, [`authorised ${held.id}`, `settled ${held.id}`, `authorised ${other.id}`, `reversed ${other.id}`]);
  });

  test('a settled or reversed transaction cannot be settled or reversed again (409), an unknown one is 404', () => {
    const a = card(10_000);
    const { tx } = book({ a: a.funds });
    const held = tx.authorise('a', 100, 'Shop');
    tx.settle(held.id);
    for (const again of [() => tx.settle(held.id), () => tx.reverse(held.id)]) assert.throws(again, (e: unknown) => e instanceof TwinError && e.status === 409);
    assert.throws(() => tx.settle('txn_nope'), (e: unknown) => e instanceof TwinError && e.status === 404);
    assert.throws(() => tx.authorise('nope', 1, 'Shop'), (e: unknown) => e instanceof TwinError && e.status === 404);
  });

  test('short funds or an inactive card decline and move nothing; the reason says which', () => {
    const rich = card(1_000);
    const blocked = card(1_000, false);
    const { tx } = book({ rich: rich.funds, blocked: blocked.funds });
    assert.deepEqual([tx.authorise('rich', 1_001, 'Shop').status, tx.authorise('rich', 1_001, 'Shop').reason], ['DECLINED', 'INSUFFICIENT_FUNDS']);
    assert.match(tx.purchase('blocked', 1, 'Shop').reason!, /CARD_NOT_ACTIVE/);
    assert.deepEqual([rich.state, blocked.state].map((s) => [s.available, s.withheld, s.purchases.length]), [[1_000, 0, 0], [1_000, 0, 0]]);
  });

  test('an authorisation expires on the clock after the authorisation period, and cannot be settled after', () => {
    let now = 0;
    const a = card(5_000);
    const { tx, events } = book({ a: a.funds }, true, () => now);
    const held = tx.authorise('a', 1_000, 'Shop');
    now = AUTHORISATION_TTL_MS - 1;
    tx.expireDue();
    assert.equal(tx.get(held.id).status, 'AUTHORISED', 'not yet');
    now = AUTHORISATION_TTL_MS;
    assert.throws(() => tx.settle(held.id), (e: unknown) => e instanceof TwinError && e.status === 409, 'expired first, so not settled');
    assert.deepEqual([a.state.available, a.state.withheld, tx.get(held.id).status], [5_000, 0, 'EXPIRED']);
    assert.equal(events.at(-1), `expired ${held.id}`);
  });

  test('an API without holds only makes direct purchases; amounts are whole minor units', () => {
    const a = card(1_000);
    const { tx } = book({ a: a.funds }, false);
    assert.throws(() => tx.authorise('a', 1, 'Shop'), (e: unknown) => e instanceof TwinError && e.code === 'NO_HOLDS');
    assert.equal(tx.purchase('a', 999, 'Shop').status, 'SETTLED');
    assert.equal(a.state.available, 1);
    for (const bad of [0, -1, 0.5]) assert.throws(() => tx.purchase('a', bad, 'Shop'), (e: unknown) => e instanceof TwinError && e.status === 400);
  });
});

describe('the twin-only operations over HTTP', () => {
  test('Core: a purchase in currency units lands as an exact negative movement; the clock advances; bad input is refused', async () => {
    const twin = await startTwin({ api: 'core' });
    const ops = twinOps(twin.url);
    try {
      const state = twin.api.state;
      const cardId = 'card_001';
      const card = { cardId, userId: 'usr_001', currency: 'USD' as const, status: 'active' as const, customerId: null, balanceMinor: 30, movements: [] };
      state.cards.set(cardId, card);
      const paid = await ops.purchase(cardId, 0.1);
      assert.deepEqual([paid.status, paid.amount, card.balanceMinor], ['SETTLED', 0.1, 20]);
      assert.deepEqual(state.movementsOf(card).map((m) => m.amount), [-0.1]);
      const before = Date.parse((await ops.advanceClock(0)).now);
      const after = await ops.advanceClock(3_600_000);
      assert.ok(Date.parse(after.now) - before >= 3_600_000 && after.advancedMs === 3_600_000);
      const refused = await ops.send('POST', '/_twin/clock/advance', { ms: -5 });
      assert.equal(refused.status, 400);
      assert.equal((await ops.send('POST', `/_twin/cards/${cardId}/authorisations`, { amount: 1 })).status, 409, 'Core shows no holds');
      assert.equal((await ops.send('GET', '/_twin/nothing-here')).status, 404);
      assert.equal((await ops.send('PUT', '/_twin/webhooks', { url: 'http://127.0.0.1:9/' })).status, 405, 'Core has no webhooks to configure');
    } finally {
      await twin.close();
    }
  });
});

test('twin-only operations count against no rate limit and carry no rate-limit headers (Core always limits)', async () => {
  const twin = await startTwin({ api: 'core', rateLimitPerHour: 1 });
  try {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${new URL(twin.url).origin}/_twin/clock`);
      assert.equal(res.status, 200, 'the limit of 1/hour is never reached by twin-only calls');
      assert.equal(res.headers.get('x-ratelimit-remaining'), null);
    }
  } finally {
    await twin.close();
  }
});
