// Sovera cards v2 behaviour: one plain function per operationId, (state, input) → {status, data}.
// Requests arrive validated against the spec; handlers enforce the rules that span calls
// (ownership, wallet types, card lifecycle, balances) and throw TwinError for the error answers.
import { randomUUID } from 'node:crypto';
import { TwinError, type Handler, type HandlerInput, type HandlerResult, type Principal } from '../server.ts';
import type { Card, CardKind, SoveraState, TransactionType, User, Wallet } from './state.ts';

export interface SoveraPrincipal extends Principal {
  /** The integrator account the API key belongs to (stable per key for the twin's lifetime). */
  clientId: string;
}

type Input = HandlerInput<SoveraPrincipal>;
type SoveraHandler = Handler<SoveraState, SoveraPrincipal>;

const DEFAULT_CURRENCY = 'USD';

// ---- views: what the API answers for each entity ----

export function userView(u: User): Record<string, unknown> {
  return u.type === 'natural'
    ? { id: u.id, type: u.type, firstName: u.firstName, lastName: u.lastName, email: u.email, mainWalletId: u.mainWalletId, creationDate: u.creationDate }
    : { id: u.id, type: u.type, legalName: u.legalName, taxId: u.taxId, email: u.email, mainWalletId: u.mainWalletId, creationDate: u.creationDate };
}

export function walletView(w: Wallet): Record<string, unknown> {
  return { id: w.id, userId: w.userId, currency: w.currency, description: w.description, balance: w.balance, amountWithheld: w.amountWithheld, creationDate: w.creationDate };
}

/** The list-by-user shape, which the docs give other field names (amountAvailable, createdAt) and a clientId. */
export function walletListItemView(w: Wallet): Record<string, unknown> {
  return { id: w.id, clientId: w.clientId, userId: w.userId, currency: w.currency, description: w.description, amountAvailable: w.balance - w.amountWithheld, amountWithheld: w.amountWithheld, createdAt: w.creationDate };
}

export function cardView(c: Card): Record<string, unknown> {
  return { id: c.id, userId: c.userId, walletId: c.walletId, physicalCard: c.physicalCard, code: c.code, isActive: c.isActive, status: c.status, creationDate: c.creationDate, dueDate: c.expDate };
}

// ---- helpers ----

/** What a wallet can spend: its balance less what pending card transactions withhold. */
export function available(w: Wallet): number {
  return w.balance - w.amountWithheld;
}

function ok(status: number, data: unknown): HandlerResult {
  return { status, data };
}

function bad(code: string, message: string): TwinError {
  return new TwinError(400, code, message);
}

function clientOf(input: Input): string {
  return input.principal.clientId;
}

function positiveCents(amount: unknown): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw bad('INVALID_AMOUNT', 'amount must be a positive integer number of cents');
  }
  return amount;
}

/** A card that may still change state: cancelled cards are final. */
function liveCard(state: SoveraState, input: Input, action: string): Card {
  const card = state.card(clientOf(input), input.body.cardId);
  if (card.status === 'Cancel') throw bad('CARD_CANCELLED', `Card '${card.id}' is cancelled; cannot ${action}`);
  return card;
}

// ---- users ----

const createNaturalUser: SoveraHandler = (state, input) => {
  const { firstName, lastName, email, currency } = input.body;
  const user = state.addUser({ clientId: clientOf(input), type: 'natural', firstName, lastName, email }, currency ?? DEFAULT_CURRENCY);
  return ok(201, userView(user));
};

const createLegalUser: SoveraHandler = (state, input) => {
  const { legalName, taxId, email, currency } = input.body;
  const user = state.addUser({ clientId: clientOf(input), type: 'legal', legalName, taxId, email }, currency ?? DEFAULT_CURRENCY);
  return ok(201, userView(user));
};

const getUser: SoveraHandler = (state, input) => ok(200, userView(state.user(clientOf(input), input.pathParams.userId)));

// ---- wallets ----

const createWallet: SoveraHandler = (state, input) => {
  const { userId, currency, description, walletType } = input.body;
  const user = state.user(clientOf(input), userId);
  // A description is required by the spec; a lenient variant of the twin (test fixture) may let one through.
  const wallet = state.addWallet(user.clientId, user.id, currency, description ?? '', Number(walletType) === 1 ? 1 : 0);
  return ok(201, walletView(wallet));
};

