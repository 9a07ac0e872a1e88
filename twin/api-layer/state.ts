// The API Layer twin's in-memory store (spec/api-layer.yaml, docs 003): virtual cards with their
// secrets and movements, single-use PAN links, 3DS authentications, holding wallets per
// blockchain, payment destinations. Every card and wallet belongs to the client whose key made
// it; other clients see a 404. Secrets (PAN, CVV, expiry, PIN) live here only, never in an answer.
// Money is kept in integer cents (twin/money.ts); the clock is injectable (`now`), so time rules
// (the PAN link's 60 s, the 3DS window's 5 minutes) are tested without waiting.
import { randomBytes } from 'node:crypto';
import { digits, newPan } from '../card-numbers.ts';
import { fromMinor } from '../money.ts';
import { TwinError, type Principal } from '../server.ts';
import { CardTransactions, type CardFunds, type CardTransaction, type TransactionEventType } from '../transactions.ts';

import type { AccessLevel } from '../../lib/apis.ts';

export type { AccessLevel };
export type CardStatus = 'ACTIVE' | 'BLOCKED' | 'FROZEN' | 'DELETED';
export type ApprovalMethod = 'TOP_UP' | 'AUTHORIZATION';

/** The caller: a client's key and the access level it carries. */
export interface ApiLayerPrincipal extends Principal {
  clientId: string;
  level: AccessLevel;
}

export interface Movement { id: string; type: 'DEPOSIT' | 'PURCHASE' | 'REFUND'; amountMinor: number; atMs: number }

export interface VirtualCard {
  cardId: string;
  clientId: string;
  status: CardStatus;
  approvalMethod: ApprovalMethod;
  currency: string;
  email?: string;
  phone?: string;
  balanceMinor: number;
  /** Held by authorisations not yet settled (the docs show no withheld amount: the balance is what is left). */
  heldMinor: number;
  limits: { daily?: number; monthly?: number };
  otpMethod: 'SMS' | 'WEBHOOK';
  pan: string;
  cvv: string;
  /** YYYYMM. */
  expiry: number;
  pin: string;
  movements: Movement[];
  topUpWallets: { walletId: string; currency: string; balanceMinor: number }[];
}

export interface PanLink { token: string; cardId: string; openedAtMs?: number }

export interface Authentication { authenticationId: string; cardId: string; code: string; createdAtMs: number; status: 'PENDING' | 'SUCCESS' | 'FAILED' }

/** A message the provider would send (SMS or webhook): the twin keeps it in its outbox, served on loopback. */
export interface OutboxMessage { kind: '3DS_OTP'; channel: 'SMS' | 'WEBHOOK'; cardId: string; authenticationId: string; otp: string; atMs: number }

/** A notification's common part without its id (docs 003: operation, sub_operation, status, reason, data). */
export interface ApiLayerEvent { operation: string; sub_operation: string; status: 'SUCCESS' | 'CANCELLED' | 'FAILED'; reason?: string; data: Record<string, unknown> }

/** A transaction event as the API Layer's common part: operation CARD, the activity, the status (docs 003). */
const EVENT_OF: Record<TransactionEventType, { sub_operation: string; status: ApiLayerEvent['status'] }> = {
  authorised: { sub_operation: 'AUTHORIZATION', status: 'SUCCESS' },
  declined: { sub_operation: 'AUTHORIZATION', status: 'FAILED' },
  settled: { sub_operation: 'PURCHASE', status: 'SUCCESS' },
  reversed: { sub_operation: 'AUTHORIZATION', status: 'CANCELLED' },
  expired: { sub_operation: 'AUTHORIZATION', status: 'CANCELLED' },
};

export interface HoldingWallet { id: string; clientId: string; alias: string; address: string; blockchain: string; balanceMinor: number }

