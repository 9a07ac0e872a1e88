// The harness's side of a webhook: a receiver on loopback that the suite registers as the
// callback URL, and the checks of what arrived against the spec's `webhooks` (lib/contract.ts):
// the common part's and the event's schema, the key header compared in constant time, the
// notification id unique (a retry of an id this receiver refused is not a duplicate), every
// expected notification delivered within a bound. Problems come back as findings with their
// basis, like a response's; `describeWebhookProblems` words them without a secret.
import { timingSafeEqual, createHash } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiId } from './apis.ts';
import { contractFor, isJson, type Finding } from './contract.ts';
import type { Basis } from './provenance.ts';
import { redactText, redactValue } from './redact.ts';
import { describeFindings } from './verdict.ts';

export interface Delivery {
  /** Arrival on this receiver's clock (epoch ms). */
  receivedAtMs: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  contentType: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  /** The status this receiver answered. */
  answered: number;
}

export interface ReceiverOptions {
  /** Loopback port to listen on; 0 (default) picks a free one. A live sandbox calls a fixed one through a tunnel. */
  port?: number;
  /** The status to answer a delivery (default 200); lets a test refuse one to see it retried. */
  answer?: (delivery: Omit<Delivery, 'answered'>) => number;
}

export interface WebhookReceiver {
  /** The loopback URL to register (http://127.0.0.1:PORT/webhooks). */
  url: string;
  port: number;
  deliveries: Delivery[];
  /** Resolves once `count` deliveries match (or the bound passes); the matching ones. */
  waitFor(match: (d: Delivery) => boolean, count: number, withinMs: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

const MAX_BODY = 1_048_576;

export async function startWebhookReceiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const server: Server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => { size += chunk.length; if (size <= MAX_BODY) chunks.push(chunk); });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i].toLowerCase()] ??= req.rawHeaders[i + 1];
      const contentType = headers['content-type'] ?? '';
      let body: unknown;
      if (isJson(contentType)) { try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { body = undefined; } }
      const arrived = { receivedAtMs: Date.now(), headers, contentType, body };
      const answered = options.answer?.(arrived) ?? 200;
      deliveries.push({ ...arrived, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end('{}');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    deliveries,
    waitFor(match, count, withinMs) {
      return new Promise((resolve) => {
        const check = () => {
          const found = deliveries.filter(match);
          if (found.length < count) return false;
          finish(found);
          return true;
        };
        const finish = (found: Delivery[]) => { clearTimeout(timer); waiters.delete(wake); resolve(found); };
        const wake = () => { check(); };
        const timer = setTimeout(() => finish(deliveries.filter(match)), withinMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

export interface WebhookExpectation {
  apiId: ApiId;
  /** operationId of the spec's webhook (receiveWebhookEvent, receiveCardTransactionEvent). */
  webhook: string;
  /** The key the provider was configured with, when the webhook has a key header. */
  key?: string;
  /** How many notifications the trigger must cause, and what they rest on (the rule that says so). */
  expected: number;
  expectedBasis: Basis;
  /** When the trigger happened and how long delivery may take. */
  sinceMs: number;
  withinMs: number;
}

/** Findings for the deliveries of one trigger (all deliveries that matched it, retries included). */
export function checkDeliveries(deliveries: Delivery[], expectation: WebhookExpectation): Finding[] {
  const contract = contractFor(expectation.apiId);
  const hook = contract.webhook(expectation.webhook);
  const findings: Finding[] = [];
  const idField = hook.notificationId?.field;
  const acknowledged = new Set<string>();
  const ids = new Set<string>();
  deliveries.forEach((d, i) => {
    const where = `delivery ${i + 1}${idOf(d, idField) ? ` (${idField} ${idOf(d, idField)})` : ''}`;
    for (const f of contract.checkWebhook(expectation.webhook, d)) findings.push({ ...f, text: `${where}: ${f.text}` });
    if (hook.keyHeader && expectation.key !== undefined) {
      const sent = d.headers[hook.keyHeader.toLowerCase()];
      if (sent !== undefined && !sameSecret(sent, expectation.key)) {
        findings.push({ kind: 'header', text: `${where}: header ${hook.keyHeader} does not hold the configured key`, basis: hook.basis });
      }
    }
    const id = idOf(d, idField);
    if (id !== undefined) {
      if (acknowledged.has(id)) {
        findings.push({ kind: 'schema', text: `${where}: ${idField} ${id} was delivered again after this receiver acknowledged it (2xx): a duplicate, not a retry`, basis: hook.notificationId!.basis });
      }
      if (d.answered >= 200 && d.answered < 300) acknowledged.add(id);
      ids.add(id);
    }
    const lateBy = d.receivedAtMs - expectation.sinceMs - expectation.withinMs;
    if (lateBy > 0) findings.push({ kind: 'status', text: `${where}: arrived ${lateBy} ms after the ${expectation.withinMs} ms bound`, basis: inferredBound(expectation) });
  });
  const distinct = idField ? ids.size : deliveries.length;
  if (distinct < expectation.expected) {
    findings.push({
      kind: 'status',
      text: distinct === 0
        ? `no ${expectation.webhook} notification arrived within ${expectation.withinMs} ms (expected ${expectation.expected})`
        : `${distinct} of ${expectation.expected} expected ${expectation.webhook} notifications arrived within ${expectation.withinMs} ms`,
      basis: expectation.expectedBasis,
    });
  }
  return findings;
}

/** Lines for a failure message: each finding with its basis, then the deliveries (bodies redacted, no header values). */
export function describeWebhookProblems(findings: Finding[], deliveries: Delivery[]): string[] {
  return [
    ...describeFindings(findings).map((line) => `- ${line}`),
    ...deliveries.slice(0, 5).map((d, i) => `  delivery ${i + 1}: answered ${d.answered}, headers ${Object.keys(d.headers).sort().join(', ')}, body (secrets redacted) ${redactText(JSON.stringify(redactValue(d.body)) ?? 'not JSON').slice(0, 600)}`),
  ].map(redactText);
}

function idOf(d: Delivery, field: string | undefined): string | undefined {
  const value = field ? (d.body as Record<string, unknown> | undefined)?.[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Constant-time comparison of a received key with the configured one (hashes first: equal lengths). */
export function sameSecret(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function inferredBound(e: WebhookExpectation): Basis {
  return { provenance: 'inferred', source: `the docs give no delivery time; the harness allows ${e.withinMs} ms (WEBHOOK_WITHIN_MS)` };
}
