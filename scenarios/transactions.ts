// Card transactions as flows, shared by the contract suites and the load scenarios: a purchase
// with a hold (authorise, then settle), a hold given back (authorise, then reverse), and a
// direct purchase for APIs that show no holds. The transactions are the twin's own operations
// (twin/control.ts): no provider's spec has a way to make a card pay, bar the API Layer's Simulate.
import { twinStep, type Flow } from './flow.ts';

export interface TwinTransaction { transactionId: string; cardId: string; amount: number; status: string; reason?: string }

const enc = encodeURIComponent;

/** What each twin-only step answers, for the load build's request count (it answers every step with an example). */
export const TWIN_STEP_EXAMPLES: Record<string, TwinTransaction> = {
  'twin:authorise': { transactionId: 'txn_0001', cardId: 'card', amount: 100, status: 'AUTHORISED' },
  'twin:settle': { transactionId: 'txn_0001', cardId: 'card', amount: 100, status: 'SETTLED' },
  'twin:reverse': { transactionId: 'txn_0001', cardId: 'card', amount: 100, status: 'REVERSED' },
  'twin:purchase': { transactionId: 'txn_0001', cardId: 'card', amount: 100, status: 'SETTLED' },
};

export function* authorise(cardId: string, amount: number, merchant = 'Harness Coffee'): Flow<TwinTransaction> {
  const res = yield twinStep('authorise', 'POST', `/_twin/cards/${enc(cardId)}/authorisations`, { amount, merchant }, 201);
  return res.body as TwinTransaction;
}

export function* settle(transactionId: string): Flow<TwinTransaction> {
  const res = yield twinStep('settle', 'POST', `/_twin/transactions/${enc(transactionId)}/settle`, undefined, 200);
  return res.body as TwinTransaction;
}

export function* reverse(transactionId: string): Flow<TwinTransaction> {
  const res = yield twinStep('reverse', 'POST', `/_twin/transactions/${enc(transactionId)}/reverse`, undefined, 200);
  return res.body as TwinTransaction;
}

/** A purchase debited at once (Core shows no holds). */
export function* purchase(cardId: string, amount: number, merchant = 'Harness Coffee'): Flow<TwinTransaction> {
  const res = yield twinStep('purchase', 'POST', `/_twin/cards/${enc(cardId)}/purchases`, { amount, merchant }, 201);
  return res.body as TwinTransaction;
}

/** Authorise, then settle what was authorised: the purchase of a card that shows holds. Declined: no settle. */
export function* heldPurchase(cardId: string, amount: number, merchant?: string): Flow<TwinTransaction> {
  const held = yield* authorise(cardId, amount, merchant);
  if (held.status !== 'AUTHORISED') return held;
  return yield* settle(held.transactionId);
}
