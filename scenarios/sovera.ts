// Sovera user journeys, shared by the contract suite and the k6 load scripts.
import type { Flow } from './flow.ts';

export interface NaturalUserInput { firstName: string; lastName: string; email: string; currency?: string }
export interface Cardholder { userId: string; walletId: string; cardId: string }
export type CardKind = 'debit' | 'prepaid' | 'credit';

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
export function* blockUnblockCycle(cardId: string): Flow<void> {
  const blocked = yield { operationId: 'blockCard', input: { body: { cardId } }, expect: 201 };
  assertThat(blocked.body.data.isActive === false, 'blockCard answered isActive other than false');
  const afterBlock = yield { operationId: 'getCard', input: { path: { cardId } }, expect: 200 };
  assertThat(afterBlock.body.data.isActive === false, 'getCard after blockCard shows the card active');
  const unblocked = yield { operationId: 'unblockCard', input: { body: { cardId } }, expect: 201 };
  assertThat(unblocked.body.data.isActive === true, 'unblockCard answered isActive other than true');
  const afterUnblock = yield { operationId: 'getCard', input: { path: { cardId } }, expect: 200 };
  assertThat(afterUnblock.body.data.isActive === true, 'getCard after unblockCard shows the card inactive');
}

/** Balance check: the wallet's balance and withheld amount are integer cents; the user's wallet list agrees. */
export function* balanceCheck(userId: string, walletId: string): Flow<{ balance: number; amountWithheld: number }> {
  const res = yield { operationId: 'getWallet', input: { path: { walletId } }, expect: 200 };
  const wallet = res.body.data[0];
  assertThat(Number.isInteger(wallet.balance) && Number.isInteger(wallet.amountWithheld), 'getWallet amounts are not integer cents');
  const list = yield { operationId: 'listWalletsByUser', input: { body: { userId } }, expect: 200 };
  const listed = (list.body.data as { id: string; amountAvailable: number }[]).find((w) => w.id === walletId);
  assertThat(listed !== undefined, 'listWalletsByUser does not list the wallet');
  return { balance: wallet.balance, amountWithheld: wallet.amountWithheld };
}

function assertThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
