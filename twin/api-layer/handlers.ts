// API Layer behaviour: one plain function per operationId, (state, input) → {status, data}.
// Requests arrive validated against spec/api-layer.yaml (the PIN policy, the override's and the
// deposit's minimums, closed bodies are schema rules there, so none is written again here);
// handlers keep the rules that span calls and throw TwinError for the error answers. Access
// levels are checked before a handler runs (meetsAccessLevel, by the server), not in handlers.
import { TwinError, type Handler, type HandlerInput, type HandlerResult } from '../server.ts';
import { fromMinor, toMinor } from '../money.ts';
import { digits } from '../card-numbers.ts';
import {
  BLOCKCHAINS, DEPOSIT_MINIMUMS, PAN_LINK_TTL_MS, THREE_DS_WINDOW_MS, TOKENS, cardView,
  type AccessLevel, type ApiLayerPrincipal, type DepositDestination, type ApiLayerState, type VirtualCard,
} from './state.ts';

type Input = HandlerInput<ApiLayerPrincipal>;
type ApiLayerHandler = Handler<ApiLayerState, ApiLayerPrincipal>;

/**
 * Whether a key of level `key` may call an operation requiring `required` (docs 003: Read-Only 1,
 * Operational 2, Admin 3, each including the ones below; MANAGEMENT is a permission of its own,
 * for the management API only: that it grants nothing else is inferred).
 */
export function meetsAccessLevel(key: AccessLevel, required: AccessLevel): boolean {
  if (required === 'MANAGEMENT' || key === 'MANAGEMENT') return key === required;
  return key >= required;
}

const ok = (data: unknown, status = 200): HandlerResult => ({ status, data });
const conflict = (code: string, message: string) => new TwinError(409, code, message);

function updated(state: ApiLayerState, input: Input, change: (card: VirtualCard) => void): HandlerResult {
  const card = state.liveCard(input.principal, input.pathParams.cardId);
  change(card);
  return ok(cardView(card));
}

function topUpOnly(card: VirtualCard): void {
  if (card.approvalMethod !== 'TOP_UP') throw conflict('NOT_TOP_UP', `Card '${card.cardId}' is not a TOP_UP card (approval method ${card.approvalMethod})`);
}

// ---- virtual cards ----

const createVirtualCard: ApiLayerHandler = (state, input) => ok(cardView(state.addCard(input.principal.clientId, input.body)), 201);

// "Returns all active cards" (docs 003), read literally: status ACTIVE.
const listVirtualCards: ApiLayerHandler = (state, input) =>
  ok({ cards: [...state.cards.values()].filter((c) => c.clientId === input.principal.clientId && c.status === 'ACTIVE').map(cardView) });

const getVirtualCard: ApiLayerHandler = (state, input) => ok(cardView(state.card(input.principal, input.pathParams.cardId)));

const deleteVirtualCard: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.status = 'DELETED'; });

const getTopUpWallets: ApiLayerHandler = (state, input) => {
  const card = state.liveCard(input.principal, input.pathParams.cardId);
  topUpOnly(card);
  return ok({ wallets: card.topUpWallets.map((w) => ({ walletId: w.walletId, currency: w.currency, balance: fromMinor(w.balanceMinor) })) });
};

const getVirtualCardPan: ApiLayerHandler = (state, input) => {
  const link = state.newPanLink(state.liveCard(input.principal, input.pathParams.cardId));
  return ok({ panUrl: `${state.linkBase}/pan/${link.token}`, expiresInSeconds: PAN_LINK_TTL_MS / 1000 });
};

/**
 * Opening a PAN link (a page, not an API operation): the first opening shows the PAN and starts
 * its 60 seconds; any later opening, or one past them, shows nothing (410). Twin-only, served by
 * the twin on loopback.
 */
