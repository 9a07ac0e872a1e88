// Card lifecycle (docs 002): ack reception activates a printed physical card; block and unblock
// flip isActive and answer 400 when repeated; cancel is irreversible (status "Cancel").
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../fixtures/sovera-data.ts';
import { blockUnblockCycle, createCard, provisionCardholder } from '../../scenarios/sovera.ts';

const LIFECYCLE = ['ackReception', 'blockCard', 'unblockCard', 'cancelCard'] as const;

test.describe('with a fresh virtual card', () => {
  let cardId = '';
  test.beforeEach(async ({ run }) => {
    ({ cardId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0)));
  });

  test('blockCard 201 answers isActive false', async ({ api }) => {
    const res = await api.blockCard({ body: { cardId } });
    await expect(res).toMatchContract('blockCard', 201);
  });

  test('unblockCard 201 answers isActive true for a blocked card', async ({ api }) => {
    await api.blockCard({ body: { cardId } });
    const res = await api.unblockCard({ body: { cardId } });
    await expect(res).toMatchContract('unblockCard', 201);
  });

  test('cancelCard 201 answers isActive "false" (a string, as documented)', async ({ api }) => {
    const res = await api.cancelCard({ body: { cardId } });
    await expect(res).toMatchContract('cancelCard', 201);
  });

  test('block and unblock show in getCard (shared lifecycle flow)', { tag: STATEFUL }, async ({ run }) => {
    await run(blockUnblockCycle(cardId));
  });

  test('blockCard 400 when the card is already blocked', { tag: STATEFUL }, async ({ api }) => {
    await expect(await api.blockCard({ body: { cardId } })).toMatchContract('blockCard', 201);
    const res = await api.blockCard({ body: { cardId } });
    await expect(res).toFollowRule('blockCard#refused-when-blocked');
    await checkRule(api.endpoint, 'blockCard#refused-when-blocked', async () => expect(dataOf(await api.getCard({ path: { cardId } })).isActive).toBe(false));
  });

  test('unblockCard 400 when the card is already active', { tag: STATEFUL }, async ({ api }) => {
    const res = await api.unblockCard({ body: { cardId } });
    await expect(res).toFollowRule('unblockCard#refused-when-active');
    await checkRule(api.endpoint, 'unblockCard#refused-when-active', async () => expect(dataOf(await api.getCard({ path: { cardId } })).isActive).toBe(true));
  });

  test('cancelCard: status becomes Cancel, a second cancel answers 400, and the card stays cancelled', { tag: STATEFUL }, async ({ api }) => {
    await expect(await api.cancelCard({ body: { cardId } })).toMatchContract('cancelCard', 201);
    await checkRule(api.endpoint, 'cancelCard#irreversible', async () => {
      expect(dataOf(await api.getCard({ path: { cardId } }))).toMatchObject({ isActive: false, status: 'Cancel' });
    });
    await expect(await api.cancelCard({ body: { cardId } })).toFollowRule('cancelCard#refused-when-cancelled');
    // Irreversible: no lifecycle call brings it back.
    await checkRule(api.endpoint, 'cancelCard#irreversible', async () => {
      for (const operationId of ['blockCard', 'unblockCard', 'ackReception'] as const) {
        const res = await api[operationId]({ body: { cardId } });
        expect(res.status, `${operationId} on a cancelled card`).toBeGreaterThanOrEqual(400);
        await expect(res).toMatchContract(operationId);
      }
      expect(dataOf(await api.getCard({ path: { cardId } }))).toMatchObject({ isActive: false, status: 'Cancel' });
    });
  });

  test('ackReception 400 for a card that is not pending acknowledgement', { tag: STATEFUL }, async ({ api }) => {
    const res = await api.ackReception({ body: { cardId } });
    await expect(res).toFollowRule('ackReception#refused-when-not-pending');
  });
});

test.describe('with a fresh physical card', () => {
  let cardId = '';
  test.beforeEach(async ({ run }) => {
    const { userId, walletId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0));
    cardId = await run(createCard('debit', userId, walletId, CLIENT_CODE, true));
  });

  test('ackReception 201 echoes the cardId', async ({ api }) => {
    const res = await api.ackReception({ body: { cardId } });
    await expect(res).toMatchContract('ackReception', 201);
  });

  test('ackReception activates the printed card, and getCard agrees', { tag: STATEFUL }, async ({ api }) => {
    const res = await api.ackReception({ body: { cardId } });
    await expect(res).toMatchContract('ackReception', 201);
    expect(dataOf(res).cardId).toBe(cardId);
    await checkRule(api.endpoint, 'ackReception#activates-printed-card', async () => {
      expect(dataOf(await api.getCard({ path: { cardId } }))).toMatchObject({ isActive: true, status: 'active' });
    });
  });
});

for (const operationId of LIFECYCLE) {
  test(`${operationId} 400 when cardId is missing`, async ({ api }) => {
    const res = await api.call(operationId, { body: {} });
    await expect(res).toMatchContract(operationId, 400);
  });
}
