// The load scenarios: which shared flow one iteration runs, for a pool member, on a target; and
// how setup() provisions a pool member, per API. Pure: used by the k6 scripts, by the build (to
// count requests per iteration) and by tests.
import type { Flow } from '../../scenarios/flow.ts';
import {
  coreBalanceCycle, coreBalanceSteps, provisionCoreCard,
  type CoreBalanceSteps, type CoreCard, type CoreCustomerInput,
} from '../../scenarios/core.ts';
import { balanceCheck, cardLifecycle, provisionCardholder, purchaseHotPath, type Cardholder, type NaturalUserInput } from '../../scenarios/sovera.ts';
import { layerHotPath, provisionVirtualCard, type VirtualCardMember } from '../../scenarios/api-layer.ts';
import type { OperationInput } from '../../lib/http.ts';
import type { LoadApiId } from './apis.ts';
import type { LoadTarget } from './profiles.ts';

export interface IterationContext {
  clientCode: string;
  /** The target keeps state: cross-call assertions are on. */
  stateful: boolean;
  target: LoadTarget;
  /**
   * What this VU last saw of each of its cards' balances (Core): cardId → balance, or null when
   * an iteration failed half-way and the balance is unknown until the next getCard. One map per
   * VU (k6 runs each VU in its own JS runtime); absent: growth is not checked.
   */
  balances?: Map<string, number | null>;
}

export interface LoadScenario<M = any> {
  name: string;
  api: LoadApiId;
  description: string;
  iteration(member: M, ctx: IterationContext): Flow<unknown>;
  /** The targets it can run on, when not all (card transactions are the twin's own operations). */
  targets?: readonly LoadTarget[];
}

export type ScenarioName = 'lifecycle' | 'balance-check' | 'purchase' | 'core-balance' | 'layer-hot-path';

/** Each purchase iteration's amount, in cents (paid in first: the VU's wallet stays as it was). */
export const PURCHASE_AMOUNT_CENTS = 1_250;

/** Top-up of each core-balance iteration, in the card's currency units (x.5: exact in binary floating point). */
export const CORE_TOP_UP_AMOUNT = 12.5;

export const SCENARIOS: Record<ScenarioName, LoadScenario> = {
  lifecycle: {
    name: 'lifecycle',
    api: 'sovera',
    description: 'block, getCard, unblock, getCard on the VU\'s own card; then a fresh physical card acknowledged (not on a sandbox, which prints cards in ~48 h)',
    iteration: (member: Cardholder, ctx) => cardLifecycle(member, ctx.clientCode, { stateful: ctx.stateful, ackFreshCard: ctx.target !== 'sandbox' }),
  },
  'balance-check': {
    name: 'balance-check',
    api: 'sovera',
    description: 'getWallet (integer cents, valid envelope), listWalletsByUser',
    iteration: (member: Cardholder, ctx) => balanceCheck(member.userId, member.walletId, { stateful: ctx.stateful }),
  },
  purchase: {
    name: 'purchase',
    api: 'sovera',
    description: 'createPayIn, a card purchase (twin-only authorise + settle), getWallet (nothing withheld, integer cents) on the VU\'s own card',
    iteration: (member: Cardholder, ctx) => purchaseHotPath(member, PURCHASE_AMOUNT_CENTS, { stateful: ctx.stateful }),
    targets: ['twin'],
  },
  'core-balance': {
    name: 'core-balance',
    api: 'core',
    description: 'addBalance (balance grew by the amount), listMovements (newest is the positive top-up), getCard (same balance, active) on the VU\'s own card',
    iteration: (member: CoreCard, ctx) => coreBalanceIteration(member, ctx),
  },
  'layer-hot-path': {
    name: 'layer-hot-path',
    api: 'api-layer',
    description: 'getVirtualCard (ACTIVE), updateVirtualCardLimits, overrideVirtualBalance (the amount replaces the balance), freezeVirtualCard frozen then unfrozen, on the VU\'s own TOP_UP card',
    iteration: (member: VirtualCardMember, ctx) => layerHotPath(member, nextRound(member.cardId), ctx),
  },
};
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** The k6 scripts under load/, by the name `npm run load -- <name>` takes, with the scenarios each runs. */
export const SCRIPTS: Record<string, ScenarioName[]> = {
  lifecycle: ['lifecycle'],
  'balance-check': ['balance-check'],
  gate: ['lifecycle', 'balance-check'],
  purchase: ['purchase'],
  'core-balance': ['core-balance'],
  'layer-hot-path': ['layer-hot-path'],
};

/** The API a script's scenarios call (one per script: one spec, one auth, one pool). */
export function scriptApi(script: string): LoadApiId {
  const names = SCRIPTS[script];
  if (!names) throw new Error(`Unknown load script "${script}". Known: ${Object.keys(SCRIPTS).join(', ')}.`);
  return scenariosApi(names);
}

export function scenariosApi(names: readonly ScenarioName[]): LoadApiId {
  const apis = [...new Set(names.map((name) => SCENARIOS[name].api))];
  if (apis.length !== 1) throw new Error(`A load script runs scenarios of one API; ${names.join(', ')} call ${apis.join(' and ')}.`);
  return apis[0];
}

/** Why a script cannot run on a target (a scenario limited to others), or undefined. */
export function targetRefusal(script: string, target: LoadTarget): string | undefined {
  const limited = (SCRIPTS[script] ?? []).find((name) => SCENARIOS[name].targets && !SCENARIOS[name].targets!.includes(target));
  if (!limited) return undefined;
  return `${script} runs on ${SCENARIOS[limited].targets!.join(', ')} only: ${limited} makes card transactions with the twin's own operations (no provider documents a way to make a card pay); use --target twin`;
}