/** The docs answer GET /wallets/{id} with `data` as an array of one wallet. */
const getWallet: SoveraHandler = (state, input) => ok(200, [walletView(state.wallet(clientOf(input), input.pathParams.walletId))]);

const listWalletsByUser: SoveraHandler = (state, input) => {
  const user = state.user(clientOf(input), input.body.userId);
  const ids = state.walletsByUser.get(user.id) ?? [];
  return ok(200, ids.map((id) => walletListItemView(state.wallets.get(id)!)));
};

// ---- cards ----

function createCard(kind: CardKind): SoveraHandler {
  const requiredWalletType = kind === 'credit' ? 1 : 0;
  return (state, input) => {
    const { userId, walletId, clientCode, physicalCard } = input.body;
    const clientId = clientOf(input);
    const user = state.user(clientId, userId);
    const wallet = state.wallet(clientId, walletId);
    if (wallet.userId !== user.id) throw bad('WALLET_NOT_OWNED', `Wallet '${wallet.id}' does not belong to user '${user.id}'`);
    if (wallet.walletType !== requiredWalletType) {
      throw bad('INVALID_WALLET_TYPE', `A ${kind} card needs a wallet of walletType ${requiredWalletType}; wallet '${wallet.id}' has walletType ${wallet.walletType}`);
    }
    const card = state.addCard({ clientId, kind, userId: user.id, walletId: wallet.id, physicalCard: physicalCard === true, code: String(clientCode) });
    return ok(201, cardView(card));
  };
}

const getCard: SoveraHandler = (state, input) => ok(200, cardView(state.card(clientOf(input), input.pathParams.cardId)));

// ---- lifecycle ----

const ackReception: SoveraHandler = (state, input) => {
  const card = liveCard(state, input, 'acknowledge its reception');
  if (card.status !== 'pendingAck') throw bad('CARD_NOT_PENDING_ACK', `Card '${card.id}' is not waiting for reception (status ${card.status})`);
  if (!state.isPrinted(card)) throw bad('NOT_PRINTED_YET', `Card '${card.id}' has not been printed yet; acknowledge its reception once it is in hand`);
  card.status = 'active';
  card.isActive = true;
  return ok(201, { cardId: card.id });
};

const blockCard: SoveraHandler = (state, input) => {
  const card = liveCard(state, input, 'block it');
  if (card.status === 'blocked') throw bad('CARD_ALREADY_BLOCKED', `Card '${card.id}' is already blocked`);
  if (card.status !== 'active') throw bad('CARD_NOT_ACTIVE', `Card '${card.id}' is not active (status ${card.status})`);
  card.status = 'blocked';
  card.isActive = false;
  return ok(201, { cardId: card.id, isActive: false });
};

const unblockCard: SoveraHandler = (state, input) => {
  const card = liveCard(state, input, 'unblock it');
  if (card.status !== 'blocked') throw bad('CARD_NOT_BLOCKED', `Card '${card.id}' is not blocked (status ${card.status})`);
  card.status = 'active';
  card.isActive = true;
  return ok(201, { cardId: card.id, isActive: true });
};

/** Irreversible. The docs answer isActive as the string "false". */
const cancelCard: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  if (card.status === 'Cancel') throw bad('CARD_ALREADY_CANCELLED', `Card '${card.id}' is already cancelled`);
  card.status = 'Cancel';
  card.isActive = false;
  return ok(201, { cardId: card.id, isActive: 'false' });
};

// ---- sensitive data and PIN ----

const checkPan: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  return ok(201, { cardId: card.id, pan: card.pan, expDate: card.expDate });
};

const checkCvv: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  return ok(201, { cardId: card.id, cvv: card.cvv });
};

/** Expiry as "MM/YY". */
const checkDueDate: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  const month = String(card.expDate % 100).padStart(2, '0');
  const year = String(Math.floor(card.expDate / 100) % 100).padStart(2, '0');
  return ok(201, { cardId: card.id, dueDate: `${month}/${year}` });
};

