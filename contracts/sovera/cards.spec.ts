// Cards (docs 000, 002): debit, prepaid and credit cards on a user's wallet; credit cards need a
// walletType 1 wallet, debit and prepaid a walletType 0 wallet; physical cards are born inactive.
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../fixtures/sovera-data.ts';
import type { SoveraClient } from '../../fixtures/sovera.ts';

const CARD_OPERATIONS = [
  ['createDebitCard', 0],
  ['createPrepaidCard', 0],
  ['createCreditCard', 1],
] as const;

async function userWithWallet(api: SoveraClient, walletType: 0 | 1) {
  const user = dataOf(await api.createNaturalUser({ body: naturalUser() }));
  if (walletType === 0) return { userId: user.id, walletId: user.mainWalletId };
  const wallet = dataOf(await api.createWallet({ body: { userId: user.id, currency: 'USD', description: 'Credit line', walletType } }));
  return { userId: user.id, walletId: wallet.id };
}

for (const [operationId, walletType] of CARD_OPERATIONS) {
  test(`${operationId} 201 for a virtual card on a walletType ${walletType} wallet`, async ({ api }) => {
    const owner = await userWithWallet(api, walletType);
    const res = await api[operationId]({ body: { ...owner, clientCode: CLIENT_CODE, physicalCard: false } });
    await expect(res).toMatchContract(operationId, 201);
  });

  test(`${operationId} 400 when physicalCard is not a boolean`, async ({ api }) => {
    const owner = await userWithWallet(api, walletType);
    const res = await api.call(operationId, { body: { ...owner, clientCode: CLIENT_CODE, physicalCard: 'yes' } });
    await expect(res).toMatchContract(operationId, 400);
  });

  test(`${operationId} 400 on a walletType ${1 - walletType} wallet`, { tag: STATEFUL }, async ({ api }) => {
    const owner = await userWithWallet(api, (1 - walletType) as 0 | 1);
    const res = await api[operationId]({ body: { ...owner, clientCode: CLIENT_CODE, physicalCard: false } });
    await expect(res).toFollowRule(`${operationId}#needs-wallet-type-${walletType}`);
  });

  test(`${operationId}: a physical card is born inactive, pending acknowledgement, and getCard agrees`, { tag: STATEFUL }, async ({ api }) => {
    const owner = await userWithWallet(api, walletType);
    const created = dataOf(await api[operationId]({ body: { ...owner, clientCode: CLIENT_CODE, physicalCard: true } }));
    await checkRule(api.endpoint, `${operationId}#physical-born-pending`, async () => {
      expect(created).toMatchObject({ userId: owner.userId, walletId: owner.walletId, physicalCard: true, isActive: false, status: 'pendingAck' });
      const res = await api.getCard({ path: { cardId: created.id } });
      await expect(res).toMatchContract('getCard', 200);
      expect(dataOf(res)).toMatchObject({ id: created.id, isActive: false, status: 'pendingAck' });
    });
  });
}

test('getCard 200 for a created card', async ({ api }) => {
  const owner = await userWithWallet(api, 0);
  const card = dataOf(await api.createDebitCard({ body: { ...owner, clientCode: CLIENT_CODE, physicalCard: false } }));
  const res = await api.getCard({ path: { cardId: card.id } });
  await expect(res).toMatchContract('getCard', 200);
});

test('a card must be created on a wallet of the same user', { tag: STATEFUL }, async ({ api }) => {
  const alice = await userWithWallet(api, 0);
  const bob = await userWithWallet(api, 0);
  const res = await api.createDebitCard({ body: { userId: alice.userId, walletId: bob.walletId, clientCode: CLIENT_CODE, physicalCard: false } });
  await expect(res).toFollowRule('createDebitCard#wallet-of-same-user');
});