export function scenariosOf(api: LoadApiId): ScenarioName[] {
  return SCENARIO_NAMES.filter((name) => SCENARIOS[name].api === api);
}

// ---------------------------------------------------------------------------------------------
// How setup() gets in and provisions a pool member, per API
// ---------------------------------------------------------------------------------------------

export interface LoadEntry<M = any> {
  /** A pool member as the request counter uses it (its ids are never sent anywhere). */
  sampleMember: M;
  provision(user: NaturalUserInput, clientCode: string, checks: { stateful: boolean }): Flow<M>;
  /** The entities provisioning a member created, by kind (fixtures/cleanup-profiles.ts) and id: what a sandbox run records for its cleanup. */
  createdOf(member: M): Array<{ kind: string; id: string }>;
  /**
   * setup()'s first request: a readiness probe (an unknown id, answered 404 by a server and 200 by
   * the mock), or Core's login, whose token the VUs share.
   */
  entry: { kind: 'readiness'; operationId: string; input: OperationInput; keyHint: string } | { kind: 'login' };
}

export const LOAD_ENTRIES: Record<LoadApiId, LoadEntry> = {
  sovera: {
    sampleMember: { userId: 'cost-user', walletId: 'cost-wallet', cardId: 'cost-card' } satisfies Cardholder,
    provision: (user, clientCode) => provisionMember(user, clientCode),
    createdOf: (m: Cardholder) => [{ kind: 'user', id: m.userId }, { kind: 'card', id: m.cardId }],
    entry: { kind: 'readiness', operationId: 'getWallet', input: { path: { walletId: 'readiness-probe' } }, keyHint: 'SOVERA_API_KEY for a sandbox, TWIN_API_KEYS for a twin' },
  },
  core: {
    sampleMember: { customerId: 'cost-customer', cardId: 'cost-card', currency: 'USD', balance: 0 } satisfies CoreCard,
    provision: (user, _clientCode, checks) => provisionCoreMember(user, checks),
    createdOf: (m: CoreCard) => [{ kind: 'customer', id: m.customerId }, { kind: 'card', id: m.cardId }],
    entry: { kind: 'login' },
  },
  'api-layer': {
    sampleMember: { cardId: 'cost-card', balance: 0 } satisfies VirtualCardMember,
    provision: (user) => provisionVirtualCard({ currency: 'USD', approvalMethod: 'TOP_UP', email: user.email }, LAYER_POOL_FUNDS),
    createdOf: (m: VirtualCardMember) => [{ kind: 'card', id: m.cardId }],
    entry: { kind: 'readiness', operationId: 'getVirtualCard', input: { path: { cardId: 'readiness-probe' } }, keyHint: 'API_LAYER_KEY_ADMIN for a sandbox, TWIN_API_LAYER_KEYS for a twin' },
  },
};

/** Funds each API Layer pool card gets by override, in currency units. */
export const LAYER_POOL_FUNDS = 100;

// The hot path's round per card: which limits and amount the next iteration sets (one map per VU runtime).
const rounds = new Map<string, number>();
function nextRound(cardId: string): number {
  const round = rounds.get(cardId) ?? 0;
  rounds.set(cardId, round + 1);
  return round;
}

// ---------------------------------------------------------------------------------------------
// Sovera
// ---------------------------------------------------------------------------------------------

/** Funds each pool member's wallet gets, so balances are non-trivial. */
export const POOL_FUNDS_CENTS = 100_000;

/** One pool member: the shared provisioning flow. */
export function provisionMember(user: NaturalUserInput, clientCode: string): Flow<Cardholder> {
  return provisionCardholder(user, clientCode, POOL_FUNDS_CENTS);
}


// ---------------------------------------------------------------------------------------------
// Core
// ---------------------------------------------------------------------------------------------

/** Funds each Core pool card gets before activation, in currency units. */
export const CORE_POOL_FUNDS = 1000;
export const CORE_POOL_CURRENCY = 'USD';

/** The test users of load-data.json as Core customers (name, email). */
export function coreCustomerOf(user: NaturalUserInput): CoreCustomerInput {
  return { name: `${user.firstName} ${user.lastName}`, email: user.email };
}

/** One Core pool member: customer, card assigned, funded, active (5 requests). */
export function provisionCoreMember(user: NaturalUserInput, checks: { stateful: boolean } = { stateful: true }): Flow<CoreCard> {
  return provisionCoreCard(coreCustomerOf(user), { currency: CORE_POOL_CURRENCY, initialBalance: CORE_POOL_FUNDS }, checks);
}

// Steps depend only on (cardId, amount): built once per card, reused by every iteration.
const coreSteps = new Map<string, CoreBalanceSteps>();

function* coreBalanceIteration(member: CoreCard, ctx: IterationContext): Flow<unknown> {
  let steps = coreSteps.get(member.cardId);
  if (!steps) {
    steps = coreBalanceSteps(member.cardId, CORE_TOP_UP_AMOUNT);
    coreSteps.set(member.cardId, steps);
  }
  const balances = ctx.balances;
  let previous: number | null | undefined;
  if (balances) {
    previous = balances.get(member.cardId);
    if (previous === undefined) previous = member.balance; // first iteration: the balance setup() left
    balances.set(member.cardId, null); // unknown until this iteration completes
  }
  const result = yield* coreBalanceCycle(steps, previous, ctx);
  if (balances) balances.set(member.cardId, result.balance);
  return result;
}
