// Virtual cards (docs 003): the card's life and the rules that span calls. Every rule is named by
// its spec id (`<operationId>#<rule>`), so a failure says whether the docs state it or we infer it.
import { test, expect, checkRule, newCard, ok, reveal, HOOKS, STATEFUL } from '../../fixtures/api-layer.ts';
import { newCardBody, phone, uniqueEmail } from '../../fixtures/api-layer-data.ts';
import type { ApiLayerClient } from '../../fixtures/api-layer.ts';
import { isLoopbackHost } from '../../lib/config.ts';
import { contractFor } from '../../lib/contract.ts';
import { unknownIds, validRequest } from '../../fixtures/api-layer-requests.ts';

test.describe.configure({ mode: 'parallel' });

async function cardOf(api: ApiLayerClient, cardId: string) {
  return ok(await api.getVirtualCard({ path: { cardId } }));
}

test('createVirtualCard 201 and getVirtualCard 200: the card, without its secrets', async ({ api, endpoint }) => {
  const created = await api.createVirtualCard({ body: newCardBody() });
  await expect(created).toMatchContract('createVirtualCard', 201);
  const cardId = endpoint.stateful ? ok(created).cardId : 'vc_001';
  await expect(await api.getVirtualCard({ path: { cardId } })).toMatchContract('getVirtualCard', 200);
});

test('listVirtualCards 200 lists active cards only: a deleted card is not listed', { tag: STATEFUL }, async ({ api }) => {
  const kept = await newCard(api);
  const deleted = await newCard(api);
  ok(await api.deleteVirtualCard({ path: { cardId: deleted.cardId } }));
  const res = await api.listVirtualCards({});
  await expect(res).toMatchContract('listVirtualCards', 200);
  const listed = ok(res).cards.map((c) => c.cardId);
  await checkRule(api.endpoint, 'listVirtualCards#active-only', () => {
    expect(listed, 'the deleted card is not listed').not.toContain(deleted.cardId);
    expect(listed, 'the active card is listed').toContain(kept.cardId);
  });
});

test('deleteVirtualCard is permanent: the deleted card is refused, and deleting again too', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  await expect(await api.deleteVirtualCard({ path: { cardId } })).toMatchContract('deleteVirtualCard', 200);
  await expect(await api.unblockVirtualCard({ path: { cardId } })).toFollowRule('deleteVirtualCard#permanent');
  await expect(await api.freezeVirtualCard({ path: { cardId }, body: { frozen: false } })).toFollowRule('deleteVirtualCard#permanent');
  await expect(await api.deleteVirtualCard({ path: { cardId } })).toFollowRule('deleteVirtualCard#permanent');
  await checkRule(api.endpoint, 'deleteVirtualCard#permanent', async () => {
    expect((await cardOf(api, cardId)).status, 'the deleted card is not active again').not.toBe('ACTIVE');
  });
});

// Derived: every operation on a card that documents a conflict refuses the deleted card.
const onDeletedCard = [...contractFor('api-layer').operations.values()]
  .filter((op) => op.parameters.some((p) => p.in === 'path' && p.name === 'cardId') && op.responses.has(409) && op.operationId !== 'deleteVirtualCard');

test(`a deleted card is refused by every operation on it that documents 409 (${onDeletedCard.length})`, { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  ok(await api.deleteVirtualCard({ path: { cardId } }));
  for (const op of onDeletedCard) {
    const res = await api.call(op.operationId as never, validRequest(op.operationId, { ...unknownIds(), cardId }));
    await expect(res).toFollowRule('deleteVirtualCard#permanent');
  }
  // A simulated transaction names the card in its body.
  await expect(await api.simulateTransaction({ body: { cardId, type: 'DEPOSIT', amount: 25 } })).toFollowRule('deleteVirtualCard#permanent');
});

