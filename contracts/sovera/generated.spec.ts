// The generated phase for Sovera (fixtures/generated.ts): every operation's request broken one
// constraint at a time, generated valid requests, credentials, undeclared methods; and the card
// and wallet lifecycle as a model (docs 002: block, unblock, cancel irreversible; docs 000/001:
// pay-ins, pay-outs and transfers move balances in cents), random sequences checked after every
// call against the target, shrunk to the shortest failing one.
import { test, expect, checkRule, dataOf, STATEFUL, type SoveraClient } from '../../fixtures/sovera.ts';
import { deriveGeneratedChecks, GENERATED, type AnyClient } from '../../fixtures/generated.ts';
import { validRequest, type Ids } from '../../fixtures/sovera-requests.ts';
import { CLIENT_CODE, naturalUser, unknownId } from '../../fixtures/sovera-data.ts';
import fc from 'fast-check';
import { command, runLifecycle } from '../../lib/model.ts';
import { flowRunner } from '../../fixtures/harness.ts';
import { provisionCardholder } from '../../scenarios/sovera.ts';

const POOL_FUNDS = 1_000_000;

/** A cardholder with a funded main wallet, a second wallet of the same user, and an active virtual card. */
async function pool(api: SoveraClient | AnyClient): Promise<Ids> {
  const holder = await flowRunner(api, undefined)(provisionCardholder(naturalUser(), CLIENT_CODE, POOL_FUNDS));
  const other = dataOf(await (api as SoveraClient).createWallet({ body: { userId: holder.userId, currency: 'USD', description: 'Generated-phase wallet', walletType: 0 } }));
  return { ...holder, otherWalletId: other.id };
}

const STATE_TRANSITION = 'a state transition (it cannot succeed twice in a row): the lifecycle model below runs it';

deriveGeneratedChecks(test as never, 'sovera', {
  pool: (api) => pool(api),
  requestFor: validRequest,
  positiveExcluded: {
    ackReception: STATE_TRANSITION, blockCard: STATE_TRANSITION, unblockCard: STATE_TRANSITION, cancelCard: STATE_TRANSITION,
    createCreditCard: 'needs a wallet of type 1 (createCreditCard#needs-wallet-type-1); the pool\'s main wallet is type 0, and the hand-written suite covers it',
  },
  wrongCredentials: () => ({ apiKey: `wrong-${unknownId()}` }),
});

// ---------------------------------------------------------------------------------------------
// The lifecycle model
// ---------------------------------------------------------------------------------------------

type Status = 'active' | 'blocked' | 'Cancel';
interface Model { status: Status; balances: [number, number] }
interface Real { api: SoveraClient; cardId: string; wallets: [string, string] }

async function checkAgainstModel(m: Model, r: Real, rule: string): Promise<void> {
  const card = dataOf(await r.api.getCard({ path: { cardId: r.cardId } }));
  await checkRule(r.api.endpoint, rule, () => expect({ status: card.status, isActive: String(card.isActive) }, 'the card as getCard answers it').toEqual({ status: m.status, isActive: String(m.status === 'active') }));
  const balances = await Promise.all(r.wallets.map(async (walletId) => dataOf(await r.api.getWallet({ path: { walletId } }))[0].balance));
  await checkRule(r.api.endpoint, 'getWallet#balance-conserved', () => expect(balances, 'both wallets\' balances').toEqual(m.balances));
}

/** A lifecycle call on the card: what it answers and leaves, by the model's status. */
function lifecycleCommand(operationId: 'blockCard' | 'unblockCard' | 'cancelCard') {
  return fc.constant(command<Model, Real>(operationId, async (m, r) => {
    const res = await r.api.call(operationId, { body: { cardId: r.cardId } });
    if (m.status === 'Cancel') {
      // Cancelled is final: every lifecycle call is refused and the card stays cancelled.
      if (operationId === 'cancelCard') await expect(res).toFollowRule('cancelCard#refused-when-cancelled');
      else await checkRule(r.api.endpoint, 'cancelCard#irreversible', () => expect(res.status, `${operationId} on a cancelled card`).toBeGreaterThanOrEqual(400));
      await checkAgainstModel(m, r, 'cancelCard#irreversible');
      return;
    }
    if (operationId === 'blockCard' && m.status === 'blocked') await expect(res).toFollowRule('blockCard#refused-when-blocked');
    else if (operationId === 'unblockCard' && m.status === 'active') await expect(res).toFollowRule('unblockCard#refused-when-active');
    else {
      await expect(res).toMatchContract(operationId, 201);
      m.status = operationId === 'blockCard' ? 'blocked' : operationId === 'unblockCard' ? 'active' : 'Cancel';
    }
    await checkAgainstModel(m, r, operationId === 'cancelCard' ? 'cancelCard#irreversible' : 'blockCard#shows-in-getCard');
  }));
}

const amount = fc.integer({ min: 1, max: 50_000 });
const MODEL = {
  name: 'the Sovera card and wallet lifecycle follows the docs after every call',
  async setup() {
    const api = currentApi!;
    const holder = await flowRunner(api, undefined)(provisionCardholder(naturalUser(), CLIENT_CODE, 0));
    const other = dataOf(await api.createWallet({ body: { userId: holder.userId, currency: 'USD', description: 'Model wallet', walletType: 0 } }));
    return { model: { status: 'active' as Status, balances: [0, 0] as [number, number] }, real: { api, cardId: holder.cardId, wallets: [holder.walletId, other.id] as [string, string] } };
  },
  commands: [
    lifecycleCommand('blockCard'),
    lifecycleCommand('unblockCard'),
    lifecycleCommand('cancelCard'),
    amount.map((a) => command<Model, Real>(`createPayIn(${a})`, async (m, r) => {
      await expect(await r.api.createPayIn({ body: { walletId: r.wallets[0], amount: a } })).toMatchContract('createPayIn', 201);
      m.balances[0] += a;
      await checkAgainstModel(m, r, 'createPayIn#moves-balance');
    })),
    amount.map((a) => command<Model, Real>(`createPayOut(${a})`, async (m, r) => {
      const res = await r.api.call('createPayOut', { body: { walletId: r.wallets[0], amount: a } });
      if (a > m.balances[0]) await expect(res).toFollowRule('createPayOut#refused-without-funds');
      else { await expect(res).toMatchContract('createPayOut', 201); m.balances[0] -= a; }
      await checkAgainstModel(m, r, 'createPayIn#moves-balance');
    })),
    fc.tuple(amount, fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>).map(([a, from]) => command<Model, Real>(`createTransfer(${a}, wallet ${from + 1} to ${2 - from})`, async (m, r) => {
      const res = await r.api.call('createTransfer', { body: { fromWalletId: r.wallets[from], toWalletId: r.wallets[1 - from], amount: a } });
      if (a > m.balances[from]) await expect(res).toFollowRule('createTransfer#refused-without-funds');
      else { await expect(res).toMatchContract('createTransfer', 201); m.balances[from] -= a; m.balances[1 - from] += a; }
      await checkAgainstModel(m, r, 'createTransfer#keeps-sum');
    })),
  ],
};

let currentApi: SoveraClient | undefined;

test('the card and wallet lifecycle matches its model over random call sequences (generated)', { tag: [GENERATED, STATEFUL] }, async ({ api, endpoint }) => {
  test.skip(endpoint.target === 'mock', 'needs a stateful target');
  currentApi = api;
  await runLifecycle(MODEL);
});
