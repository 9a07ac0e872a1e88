// The Sovera cards v2 twin: API definition for the generic server.
// Auth: HTTP Basic with the API key as user name and an empty password (docs 000).
// Every response, errors included, is wrapped in the closed envelope with a fresh meta
// {timestamp, version: "v2", traceId}.
import { randomUUID } from 'node:crypto';
import { loopbackCallbackError } from '../webhooks.ts';
import { apiProfile } from '../../lib/apis.ts';
import { assembleKit, type InstanceParts } from '../control.ts';
import type { ApiDefinition, ErrorItem } from '../server.ts';
import type { CardFunds, CardTransaction, TransactionEventType } from '../transactions.ts';
import { available, soveraHandlers, type SoveraPrincipal } from './handlers.ts';
import { SoveraState } from './state.ts';

export interface SoveraTwinOptions {
  /** Accepted API keys; each one is its own client (entities are not shared across keys). */
  apiKeys: string[];
  /** Physical cards count as printed only this long after creation. */
  printDelayMs?: number;
  now?: () => number;
  /** The instance's test clock and webhook dispatcher (startTwin); a bare definition makes its own. */
  instance?: InstanceParts;
}

export const API_VERSION = 'v2';

/** A Sovera webhook's event names (the docs name notifications, not their events: inferred). */
export const SOVERA_EVENT_PREFIX = 'card.transaction.';

export function createSoveraApi(options: SoveraTwinOptions): ApiDefinition<SoveraState, SoveraPrincipal> {
  if (!options.apiKeys.length) throw new Error('the Sovera twin needs at least one API key');
  const profile = apiProfile('sovera');
  const clock = options.instance?.clock;
  const state = new SoveraState({ printDelayMs: options.printDelayMs, now: clock?.now ?? options.now });
  const now = state.now;

  // Card transactions move money between the wallet's available part and amountWithheld (docs 001:
  // "the balance withheld due to pending transactions"); balance is the total (inferred).
  const kit = assembleKit(options.instance ?? { clock }, {
    transactions: {
      holds: true,
      fundsOf(cardId): CardFunds | undefined {
        const card = state.cards.get(cardId);
        const wallet = card && state.wallets.get(card.walletId);
        if (card === undefined || wallet === undefined) return undefined;
        const record = (minor: number) => state.addTransaction(wallet.id, 'card_purchase', minor, state.isoNow());
        return {
          clientId: card.clientId,
          refusal: () => (card.status === 'active' ? undefined : `CARD_NOT_ACTIVE: the card is ${card.status}`),
          availableMinor: () => available(wallet),
          hold: (minor) => { wallet.amountWithheld += minor; },
          release: (minor) => { wallet.amountWithheld -= minor; },
          captureHeld: (minor) => { wallet.amountWithheld -= minor; wallet.balance -= minor; record(minor); },
          charge: (minor) => { wallet.balance -= minor; record(minor); },
        };
      },
      onEvent: (type, tx) => notify(type, tx),
    },
    toMinor: (amount) => amount, // Sovera amounts are cents already
    fromMinor: (minor) => minor,
  });
  state.onEnlist = (clientId, url) => {
    // The twin calls loopback only; another URL is accepted, as the provider would, and never called.
    if (!loopbackCallbackError(url)) kit.webhooks.register(clientId, { url, headers: {} });
  };

  function notify(type: TransactionEventType, tx: CardTransaction): void {
    const card = state.cards.get(tx.cardId)!;
    const wallet = state.wallets.get(card.walletId)!;
    const id = randomUUID();
    kit.webhooks.emit(tx.clientId, {
      id, type: `${SOVERA_EVENT_PREFIX}${type}`, resource: tx.cardId,
      body: {
        id, event: `${SOVERA_EVENT_PREFIX}${type}`, creationDate: new Date(now()).toISOString(),
        data: {
          transactionId: tx.id, cardId: tx.cardId, walletId: wallet.id, amount: tx.amountMinor, merchant: tx.merchant, status: tx.status,
          ...(tx.reason !== undefined ? { reason: tx.reason } : {}), amountWithheld: wallet.amountWithheld, balance: wallet.balance,
        },
      },
    });
  }

  // The ISO timestamp is formatted once per millisecond: under load most responses share it.
  let lastMs = 0;
  let lastIso = '';
  function timestamp(): string {
    const at = now();
    if (at !== lastMs) { lastMs = at; lastIso = new Date(at).toISOString(); }
    return lastIso;
  }
  function meta(): { timestamp: string; version: string; traceId: string } {
    return { timestamp: timestamp(), version: API_VERSION, traceId: randomUUID() };
  }

  // One client per key; the client id is random, so nothing derived from a key ever leaves the twin.
  const principals = new Map<string, SoveraPrincipal>();
  const byHeader = new Map<string, SoveraPrincipal>();
  for (const key of options.apiKeys) {
    if (principals.has(key)) continue;
    const clientId = randomUUID();
    const principal: SoveraPrincipal = Object.freeze({ clientId, bucket: clientId });
    principals.set(key, principal);
    byHeader.set(`Basic ${Buffer.from(`${key}:`).toString('base64')}`, principal);
  }

  function authenticate(header: string | undefined): SoveraPrincipal | undefined {
    if (header === undefined) return undefined;
    const known = byHeader.get(header);
    if (known !== undefined) return known;
    // Slow path: other spellings of the same credentials ("basic", no colon, extra spaces).
    const m = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!m) return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    const password = colon < 0 ? '' : decoded.slice(colon + 1);
    if (password !== '') return undefined;
    return principals.get(user);
  }

  return {
    apiId: 'sovera',
    displayName: 'Sovera',
    basePath: profile.basePath,
    state,
    kit,
    authenticate,
    unauthorized: {
      code: 'UNAUTHORIZED',
      message: 'Missing or invalid API key: send it as the HTTP Basic user name with an empty password',
      headers: { 'www-authenticate': 'Basic realm="Sovera cards v2"' },
    },
    handlers: soveraHandlers,
    successBody: (_status, data) => ({ success: true, data, meta: meta() }),
    // Same text as JSON.stringify(successBody(...)), without building the envelope objects.
    successJson: (_status, data) => `{"success":true,"data":${JSON.stringify(data)},"meta":{"timestamp":"${timestamp()}","version":"${API_VERSION}","traceId":"${randomUUID()}"}}`,
    errorBody: (_status, code, message, extraErrors?: ErrorItem[]) => ({
      success: false,
      errors: extraErrors?.length ? [{ code, message }, ...extraErrors] : [{ code, message }],
      meta: meta(),
    }),
  };
}
