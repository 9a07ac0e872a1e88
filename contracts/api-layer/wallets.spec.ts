// Holding wallets, tokens and blockchains, the management API (MANAGEMENT permission) and the
// sandbox's simulate (docs 003). All their paths and bodies are inferred; what the docs name is
// the action and, for the management API, the permission.
import { test, expect, checkRule, newCard, ok, STATEFUL } from '../../fixtures/api-layer.ts';
import { KNOWN_BLOCKCHAIN } from '../../fixtures/api-layer-requests.ts';

const blockchain = KNOWN_BLOCKCHAIN;

test('getHoldingWallet 200 and listTokens 200 for a blockchain', async ({ api }) => {
  await expect(await api.getHoldingWallet({ path: { blockchain } })).toMatchContract('getHoldingWallet', 200);
  await expect(await api.listTokens({ path: { blockchain } })).toMatchContract('listTokens', 200);
});

test('withdrawFromHoldingWallet 201 within the balance; refused above it', { tag: STATEFUL }, async ({ api, ownAddresses }) => {
  const toAddress = ownAddresses('withdrawFromHoldingWallet').withdrawalAddress!;
  const wallet = ok(await api.getHoldingWallet({ path: { blockchain } }));
  await expect(await api.withdrawFromHoldingWallet({ path: { blockchain }, body: { amount: 0.01, toAddress } })).toMatchContract('withdrawFromHoldingWallet', 201);
  const res = await api.withdrawFromHoldingWallet({ path: { blockchain }, body: { amount: wallet.balance + 1_000_000, toAddress } });
  await expect(res).toFollowRule('withdrawFromHoldingWallet#refused-without-funds');
});

test('management: blockchains, operations, contracted products', async ({ api }) => {
  await expect(await api.listBlockchains({})).toMatchContract('listBlockchains', 200);
  await expect(await api.listOperations({})).toMatchContract('listOperations', 200);
  await expect(await api.listContractedProducts({})).toMatchContract('listContractedProducts', 200);
});

test('management: the payment destination of a listed blockchain', async ({ api, endpoint, ownAddresses }) => {
  const address = ownAddresses('updatePaymentDestination').paymentAddress!;
  const chains = await api.listBlockchains({});
  const listed = endpoint.stateful ? ok(chains).blockchains.map((b) => b.id) : [blockchain];
  await expect(await api.updatePaymentDestination({ path: { blockchain: listed[0] }, body: { address } })).toMatchContract('updatePaymentDestination', 200);
});

test('simulateDeposit: under the destination\'s minimum a deposit is not processed; at it, it is (cards 10 USD, wallets 1 USD)', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  const cases = [
    { body: { destination: 'CARD', cardId, amount: 9.99 }, processed: false },
    { body: { destination: 'CARD', cardId, amount: 10 }, processed: true },
    { body: { destination: 'VIRTUAL_WALLET', blockchain, amount: 0.99 }, processed: false },
    { body: { destination: 'VIRTUAL_WALLET', blockchain, amount: 1 }, processed: true },
    { body: { destination: 'TREASURY', blockchain, amount: 0.99 }, processed: false },
    { body: { destination: 'TREASURY', blockchain, amount: 1 }, processed: true },
  ] as const;
  for (const { body, processed } of cases) {
    const res = await api.simulateDeposit({ body });
    await expect(res).toMatchContract('simulateDeposit', 202);
    await checkRule(api.endpoint, 'simulateDeposit#minimum-per-destination', () => {
      expect(ok(res).status, `${body.amount} USD to ${body.destination}`).toBe(processed ? 'SUCCESS' : 'FAILED');
    });
  }
  await checkRule(api.endpoint, 'simulateDeposit#minimum-per-destination', async () => {
    expect(ok(await api.getVirtualCard({ path: { cardId } })).balance, 'only the processed card deposit counts').toBe(10);
  });
});

test('simulateTransaction 202 triggers a deposit on a card', { tag: STATEFUL }, async ({ api }) => {
  const { cardId } = await newCard(api);
  const res = await api.simulateTransaction({ body: { cardId, type: 'DEPOSIT', amount: 25 } });
  await expect(res).toMatchContract('simulateTransaction', 202);
});
