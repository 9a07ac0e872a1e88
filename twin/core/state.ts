// The Core API twin's in-memory store: accounts and their sessions (tokens), customers, cards,
// movements. Every customer and card belongs to the account that created it; other accounts see 404.
// Passwords and tokens live here only and are never logged.
//
// Money: amounts arrive as JSON numbers in currency units (USD 12.34) and are kept as integer minor
// units (cents), rounded half away from zero to 2 decimals on the way in. Sums are exact integer
// arithmetic (bounded by Number.MAX_SAFE_INTEGER); answers divide by 100, which JSON prints as the
// shortest exact decimal (1234 → 12.34). COP is kept with 2 decimals too (ISO 4217 minor unit).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { fromMinor, toMinor } from '../money.ts';
import { TwinError, type Principal } from '../server.ts';

export { fromMinor, toMinor };

export type Currency = 'USD' | 'EUR' | 'COP';
export type CardStatus = 'inactive' | 'active' | 'blocked' | 'cancelled';

export interface CoreAccountConfig {
  email: string;
  password: string;
  /** This account's requests per hour; the twin's default when absent. */
  rateLimitPerHour?: number;
}

export interface Account {
  /** Public user id, answered by login (usr_001). Also the rate-limit bucket. */
  userId: string;
  email: string;
  /** SHA-256 of the password: compared in constant time, never printed. */
  passwordHash: Buffer;
  rateLimitPerHour?: number;
  /** The rate-limit identity of a login for this account's email (right password or not). */
  principal: Principal;
  customers: Customer[];
  /** Lower-cased email → customer: emails are unique per account, case-insensitively. */
  customersByEmail: Map<string, Customer>;
}

/** A logged-in token; also the server's Principal (bucket: the account's userId). */
export interface Session extends Principal {
  account: Account;
  token: string;
  /** Epoch ms after which the token answers 403 TOKEN_EXPIRED. */
  expiresAtMs: number;
}

export interface Customer {
  customerId: string;
  userId: string;
  name: string;
  email: string;
}

export interface Movement {
  id: string;
  /** Signed amount in currency units (the view). */
  amount: number;
  description: string;
  date: string;
}

interface StoredMovement {
  view: Movement;
  atMs: number;
  seq: number;
}

export interface Card {
  cardId: string;
  userId: string;
  currency: Currency;
  status: CardStatus;
  customerId: string | null;
  /** Integer minor units (cents). */
  balanceMinor: number;
  /** Ascending by (date, sequence): the list answers it reversed. */
  movements: StoredMovement[];
}

export interface CoreStateOptions {
  accounts: CoreAccountConfig[];
  /** Lifetime of a token from login (default 3600 s). */
  tokenTtlMs?: number;
  now?: () => number;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_ACCOUNT: CoreAccountConfig = Object.freeze({ email: 'test@example.com', password: 'test123' });

export class CoreState {
  readonly now: () => number;
  readonly tokenTtlMs: number;
  readonly accounts = new Map<string, Account>(); // lower-cased email → account
  /** `Bearer <token>` → session: the common spelling of the header is one Map lookup. */
  readonly sessions = new Map<string, Session>();
  readonly cards = new Map<string, Card>();
  readonly customers = new Map<string, Customer>();
  private customerSeq = 0;
  private cardSeq = 0;
  private movementSeq = 0;
  private lastMs = 0;
  private lastIso = '';

  constructor(options: CoreStateOptions) {
    if (!options.accounts.length) throw new Error('the Core twin needs at least one account');
    this.now = options.now ?? Date.now;
    this.tokenTtlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_SECONDS * 1000;
    let n = 0;
    for (const config of options.accounts) {
      const key = config.email.toLowerCase();
      if (this.accounts.has(key)) throw new Error(`account ${config.email} is listed twice`);
      const userId = `usr_${pad(++n)}`;
      this.accounts.set(key, {
        userId,
        email: config.email,
        passwordHash: hash(config.password),
        rateLimitPerHour: config.rateLimitPerHour,
        principal: Object.freeze({ bucket: userId, rateLimitPerHour: config.rateLimitPerHour }),
        customers: [],
        customersByEmail: new Map(),
      });
    }
  }

  isoNow(): string {
    const now = this.now();
    if (now !== this.lastMs) { this.lastMs = now; this.lastIso = new Date(now).toISOString(); }
    return this.lastIso;
  }

  // ---- accounts and sessions ----

  /** The configured account of an email (any case), or undefined. */
  accountOf(email: unknown): Account | undefined {
    return typeof email === 'string' ? this.accounts.get(email.toLowerCase()) : undefined;
  }