/** Deposits under these (USD) are not processed (docs 003: Cards, Virtual Wallets, Treasury). */
export const DEPOSIT_MINIMUMS = { CARD: 10, VIRTUAL_WALLET: 1, TREASURY: 1 } as const;
export type DepositDestination = keyof typeof DEPOSIT_MINIMUMS;
export const PAN_LINK_TTL_MS = 60_000; // docs 003: "time to live is of 60 seconds once opened"
export const THREE_DS_WINDOW_MS = 5 * 60_000; // docs 003: "within 5 minutes from the transaction timestamp"
export const BLOCKCHAINS = [{ id: 'TRON', name: 'Tron' }, { id: 'ETHEREUM', name: 'Ethereum' }, { id: 'POLYGON', name: 'Polygon' }] as const;
export const TOKENS: Record<string, { symbol: string; name: string; decimals: number }[]> = {
  TRON: [{ symbol: 'USDT', name: 'Tether USD', decimals: 6 }, { symbol: 'TRX', name: 'Tron', decimals: 6 }],
  ETHEREUM: [{ symbol: 'USDT', name: 'Tether USD', decimals: 6 }, { symbol: 'USDC', name: 'USD Coin', decimals: 6 }],
  POLYGON: [{ symbol: 'USDC', name: 'USD Coin', decimals: 6 }],
};
const CARD_VALIDITY_YEARS = 3;
/** A new card's spending limits when none are given (the docs state none: the twin's choice; the spec wants at least one). */
export const DEFAULT_LIMITS = Object.freeze({ daily: 1000, monthly: 10_000 });

export interface ApiLayerStateOptions {
  now?: () => number;
  /** Where PAN links point (the twin's own loopback URL). */
  linkBase?: string;
  /** The platform's operations and their access levels (from the spec), for listOperations. */
  operations?: { id: string; accessLevel: AccessLevel }[];
  /** A new client's holding wallets start with this balance per blockchain (currency units). */
  holdingBalance?: number;
}

export class ApiLayerState {
  readonly now: () => number;
  /** Where PAN links point: the twin's own loopback URL, set once it listens. */
  linkBase: string;
  readonly operations: { id: string; accessLevel: AccessLevel }[];
  readonly cards = new Map<string, VirtualCard>();
  readonly panLinks = new Map<string, PanLink>();
  readonly authentications = new Map<string, Authentication>();
  readonly outbox: OutboxMessage[] = [];
  /** `${clientId} ${blockchain}` → the client's holding wallet of that blockchain (made on first use). */
  readonly holdingWallets = new Map<string, HoldingWallet>();
  /** `${clientId} ${blockchain}` → payment destination address. */
  readonly paymentDestinations = new Map<string, string>();
  /** Card transactions, on the shared mechanism (twin/transactions.ts): the Simulate purchase and the twin-only holds. */
  readonly transactions: CardTransactions;
  /** Sends a webhook to the client's configured endpoint (docs 003: the common part and its data). */
  notify: (clientId: string, resource: string, event: ApiLayerEvent) => void = () => {};
  private readonly pans = new Set<string>();
  private readonly holdingBalanceMinor: number;
  private seq = 0;

  constructor(options: ApiLayerStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.linkBase = (options.linkBase ?? 'http://127.0.0.1').replace(/\/+$/, '');
    this.operations = options.operations ?? [];
    this.holdingBalanceMinor = Math.round((options.holdingBalance ?? 10_000) * 100);
    this.transactions = new CardTransactions({
      now: this.now,
      holds: true,
      fundsOf: (cardId) => this.fundsOf(cardId),
      onEvent: (type, tx) => this.notifyTransaction(type, tx),
    });
  }

  /** A card's money for the transaction mechanism: an authorisation takes from the balance (the docs show no withheld amount). */
  private fundsOf(cardId: string): CardFunds | undefined {
    const card = this.cards.get(cardId);
    if (card === undefined) return undefined;
    const record = (minor: number) => card.movements.push({ id: this.nextId('mov'), type: 'PURCHASE', amountMinor: -minor, atMs: this.now() });
    return {
      clientId: card.clientId,
      refusal: () => (card.status === 'ACTIVE' ? undefined : `CARD_NOT_ACTIVE: the card is ${card.status}`),
      availableMinor: () => card.balanceMinor,
      hold: (minor) => { card.balanceMinor -= minor; card.heldMinor += minor; },
      release: (minor) => { card.balanceMinor += minor; card.heldMinor -= minor; },
      captureHeld: (minor) => { card.heldMinor -= minor; record(minor); },
      charge: (minor) => { card.balanceMinor -= minor; record(minor); },
    };
  }

  private notifyTransaction(type: TransactionEventType, tx: CardTransaction): void {
    const { sub_operation, status } = EVENT_OF[type];
    this.notify(tx.clientId, tx.cardId, {
      operation: 'CARD', sub_operation, status, ...(tx.reason !== undefined ? { reason: tx.reason } : {}),
      data: { cardId: tx.cardId, transactionId: tx.id, amount: fromMinor(tx.amountMinor), merchant: tx.merchant },
    });
  }

