// Card transactions, one mechanism for every twin: an authorisation moves an amount from
// available to withheld (refused when the card cannot transact or funds are short); settling it
// debits the withheld amount and records the purchase; reversing it (or its expiry on the test
// clock) returns it to available; a direct purchase debits at once (for APIs that show no holds).
// Each API's twin supplies the card's funds and its own rules (CardFunds) and turns the
// transaction events into its own webhooks (onEvent). Amounts are integer minor units.
import { TwinError } from './server.ts';

/** An authorisation not settled within this is released (the card networks' usual 7 days; the docs state none). */
export const AUTHORISATION_TTL_MS = 7 * 24 * 3_600_000;

export type TransactionStatus = 'AUTHORISED' | 'SETTLED' | 'REVERSED' | 'EXPIRED' | 'DECLINED';
export type TransactionEventType = 'authorised' | 'declined' | 'settled' | 'reversed' | 'expired';

export interface CardTransaction {
  id: string;
  cardId: string;
  /** The client owning the card (webhooks go to its callbacks). */
  clientId: string;
  amountMinor: number;
  merchant: string;
  status: TransactionStatus;
  /** Why it was declined. */
  reason?: string;
  createdAtMs: number;
  /** Authorisations only: when the hold is released if not settled. */
  expiresAtMs?: number;
}

/** A card's money as one API keeps it; every method is in minor units. */
export interface CardFunds {
  clientId: string;
  /** Why the card cannot transact now (not active, cancelled), or undefined. */
  refusal(): string | undefined;
  availableMinor(): number;
  /** available → withheld. */
  hold(minor: number): void;
  /** withheld → available. */
  release(minor: number): void;
  /** withheld leaves the card; the purchase is recorded (a movement, a transaction). */
  captureHeld(minor: number, merchant: string): void;
  /** available leaves the card at once; the purchase is recorded. */
  charge(minor: number, merchant: string): void;
}

export interface TransactionsOptions {
  now: () => number;
  /** The card's funds, or undefined for an unknown card (404). */
  fundsOf(cardId: string): CardFunds | undefined;
  /** Whether the API shows holds (Sovera's amountWithheld); without, only direct purchases exist. */
  holds: boolean;
  onEvent?(type: TransactionEventType, tx: CardTransaction): void;
}

export class CardTransactions {
  private readonly byId = new Map<string, CardTransaction>();
  private readonly open = new Set<CardTransaction>();
  private seq = 0;

  constructor(private readonly options: TransactionsOptions) {}

  get holds(): boolean {
    return this.options.holds;
  }

  get(id: string): CardTransaction {
    const tx = this.byId.get(id);
    if (tx === undefined) throw new TwinError(404, 'NOT_FOUND', `Transaction '${id}' not found`);
    return tx;
  }

  authorise(cardId: string, amountMinor: number, merchant: string): CardTransaction {
    if (!this.options.holds) throw new TwinError(409, 'NO_HOLDS', 'This API shows no authorisation holds: make a purchase instead');
    const funds = this.funds(cardId);
    const tx = this.declineOrCreate(cardId, funds, amountMinor, merchant, 'AUTHORISED');
    if (tx.status === 'AUTHORISED') {
      funds.hold(amountMinor);
      tx.expiresAtMs = tx.createdAtMs + AUTHORISATION_TTL_MS;
      this.open.add(tx);
    }
    this.emit(tx.status === 'AUTHORISED' ? 'authorised' : 'declined', tx);
    return tx;
  }

  settle(id: string): CardTransaction {
    const tx = this.openOne(id, 'settle');
    this.funds(tx.cardId).captureHeld(tx.amountMinor, tx.merchant);
    return this.close(tx, 'SETTLED', 'settled');
  }

  reverse(id: string): CardTransaction {
    const tx = this.openOne(id, 'reverse');
    this.funds(tx.cardId).release(tx.amountMinor);
    return this.close(tx, 'REVERSED', 'reversed');
  }

  /** A purchase without a hold: settled at once, or declined. */
  purchase(cardId: string, amountMinor: number, merchant: string): CardTransaction {
    const funds = this.funds(cardId);
    const tx = this.declineOrCreate(cardId, funds, amountMinor, merchant, 'SETTLED');
    if (tx.status === 'SETTLED') funds.charge(amountMinor, merchant);
    this.emit(tx.status === 'SETTLED' ? 'settled' : 'declined', tx);
    return tx;
  }

  /** Releases the authorisations whose time has passed on the clock (run after every advance). */
  expireDue(): void {
    const now = this.options.now();
    for (const tx of [...this.open]) {
      if (tx.expiresAtMs !== undefined && now >= tx.expiresAtMs) {
        this.options.fundsOf(tx.cardId)?.release(tx.amountMinor);
        tx.reason = 'EXPIRED: not settled within the authorisation period';
        this.close(tx, 'EXPIRED', 'expired');
      }
    }
  }

  private funds(cardId: string): CardFunds {
    const funds = this.options.fundsOf(cardId);
    if (funds === undefined) throw new TwinError(404, 'NOT_FOUND', `Card '${cardId}' not found`);
    return funds;
  }

  private declineOrCreate(cardId: string, funds: CardFunds, amountMinor: number, merchant: string, status: TransactionStatus): CardTransaction {
    if (!Number.isSafeInteger(amountMinor) || amountMinor < 1) throw new TwinError(400, 'INVALID_AMOUNT', 'amount must be a positive amount of the smallest unit or more');
    const refusal = funds.refusal();
    const reason = refusal ?? (amountMinor > funds.availableMinor() ? 'INSUFFICIENT_FUNDS' : undefined);
    const tx: CardTransaction = {
      id: `txn_${String(++this.seq).padStart(4, '0')}`, cardId, clientId: funds.clientId, amountMinor, merchant,
      status: reason === undefined ? status : 'DECLINED', ...(reason !== undefined ? { reason } : {}), createdAtMs: this.options.now(),
    };
    this.byId.set(tx.id, tx);
    return tx;
  }

  private openOne(id: string, verb: string): CardTransaction {
    this.expireDue();
    const tx = this.get(id);
    if (tx.status !== 'AUTHORISED') throw new TwinError(409, 'NOT_AUTHORISED', `Cannot ${verb} transaction '${id}': it is ${tx.status}`);
    return tx;
  }

  private close(tx: CardTransaction, status: TransactionStatus, event: TransactionEventType): CardTransaction {
    tx.status = status;
    this.open.delete(tx);
    this.emit(event, tx);
    return tx;
  }

  private emit(type: TransactionEventType, tx: CardTransaction): void {
    this.options.onEvent?.(type, tx);
  }
}