test('getTopUpWallets 200 for a TOP_UP card; refused for another card', { tag: STATEFUL }, async ({ api }) => {
  const topUp = await newCard(api, 'TOP_UP');
  await expect(await api.getTopUpWallets({ path: { cardId: topUp.cardId } })).toMatchContract('getTopUpWallets', 200);
  const other = await newCard(api, 'AUTHORIZATION');
  await expect(await api.getTopUpWallets({ path: { cardId: other.cardId } })).toFollowRule('getTopUpWallets#top-up-cards-only');
});

test.describe('overrideVirtualBalance', () => {
  test('the amount replaces the balance (twice the same amount: that amount, not double)', { tag: STATEFUL }, async ({ api }) => {
    const { cardId } = await newCard(api, 'TOP_UP');
    await expect(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 120.5 } })).toMatchContract('overrideVirtualBalance', 200);
    ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 120.5 } }));
    await checkRule(api.endpoint, 'overrideVirtualBalance#replaces-balance', async () => {
      expect((await cardOf(api, cardId)).balance, 'the balance is the amount').toBe(120.5);
    });
    ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 0 } })); // zero is allowed (docs 003)
    await checkRule(api.endpoint, 'overrideVirtualBalance#replaces-balance', async () => {
      expect((await cardOf(api, cardId)).balance, 'zero replaces the balance').toBe(0);
    });
  });

  test('a negative amount is refused (400)', async ({ api, endpoint }) => {
    const cardId = endpoint.stateful ? (await newCard(api, 'TOP_UP')).cardId : 'vc_001';
    await expect(await api.call('overrideVirtualBalance', { path: { cardId }, body: { amount: -1 } })).toMatchContract('overrideVirtualBalance', 400);
  });

  test('a card that is not TOP_UP is refused and keeps its balance', { tag: STATEFUL }, async ({ api }) => {
    const { cardId } = await newCard(api, 'AUTHORIZATION');
    const before = (await cardOf(api, cardId)).balance;
    await expect(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 50 } })).toFollowRule('overrideVirtualBalance#top-up-cards-only');
    await checkRule(api.endpoint, 'overrideVirtualBalance#top-up-cards-only', async () => {
      expect((await cardOf(api, cardId)).balance, 'the balance is unchanged').toBe(before);
    });
  });
});

test('freezeVirtualCard freezes and unfreezes; unblockVirtualCard makes a frozen card ACTIVE', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  await expect(await api.freezeVirtualCard({ path: { cardId }, body: { frozen: true } })).toMatchContract('freezeVirtualCard', 200);
  await checkRule(api.endpoint, 'freezeVirtualCard#freeze-and-unfreeze', async () => {
    expect((await cardOf(api, cardId)).status).toBe('FROZEN');
  });
  ok(await api.freezeVirtualCard({ path: { cardId }, body: { frozen: false } }));
  await checkRule(api.endpoint, 'freezeVirtualCard#freeze-and-unfreeze', async () => {
    expect((await cardOf(api, cardId)).status).toBe('ACTIVE');
  });
  ok(await api.freezeVirtualCard({ path: { cardId }, body: { frozen: true } }));
  await expect(await api.unblockVirtualCard({ path: { cardId } })).toMatchContract('unblockVirtualCard', 200);
  await checkRule(api.endpoint, 'unblockVirtualCard#becomes-active', async () => {
    expect((await cardOf(api, cardId)).status, 'ACTIVE whatever the status was').toBe('ACTIVE');
  });
  ok(await api.unblockVirtualCard({ path: { cardId } })); // an active card: unblocked again, still ACTIVE
  await checkRule(api.endpoint, 'unblockVirtualCard#becomes-active', async () => {
    expect((await cardOf(api, cardId)).status).toBe('ACTIVE');
  });
});

test('reissueVirtualCard keeps the cardId and the balance', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api, 'TOP_UP');
  ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 75.25 } }));
  const before = await cardOf(api, cardId);
  const res = await api.reissueVirtualCard({ path: { cardId } });
  await expect(res).toMatchContract('reissueVirtualCard', 200);
  await checkRule(api.endpoint, 'reissueVirtualCard#keeps-card', async () => {
    expect(ok(res).cardId, 'the answer names the same card').toBe(cardId);
    const after = await cardOf(api, cardId);
    expect(after.cardId).toBe(cardId);
    expect(after.balance, 'the balance is kept').toBe(before.balance);
  });
});

