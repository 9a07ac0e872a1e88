// A client of the twin-only operations (twin/control.ts): card transactions, the test clock,
// the webhook delivery log and configuration. They exist on the twin only; no provider's spec
// has them, so they are called here by path, not by operationId. Loopback only.
import { isLoopbackHost } from './loopback.ts';

export interface TwinTransaction {
  transactionId: string;
  cardId: string;
  /** In the API's unit (Sovera cents, Core and API Layer currency units). */
  amount: number;
  merchant: string;
  status: 'AUTHORISED' | 'SETTLED' | 'REVERSED' | 'EXPIRED' | 'DECLINED';
  reason?: string;
  createdAt: string;
  expiresAt?: string;
}

export interface TwinDelivery { eventId: string; type: string; resource: string; url: string; attempt: number; status?: number; error?: string; outcome: 'delivered' | 'retrying' | 'failed'; at: string }

export interface TwinOps {
  /** The twin's origin, e.g. http://127.0.0.1:4021. */
  origin: string;
  authorise(cardId: string, amount: number, merchant?: string): Promise<TwinTransaction>;
  purchase(cardId: string, amount: number, merchant?: string): Promise<TwinTransaction>;
  settle(transactionId: string): Promise<TwinTransaction>;
  reverse(transactionId: string): Promise<TwinTransaction>;
  transaction(transactionId: string): Promise<TwinTransaction>;
  advanceClock(ms: number): Promise<{ now: string; advancedMs: number }>;
  deliveries(resource?: string): Promise<TwinDelivery[]>;
  /** API Layer: the webhook endpoint and key (its management configuration); null removes it. */
  configureWebhook(url: string | null, key?: string): Promise<void>;
  /** Any twin-only operation by path (/_twin/...): the status and parsed body, whatever the status (a flow's step). */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** A client for the twin at `url` (any URL of it: only the origin is used). Refuses anything but loopback. */
export function twinOps(url: string, timeoutMs = 10_000): TwinOps {
  const origin = new URL(url).origin;
  if (!isLoopbackHost(new URL(url).hostname)) throw new Error(`twin-only operations are on the local twin only; ${origin} is not loopback`);
  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; text: string }> {
    if (!path.startsWith('/_twin/')) throw new Error(`not a twin-only operation: ${path}`);
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    return { status: res.status, body: parsed, text };
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await send(method, `/_twin/${path}`, body);
    if (res.status < 200 || res.status > 299) throw new Error(`twin-only ${method} /_twin/${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res.body as T;
  }
  const id = encodeURIComponent;
  return {
    origin,
    authorise: (cardId, amount, merchant) => call('POST', `cards/${id(cardId)}/authorisations`, { amount, ...(merchant ? { merchant } : {}) }),
    purchase: (cardId, amount, merchant) => call('POST', `cards/${id(cardId)}/purchases`, { amount, ...(merchant ? { merchant } : {}) }),
    settle: (transactionId) => call('POST', `transactions/${id(transactionId)}/settle`),
    reverse: (transactionId) => call('POST', `transactions/${id(transactionId)}/reverse`),
    transaction: (transactionId) => call('GET', `transactions/${id(transactionId)}`),
    advanceClock: (ms) => call('POST', 'clock/advance', { ms }),
    deliveries: async (resource) => (await call<{ deliveries: TwinDelivery[] }>('GET', `webhooks/deliveries${resource ? `?resource=${id(resource)}` : ''}`)).deliveries,
    configureWebhook: async (url, key) => { await call('PUT', 'webhooks', { url, ...(key !== undefined ? { key } : {}) }); },
    send: async (method, path, body) => { const { status, body: parsed } = await send(method, path, body); return { status, body: parsed }; },
  };
}