export function openPanLink(state: ApiLayerState, token: string): { status: 200; pan: string } | { status: 410 | 404; reason: string } {
  const link = state.panLinks.get(token);
  if (link === undefined) return { status: 404, reason: 'no such link' };
  if (link.openedAtMs !== undefined) {
    return { status: 410, reason: state.now() - link.openedAtMs > PAN_LINK_TTL_MS ? 'the link expired 60 seconds after it was opened' : 'the link was already opened' };
  }
  const card = state.cards.get(link.cardId);
  if (card === undefined || card.status === 'DELETED') return { status: 410, reason: 'the card is deleted' };
  link.openedAtMs = state.now();
  return { status: 200, pan: card.pan };
}

const updateVirtualCardLimits: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.limits = { ...card.limits, ...input.body }; });
const updateVirtualCardEmail: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.email = input.body.email; });
const updateVirtualCardPhone: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.phone = input.body.phone; });

// The amount replaces the balance (docs 003); zero or more is a schema rule of the request.
const overrideVirtualBalance: ApiLayerHandler = (state, input) => updated(state, input, (card) => {
  topUpOnly(card);
  card.balanceMinor = toMinor(input.body.amount);
});

// ACTIVE "regardless of its previous status" (docs 003): a frozen card too.
const unblockVirtualCard: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.status = 'ACTIVE'; });

const configure3ds: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.otpMethod = input.body.otpMethod; });

const respond3dsAuthentication: ApiLayerHandler = (state, input) => {
  const card = state.liveCard(input.principal, input.pathParams.cardId);
  const auth = state.authentications.get(input.pathParams.authenticationId);
  if (auth === undefined || auth.cardId !== card.cardId) throw new TwinError(404, 'NOT_FOUND', `Authentication '${input.pathParams.authenticationId}' not found for card '${card.cardId}'`);
  if (auth.status !== 'PENDING') throw conflict('ALREADY_ANSWERED', `Authentication '${auth.authenticationId}' was already answered (${auth.status})`);
  if (state.now() - auth.createdAtMs > THREE_DS_WINDOW_MS) {
    auth.status = 'FAILED';
    throw new TwinError(410, 'EXPIRED', 'The 3DS authentication window of 5 minutes has passed');
  }
  if (input.body.otp !== auth.code) throw new TwinError(400, 'WRONG_CODE', 'The one-time code does not match');
  auth.status = 'SUCCESS';
  return ok({ authenticationId: auth.authenticationId, cardId: card.cardId, status: auth.status });
};

const freezeVirtualCard: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.status = input.body.frozen ? 'FROZEN' : 'ACTIVE'; });

// The PIN policy is the request schema's; the card keeps what passed it.
const updateVirtualCardPin: ApiLayerHandler = (state, input) => updated(state, input, (card) => { card.pin = input.body.pin; });

// A new number, CVV and expiry; the same cardId, balance and movements (docs 003).
const reissueVirtualCard: ApiLayerHandler = (state, input) => updated(state, input, (card) => { Object.assign(card, state.reissueSecrets(card)); });

const depositToVirtualCard: ApiLayerHandler = (state, input) => updated(state, input, (card) => {
  const minor = toMinor(input.body.amount);
  card.balanceMinor += minor;
  card.movements.push({ id: state.nextId('mov'), type: 'DEPOSIT', amountMinor: minor, atMs: state.now() });
});

// ---- wallets ----

const getHoldingWallet: ApiLayerHandler = (state, input) => {
  const w = state.holdingWallet(input.principal, input.pathParams.blockchain);
  return ok({ id: w.id, alias: w.alias, address: w.address, blockchain: w.blockchain, balance: fromMinor(w.balanceMinor) });
};

const withdrawFromHoldingWallet: ApiLayerHandler = (state, input) => {
  const wallet = state.holdingWallet(input.principal, input.pathParams.blockchain);
  const minor = toMinor(input.body.amount);
  if (minor > wallet.balanceMinor) throw conflict('INSUFFICIENT_FUNDS', `The ${wallet.blockchain} holding wallet holds less than ${input.body.amount}`);
  wallet.balanceMinor -= minor;
  return ok({ withdrawalId: state.nextId('wd'), amount: input.body.amount, toAddress: input.body.toAddress, status: 'SUCCESS' }, 201);
};

