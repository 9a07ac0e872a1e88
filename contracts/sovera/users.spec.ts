// Users (docs 000): natural and legal users; creating one creates its Main wallet (walletType 0).
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { naturalUser, legalUser } from '../../fixtures/sovera-data.ts';

test('createNaturalUser 201 with the user in the envelope', async ({ api }) => {
  const res = await api.createNaturalUser({ body: naturalUser() });
  await expect(res).toMatchContract('createNaturalUser', 201);
});

test('createNaturalUser accepts a form-encoded body', async ({ api }) => {
  const res = await api.createNaturalUser({ body: naturalUser() }, { form: true });
  await expect(res).toMatchContract('createNaturalUser', 201);
});

test('createNaturalUser 400 without an email', async ({ api }) => {
  const { email: _omitted, ...withoutEmail } = naturalUser();
  const res = await api.call('createNaturalUser', { body: withoutEmail });
  await expect(res).toMatchContract('createNaturalUser', 400);
});

test('createLegalUser 201 with the user in the envelope', async ({ api }) => {
  const res = await api.createLegalUser({ body: legalUser() });
  await expect(res).toMatchContract('createLegalUser', 201);
});

test('createLegalUser 400 without a taxId', async ({ api }) => {
  const { taxId: _omitted, ...withoutTaxId } = legalUser();
  const res = await api.call('createLegalUser', { body: withoutTaxId });
  await expect(res).toMatchContract('createLegalUser', 400);
});

test('getUser 200 for a created user', async ({ api }) => {
  const user = dataOf(await api.createNaturalUser({ body: naturalUser() }));
  const res = await api.getUser({ path: { userId: user.id } });
  await expect(res).toMatchContract('getUser', 200);
});

test('createNaturalUser echoes the user, and getUser returns it', { tag: STATEFUL }, async ({ api }) => {
  const input = naturalUser();
  const created = dataOf(await api.createNaturalUser({ body: input }));
  await checkRule(api.endpoint, 'getUser#answers-created', async () => {
    expect(created).toMatchObject({ type: 'natural', firstName: input.firstName, lastName: input.lastName, email: input.email });
    const fetched = await api.getUser({ path: { userId: created.id } });
    await expect(fetched).toMatchContract('getUser', 200);
    expect(dataOf(fetched)).toMatchObject({ id: created.id, type: 'natural', email: input.email });
  });
});

test('createLegalUser echoes the company, and getUser returns it as legal', { tag: STATEFUL }, async ({ api }) => {
  const input = legalUser();
  const created = dataOf(await api.createLegalUser({ body: input }));
  await checkRule(api.endpoint, 'getUser#answers-created', async () => {
    expect(created).toMatchObject({ type: 'legal', legalName: input.legalName, taxId: input.taxId });
    expect(dataOf(await api.getUser({ path: { userId: created.id } }))).toMatchObject({ type: 'legal', legalName: input.legalName });
  });
});

test('a new user gets a Main wallet in its currency, USD by default', { tag: STATEFUL }, async ({ api }) => {
  const { currency: _default, ...withoutCurrency } = naturalUser();
  const user = dataOf(await api.createNaturalUser({ body: withoutCurrency }));
  const wallet = await api.getWallet({ path: { walletId: user.mainWalletId } });
  await expect(wallet).toMatchContract('getWallet', 200);
  await checkRule(api.endpoint, 'createNaturalUser#creates-main-wallet', () => {
    expect(dataOf(wallet)[0]).toMatchObject({ id: user.mainWalletId, userId: user.id, balance: 0, amountWithheld: 0 });
  });
  await checkRule(api.endpoint, 'createNaturalUser#main-wallet-currency', async () => {
    expect(dataOf(wallet)[0].currency, 'USD when no currency is given').toBe('USD');
    const eur = dataOf(await api.createNaturalUser({ body: naturalUser({ currency: 'EUR' }) }));
    expect(dataOf(await api.getWallet({ path: { walletId: eur.mainWalletId } }))[0].currency).toBe('EUR');
  });
});
