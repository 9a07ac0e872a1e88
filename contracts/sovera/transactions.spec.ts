// Card transactions on a wallet (docs 001: amountWithheld is "the balance withheld due to
// pending transactions"; docs 000: a wallet is credited and debited "through PayIns, PayOuts,
// and/or transactions of the card(s)"). Sovera documents no way to make a card pay on its
// sandbox, so the transactions are the twin's own operations (tests tagged HOOKS). Clock and
// webhook checks run on a twin of their own (OWN_TWIN): advancing time or registering a
// callback on the shared twin would change what other tests see.
import fc from 'fast-check';
import { test, expect, dataOf, checkRule, flowRunner, HOOKS, OWN_TWIN, STATEFUL, type SoveraClient } from '../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../fixtures/sovera-data.ts';
import { contractFor } from '../../lib/contract.ts';
import { assertProperty, propertyParameters } from '../../lib/property.ts';
import { expectNotifications } from '../../lib/webhook-verdict.ts';
import { provisionCardholder, createCard } from '../../scenarios/sovera.ts';
import { authorise, heldPurchase, reverse, settle } from '../../scenarios/transactions.ts';

const rule = (id: string) => contractFor('sovera').rule('getWallet', id);

async function wallet(api: SoveraClient, walletId: string) {
  const res = await api.getWallet({ path: { walletId } });
  await expect(res).toMatchContract('getWallet', 200);
  return dataOf(res)[0];
}

async function available(api: SoveraClient, userId: string, walletId: string) {
  const res = await api.listWalletsByUser({ body: { userId } });
  await expect(res).toMatchContract('listWalletsByUser', 200);
  return dataOf(res).find((w) => w.id === walletId)!.amountAvailable;
}

test.describe('with a funded virtual card', { tag: [STATEFUL, HOOKS] }, () => {
  test('an authorisation withholds its amount; settling it debits the balance and lists a card purchase', async ({ api, run }) => {
    const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 10_000));
    const held = await run(authorise(holder.cardId, 2_500));
    expect(held.status, 'the authorisation on a funded active card').toBe('AUTHORISED');
    const during = await wallet(api, holder.walletId);
    await checkRule(api.endpoint, 'getWallet#withheld-follows-pending', () => expect(during.amountWithheld).toBe(2_500));
    const availableDuring = await available(api, holder.userId, holder.walletId);
    await checkRule(api.endpoint, 'getWallet#settled-purchase-debits', () => {
      expect(during.balance, 'a hold leaves the total balance').toBe(10_000);
      expect(availableDuring, 'a hold lowers amountAvailable').toBe(7_500);
    });

    await run(settle(held.transactionId));
    const after = await wallet(api, holder.walletId);
    await checkRule(api.endpoint, 'getWallet#withheld-follows-pending', () => expect(after.amountWithheld, 'settled: no longer withheld').toBe(0));
    const transactions = dataOf(await api.listTransactions({ query: { walletId: holder.walletId } }));
    await checkRule(api.endpoint, 'getWallet#settled-purchase-debits', () => {
      expect(after.balance).toBe(7_500);
      expect(transactions[0], 'the purchase, newest first').toMatchObject({ type: 'card_purchase', amount: 2_500 });
    });
  });

  test('a reversed authorisation gives the withheld amount back', async ({ api, run }) => {
    const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 10_000));
    const held = await run(authorise(holder.cardId, 4_000));
    await run(reverse(held.transactionId));
    const after = await wallet(api, holder.walletId);
    await checkRule(api.endpoint, 'getWallet#withheld-follows-pending', () => expect(after.amountWithheld, 'reversed: nothing withheld').toBe(0));
    await checkRule(api.endpoint, 'getWallet#settled-purchase-debits', async () => {
      expect(after.balance).toBe(10_000);
      expect(await available(api, holder.userId, holder.walletId)).toBe(10_000);
    });
  });

  for (const [why, prepare, amount] of [
    ['a blocked card', (api: SoveraClient, cardId: string) => api.blockCard({ body: { cardId } }), 1_000],
    ['a cancelled card', (api: SoveraClient, cardId: string) => api.cancelCard({ body: { cardId } }), 1_000],
    ['more than the wallet has available', undefined, 10_001],
  ] as const) {
    test(`a purchase on ${why} is declined and moves nothing`, async ({ api, run }) => {
      const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 10_000));
      if (prepare) expect((await prepare(api, holder.cardId)).status, `the card is made ${why}`).toBe(201);
      const declined = await run(heldPurchase(holder.cardId, amount));
      const after = await wallet(api, holder.walletId);
      await checkRule(api.endpoint, 'getWallet#declined-moves-nothing', () => {
        expect(declined.status).toBe('DECLINED');
        expect({ balance: after.balance, amountWithheld: after.amountWithheld }).toEqual({ balance: 10_000, amountWithheld: 0 });
      });
    });
  }

  test('balance is conserved over any mix of pay-ins, pay-outs, transfers and card purchases', async ({ api, run }) => {
    type Command = { kind: 'payin' | 'payout' | 'transfer' | 'purchase' | 'hold-reversed'; wallet: 0 | 1; amount: number };
    const command = fc.record({
      kind: fc.constantFrom('payin', 'payout', 'transfer', 'purchase', 'hold-reversed'),
      wallet: fc.constantFrom(0, 1),
      amount: fc.integer({ min: 1, max: 5_000 }),
    }) as fc.Arbitrary<Command>;
    await assertProperty('balance-conserved', fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
      const a = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0));
      const b = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0));
      const holders = [a, b];
      const model = [0, 0];
      for (const c of commands) {
        const from = holders[c.wallet];
        const to = holders[1 - c.wallet];
        if (c.kind === 'payin') { await api.createPayIn({ body: { walletId: from.walletId, amount: c.amount } }); model[c.wallet] += c.amount; continue; }
        if (model[c.wallet] < c.amount) continue; // the model only spends what the wallet has
        if (c.kind === 'payout') await api.createPayOut({ body: { walletId: from.walletId, amount: c.amount } });
        else if (c.kind === 'transfer') { await api.createTransfer({ body: { fromWalletId: from.walletId, toWalletId: to.walletId, amount: c.amount } }); model[1 - c.wallet] += c.amount; }
        else if (c.kind === 'purchase') expect((await run(heldPurchase(from.cardId, c.amount))).status).toBe('SETTLED');
        else { const held = await run(authorise(from.cardId, c.amount)); await run(reverse(held.transactionId)); model[c.wallet] += c.amount; }
        model[c.wallet] -= c.amount;
      }
      const seen = [await wallet(api, a.walletId), await wallet(api, b.walletId)].map((w) => ({ balance: w.balance, amountWithheld: w.amountWithheld }));
      await checkRule(api.endpoint, 'getWallet#balance-conserved', () => expect(seen).toEqual(model.map((balance) => ({ balance, amountWithheld: 0 }))));
    }), propertyParameters(process.env, { seed: 20261201, numRuns: 12 }, 'GEN_CONSERVATION_RUNS'), (commands) => commands.map((c) => `${c.kind} ${c.amount} (wallet ${c.wallet})`).join(', '));
  });
});