const listTokens: ApiLayerHandler = (_state, input) => {
  const tokens = TOKENS[input.pathParams.blockchain];
  if (tokens === undefined) throw new TwinError(404, 'NOT_FOUND', `Blockchain '${input.pathParams.blockchain}' not found`);
  return ok({ tokens });
};

// ---- management ----

const listBlockchains: ApiLayerHandler = () => ok({ blockchains: BLOCKCHAINS });
const listOperations: ApiLayerHandler = (state) => ok({ operations: state.operations });

const listContractedProducts: ApiLayerHandler = (state, input) => {
  const mine = [...state.cards.values()].filter((c) => c.clientId === input.principal.clientId && c.status !== 'DELETED').length;
  const wallets = [...state.holdingWallets.values()].filter((w) => w.clientId === input.principal.clientId).length;
  return ok({ products: [{ product: 'VIRTUAL_CARDS', limit: 1000, used: mine }, { product: 'HOLDING_WALLETS', limit: BLOCKCHAINS.length, used: wallets }] });
};

const updatePaymentDestination: ApiLayerHandler = (state, input) => {
  const { blockchain } = input.pathParams;
  if (!BLOCKCHAINS.some((b) => b.id === blockchain)) throw new TwinError(404, 'NOT_FOUND', `Blockchain '${blockchain}' not found`);
  state.paymentDestinations.set(`${input.principal.clientId} ${blockchain}`, input.body.address);
  return ok({ blockchain, address: input.body.address });
};

// ---- simulate (the sandbox's transaction events; webhooks and the clock come with the twins' transactions issue) ----

const simulateTransaction: ApiLayerHandler = (state, input) => {
  const ageMs = backdateMs(input); // a bad hook value is refused before anything changes
  const card = state.liveCard(input.principal, input.body.cardId);
  const { type, amount, merchant } = input.body as { type: 'PURCHASE' | 'REFUND' | 'DEPOSIT'; amount: number; merchant?: string };
  const minor = toMinor(amount);
  const operationId = state.nextId('op');
  if (type === 'PURCHASE') {
    // The shared mechanism decides (active card, funds) and notifies; a purchase then asks for 3DS.
    const tx = state.transactions.purchase(card.cardId, minor, merchant ?? 'Simulated merchant');
    if (tx.status !== 'SETTLED') return ok({ operationId, cardId: card.cardId, type, amount, status: 'FAILED' }, 202);
    const auth = { authenticationId: `auth_${operationId}`, cardId: card.cardId, code: digits(6), createdAtMs: state.now() - ageMs, status: 'PENDING' as const };
    state.authentications.set(auth.authenticationId, auth);
    state.outbox.push({ kind: '3DS_OTP', channel: card.otpMethod, cardId: card.cardId, authenticationId: auth.authenticationId, otp: auth.code, atMs: auth.createdAtMs });
    if (card.otpMethod === 'WEBHOOK') {
      state.notify(card.clientId, card.cardId, { operation: 'CARD', sub_operation: '3DS_OTP', status: 'SUCCESS', data: { cardId: card.cardId, authenticationId: auth.authenticationId, otp: auth.code } });
    }
    return ok({ operationId, cardId: card.cardId, type, amount, status: 'SUCCESS' }, 202);
  }
  const refused = type === 'DEPOSIT' && minor < toMinor(DEPOSIT_MINIMUMS.CARD) ? `Deposits to a card must be at least ${DEPOSIT_MINIMUMS.CARD} USD` : undefined;
  if (refused === undefined) {
    card.balanceMinor += minor;
    card.movements.push({ id: state.nextId('mov'), type, amountMinor: minor, atMs: state.now() });
  }
  const status = refused === undefined ? 'SUCCESS' as const : 'FAILED' as const;
  state.notify(card.clientId, card.cardId, { operation: 'CARD', sub_operation: type, status, ...(refused ? { reason: refused } : {}), data: { cardId: card.cardId, amount } });
  return ok({ operationId, cardId: card.cardId, type, amount, status }, 202);
};

