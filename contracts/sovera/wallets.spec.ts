// Wallets (docs 001): create, retrieve (data is an array of one wallet), list by user; amounts in cents.
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { naturalUser } from '../../fixtures/sovera-data.ts';
import type { SoveraClient } from '../../fixtures/sovera.ts';

async function newUser(api: SoveraClient) {
  return dataOf(await api.createNaturalUser({ body: naturalUser() }));
}

test('createWallet 201 for an existing user', async ({ api }) => {
  const user = await newUser(api);
  const res = await api.createWallet({ body: { userId: user.id, currency: 'USD', description: 'Travel', walletType: 0 } });
  await expect(res).toMatchContract('createWallet', 201);
});

test('createWallet 201 with a form-encoded body', async ({ api }) => {
  const user = await newUser(api);
  const res = await api.createWallet({ body: { userId: user.id, currency: 'EUR', description: 'Form', walletType: 1 } }, { form: true });
  await expect(res).toMatchContract('createWallet', 201);
});

for (const [rule, patch] of [
  ['a walletType other than 0 or 1', { walletType: 2 }],
  ['a currency that is not an ISO 4217 code', { currency: 'usd' }],
  ['no description', { description: undefined }],
] as const) {
  test(`createWallet 400 for ${rule}`, async ({ api }) => {
    const user = await newUser(api);
    const body = Object.assign({ userId: user.id, currency: 'USD', description: 'x', walletType: 0 }, patch);
    const res = await api.call('createWallet', { body });
    await expect(res).toMatchContract('createWallet', 400);
  });
}

test('getWallet 200 answers an array of one wallet', async ({ api }) => {
  const user = await newUser(api);
  const res = await api.getWallet({ path: { walletId: user.mainWalletId } });
  await expect(res).toMatchContract('getWallet', 200);
  expect(dataOf(res)).toHaveLength(1);
});

test('listWalletsByUser 200 answers a native array', async ({ api }) => {
  const user = await newUser(api);
  const res = await api.listWalletsByUser({ body: { userId: user.id } });
  await expect(res).toMatchContract('listWalletsByUser', 200);
  expect(Array.isArray(dataOf(res))).toBe(true);
});

test('a new wallet starts empty, in its currency, and getWallet shows it', { tag: STATEFUL }, async ({ api }) => {
  const user = await newUser(api);
  const created = dataOf(await api.createWallet({ body: { userId: user.id, currency: 'EUR', description: 'Savings', walletType: 0 } }));
  await checkRule(api.endpoint, 'createWallet#starts-empty', async () => {
    expect(created).toMatchObject({ userId: user.id, currency: 'EUR', description: 'Savings', balance: 0, amountWithheld: 0 });
    const [fetched] = dataOf(await api.getWallet({ path: { walletId: created.id } }));
    expect(fetched).toMatchObject({ id: created.id, userId: user.id, currency: 'EUR', balance: 0, amountWithheld: 0 });
  });
});

test('listWalletsByUser lists the main and the new wallet, amounts matching getWallet', { tag: STATEFUL }, async ({ api }) => {
  const user = await newUser(api);
  const extra = dataOf(await api.createWallet({ body: { userId: user.id, currency: 'USD', description: 'Credit', walletType: 1 } }));
  await api.createPayIn({ body: { walletId: extra.id, amount: 12_345 } });
  const listed = dataOf(await api.listWalletsByUser({ body: { userId: user.id } }));
  await checkRule(api.endpoint, 'listWalletsByUser#lists-user-wallets', async () => {
    expect(listed.map((w) => w.id).sort()).toEqual([user.mainWalletId, extra.id].sort());
    const [wallet] = dataOf(await api.getWallet({ path: { walletId: extra.id } }));
    const item = listed.find((w) => w.id === extra.id)!;
    expect(item.amountAvailable).toBe(wallet.balance);
    expect(item.amountWithheld).toBe(wallet.amountWithheld);
    expect(item.userId).toBe(user.id);
  });
});
