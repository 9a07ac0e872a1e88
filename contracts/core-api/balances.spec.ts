// Balances and movements (docs 004): top-ups add a positive amount (> 0, in currency units) and
// answer the new balance; inactive and active cards take them, blocked and cancelled cards answer
// 409; movements come newest first and add up to the card's balance.
import { test, expect, ok, cardIn, newCard, checkRule, STATEFUL } from '../../fixtures/core.ts';
import { amount } from '../../fixtures/core-data.ts';

test('addBalance 200 answers the new balance', async ({ api }) => {
  const { cardId } = await newCard(api);
  const res = await api.addBalance({ body: { cardId, amount: amount() } });
  await expect(res).toMatchContract('addBalance', 200);
});

for (const status of ['inactive', 'active'] as const) {
  test(`addBalance on an ${status} card: the answered balance is the amount added`, { tag: STATEFUL }, async ({ api }) => {
    const cardId = await cardIn(api, status);
    const added = amount();
    await checkRule(api.endpoint, 'addBalance#answers-new-balance', async () => {
      expect(ok(await api.addBalance({ body: { cardId, amount: added } }))).toEqual(expect.objectContaining({ cardId, balance: added }));
    });
  });
}

for (const [rule, value] of [
  ['a string ("100", wrong type)', '100'],
  ['zero', 0],
  ['negative', -25],
  ['null', null],
] as const) {
  test(`addBalance 400 for an amount that is ${rule}`, async ({ api }) => {
    const res = await api.call('addBalance', { body: { cardId: 'card_001', amount: value } });
    await expect(res).toMatchContract('addBalance', 400);
  });
}

test('addBalance 400 without an amount (missing field)', async ({ api }) => {
  const res = await api.call('addBalance', { body: { cardId: 'card_001' } });
  await expect(res).toMatchContract('addBalance', 400);
});

test('addBalance 400 without a cardId (missing field)', async ({ api }) => {
  const res = await api.call('addBalance', { body: { amount: 10 } });
  await expect(res).toMatchContract('addBalance', 400);
});

for (const status of ['cancelled', 'blocked'] as const) {
  // Refused: documented (Common Issues); with 409: inferred. toFollowRule checks both, each on its own basis.
  test(`addBalance refuses a top-up on a ${status} card (409)`, async ({ api }) => {
    const cardId = await cardIn(api, status);
    // Prism's mock keeps no status; there the rule's status is asked for.
    const res = await api.addBalance({ body: { cardId, amount: amount() } }, { mockStatus: 409 });
    await expect(res).toFollowRule(`addBalance#refused-when-${status}`);
  });

  test(`a refused top-up on a ${status} card changes neither balance nor movements`, { tag: STATEFUL }, async ({ api }) => {
    const { cardId } = await newCard(api);
    const added = amount();
    ok(await api.addBalance({ body: { cardId, amount: added } }));
    ok(await api.changeCardStatus({ body: { cardId, status } }));
    await expect(await api.addBalance({ body: { cardId, amount: amount() } })).toFollowRule(`addBalance#refused-when-${status}`);
    await checkRule(api.endpoint, `addBalance#refused-when-${status}`, async () => {
      expect(ok(await api.listMovements({ path: { cardId } })).movements.map((m) => m.amount), 'movements after the refused top-up').toEqual([added]);
    });
    await checkRule(api.endpoint, 'getCard#reflects-state', async () => {
      expect(ok(await api.getCard({ path: { cardId } })).balance, 'getCard balance after the refused top-up').toBe(added);
    });
  });
}

test('listMovements 200 for a card with a top-up', async ({ api }) => {
  const { cardId } = await newCard(api);
  await api.addBalance({ body: { cardId, amount: amount() } });
  const res = await api.listMovements({ path: { cardId } });
  await expect(res).toMatchContract('listMovements', 200);
});

test('a new card has no movements', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  await checkRule(api.endpoint, 'createCard#born-empty-unassigned', async () => {
    expect(ok(await api.listMovements({ path: { cardId } })).movements).toEqual([]);
  });
});

test('movements: top-ups are positive, newest first, and getCard balance equals their sum', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api, 'EUR');
  ok(await api.changeCardStatus({ body: { cardId, status: 'active' } }));
  const amounts = [amount(1, 50), amount(50, 100), amount(100, 300)];
  let expected = 0;
  for (const value of amounts) {
    expected += value;
    // The answered balance is the running total.
    expect(ok(await api.addBalance({ body: { cardId, amount: value } })).balance).toBeCloseTo(expected, 2);
  }
  const res = await api.listMovements({ path: { cardId } });
  await expect(res).toMatchContract('listMovements', 200);
  const movements = ok(res).movements;
  await checkRule(api.endpoint, 'listMovements#newest-first', () => {
    expect(movements.map((m) => m.amount), 'newest first').toEqual([...amounts].reverse());
    const dates = movements.map((m) => Date.parse(m.date));
    expect(dates, 'dates in reverse chronological order').toEqual([...dates].sort((a, b) => b - a));
  });
  await checkRule(api.endpoint, 'listMovements#credits-positive', () => {
    expect(movements.every((m) => m.amount > 0), 'each top-up as a positive amount').toBe(true);
  });
  expect(new Set(movements.map((m) => m.id)).size, 'movement ids are distinct').toBe(movements.length);
  await checkRule(api.endpoint, 'listMovements#sum-is-balance', async () => {
    const sum = movements.reduce((total, m) => total + m.amount, 0);
    const card = ok(await api.getCard({ path: { cardId } }));
    expect(card.balance).toBeCloseTo(sum, 2);
    expect(card.balance).toBeCloseTo(expected, 2);
  });
});
