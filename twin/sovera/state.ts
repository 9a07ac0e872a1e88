// The Sovera twin's in-memory store: users, wallets, cards, transactions, notifications.
// Every entity belongs to the client (API key) that created it; other clients see a 404.
// Card secrets (PAN, CVV, PIN, expiry) live here only and are never logged.
import { randomUUID } from 'node:crypto';
import { digits, newPan } from '../card-numbers.ts';
import { TwinError } from '../server.ts';

export type UserType = 'natural' | 'legal';
export type CardKind = 'debit' | 'prepaid' | 'credit';
export type CardStatus = 'pendingAck' | 'active' | 'blocked' | 'Cancel';
export type TransactionType = 'payin' | 'payout' | 'transfer_in' | 'transfer_out' | 'card_purchase';

export interface User {
  id: string;
  clientId: string;
  type: UserType;
  firstName?: string;
  lastName?: string;
  legalName?: string;
  taxId?: string;
  email: string;
  mainWalletId: string;
  creationDate: string;
}

export interface Wallet {
  id: string;
  clientId: string;
  userId: string;
  currency: string;
  description: string;
  walletType: 0 | 1;
  /** Integer cents. */
  balance: number;
  amountWithheld: number;
  creationDate: string;
}

export interface Card {
  id: string;
  clientId: string;
  kind: CardKind;
  userId: string;
  walletId: string;
  physicalCard: boolean;
  code: string;
  isActive: boolean;
  status: CardStatus;
  creationDate: string;
  /** Epoch ms of creation, for the print delay. */
  createdAtMs: number;
  /** Expiry as YYYYMM. */
  expDate: number;
  pan: string;
  cvv: string;
  pin: string;
}

export interface Transaction {
  id: string;
  walletId: string;
  type: TransactionType;
  amount: number;
  status: 'completed';
  creationDate: string;
  /** Monotonic across the store: orders entries created in the same millisecond. */
  seq: number;
}

export interface Notification { id: string; clientId: string; url: string; creationDate: string }

export interface SoveraStateOptions {
  /** Physical cards count as printed (ackReception allowed) this long after creation. */
  printDelayMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Years a new card is valid. */
const CARD_VALIDITY_YEARS = 3;

export class SoveraState {
  readonly users = new Map<string, User>();
  readonly wallets = new Map<string, Wallet>();
  readonly cards = new Map<string, Card>();
  readonly notifications = new Map<string, Notification>();
  /** Wallet ids per user, in creation order. */
  readonly walletsByUser = new Map<string, string[]>();
  /** Transactions per wallet, oldest first (appended). */
  readonly transactionsByWallet = new Map<string, Transaction[]>();
  readonly printDelayMs: number;
  readonly now: () => number;
  /** Called when a client registers a callback URL (the twin delivers its webhooks there). */
  onEnlist?: (clientId: string, url: string) => void;
  private seq = 0;
  private readonly pans = new Set<string>();

  constructor(options: SoveraStateOptions = {}) {
    this.printDelayMs = options.printDelayMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  // ---- lookups: unknown ids and other clients' ids are 404 NOT_FOUND ----

  user(clientId: string, id: string): User {
    const user = this.users.get(id);
    if (user === undefined || user.clientId !== clientId) throw notFound('User', id);
    return user;
  }

  wallet(clientId: string, id: string): Wallet {
    const wallet = this.wallets.get(id);
    if (wallet === undefined || wallet.clientId !== clientId) throw notFound('Wallet', id);
    return wallet;
  }

  card(clientId: string, id: string): Card {
    const card = this.cards.get(id);
    if (card === undefined || card.clientId !== clientId) throw notFound('Card', id);
    return card;
  }

  // ---- creation ----

  addWallet(clientId: string, userId: string, currency: string, description: string, walletType: 0 | 1): Wallet {
    const wallet: Wallet = {
      id: randomUUID(), clientId, userId, currency, description, walletType, balance: 0, amountWithheld: 0, creationDate: this.isoNow(),
    };
    this.wallets.set(wallet.id, wallet);
    let list = this.walletsByUser.get(userId);
    if (list === undefined) this.walletsByUser.set(userId, (list = []));
    list.push(wallet.id);
    this.transactionsByWallet.set(wallet.id, []);
    return wallet;
  }

  addUser(user: Omit<User, 'id' | 'mainWalletId' | 'creationDate'>, currency: string): User {
    const id = randomUUID();
    const wallet = this.addWallet(user.clientId, id, currency, 'Main wallet', 0);
    const created: User = { ...user, id, mainWalletId: wallet.id, creationDate: wallet.creationDate };
    this.users.set(id, created);
    return created;
  }

  addCard(input: Pick<Card, 'clientId' | 'kind' | 'userId' | 'walletId' | 'physicalCard' | 'code'>): Card {
    const nowMs = this.now();
    const created = new Date(nowMs);
    const expiry = new Date(Date.UTC(created.getUTCFullYear() + CARD_VALIDITY_YEARS, created.getUTCMonth(), 1));
    const card: Card = {
      ...input,
      id: randomUUID(),
      isActive: !input.physicalCard,
      status: input.physicalCard ? 'pendingAck' : 'active',
      creationDate: created.toISOString(),
      createdAtMs: nowMs,
      expDate: expiry.getUTCFullYear() * 100 + expiry.getUTCMonth() + 1,
      pan: newPan(this.pans),
      cvv: digits(3),
      pin: digits(4),
    };
    this.cards.set(card.id, card);
    return card;
  }

  isPrinted(card: Card): boolean {
    return this.now() - card.createdAtMs >= this.printDelayMs;
  }

  addTransaction(walletId: string, type: TransactionType, amount: number, creationDate: string): Transaction {
    const tx: Transaction = { id: randomUUID(), walletId, type, amount, status: 'completed', creationDate, seq: this.nextSeq() };
    this.transactionsByWallet.get(walletId)!.push(tx);
    return tx;
  }

  /** A wallet's transactions, newest first (by the monotonic sequence, not the clock). */
  transactionsOf(walletId: string): Transaction[] {
    const list = this.transactionsByWallet.get(walletId) ?? [];
    return [...list].sort((a, b) => b.seq - a.seq);
  }
}

export function notFound(entity: 'User' | 'Wallet' | 'Card', id: string): TwinError {
  return new TwinError(404, 'NOT_FOUND', `${entity} '${id}' not found`);
}