/** Twin test hook: `X-Twin-Backdate-Ms: N` makes the simulated transaction N ms old (the 3DS window without waiting 5 minutes). */
export const BACKDATE_HOOK = 'x-twin-backdate-ms';
const MAX_BACKDATE_MS = 24 * 3_600_000;

function backdateMs(input: Input): number {
  const raw = input.hooks?.[BACKDATE_HOOK];
  if (raw === undefined) return 0;
  const ms = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(ms >= 0 && ms <= MAX_BACKDATE_MS)) throw new TwinError(400, 'INVALID_TEST_HOOK', `X-Twin-Backdate-Ms must be a whole number of milliseconds from 0 to ${MAX_BACKDATE_MS}`);
  return ms;
}

/** A deposit arriving to a card, a virtual wallet or a treasury wallet; under the destination's minimum it is not processed (FAILED). */
const simulateDeposit: ApiLayerHandler = (state, input) => {
  const { destination, amount, cardId, blockchain } = input.body as { destination: DepositDestination; amount: number; cardId?: string; blockchain?: string };
  const minor = toMinor(amount);
  const operationId = state.nextId('op');
  let credit: () => void;
  if (destination === 'CARD') {
    if (cardId === undefined) throw new TwinError(400, 'VALIDATION_ERROR', 'body/cardId is required for a CARD deposit');
    const card = state.liveCard(input.principal, cardId);
    credit = () => {
      card.balanceMinor += minor;
      card.movements.push({ id: state.nextId('mov'), type: 'DEPOSIT', amountMinor: minor, atMs: state.now() });
    };
  } else {
    if (blockchain === undefined) throw new TwinError(400, 'VALIDATION_ERROR', `body/blockchain is required for a ${destination} deposit`);
    // A virtual wallet's deposit lands in the blockchain's holding wallet (docs 003); a treasury wallet is its own (not modelled further).
    const wallet = state.holdingWallet(input.principal, blockchain);
    credit = () => { if (destination === 'VIRTUAL_WALLET') wallet.balanceMinor += minor; };
  }
  const minimum = DEPOSIT_MINIMUMS[destination];
  const resource = cardId ?? `${destination} ${blockchain}`;
  const data = { destination, amount, ...(cardId ? { cardId } : { blockchain }) };
  if (minor < toMinor(minimum)) {
    const reason = `Deposits to ${destination} must be at least ${minimum} USD`;
    state.notify(input.principal.clientId, resource, { operation: destination, sub_operation: 'DEPOSIT', status: 'FAILED', reason, data });
    return ok({ operationId, destination, amount, status: 'FAILED', reason }, 202);
  }
  credit();
  state.notify(input.principal.clientId, resource, { operation: destination, sub_operation: 'DEPOSIT', status: 'SUCCESS', data });
  return ok({ operationId, destination, amount, status: 'SUCCESS' }, 202);
};

export const apiLayerHandlers: Record<string, ApiLayerHandler> = {
  createVirtualCard, listVirtualCards, getVirtualCard, deleteVirtualCard, getTopUpWallets, getVirtualCardPan,
  updateVirtualCardLimits, updateVirtualCardEmail, updateVirtualCardPhone, overrideVirtualBalance, unblockVirtualCard,
  configure3ds, respond3dsAuthentication, freezeVirtualCard, updateVirtualCardPin, reissueVirtualCard, depositToVirtualCard,
  getHoldingWallet, withdrawFromHoldingWallet, listTokens,
  listBlockchains, listOperations, listContractedProducts, updatePaymentDestination,
  simulateTransaction, simulateDeposit,
};
