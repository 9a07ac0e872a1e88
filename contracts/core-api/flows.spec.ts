// The Core API user journeys of scenarios/core.ts, the same generator flows the k6 load scripts
// run, driven through the contract client: every step is checked for its status by the flow and
// recorded for coverage; the flows' own cross-call checks run where the target keeps state.
import { test, expect, ok } from '../../fixtures/core.ts';
import { amount, currency, customer } from '../../fixtures/core-data.ts';
import { coreBalanceCycle, coreBalanceSteps, provisionCoreCard, sameAmount } from '../../scenarios/core.ts';

test('provisionCoreCard: customer, card, assignment, top-up and activation (shared load flow)', async ({ api, run, endpoint }) => {
  const input = customer();
  const initialBalance = amount(10, 200);
  const card = await run(provisionCoreCard(input, { currency: currency(), initialBalance }, { stateful: endpoint.stateful }));
  const res = await api.getCard({ path: { cardId: card.cardId } });
  await expect(res).toMatchContract('getCard', 200);
  if (endpoint.stateful) {
    expect(ok(res)).toMatchObject({ cardId: card.cardId, customerId: card.customerId, status: 'active', currency: card.currency });
    expect(sameAmount(ok(res).balance, initialBalance), 'getCard balance is the initial top-up').toBe(true);
  }
});

test('coreBalanceCycle: top-up, movements and balance agree over three cycles (shared load flow)', async ({ run, endpoint }) => {
  const stateful = { stateful: endpoint.stateful };
  const card = await run(provisionCoreCard(customer(), { currency: 'USD', initialBalance: 50 }, stateful));
  const steps = coreBalanceSteps(card.cardId, amount(1, 20));
  let balance: number | undefined = card.balance;
  for (let i = 0; i < 3; i++) balance = (await run(coreBalanceCycle(steps, balance, stateful))).balance;
  if (endpoint.stateful) expect(sameAmount(balance!, 50 + 3 * steps.amount), 'three top-ups of the same amount').toBe(true);
});
