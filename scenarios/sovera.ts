// Sovera user journeys, shared by the contract suite and the k6 load scripts.
// Checks that need a stateful server (what one call changed shows in the next) run only when
// `checks.stateful` is true; checks on the answer of the call itself run everywhere. The flag
// guards assertions only, never requests: a flow makes the same requests on every target, so
// the load planner can count them once (load/build/flow-costs.ts).
import { heldPurchase } from './transactions.ts';
import type { Flow } from './flow.ts';

export interface NaturalUserInput { firstName: string; lastName: string; email: string; currency?: string }
export interface Cardholder { userId: string; walletId: string; cardId: string }
export type CardKind = 'debit' | 'prepaid' | 'credit';

/** What a flow may assert. A stateless mock answers fixed examples, so cross-call checks are off there. */
export interface FlowChecks {
  /** The target keeps state between requests (twin, sandbox); false for Prism's mock. */
  stateful: boolean;
}

export const STATEFUL_CHECKS: FlowChecks = { stateful: true };

const CREATE_CARD = { debit: 'createDebitCard', prepaid: 'createPrepaidCard', credit: 'createCreditCard' } as const;

/** A natural user with their main wallet, funded by a pay-in, and one virtual debit card. */
export function* provisionCardholder(user: NaturalUserInput, clientCode: string, fundsCents: number): Flow<Cardholder> {
  const created = yield { operationId: 'createNaturalUser', input: { body: user }, expect: 201 };
  const userId: string = created.body.data.id;
  const walletId: string = created.body.data.mainWalletId;
  if (fundsCents > 0) yield { operationId: 'createPayIn', input: { body: { walletId, amount: fundsCents } }, expect: 201 };
  const card = yield* createCard('debit', userId, walletId, clientCode, false);
  return { userId, walletId, cardId: card };
}

export function* createCard(kind: CardKind, userId: string, walletId: string, clientCode: string, physicalCard: boolean): Flow<string> {
  const res = yield { operationId: CREATE_CARD[kind], input: { body: { userId, walletId, clientCode, physicalCard } }, expect: 201 };
  return res.body.data.id as string;
}

/** Block, see it blocked, unblock, see it active: the lifecycle hot path. */
export function* blockUnblockCycle(cardId: string, checks: FlowChecks = STATEFUL_CHECKS): Flow<void> {
  const blocked = yield { operationId: 'blockCard', input: { body: { cardId } }, expect: 201 };
  assertThat(blocked.body.data.isActive === false, 'blockCard answered isActive other than false');
  const afterBlock = yield { operationId: 'getCard', input: { path: { cardId } }, expect: 200 };
  if (checks.stateful) assertThat(afterBlock.body.data.isActive === false, 'getCard after blockCard shows the card active');
  const unblocked = yield { operationId: 'unblockCard', input: { body: { cardId } }, expect: 201 };
  assertThat(unblocked.body.data.isActive === true, 'unblockCard answered isActive other than true');
  const afterUnblock = yield { operationId: 'getCard', input: { path: { cardId } }, expect: 200 };
  if (checks.stateful) assertThat(afterUnblock.body.data.isActive === true, 'getCard after unblockCard shows the card inactive');
}

/** A fresh physical card is born inactive; acknowledging its reception activates it. */
export function* ackFreshPhysicalCard(userId: string, walletId: string, clientCode: string, checks: FlowChecks = STATEFUL_CHECKS): Flow<string> {
  const cardId = yield* createCard('debit', userId, walletId, clientCode, true);
  const acked = yield { operationId: 'ackReception', input: { body: { cardId } }, expect: 201 };
  if (checks.stateful) assertThat(acked.body.data.cardId === cardId, 'ackReception answered another cardId');
  const card = yield { operationId: 'getCard', input: { path: { cardId } }, expect: 200 };
  if (checks.stateful) assertThat(card.body.data.isActive === true, 'getCard after ackReception shows the card inactive');
  return cardId;
}

export interface CardLifecycleOptions extends FlowChecks {
  /**
   * Also create a physical card and acknowledge it. Only where cards are printed at once
   * (the twin, the mock): a real sandbox prints them in about 48 hours.
   */
  ackFreshCard: boolean;
}

/** The card lifecycle journey of the load tests: block/unblock cycle on the holder's card, then ack of a fresh physical card. */
export function* cardLifecycle(holder: Cardholder, clientCode: string, options: CardLifecycleOptions): Flow<void> {
  yield* blockUnblockCycle(holder.cardId, options);
  if (options.ackFreshCard) yield* ackFreshPhysicalCard(holder.userId, holder.walletId, clientCode, options);
}

/** Balance check: the wallet's balance and withheld amount are integer cents; the user's wallet list agrees. */
export function* balanceCheck(userId: string, walletId: string, checks: FlowChecks = STATEFUL_CHECKS): Flow<{ balance: number; amountWithheld: number }> {
  const res = yield { operationId: 'getWallet', input: { path: { walletId } }, expect: 200 };
  const wallet = res.body.data[0];
  assertThat(Number.isInteger(wallet.balance) && Number.isInteger(wallet.amountWithheld), 'getWallet amounts are not integer cents');
  const list = yield { operationId: 'listWalletsByUser', input: { body: { userId } }, expect: 200 };
  const wallets = list.body.data as { id: string; amountAvailable: number; amountWithheld: number }[];
  assertThat(wallets.every((w) => Number.isInteger(w.amountAvailable) && Number.isInteger(w.amountWithheld)), 'listWalletsByUser amounts are not integer cents');
  if (checks.stateful) assertThat(wallets.some((w) => w.id === walletId), 'listWalletsByUser does not list the wallet');
  return { balance: wallet.balance, amountWithheld: wallet.amountWithheld };
}

function assertThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * The purchase hot path (twin only: card transactions are the twin's own operations): a pay-in
 * of the amount, a purchase of it (authorise, settle), and the wallet read after it: nothing
 * left withheld, amounts in integer cents. Net zero, so a VU's wallet never runs dry.
 */
export function* purchaseHotPath(holder: Cardholder, amountCents: number, checks: FlowChecks = STATEFUL_CHECKS): Flow<void> {
  yield { operationId: 'createPayIn', input: { body: { walletId: holder.walletId, amount: amountCents } }, expect: 201 };
  const tx = yield* heldPurchase(holder.cardId, amountCents);
  assertThat(tx.status === 'SETTLED', `the purchase was ${tx.status}${tx.reason ? ` (${tx.reason})` : ''}, not SETTLED`);
  const res = yield { operationId: 'getWallet', input: { path: { walletId: holder.walletId } }, expect: 200 };
  const wallet = res.body.data[0];
  assertThat(Number.isInteger(wallet.balance) && Number.isInteger(wallet.amountWithheld), 'getWallet amounts are not integer cents');
  if (checks.stateful) assertThat(wallet.amountWithheld === 0, `amountWithheld is ${wallet.amountWithheld} after a settled purchase, not 0`);
}
