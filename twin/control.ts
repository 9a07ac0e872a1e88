// The twin-only operations, the same on every twin (not part of any provider's spec; loopback
// only, no credentials): the test clock, card transactions, the webhook delivery log and (where
// the provider configures webhooks outside its API) the webhook configuration.
//
//   GET  /_twin/clock                          {now, advancedMs}
//   POST /_twin/clock/advance        {ms}      moves the clock ahead; what falls due happens
//   POST /_twin/cards/{cardId}/authorisations {amount, merchant?}   201, a hold (APIs with holds)
//   POST /_twin/cards/{cardId}/purchases      {amount, merchant?}   201, debited at once
//   GET  /_twin/transactions/{id}
//   POST /_twin/transactions/{id}/settle | /reverse
//   GET  /_twin/webhooks/deliveries?resource=&eventId=
//   PUT  /_twin/webhooks             {url, key?}   the callback and its key (API Layer's management configuration)
//
// Amounts are in the API's own unit (Sovera: cents; Core and the API Layer: currency units).
import { TestClock } from './clock.ts';
import { TwinError } from './server.ts';
import { CardTransactions, type CardFunds, type CardTransaction, type TransactionsOptions } from './transactions.ts';
import { WebhookDispatcher } from './webhooks.ts';

export const CONTROL_PREFIX = '/_twin/';

/** What a twin instance plugs into the twin-only operations. */
export interface TwinKit {
  clock: TestClock;
  webhooks: WebhookDispatcher;
  transactions: CardTransactions;
  /** The API's amount (JSON number) in minor units, and back. */
  toMinor(amount: number): number;
  fromMinor(minor: number): number;
  /** API Layer: the one callback URL and key of its (single) client; absent where the API registers callbacks itself. */
  configureWebhook?(target: { url: string; key?: string } | undefined): void;
}

export interface ControlAnswer { status: number; data: unknown }

/** Answers a twin-only operation, or undefined when the path is not one. Throws TwinError for refusals. */
export function handleControl(kit: TwinKit, method: string, path: string, query: URLSearchParams, body: unknown): ControlAnswer | undefined {
  const parts = path.slice(CONTROL_PREFIX.length).split('/').map(decodeURIComponent);
  const route = `${method} ${parts.map((p, i) => (i % 2 === 1 && parts[0] !== 'clock' && parts[0] !== 'webhooks' ? ':id' : p)).join('/')}`;
  const id = parts[1];
  const view = (tx: CardTransaction) => transactionView(kit, tx);
  switch (route) {
    case 'GET clock': return { status: 200, data: clockView(kit) };
    case 'POST clock/advance': {
      const ms = (body as { ms?: unknown } | undefined)?.ms;
      if (typeof ms !== 'number') throw new TwinError(400, 'VALIDATION_ERROR', 'body needs {"ms": <whole milliseconds>}');
      try { kit.clock.advance(ms); } catch (error) { throw new TwinError(400, 'VALIDATION_ERROR', (error as Error).message); }
      return { status: 200, data: clockView(kit) };
    }
    case 'POST cards/:id/authorisations': {
      const { minor, merchant } = amountOf(kit, body);
      return { status: 201, data: view(kit.transactions.authorise(id, minor, merchant)) };
    }
    case 'POST cards/:id/purchases': {
      const { minor, merchant } = amountOf(kit, body);
      return { status: 201, data: view(kit.transactions.purchase(id, minor, merchant)) };
    }
    case 'GET transactions/:id': return { status: 200, data: view(kit.transactions.get(id)) };
    case 'POST transactions/:id/settle': return { status: 200, data: view(kit.transactions.settle(id)) };
    case 'POST transactions/:id/reverse': return { status: 200, data: view(kit.transactions.reverse(id)) };
    case 'GET webhooks/deliveries': {
      const deliveries = kit.webhooks.deliveries({ resource: query.get('resource') ?? undefined, eventId: query.get('eventId') ?? undefined });
      return { status: 200, data: { deliveries } };
    }
    case 'PUT webhooks': {
      if (!kit.configureWebhook) throw new TwinError(405, 'NOT_CONFIGURABLE', 'This API registers callback URLs through its own operation (Sovera: enlistNotification)');
      const { url, key } = (body ?? {}) as { url?: unknown; key?: unknown };
      if (url !== null && typeof url !== 'string') throw new TwinError(400, 'VALIDATION_ERROR', 'body needs {"url": "http://127.0.0.1:PORT/path", "key": "..."} (url null removes it)');
      if (key !== undefined && typeof key !== 'string') throw new TwinError(400, 'VALIDATION_ERROR', 'key must be a string');
      try { kit.configureWebhook(url === null ? undefined : { url, key }); } catch (error) { throw new TwinError(400, 'VALIDATION_ERROR', (error as Error).message); }
      return { status: 200, data: { url } }; // the key is never echoed
    }
    default: return undefined;
  }
}

