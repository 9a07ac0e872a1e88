// The generated phase for the API Layer (fixtures/generated.ts): every operation's request broken
// one constraint at a time, generated valid requests, credentials, undeclared methods; and the
// virtual card lifecycle as a model (docs 003: freeze and unfreeze, unblock to ACTIVE whatever the
// status, delete permanent, the TOP_UP override replacing the balance), random sequences checked
// after every call, shrunk to the shortest failing one.
import fc from 'fast-check';
import { test, expect, checkRule, newCard, ok, STATEFUL, type ApiLayerClient } from '../../fixtures/api-layer.ts';
import { deriveGeneratedChecks, GENERATED } from '../../fixtures/generated.ts';
import { KNOWN_BLOCKCHAIN, validRequest, type Ids } from '../../fixtures/api-layer-requests.ts';
import { unknownId } from '../../fixtures/api-layer-data.ts';
import { command, runLifecycle } from '../../lib/model.ts';
import type { ApiResponse } from '../../lib/client.ts';


async function pool(api: ApiLayerClient): Promise<Ids> {
  const { cardId } = await newCard(api, 'TOP_UP');
  ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 100 } }));
  return { cardId, authenticationId: unknownId(), blockchain: KNOWN_BLOCKCHAIN };
}

const ACCOUNT_CHANGE = 'moves the account\'s funds or sets its payment destination: only towards the account\'s own addresses (wallets.spec.ts)';

deriveGeneratedChecks(test as never, 'api-layer', {
  pool: (api) => pool(api as unknown as ApiLayerClient),
  requestFor: validRequest,
  positiveExcluded: {
    respond3dsAuthentication: 'needs a pending 3DS challenge and its one-time code (three-ds.spec.ts)',
    simulateDeposit: 'a wallet deposit names a blockchain of the account; generated names are not (the hand-written wallets checks cover it)',
    withdrawFromHoldingWallet: ACCOUNT_CHANGE,
    updatePaymentDestination: ACCOUNT_CHANGE,
  },
  wrongCredentials: () => ({ apiKey: `wrong-${unknownId()}` }),
});

// ---------------------------------------------------------------------------------------------
// The lifecycle model
// ---------------------------------------------------------------------------------------------

type Status = 'ACTIVE' | 'FROZEN' | 'DELETED';
interface Model { status: Status; balanceCents: number }
interface Real { api: ApiLayerClient; cardId: string }

async function checkAgainstModel(m: Model, r: Real, rule: string): Promise<void> {
  const card = ok(await r.api.getVirtualCard({ path: { cardId: r.cardId } }));
  await checkRule(r.api.endpoint, rule, () => expect({ status: card.status, balance: card.balance }, 'the card as getVirtualCard answers it').toEqual({ status: m.status, balance: m.balanceCents / 100 }));
}

/** A call on the card: refused once it is deleted (deleteVirtualCard#permanent), else it does what `apply` says. */
function cardCommand(label: string, call: (r: Real) => Promise<ApiResponse>, operationId: string, rule: string, apply: (m: Model) => void) {
  return command<Model, Real>(label, async (m, r) => {
    const res = await call(r);
    if (m.status === 'DELETED') {
      await expect(res).toFollowRule('deleteVirtualCard#permanent');
      await checkAgainstModel(m, r, 'deleteVirtualCard#permanent');
      return;
    }
    await expect(res).toMatchContract(operationId, 200);
    apply(m);
    await checkAgainstModel(m, r, rule);
  });
}

let currentApi: ApiLayerClient | undefined;

const MODEL = {
  name: 'the API Layer virtual card lifecycle follows the docs after every call',
  async setup() {
    const api = currentApi!;
    const { cardId } = await newCard(api, 'TOP_UP');
    return { model: { status: 'ACTIVE' as Status, balanceCents: 0 }, real: { api, cardId } };
  },
  commands: [
    fc.boolean().map((frozen) => cardCommand(`freezeVirtualCard(${frozen})`, (r) => r.api.call('freezeVirtualCard', { path: { cardId: r.cardId }, body: { frozen } }), 'freezeVirtualCard',
      'freezeVirtualCard#freeze-and-unfreeze', (m) => { m.status = frozen ? 'FROZEN' : 'ACTIVE'; })),
    fc.constant(cardCommand('unblockVirtualCard', (r) => r.api.call('unblockVirtualCard', { path: { cardId: r.cardId } }), 'unblockVirtualCard',
      'unblockVirtualCard#becomes-active', (m) => { m.status = 'ACTIVE'; })),
    fc.constant(cardCommand('deleteVirtualCard', (r) => r.api.call('deleteVirtualCard', { path: { cardId: r.cardId } }), 'deleteVirtualCard',
      'deleteVirtualCard#permanent', (m) => { m.status = 'DELETED'; })),
    fc.integer({ min: 0, max: 100_000 }).map((cents) => cardCommand(`overrideVirtualBalance(${cents / 100})`, (r) => r.api.call('overrideVirtualBalance', { path: { cardId: r.cardId }, body: { amount: cents / 100 } }), 'overrideVirtualBalance',
      'overrideVirtualBalance#replaces-balance', (m) => { m.balanceCents = cents; })),
  ],
};

test('the virtual card lifecycle matches its model over random call sequences (generated)', { tag: [GENERATED, STATEFUL] }, async ({ api, endpoint }) => {
  test.skip(endpoint.target === 'mock', 'needs a stateful target');
  currentApi = api;
  await runLifecycle(MODEL);
});