test('updates: limits, email, phone, 3DS method, deposit (at least 10 USD)', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  await expect(await api.updateVirtualCardLimits({ path: { cardId }, body: { daily: 250, monthly: 1000 } })).toMatchContract('updateVirtualCardLimits', 200);
  await expect(await api.updateVirtualCardEmail({ path: { cardId }, body: { email: uniqueEmail() } })).toMatchContract('updateVirtualCardEmail', 200);
  await expect(await api.updateVirtualCardPhone({ path: { cardId }, body: { phone: phone() } })).toMatchContract('updateVirtualCardPhone', 200);
  await expect(await api.configure3ds({ path: { cardId }, body: { otpMethod: 'WEBHOOK' } })).toMatchContract('configure3ds', 200);
  await expect(await api.depositToVirtualCard({ path: { cardId }, body: { amount: 10 } })).toMatchContract('depositToVirtualCard', 200);
  expect((await cardOf(api, cardId)).limits).toEqual({ daily: 250, monthly: 1000 });
});

test('depositToVirtualCard refuses less than 10 USD (400)', async ({ api, endpoint }) => {
  const cardId = endpoint.stateful ? (await newCard(api)).cardId : 'vc_001';
  await expect(await api.call('depositToVirtualCard', { path: { cardId }, body: { amount: 9.99 } })).toMatchContract('depositToVirtualCard', 400);
});

test.describe('the PAN link (twin: its page is served on loopback)', () => {
  test('getVirtualCardPan 200 answers a link that opens once', { tag: [STATEFUL, HOOKS] }, async ({ api }) => {
    const { cardId } = await newCard(api);
    const res = await api.getVirtualCardPan({ path: { cardId } });
    await expect(res).toMatchContract('getVirtualCardPan', 200);
    const link = panUrlOf(res); // a secret: never printed
    await checkRule(api.endpoint, 'getVirtualCardPan#link-opens-once', async () => {
      const first = await openLink(link);
      expect(first.status, 'the first opening shows the PAN').toBe(200);
      expect(first.pan, 'the page holds a card number').toBeTruthy();
      const second = await openLink(link);
      expect(second.pan, 'a second opening shows no PAN').toBeUndefined();
    });
  });

  test('reissueVirtualCard gives a new number', { tag: [STATEFUL, HOOKS] }, async ({ api }) => {
    const { cardId } = await newCard(api);
    const before = await openLink(panUrlOf(await api.getVirtualCardPan({ path: { cardId } })));
    ok(await api.reissueVirtualCard({ path: { cardId } }));
    const after = await openLink(panUrlOf(await api.getVirtualCardPan({ path: { cardId } })));
    await checkRule(api.endpoint, 'reissueVirtualCard#new-number', () => {
      expect(before.pan && after.pan, 'both links show a card number').toBeTruthy();
      expect(after.pan === before.pan, 'the reissued card has another PAN (values not printed)').toBe(false);
    });
  });
});

/** The link of a getVirtualCardPan answer, unmasked (the client masks it as a secret). Never print it. */
function panUrlOf(res: Parameters<typeof reveal>[0] & { operationId: string; status: number }): string {
  return (ok({ ...res, body: reveal(res) }) as { panUrl: string }).panUrl;
}

/** Opens a PAN link (the twin's loopback page) and keeps the card number out of anything printable. */
async function openLink(url: string | undefined): Promise<{ status: number; pan?: string }> {
  if (!url || !isLoopbackHost(new URL(url).hostname)) throw new Error('the PAN link is not on loopback: tests open links of the local twin only');
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const pan = /\b\d{13,19}\b/.exec(await res.text())?.[0];
  return { status: res.status, pan };
}