function clockView(kit: TwinKit): { now: string; advancedMs: number } {
  return { now: new Date(kit.clock.now()).toISOString(), advancedMs: kit.clock.advancedMs };
}

function amountOf(kit: TwinKit, body: unknown): { minor: number; merchant: string } {
  const { amount, merchant } = (body ?? {}) as { amount?: unknown; merchant?: unknown };
  if (typeof amount !== 'number' || !(amount > 0)) throw new TwinError(400, 'VALIDATION_ERROR', 'body needs {"amount": <positive number in the API\'s unit>, "merchant": "..."}');
  if (merchant !== undefined && typeof merchant !== 'string') throw new TwinError(400, 'VALIDATION_ERROR', 'merchant must be a string');
  return { minor: kit.toMinor(amount), merchant: merchant ?? 'Twin merchant' };
}

export function transactionView(kit: TwinKit, tx: CardTransaction): Record<string, unknown> {
  return {
    transactionId: tx.id, cardId: tx.cardId, amount: kit.fromMinor(tx.amountMinor), merchant: tx.merchant, status: tx.status,
    ...(tx.reason !== undefined ? { reason: tx.reason } : {}),
    createdAt: new Date(tx.createdAtMs).toISOString(),
    ...(tx.expiresAtMs !== undefined ? { expiresAt: new Date(tx.expiresAtMs).toISOString() } : {}),
  };
}

/** The clock and webhook dispatcher of one twin instance (startTwin makes them; a bare API definition gets its own). */
export interface InstanceParts {
  clock?: TestClock;
  webhooks?: WebhookDispatcher;
  /** A broken twin's change to how card funds move (test fixtures only): see TwinVariant.funds. */
  wrapFunds?: (funds: CardFunds) => CardFunds;
}

/** Builds an API's kit: its transactions read the instance's clock, and expire what is due after every advance. */
export function assembleKit(parts: InstanceParts, api: {
  /** The API's transactions: options (they get the clock), or an instance its state made with the same clock. */
  transactions: Omit<TransactionsOptions, 'now'> | CardTransactions;
  toMinor(amount: number): number;
  fromMinor(minor: number): number;
  configureWebhook?(webhooks: WebhookDispatcher, target: { url: string; key?: string } | undefined): void;
}): TwinKit {
  const clock = parts.clock ?? new TestClock();
  const webhooks = parts.webhooks ?? new WebhookDispatcher(clock.now);
  const wrap = parts.wrapFunds;
  const options = api.transactions instanceof CardTransactions ? undefined : api.transactions;
  const transactions = options === undefined ? api.transactions as CardTransactions : new CardTransactions({
    ...options,
    now: clock.now,
    fundsOf: wrap ? (cardId) => { const funds = options.fundsOf(cardId); return funds && wrap(funds); } : options.fundsOf,
  });
  clock.onAdvance(() => transactions.expireDue());
  const configure = api.configureWebhook;
  return {
    clock, webhooks, transactions, toMinor: api.toMinor, fromMinor: api.fromMinor,
    ...(configure ? { configureWebhook: (target: { url: string; key?: string } | undefined) => configure(webhooks, target) } : {}),
  };
}
