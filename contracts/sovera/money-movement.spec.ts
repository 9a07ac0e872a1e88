// Pay-ins, pay-outs, transfers and transactions (docs 000, 001): integer cents that move with
// every operation; pay-outs and transfers need funds; transfers need one currency.
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import type { SoveraClient } from '../../fixtures/sovera.ts';
import { amountCents, naturalUser } from '../../fixtures/sovera-data.ts';

async function wallet(api: SoveraClient, currency = 'USD') {
  const user = dataOf(await api.createNaturalUser({ body: naturalUser({ currency }) }));
  return user.mainWalletId;
}

async function balanceOf(api: SoveraClient, walletId: string) {
  const res = await api.getWallet({ path: { walletId } });
  await expect(res).toMatchContract('getWallet', 200);
  return dataOf(res)[0].balance;
}

test('createPayIn 201', async ({ api }) => {
  const res = await api.createPayIn({ body: { walletId: await wallet(api), amount: amountCents() } });
  await expect(res).toMatchContract('createPayIn', 201);
});

test('createPayOut 201 on a funded wallet', async ({ api }) => {
  const walletId = await wallet(api);
  await api.createPayIn({ body: { walletId, amount: 50_000 } });
  const res = await api.createPayOut({ body: { walletId, amount: 20_000 } });
  await expect(res).toMatchContract('createPayOut', 201);
});

test('createTransfer 201 between funded wallets of one currency', async ({ api }) => {
  const [from, to] = [await wallet(api), await wallet(api)];
  await api.createPayIn({ body: { walletId: from, amount: 50_000 } });
  const res = await api.createTransfer({ body: { fromWalletId: from, toWalletId: to, amount: 10_000 } });
  await expect(res).toMatchContract('createTransfer', 201);
});

test('listTransactions 200 for a wallet', async ({ api }) => {
  const walletId = await wallet(api);
  await api.createPayIn({ body: { walletId, amount: 1_000 } });
  const res = await api.listTransactions({ query: { walletId } });
  await expect(res).toMatchContract('listTransactions', 200);
});

test('listTransactions 400 without a walletId', async ({ api }) => {
  const res = await api.call('listTransactions', { query: {} });
  await expect(res).toMatchContract('listTransactions', 400);
});

for (const operationId of ['createPayIn', 'createPayOut'] as const) {
  for (const [rule, amount] of [['zero', 0], ['negative', -100], ['fractional cents', 10.5], ['a string', '100']] as const) {
    test(`${operationId} 400 for an amount that is ${rule}`, async ({ api }) => {
      const res = await api.call(operationId, { body: { walletId: 'any-wallet', amount } });
      await expect(res).toMatchContract(operationId, 400);
    });
  }
}

test('createTransfer 400 without an amount', async ({ api }) => {
  const res = await api.call('createTransfer', { body: { fromWalletId: 'a', toWalletId: 'b' } });
  await expect(res).toMatchContract('createTransfer', 400);
});

test('pay-ins and pay-outs move the balance by exactly the amount, in cents', { tag: STATEFUL }, async ({ api }) => {
  const walletId = await wallet(api);
  const payIn = amountCents(10_000, 90_000);
  const payOut = amountCents(1, payIn);
  await expect(await api.createPayIn({ body: { walletId, amount: payIn } })).toMatchContract('createPayIn', 201);
  await checkRule(api.endpoint, 'createPayIn#moves-balance', async () => expect(await balanceOf(api, walletId)).toBe(payIn));
  await expect(await api.createPayOut({ body: { walletId, amount: payOut } })).toMatchContract('createPayOut', 201);
  await checkRule(api.endpoint, 'createPayIn#moves-balance', async () => expect(await balanceOf(api, walletId)).toBe(payIn - payOut));
});

test('createPayOut 400 for insufficient funds leaves the balance unchanged', { tag: STATEFUL }, async ({ api }) => {
  const walletId = await wallet(api);
  await api.createPayIn({ body: { walletId, amount: 5_000 } });
  await expect(await api.createPayOut({ body: { walletId, amount: 5_001 } })).toFollowRule('createPayOut#refused-without-funds');
  await checkRule(api.endpoint, 'createPayOut#refused-without-funds', async () => expect(await balanceOf(api, walletId)).toBe(5_000));
});

test('a transfer keeps the sum of both balances', { tag: STATEFUL }, async ({ api }) => {
  const [from, to] = [await wallet(api), await wallet(api)];
  await api.createPayIn({ body: { walletId: from, amount: 30_000 } });
  await api.createPayIn({ body: { walletId: to, amount: 7_000 } });
  const amount = amountCents(1, 30_000);
  await expect(await api.createTransfer({ body: { fromWalletId: from, toWalletId: to, amount } })).toMatchContract('createTransfer', 201);
  await checkRule(api.endpoint, 'createTransfer#keeps-sum', async () => {
    const [a, b] = [await balanceOf(api, from), await balanceOf(api, to)];
    expect({ from: a, to: b }).toEqual({ from: 30_000 - amount, to: 7_000 + amount });
  });
});

test('createTransfer 400 for insufficient funds and for a currency mismatch', { tag: STATEFUL }, async ({ api }) => {
  const [usd, usd2, eur] = [await wallet(api), await wallet(api), await wallet(api, 'EUR')];
  await api.createPayIn({ body: { walletId: usd, amount: 1_000 } });
  await expect(await api.createTransfer({ body: { fromWalletId: usd, toWalletId: usd2, amount: 1_001 } })).toFollowRule('createTransfer#refused-without-funds');
  await expect(await api.createTransfer({ body: { fromWalletId: usd, toWalletId: eur, amount: 500 } })).toFollowRule('createTransfer#refused-across-currencies');
  await checkRule(api.endpoint, 'createTransfer#refused-across-currencies', async () => {
    expect([await balanceOf(api, usd), await balanceOf(api, usd2), await balanceOf(api, eur)]).toEqual([1_000, 0, 0]);
  });
});

test('listTransactions answers every movement, newest first, with its type and amount', { tag: STATEFUL }, async ({ api }) => {
  const [walletId, other] = [await wallet(api), await wallet(api)];
  await api.createPayIn({ body: { walletId, amount: 9_000 } });
  await api.createPayOut({ body: { walletId, amount: 2_000 } });
  await api.createTransfer({ body: { fromWalletId: walletId, toWalletId: other, amount: 3_000 } });
  const res = await api.listTransactions({ query: { walletId } });
  await expect(res).toMatchContract('listTransactions', 200);
  const moves = dataOf(res);
  await checkRule(api.endpoint, 'listTransactions#newest-first', () => {
    expect(moves.map((t) => [t.type, t.amount])).toEqual([['transfer_out', 3_000], ['payout', 2_000], ['payin', 9_000]]);
    const times = moves.map((t) => Date.parse(t.creationDate));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(moves.every((t) => t.walletId === walletId)).toBe(true);
  });
});
