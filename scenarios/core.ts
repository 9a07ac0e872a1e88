// Core API user journeys (spec/core-api.yaml, docs 004), shared by the contract suite and the k6
// load scripts: generator flows in the style of scenarios/sovera.ts, driven by runFlow (Node,
// async) or runFlowSync (k6). Pure: no Node built-ins, no k6 imports.
//
// Exported for the contract suite and load/:
//   coreLogin(credentials)                  login → CoreSession { token, userId }
//   createCoreCustomer(customer)            createCustomer → customerId
//   createCoreCard(currency)                createCard → cardId (born inactive)
//   assignCoreCard(cardId, customerId)      assignCard
//   addCoreBalance(cardId, amount)          addBalance → the new balance
//   setCoreCardStatus(cardId, status)       changeCardStatus
//   provisionCoreCard(customer, options)    createCustomer, createCard, assignCard, addBalance,
//                                           changeCardStatus active → CoreCard (what setup() pools)
//   coreBalanceSteps(cardId, amount)        the hot path's three steps, built once per card
//   coreBalanceCycle(steps, previous)       the hot path: addBalance, listMovements, getCard, with
//                                           its checks → CoreBalanceResult { balance, movementId }
//   sameAmount(a, b)                        amounts in currency units compared to the cent
//   CORE_STATEFUL_CHECKS, types CoreCredentials, CoreSession, CoreCustomerInput, CoreCurrency,
//   CoreCardStatus, CoreCard, ProvisionCoreCardOptions, CoreBalanceSteps, CoreBalanceResult, CoreFlowChecks
//
// Authentication: coreLogin is the only step sent without credentials. Every other step needs
// `Authorization: bearerAuthorization(session.token)` (lib/http.ts): the executor that runs the
// flow adds it, so run coreLogin first, then the other flows with an executor holding the token.
//
// Checks that need a stateful server (what one call changed shows in the next) run only when
// `checks.stateful` is true (twin, sandbox; false for Prism's mock, which answers the spec's
// examples). Checks on the answer of the call itself run everywhere. The flag guards assertions
// only, never requests, so the load planner counts every flow's requests once
// (load/lib/flow-costs.ts). Amounts are JSON numbers in the card's currency units, not cents.
import type { Flow, Step } from './flow.ts';

export interface CoreFlowChecks {
  /** The target keeps state between requests (twin, sandbox); false for Prism's mock. */
  stateful: boolean;
}

export const CORE_STATEFUL_CHECKS: CoreFlowChecks = { stateful: true };

export interface CoreCredentials { email: string; password: string }
export interface CoreSession { token: string; userId: string }
export interface CoreCustomerInput { name: string; email: string }
export type CoreCurrency = 'USD' | 'EUR' | 'COP';
/** The statuses changeCardStatus sets (docs 004); cards are born `inactive`. */
export type CoreCardStatus = 'active' | 'blocked' | 'cancelled';

/** A provisioned card: assigned to its customer, funded, active. */
export interface CoreCard {
  customerId: string;
  cardId: string;
  currency: CoreCurrency;
  /** The balance after provisioning, as the server answered it. */
  balance: number;
}

export interface ProvisionCoreCardOptions {
  currency: CoreCurrency;
  /** Funds added before activation (> 0, currency units). */
  initialBalance: number;
}

/** Logs in; the token goes in `Authorization: Bearer <token>` on every other call. Never log the token. */
export function* coreLogin(credentials: CoreCredentials): Flow<CoreSession> {
  const res = yield { operationId: 'login', input: { body: { email: credentials.email, password: credentials.password } }, expect: 200 };
  const token = res.body && res.body.token;
  assertThat(typeof token === 'string' && token.length > 0, 'login answered no token');
  return { token, userId: res.body.userId as string };
}

