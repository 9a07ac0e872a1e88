// Virtual cards (docs 004): born inactive, unassigned and empty; assigned to one customer once;
// activated, blocked or cancelled, and cancelled is permanent.
import { test, expect, ok, cardIn, newCard, newCustomer, checkRule, STATEFUL } from '../../fixtures/core.ts';
import { CURRENCIES, unknownId } from '../../fixtures/core-data.ts';

for (const currency of CURRENCIES) {
  test(`createCard 200 for a ${currency} card, inactive`, async ({ api }) => {
    const res = await api.createCard({ body: { currency } });
    await expect(res).toMatchContract('createCard', 200);
  });
}

for (const [rule, body] of [
  ['without a currency (missing field)', {}],
  ['for a currency the docs do not list (GBP)', { currency: 'GBP' }],
  ['for a lower-case currency', { currency: 'usd' }],
  ['when the currency is a number (wrong type)', { currency: 840 }],
] as const) {
  test(`createCard 400 ${rule}`, async ({ api }) => {
    const res = await api.call('createCard', { body });
    await expect(res).toMatchContract('createCard', 400);
  });
}

test('getCard 200 for a created card', async ({ api }) => {
  const card = await newCard(api);
  const res = await api.getCard({ path: { cardId: card.cardId } });
  await expect(res).toMatchContract('getCard', 200);
});

test('a new card is inactive, unassigned, empty and in its currency, and getCard agrees', { tag: STATEFUL }, async ({ api }) => {
  const created = await newCard(api, 'COP');
  await checkRule(api.endpoint, 'createCard#born-inactive', () => expect(created).toMatchObject({ status: 'inactive', currency: 'COP' }));
  await checkRule(api.endpoint, 'createCard#born-empty-unassigned', async () => {
    const card = ok(await api.getCard({ path: { cardId: created.cardId } }));
    expect(card).toMatchObject({ cardId: created.cardId, status: 'inactive', currency: 'COP', balance: 0 });
    expect(card.customerId ?? null).toBeNull();
  });
});

// ---------------------------------------------------------------- assignCard
test('assignCard 200 links a card to a customer', async ({ api }) => {
  const [card, owner] = [await newCard(api), await newCustomer(api)];
  const res = await api.assignCard({ body: { cardId: card.cardId, customerId: owner.customerId } });
  await expect(res).toMatchContract('assignCard', 200);
});

test('assignCard: getCard shows the customer', { tag: STATEFUL }, async ({ api }) => {
  const [card, owner] = [await newCard(api), await newCustomer(api)];
  expect(ok(await api.assignCard({ body: { cardId: card.cardId, customerId: owner.customerId } })))
    .toMatchObject({ success: true, cardId: card.cardId, customerId: owner.customerId });
  await checkRule(api.endpoint, 'getCard#reflects-state', async () => {
    expect(ok(await api.getCard({ path: { cardId: card.cardId } })).customerId).toBe(owner.customerId);
  });
});

for (const [rule, body] of [
  ['without a customerId (missing field)', { cardId: 'card_001' }],
  ['without a cardId (missing field)', { customerId: 'cus_001' }],
  ['when the cardId is a number (wrong type)', { cardId: 1, customerId: 'cus_001' }],
] as const) {
  test(`assignCard 400 ${rule}`, async ({ api }) => {
    const res = await api.call('assignCard', { body });
    await expect(res).toMatchContract('assignCard', 400);
  });
}

test('assignCard 404 for an unknown customer, and the card stays unassigned', async ({ api, endpoint }) => {
  const card = await newCard(api);
  const res = await api.assignCard({ body: { cardId: card.cardId, customerId: unknownId('cus') } }, { mockStatus: 404 });
  await expect(res).toMatchContract('assignCard', 404);
  if (endpoint.stateful) {
    await checkRule(endpoint, 'getCard#reflects-state', async () => {
      expect(ok(await api.getCard({ path: { cardId: card.cardId } })).customerId ?? null).toBeNull();
    });
  }
});

