// Webhook delivery of one twin instance: events sent to the callback URLs a client registered,
// loopback only, each with a unique id, in order per resource (a card's events never overtake
// each other), retried with exponential backoff on a non-2xx answer or a timeout, bounded in
// attempts. Every attempt lands in the delivery log (`GET /_twin/webhooks/deliveries`), which
// holds what happened (event id and type, resource, attempt, status or error), never a body or
// a header value: a body can carry a one-time code, a header the webhook key.
import http from 'node:http';
import https from 'node:https';
import { isLoopbackHost } from '../lib/loopback.ts';

export interface WebhookTarget {
  url: string;
  /** Sent with every delivery (API Layer: X-Webhook-Key). Never logged. */
  headers: Record<string, string>;
}

export interface WebhookEvent {
  /** The notification's unique id (the same on every retry of it). */
  id: string;
  /** For the log, e.g. `transaction.settled` or `CARD/PURCHASE`. */
  type: string;
  /** Deliveries of one resource (a card) keep their order. */
  resource: string;
  body: unknown;
}

export interface DeliveryAttempt {
  eventId: string;
  type: string;
  resource: string;
  /** Origin and path of the callback URL (no query: it may carry a token). */
  url: string;
  attempt: number;
  status?: number;
  error?: string;
  outcome: 'delivered' | 'retrying' | 'failed';
  at: string;
}

export interface RetryPolicy {
  /** Attempts per event, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubles after each. */
  baseDelayMs: number;
  /** An answer slower than this is a timeout (retried). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ attempts: 5, baseDelayMs: 500, timeoutMs: 3_000 });
/** Log entries kept per twin (oldest dropped first): bounded memory under load. */
const MAX_LOG = 10_000;

/** Refuses a callback URL the twin must not call: anything but http(s) to loopback. */
export function loopbackCallbackError(url: string): string | undefined {
  let parsed: URL;
  try { parsed = new URL(url); } catch { return `"${url}" is not a URL`; }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `callback URLs are http(s); got ${parsed.protocol}`;
  if (!isLoopbackHost(parsed.hostname)) return `the twin delivers webhooks to loopback only (127.0.0.1, ::1, localhost); ${parsed.hostname} is not`;
  return undefined;
}

export class WebhookDispatcher {
  /** clientId → registered targets, in registration order. */
  private readonly targets = new Map<string, WebhookTarget[]>();
  /** `${url} ${resource}` → the tail of that resource's delivery chain to that URL. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly log: DeliveryAttempt[] = [];
  private closed = false;
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly now: () => number,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
    /** A broken twin's rewrite of each event (test fixtures only): see TwinVariant.webhook. */
    private readonly transform?: (event: WebhookEvent) => WebhookEvent[],
  ) {}

  /** Adds a callback URL for a client (Sovera: enlistNotification). */
  register(clientId: string, target: WebhookTarget): void {
    const error = loopbackCallbackError(target.url);
    if (error) throw new Error(error);
    const list = this.targets.get(clientId) ?? [];
    if (!list.some((t) => t.url === target.url)) list.push(target);
    this.targets.set(clientId, list);
  }

  /** Replaces a client's callback (API Layer: the one URL and key of the management configuration). */
  configure(clientId: string, target: WebhookTarget | undefined): void {
    if (target === undefined) { this.targets.delete(clientId); return; }
    const error = loopbackCallbackError(target.url);
    if (error) throw new Error(error);
    this.targets.set(clientId, [target]);
  }

  hasTarget(clientId: string): boolean {
    return (this.targets.get(clientId)?.length ?? 0) > 0;
  }

  /** Queues an event for every callback of the client; returns at once (delivery is asynchronous). */
  emit(clientId: string, original: WebhookEvent): void {
    if (this.closed) return;
    for (const event of this.transform ? this.transform(original) : [original]) this.enqueue(clientId, event);
  }

  private enqueue(clientId: string, event: WebhookEvent): void {
    for (const target of this.targets.get(clientId) ?? []) {
      const key = `${target.url} ${event.resource}`;
      this.pending++;
      const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.deliver(target, event)).finally(() => this.settle(key, next));
      this.chains.set(key, next);
    }
  }

  /** The delivery log, oldest first; by resource or event id when given. */
  deliveries(filter: { resource?: string; eventId?: string } = {}): DeliveryAttempt[] {
    return this.log.filter((d) => (filter.resource === undefined || d.resource === filter.resource) && (filter.eventId === undefined || d.eventId === filter.eventId));
  }

  /** Resolves when nothing is queued or retrying (tests; bounded by the retry policy). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying and drops what is queued. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private settle(key: string, chain: Promise<void>): void {
    if (this.chains.get(key) === chain) this.chains.delete(key);
    if (--this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async deliver(target: WebhookTarget, event: WebhookEvent): Promise<void> {
    const text = JSON.stringify(event.body);
    for (let attempt = 1; attempt <= this.retry.attempts && !this.closed; attempt++) {
      if (attempt > 1) await this.wait(this.retry.baseDelayMs * 2 ** (attempt - 2));
      if (this.closed) return;
      const result = await post(target, text, this.retry.timeoutMs);
      const delivered = result.status !== undefined && result.status >= 200 && result.status < 300;
      const outcome = delivered ? 'delivered' : attempt === this.retry.attempts ? 'failed' : 'retrying';
      this.record({ eventId: event.id, type: event.type, resource: event.resource, url: logUrl(target.url), attempt, ...result, outcome, at: new Date(this.now()).toISOString() });
      if (delivered) return;
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.timers.delete(timer); resolve(); }, ms);
      timer.unref();
      this.timers.add(timer);
    });
  }

  private record(entry: DeliveryAttempt): void {
    this.log.push(entry);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}

function logUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** One POST; the status, or the error (timeout, refused connection). Never throws. */
function post(target: WebhookTarget, text: string, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const url = new URL(target.url);
    if (loopbackCallbackError(target.url)) { resolve({ error: 'not a loopback URL' }); return; }
    // https to loopback: the receiver's certificate is its own (self-signed); the host is checked above.
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(url, {
      method: 'POST',
      rejectUnauthorized: false,
      headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      timeout: timeoutMs,
      agent: false,
    }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode }));
      res.once('error', () => resolve({ status: res.statusCode }));
    });
    req.once('timeout', () => { req.destroy(); resolve({ error: `no answer within ${timeoutMs} ms` }); });
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(text);
  });
}
