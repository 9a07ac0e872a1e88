// The generated phase for the Core API (fixtures/generated.ts): every operation's request broken
// one constraint at a time, generated valid requests, credentials, undeclared methods; and the
// card lifecycle as a model (docs 004: activate, block, cancel permanent; top-ups refused on a
// blocked or cancelled card; the balance grows by each top-up), random sequences checked after
// every call, shrunk to the shortest failing one.
import fc from 'fast-check';
import { test, expect, checkRule, ok, newCard, newCustomer, STATEFUL, type CoreClient } from '../../fixtures/core.ts';
import { deriveGeneratedChecks, GENERATED, type AnyClient } from '../../fixtures/generated.ts';
import { validRequest, type Ids } from '../../fixtures/core-requests.ts';
import { unknownId } from '../../fixtures/core-data.ts';
import { command, runLifecycle } from '../../lib/model.ts';

const STATE_TRANSITION = 'a state transition (it cannot succeed twice in a row): the lifecycle model below runs it';

async function pool(api: CoreClient): Promise<Ids> {
  const [customer, card] = [await newCustomer(api), await newCard(api)];
  ok(await api.changeCardStatus({ body: { cardId: card.cardId, status: 'active' } }));
  return { cardId: card.cardId, customerId: customer.customerId };
}

deriveGeneratedChecks(test as never, 'core', {
  pool: (api) => pool(api as unknown as CoreClient),
  requestFor: validRequest,
  positiveExcluded: {
    login: 'its body is an account\'s credentials: generated ones are refused (401), as they should be',
    changeCardStatus: STATE_TRANSITION,
    assignCard: STATE_TRANSITION,
  },
  wrongCredentials: () => ({ token: `wrong-${unknownId('tok')}` }),
});

// ---------------------------------------------------------------------------------------------
// The lifecycle model
// ---------------------------------------------------------------------------------------------

type Status = 'inactive' | 'active' | 'blocked' | 'cancelled';
interface Model { status: Status; balanceCents: number }
interface Real { api: CoreClient; cardId: string }

async function checkAgainstModel(m: Model, r: Real): Promise<void> {
  const card = ok(await r.api.getCard({ path: { cardId: r.cardId } }));
  await checkRule(r.api.endpoint, 'getCard#reflects-state', () => expect({ status: card.status, balance: card.balance }, 'the card as getCard answers it').toEqual({ status: m.status, balance: m.balanceCents / 100 }));
}

let currentApi: CoreClient | undefined;

const MODEL = {
  name: 'the Core card lifecycle follows the docs after every call',
  async setup() {
    const api = currentApi!;
    const card = await newCard(api);
    return { model: { status: 'inactive' as Status, balanceCents: 0 }, real: { api, cardId: card.cardId } };
  },
  commands: [
    fc.constantFrom('active', 'blocked', 'cancelled').map((status) => command<Model, Real>(`changeCardStatus(${status})`, async (m, r) => {
      const res = await r.api.call('changeCardStatus', { body: { cardId: r.cardId, status } });
      if (m.status === 'cancelled') await expect(res).toFollowRule('changeCardStatus#cancelled-is-permanent');
      else { await expect(res).toMatchContract('changeCardStatus', 200); m.status = status as Status; }
      await checkAgainstModel(m, r);
    })),
    fc.integer({ min: 1, max: 50_000 }).map((cents) => command<Model, Real>(`addBalance(${cents / 100})`, async (m, r) => {
      const res = await r.api.call('addBalance', { body: { cardId: r.cardId, amount: cents / 100 } });
      if (m.status === 'cancelled') await expect(res).toFollowRule('addBalance#refused-when-cancelled');
      else if (m.status === 'blocked') await expect(res).toFollowRule('addBalance#refused-when-blocked');
      else {
        await expect(res).toMatchContract('addBalance', 200);
        m.balanceCents += cents;
        await checkRule(r.api.endpoint, 'addBalance#answers-new-balance', () => expect(ok(res).balance).toBe(m.balanceCents / 100));
      }
      await checkAgainstModel(m, r);
    })),
  ],
};

test('the card lifecycle matches its model over random call sequences (generated)', { tag: [GENERATED, STATEFUL] }, async ({ api, endpoint }) => {
  test.skip(endpoint.target === 'mock', 'needs a stateful target');
  currentApi = api;
  await runLifecycle(MODEL);
});