test('assignCard 404 for an unknown card of a known customer', async ({ api }) => {
  const owner = await newCustomer(api);
  const res = await api.assignCard({ body: { cardId: unknownId('card'), customerId: owner.customerId } }, { mockStatus: 404 });
  await expect(res).toMatchContract('assignCard', 404);
});

test('assignCard 409 when the card is already assigned', async ({ api }) => {
  const [card, first, second] = [await newCard(api), await newCustomer(api), await newCustomer(api)];
  await expect(await api.assignCard({ body: { cardId: card.cardId, customerId: first.customerId } })).toMatchContract('assignCard', 200);
  // Prism's mock keeps no assignments; there the documented 409 is asked for.
  const res = await api.assignCard({ body: { cardId: card.cardId, customerId: second.customerId } }, { mockStatus: 409 });
  await expect(res).toFollowRule('assignCard#assigned-once');
});

test('a second assignment, to the same or another customer, answers 409 and keeps the first', { tag: STATEFUL }, async ({ api }) => {
  const [card, first, second] = [await newCard(api), await newCustomer(api), await newCustomer(api)];
  ok(await api.assignCard({ body: { cardId: card.cardId, customerId: first.customerId } }));
  await expect(await api.assignCard({ body: { cardId: card.cardId, customerId: first.customerId } })).toFollowRule('assignCard#assigned-once-same-customer');
  await expect(await api.assignCard({ body: { cardId: card.cardId, customerId: second.customerId } })).toFollowRule('assignCard#assigned-once');
  await checkRule(api.endpoint, 'getCard#reflects-state', async () => {
    expect(ok(await api.getCard({ path: { cardId: card.cardId } })).customerId).toBe(first.customerId);
  });
});

// ---------------------------------------------------------------- changeCardStatus
for (const status of ['active', 'blocked', 'cancelled'] as const) {
  test(`changeCardStatus 200 sets a new card ${status}`, async ({ api }) => {
    const card = await newCard(api);
    const res = await api.changeCardStatus({ body: { cardId: card.cardId, status } });
    await expect(res).toMatchContract('changeCardStatus', 200);
  });
}

test('changeCardStatus: active, blocked and active again show in getCard', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  for (const status of ['active', 'blocked', 'active'] as const) {
    expect(ok(await api.changeCardStatus({ body: { cardId, status } }))).toEqual(expect.objectContaining({ cardId, status }));
    await checkRule(api.endpoint, 'changeCardStatus#status-shows-in-getCard', async () => {
      expect(ok(await api.getCard({ path: { cardId } })).status).toBe(status);
    });
  }
});

for (const [rule, patch] of [
  ["for the status 'pending' (not a status)", { status: 'pending' }],
  ["for the status 'inactive' (cards are born inactive, never set to it)", { status: 'inactive' }],
  ['for an upper-case status', { status: 'ACTIVE' }],
  ['without a status (missing field)', { status: undefined }],
] as const) {
  test(`changeCardStatus 400 ${rule}`, async ({ api }) => {
    const res = await api.call('changeCardStatus', { body: { cardId: 'card_001', ...patch } });
    await expect(res).toMatchContract('changeCardStatus', 400);
  });
}

test('changeCardStatus 409: a cancelled card cannot be reactivated', async ({ api }) => {
  const cardId = await cardIn(api, 'cancelled');
  // Prism's mock keeps no status; there the documented 409 is asked for.
  const res = await api.changeCardStatus({ body: { cardId, status: 'active' } }, { mockStatus: 409 });
  await expect(res).toFollowRule('changeCardStatus#cancelled-is-permanent');
});

test('cancelled is permanent: no status change is accepted, and getCard stays cancelled', { tag: STATEFUL }, async ({ api }) => {
  const cardId = await cardIn(api, 'cancelled');
  for (const status of ['active', 'blocked', 'cancelled'] as const) {
    await expect(await api.changeCardStatus({ body: { cardId, status } }), `set ${status} on a cancelled card`).toFollowRule('changeCardStatus#cancelled-is-permanent');
  }
  await checkRule(api.endpoint, 'getCard#reflects-state', async () => {
    expect(ok(await api.getCard({ path: { cardId } })).status).toBe('cancelled');
  });
});