  nextId(prefix: string): string {
    return `${prefix}_${String(++this.seq).padStart(3, '0')}`;
  }

  addCard(clientId: string, input: { currency: string; approvalMethod: ApprovalMethod; email?: string; phone?: string; limits?: VirtualCard['limits'] }): VirtualCard {
    const card: VirtualCard = {
      cardId: this.nextId('vc'), clientId, status: 'ACTIVE', approvalMethod: input.approvalMethod, currency: input.currency,
      email: input.email, phone: input.phone, balanceMinor: 0, heldMinor: 0, limits: { ...DEFAULT_LIMITS, ...(input.limits ?? {}) }, otpMethod: 'SMS',
      ...this.newSecrets(), pin: digits(4), movements: [],
      topUpWallets: [],
    };
    if (card.approvalMethod === 'TOP_UP') card.topUpWallets.push({ walletId: this.nextId('tw'), currency: card.currency, balanceMinor: 0 });
    this.cards.set(card.cardId, card);
    return card;
  }

  /** A new number, CVV and expiry (creation and reissue). */
  newSecrets(): Pick<VirtualCard, 'pan' | 'cvv' | 'expiry'> {
    const at = new Date(this.now());
    return { pan: newPan(this.pans), cvv: digits(3), expiry: (at.getUTCFullYear() + CARD_VALIDITY_YEARS) * 100 + at.getUTCMonth() + 1 };
  }

  /** New secrets for a reissue: a number, CVV and expiry that all differ from the card's (docs 003: they "will change"). */
  reissueSecrets(card: VirtualCard): Pick<VirtualCard, 'pan' | 'cvv' | 'expiry'> {
    const fresh = this.newSecrets();
    while (fresh.cvv === card.cvv) fresh.cvv = digits(3);
    if (fresh.expiry <= card.expiry) fresh.expiry = card.expiry % 100 === 12 ? card.expiry + 89 : card.expiry + 1; // the month after
    return fresh;
  }

  /** The client's card; 404 for unknown ids and other clients' cards (deleted cards included: they exist, disabled). */
  card(principal: ApiLayerPrincipal, cardId: string): VirtualCard {
    const card = this.cards.get(cardId);
    if (card === undefined || card.clientId !== principal.clientId) throw new TwinError(404, 'NOT_FOUND', `Card '${cardId}' not found`);
    return card;
  }

  /** The client's card, refusing a deleted one: deletion is permanent (docs 003). */
  liveCard(principal: ApiLayerPrincipal, cardId: string): VirtualCard {
    const card = this.card(principal, cardId);
    if (card.status === 'DELETED') throw new TwinError(409, 'CARD_DELETED', `Card '${cardId}' is deleted: deletion is permanent`);
    return card;
  }

  newPanLink(card: VirtualCard): PanLink {
    const link: PanLink = { token: randomBytes(24).toString('base64url'), cardId: card.cardId };
    this.panLinks.set(link.token, link);
    return link;
  }

  holdingWallet(principal: ApiLayerPrincipal, blockchain: string): HoldingWallet {
    if (!BLOCKCHAINS.some((b) => b.id === blockchain)) throw new TwinError(404, 'NOT_FOUND', `Blockchain '${blockchain}' not found`);
    const key = `${principal.clientId} ${blockchain}`;
    let wallet = this.holdingWallets.get(key);
    if (wallet === undefined) {
      wallet = { id: this.nextId('hw'), clientId: principal.clientId, alias: `Holding ${blockchain}`, address: `${blockchain.slice(0, 1)}${randomBytes(16).toString('hex')}`, blockchain, balanceMinor: this.holdingBalanceMinor };
      this.holdingWallets.set(key, wallet);
    }
    return wallet;
  }
}

/** What the API answers for a card: never its number, CVV, expiry or PIN (the PAN only through its link). */
export function cardView(card: VirtualCard): Record<string, unknown> {
  return {
    cardId: card.cardId, status: card.status, approvalMethod: card.approvalMethod, currency: card.currency,
    ...(card.email !== undefined ? { email: card.email } : {}), ...(card.phone !== undefined ? { phone: card.phone } : {}),
    balance: fromMinor(card.balanceMinor), limits: card.limits, last4: card.pan.slice(-4),
  };
}