  /** A new session for the account's credentials; 401 UNAUTHORIZED for wrong ones (not saying which). */
  login(email: string, password: string, ttlMs: number = this.tokenTtlMs): Session {
    const account = this.accountOf(email);
    // Hash and compare even for unknown emails, so both failures take the same time.
    const given = hash(password);
    const matches = timingSafeEqual(given, account?.passwordHash ?? WRONG_HASH);
    if (!matches || account === undefined) throw new TwinError(401, 'UNAUTHORIZED', 'Invalid email or password');
    const token = randomBytes(32).toString('base64url');
    const session: Session = { bucket: account.userId, rateLimitPerHour: account.rateLimitPerHour, account, token, expiresAtMs: this.now() + ttlMs };
    this.sessions.set(`Bearer ${token}`, session);
    return session;
  }

  /** The session of an Authorization header value, expired or not; undefined when unknown or logged out. */
  session(authorization: string): Session | undefined {
    const known = this.sessions.get(authorization);
    if (known !== undefined) return known;
    // Slow path: other spellings ("bearer", extra spaces).
    const m = /^bearer\s+(\S+)\s*$/i.exec(authorization);
    return m ? this.sessions.get(`Bearer ${m[1]}`) : undefined;
  }

  logout(session: Session): void {
    this.sessions.delete(`Bearer ${session.token}`);
  }

  // ---- customers ----

  addCustomer(account: Account, name: string, email: string): Customer {
    const key = email.toLowerCase();
    if (account.customersByEmail.has(key)) throw new TwinError(409, 'EMAIL_TAKEN', `A customer with email '${email}' already exists in this account`);
    const customer: Customer = { customerId: `cus_${pad(++this.customerSeq)}`, userId: account.userId, name, email };
    account.customers.push(customer);
    account.customersByEmail.set(key, customer);
    this.customers.set(customer.customerId, customer);
    return customer;
  }

  /** The account's customer, or undefined (other accounts' customers do not exist for it). */
  findCustomer(account: Account, customerId: string): Customer | undefined {
    const customer = this.customers.get(customerId);
    return customer !== undefined && customer.userId === account.userId ? customer : undefined;
  }

  // ---- cards ----

  addCard(account: Account, currency: Currency): Card {
    const card: Card = {
      cardId: `card_${pad(++this.cardSeq)}`, userId: account.userId, currency, status: 'inactive', customerId: null, balanceMinor: 0, movements: [],
    };
    this.cards.set(card.cardId, card);
    return card;
  }

  findCard(account: Account, cardId: string): Card | undefined {
    const card = this.cards.get(cardId);
    return card !== undefined && card.userId === account.userId ? card : undefined;
  }

  /** The account's card; 404 NOT_FOUND for unknown ids and other accounts' cards. */
  card(account: Account, cardId: string): Card {
    const card = this.findCard(account, cardId);
    if (card === undefined) throw notFound('Card', cardId);
    return card;
  }

  /** Adds a positive amount (currency units) and records the top-up movement; returns the new balance in minor units. */
  topUp(card: Card, amount: number): number {
    const minor = toMinor(amount);
    if (minor < 1) throw new TwinError(400, 'INVALID_AMOUNT', `amount ${amount} is less than 0.01 ${card.currency}, the smallest top-up`);
    const balance = card.balanceMinor + minor;
    if (!Number.isSafeInteger(balance)) throw new TwinError(400, 'INVALID_AMOUNT', `amount ${amount} would take the balance past what the twin can hold exactly`);
    card.balanceMinor = balance;
    this.addMovement(card, minor, 'Balance top-up');
    return balance;
  }

  addMovement(card: Card, minor: number, description: string): Movement {
    const atMs = this.now();
    const view: Movement = { id: `mov_${pad(++this.movementSeq)}`, amount: fromMinor(minor), description, date: this.isoNow() };
    const stored: StoredMovement = { view, atMs, seq: this.movementSeq };
    // Usually the newest, so appended; a clock that went back is sorted in by date, then sequence.
    const list = card.movements;
    let i = list.length;
    while (i > 0 && list[i - 1].atMs > atMs) i--;
    if (i === list.length) list.push(stored);
    else list.splice(i, 0, stored);
    return view;
  }

  /** Newest first: by date, ties by sequence (never by chance). */
  movementsOf(card: Card): Movement[] {
    const list = card.movements;
    const n = list.length;
    const out = new Array<Movement>(n);
    for (let i = 0; i < n; i++) out[i] = list[n - 1 - i].view;
    return out;
  }
}

export function notFound(entity: string, id: string): TwinError {
  return new TwinError(404, 'NOT_FOUND', `${entity} '${id}' not found`);
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function hash(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

const WRONG_HASH = hash(randomBytes(16).toString('hex'));