test.describe('on a twin of its own', { tag: [STATEFUL, OWN_TWIN] }, () => {
  test('an authorisation not settled in 7 days is released (test clock)', async ({ ownTwin }) => {
    const own = await ownTwin();
    const run = flowRunner(own.api, own.ops);
    const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 10_000));
    const held = await run(authorise(holder.cardId, 3_000));
    await own.ops.advanceClock(7 * 24 * 3_600_000);
    expect((await own.ops.transaction(held.transactionId)).status, 'the hold expired on the clock').toBe('EXPIRED');
    const after = await wallet(own.api, holder.walletId);
    await checkRule(own.endpoint, 'getWallet#withheld-follows-pending', () => expect(after.amountWithheld).toBe(0));
  });

  test('ackReception is refused before the card is printed, and activates it after (test clock)', async ({ ownTwin }) => {
    const own = await ownTwin({ printDelayMs: 48 * 3_600_000 });
    const run = flowRunner(own.api, own.ops);
    const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0));
    const cardId = await run(createCard('debit', holder.userId, holder.walletId, CLIENT_CODE, true));
    const early = await own.api.ackReception({ body: { cardId } });
    await expect(early).toMatchContract('ackReception', 400);
    await own.ops.advanceClock(48 * 3_600_000);
    const res = await own.api.ackReception({ body: { cardId } });
    await expect(res).toMatchContract('ackReception', 201);
    await checkRule(own.endpoint, 'ackReception#activates-printed-card', async () => {
      expect(dataOf(await own.api.getCard({ path: { cardId } })).isActive).toBe(true);
    });
  });

  test('card transactions are notified to the registered callback URL, in order, each once', async ({ ownTwin, webhookReceiver }) => {
    const own = await ownTwin();
    const run = flowRunner(own.api, own.ops);
    const receiver = await webhookReceiver();
    await expect(await own.api.enlistNotification({ body: { url: receiver.url } })).toMatchContract('enlistNotification', 201);
    const holder = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 10_000));
    const sinceMs = Date.now();
    await run(heldPurchase(holder.cardId, 1_250, 'Harness Coffee'));
    const hook = contractFor('sovera').webhook('receiveCardTransactionEvent');
    const deliveries = await expectNotifications(receiver, {
      endpoint: own.endpoint, webhook: 'receiveCardTransactionEvent', match: (body) => body.data?.cardId === holder.cardId, expected: 2, sinceMs,
      because: { text: 'an authorised and a settled transaction are each notified', basis: hook.basis },
    });
    expect(deliveries.map((d) => (d.body as { event: string }).event), 'in order per card').toEqual(['card.transaction.authorised', 'card.transaction.settled']);
    expect(rule('withheld-follows-pending').basis.provenance).toBe('documented');
  });
});