const checkPin: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  return ok(201, { cardId: card.id, pin: card.pin });
};

/** The spec documents no 400 for unblockPin, so it answers for cancelled cards too (the PIN is unchanged). */
const unblockPin: SoveraHandler = (state, input) => {
  const card = state.card(clientOf(input), input.body.cardId);
  return ok(201, { cardId: card.id, pin: card.pin });
};

const changePin: SoveraHandler = (state, input) => {
  const card = liveCard(state, input, 'change its PIN');
  const pin = String(input.body.pin);
  if (!/^\d{4}$/.test(pin)) throw bad('INVALID_PIN', 'pin must be exactly 4 digits');
  card.pin = pin;
  return ok(200, { cardId: card.id, pin });
};

// ---- money movement ----

function movement(type: Extract<TransactionType, 'payin' | 'payout'>): SoveraHandler {
  return (state, input) => {
    const wallet = state.wallet(clientOf(input), input.body.walletId);
    const amount = positiveCents(input.body.amount);
    if (type === 'payout' && available(wallet) < amount) {
      throw bad('INSUFFICIENT_FUNDS', `Wallet '${wallet.id}' has insufficient funds for a payout of ${amount}`);
    }
    wallet.balance += type === 'payin' ? amount : -amount;
    const tx = state.addTransaction(wallet.id, type, amount, state.isoNow());
    return ok(201, { id: tx.id, walletId: wallet.id, type, amount, status: tx.status, creationDate: tx.creationDate });
  };
}

const createTransfer: SoveraHandler = (state, input) => {
  const clientId = clientOf(input);
  const { fromWalletId, toWalletId } = input.body;
  const from = state.wallet(clientId, fromWalletId);
  const to = state.wallet(clientId, toWalletId);
  const amount = positiveCents(input.body.amount);
  if (from.id === to.id) throw bad('SAME_WALLET', 'fromWalletId and toWalletId must be different wallets');
  if (from.currency !== to.currency) {
    throw bad('CURRENCY_MISMATCH', `Wallet '${from.id}' holds ${from.currency} but wallet '${to.id}' holds ${to.currency}`);
  }
  if (available(from) < amount) throw bad('INSUFFICIENT_FUNDS', `Wallet '${from.id}' has insufficient funds for a transfer of ${amount}`);
  from.balance -= amount;
  to.balance += amount;
  const creationDate = state.isoNow();
  state.addTransaction(from.id, 'transfer_out', amount, creationDate);
  state.addTransaction(to.id, 'transfer_in', amount, creationDate);
  return ok(201, { id: randomUUID(), fromWalletId: from.id, toWalletId: to.id, amount, status: 'completed', creationDate });
};

const listTransactions: SoveraHandler = (state, input) => {
  const wallet = state.wallet(clientOf(input), input.query.walletId);
  return ok(200, state.transactionsOf(wallet.id).map((t) => ({
    id: t.id, walletId: t.walletId, type: t.type, amount: t.amount, status: t.status, creationDate: t.creationDate,
  })));
};

// ---- notifications ----

const enlistNotification: SoveraHandler = (state, input) => {
  const notification = { id: randomUUID(), clientId: clientOf(input), url: String(input.body.url), creationDate: state.isoNow() };
  state.notifications.set(notification.id, notification);
  state.onEnlist?.(notification.clientId, notification.url);
  return ok(201, { id: notification.id, url: notification.url, creationDate: notification.creationDate });
};

export const soveraHandlers: Record<string, SoveraHandler> = {
  createNaturalUser,
  createLegalUser,
  getUser,
  createWallet,
  getWallet,
  listWalletsByUser,
  createDebitCard: createCard('debit'),
  createPrepaidCard: createCard('prepaid'),
  createCreditCard: createCard('credit'),
  getCard,
  ackReception,
  blockCard,
  unblockCard,
  cancelCard,
  checkPan,
  checkCvv,
  checkDueDate,
  checkPin,
  unblockPin,
  changePin,
  createPayIn: movement('payin'),
  createPayOut: movement('payout'),
  createTransfer,
  listTransactions,
  enlistNotification,
};