export function* createCoreCustomer(customer: CoreCustomerInput, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<string> {
  const res = yield { operationId: 'createCustomer', input: { body: { name: customer.name, email: customer.email } }, expect: 200 };
  const customerId = res.body.customerId;
  assertThat(typeof customerId === 'string' && customerId.length > 0, 'createCustomer answered no customerId');
  if (checks.stateful) assertThat(res.body.email === customer.email, 'createCustomer answered another email');
  return customerId as string;
}

/** A new card: inactive, unassigned, zero balance (docs 004). */
export function* createCoreCard(currency: CoreCurrency, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<string> {
  const res = yield { operationId: 'createCard', input: { body: { currency } }, expect: 200 };
  assertThat(res.body.status === 'inactive', 'createCard answered a card that is not inactive');
  if (checks.stateful) assertThat(res.body.currency === currency, 'createCard answered another currency');
  return res.body.cardId as string;
}

export function* assignCoreCard(cardId: string, customerId: string, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<void> {
  const res = yield { operationId: 'assignCard', input: { body: { cardId, customerId } }, expect: 200 };
  assertThat(res.body.success === true, 'assignCard answered success other than true');
  if (checks.stateful) assertThat(res.body.cardId === cardId && res.body.customerId === customerId, 'assignCard answered another card or customer');
}

/** Adds `amount` (> 0, currency units); returns the new balance the server answered. */
export function* addCoreBalance(cardId: string, amount: number, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<number> {
  const res = yield { operationId: 'addBalance', input: { body: { cardId, amount } }, expect: 200 };
  assertThat(typeof res.body.balance === 'number', 'addBalance answered no numeric balance');
  if (checks.stateful) assertThat(res.body.cardId === cardId, 'addBalance answered another cardId');
  return res.body.balance as number;
}

export function* setCoreCardStatus(cardId: string, status: CoreCardStatus, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<void> {
  const res = yield { operationId: 'changeCardStatus', input: { body: { cardId, status } }, expect: 200 };
  assertThat(res.body.status === status, `changeCardStatus answered a status other than ${status}`);
  if (checks.stateful) assertThat(res.body.cardId === cardId, 'changeCardStatus answered another cardId');
}

/**
 * Provisioning of one pool member (5 requests): a customer, a card assigned to them, funded with
 * `initialBalance` while inactive (the docs' integration order), then activated.
 */
export function* provisionCoreCard(customer: CoreCustomerInput, options: ProvisionCoreCardOptions, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<CoreCard> {
  const customerId = yield* createCoreCustomer(customer, checks);
  const cardId = yield* createCoreCard(options.currency, checks);
  yield* assignCoreCard(cardId, customerId, checks);
  const balance = yield* addCoreBalance(cardId, options.initialBalance, checks);
  if (checks.stateful && !sameAmount(balance, options.initialBalance)) {
    throw new Error(`addBalance on a new card answered balance ${balance}, expected ${options.initialBalance}`);
  }
  yield* setCoreCardStatus(cardId, 'active', checks);
  return { customerId, cardId, currency: options.currency, balance };
}

/** The hot path's steps for one card and amount. Steps are never mutated: build them once per card and reuse them every iteration. */
export interface CoreBalanceSteps {
  cardId: string;
  amount: number;
  addBalance: Step;
  listMovements: Step;
  getCard: Step;
}

export function coreBalanceSteps(cardId: string, amount: number): CoreBalanceSteps {
  if (!(amount > 0)) throw new Error(`A top-up amount must be > 0 (docs 004), got ${amount}`);
  return {
    cardId,
    amount,
    addBalance: { operationId: 'addBalance', input: { body: { cardId, amount } }, expect: 200 },
    listMovements: { operationId: 'listMovements', input: { path: { cardId } }, expect: 200 },
    getCard: { operationId: 'getCard', input: { path: { cardId } }, expect: 200 },
  };
}

export interface CoreBalanceResult {
  /** The balance getCard answered at the end. */
  balance: number;
  /** The newest movement's id (the top-up on a stateful target). */
  movementId: string;
}

/**
 * The balance hot path (3 requests) on an active card:
 * - addBalance: the balance grew by the amount (when `previousBalance` is known: undefined or
 *   null skips that one check, e.g. after an iteration that failed half-way);
 * - listMovements: the newest movement is the positive top-up of that amount;
 * - getCard: its balance matches addBalance's, its status is active.
 * Cross-call checks only when `checks.stateful`. Constant failure messages: no allocation on
 * the passing path.
 */
export function* coreBalanceCycle(steps: CoreBalanceSteps, previousBalance?: number | null, checks: CoreFlowChecks = CORE_STATEFUL_CHECKS): Flow<CoreBalanceResult> {
  const added = yield steps.addBalance;
  const balance = added.body.balance;
  assertThat(typeof balance === 'number', 'addBalance answered no numeric balance');
  if (checks.stateful) {
    assertThat(added.body.cardId === steps.cardId, 'addBalance answered another cardId');
    if (previousBalance !== undefined && previousBalance !== null && !sameAmount(balance, previousBalance + steps.amount)) {
      throw new Error(`addBalance: the balance did not grow by the amount (was ${previousBalance}, added ${steps.amount}, answered ${balance})`);
    }
  }

  const list = yield steps.listMovements;
  const movements = list.body.movements;
  assertThat(Array.isArray(movements), 'listMovements answered no movements array');
  const newest = movements[0];
  if (checks.stateful) {
    assertThat(newest !== undefined, 'listMovements answered no movement after a top-up');
    assertThat(newest.amount > 0 && sameAmount(newest.amount, steps.amount), 'listMovements: the newest movement is not the positive top-up of the amount added');
  }

  const card = yield steps.getCard;
  assertThat(typeof card.body.balance === 'number', 'getCard answered no numeric balance');
  if (checks.stateful) {
    assertThat(card.body.cardId === steps.cardId, 'getCard answered another cardId');
    assertThat(sameAmount(card.body.balance, balance), 'getCard balance does not match the balance addBalance answered');
    assertThat(card.body.status === 'active', 'getCard shows the card other than active');
  }
  return { balance: card.body.balance as number, movementId: newest ? String(newest.id) : '' };
}

/** Amounts are currency units as JSON numbers: equal to the cent, whatever the float rounding. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function assertThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
