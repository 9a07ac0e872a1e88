// The harness's sending side, for integrators: fires the provider's documented notifications at
// the integrator's own receiver and says, per case, whether it answered as it should — 2xx for a
// valid one; a refusal (4xx) for a wrong or missing key or a malformed body; the same notification
// twice taken once; two notifications of one card in the wrong order both taken. Whether the
// receiver *processed* a notification cannot be seen from its answer: with `processedUrl` (GET
// <url>?id=<notification id> → {"count": N}) the duplicate and order cases check that too.
// Loopback or https only; at most a dozen requests, each with a timeout; never prints the key.
import { randomUUID } from 'node:crypto';
import { isLoopbackHost } from './loopback.ts';
import type { ApiId } from './apis.ts';
import { loadSpec, type OperationInfo } from './spec.ts';

export type CaseOutcome = 'pass' | 'fail' | 'skip';
/** What a case's expectation rests on, printed with it: the docs (the key header) or our inference (what a receiver should answer). */
export interface CaseResult { name: string; outcome: CaseOutcome; detail: string; basis: string }

export interface SendOptions {
  url: string;
  api: ApiId;
  /** The webhook key the receiver expects (APIs whose webhook has a key header). */
  key?: string;
  /** GET <processedUrl>?id=<id> answers {"count": N}: how often the receiver processed that notification. */
  processedUrl?: string;
  timeoutMs?: number;
}

export class SendConfigError extends Error {}

/** Refuses a URL the sender must not post to: plain http anywhere but loopback. */
export function checkTargetUrl(raw: string, what = '--url'): URL {
  let url: URL;
  try { url = new URL(raw); } catch { throw new SendConfigError(`${what} "${raw}" is not a URL; e.g. ${what} http://127.0.0.1:3000/webhooks`); }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new SendConfigError(`${what} must be https, or http to loopback (127.0.0.1, ::1, localhost); got ${url.protocol}//${url.host}`);
}

/** The spec's one webhook of the API, with what the sender needs to build its notifications. */
export function webhookOf(api: ApiId): OperationInfo & { example: Record<string, unknown> } {
  const spec = loadSpec(api);
  const [hook] = spec.webhooks.values();
  if (!hook) throw new SendConfigError(`the ${api} spec describes no webhook (spec webhooks section)`);
  const name = Object.entries(spec.document.webhooks ?? {}).find(([, item]) => Object.values(item ?? {}).some((op) => (op as { operationId?: string })?.operationId === hook.operationId))![0];
  const media = (spec.document.webhooks![name] as Record<string, { requestBody?: { content?: Record<string, { example?: unknown }> } }>).post?.requestBody?.content?.['application/json'];
  const example = media?.example as Record<string, unknown> | undefined;
  if (!example || !hook.notificationId) throw new SendConfigError(`the ${api} webhook has no example or no x-notification-id in the spec`);
  return { ...hook, example };
}

interface Answer { status?: number; error?: string }

export async function sendCases(options: SendOptions, log: (line: string) => void = () => {}): Promise<CaseResult[]> {
  const url = checkTargetUrl(options.url);
  if (options.processedUrl) checkTargetUrl(options.processedUrl, '--processed-url');
  const hook = webhookOf(options.api);
  const keyHeader = hook.keyHeader;
  if (keyHeader && !options.key) throw new SendConfigError(`the ${options.api} webhook carries ${keyHeader}: set WEBHOOK_KEY to the key your receiver expects`);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const idField = hook.notificationId!.field;

  /** A fresh notification from the spec's example, with its own id (and a resource of its own, for ordering). */
  const notification = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(hook.example), [idField]: randomUUID(), ...changes });
  const headers = (key: string | undefined): Record<string, string> => ({ 'content-type': 'application/json', ...(keyHeader && key !== undefined ? { [keyHeader]: key } : {}) });

  async function post(body: string, key: string | undefined): Promise<Answer> {
    try {
      const res = await fetch(url, { method: 'POST', headers: headers(key), body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      await res.arrayBuffer();
      return { status: res.status };
    } catch (error) {
      return { error: (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message };
    }
  }
  async function processed(id: string): Promise<number | undefined> {
    if (!options.processedUrl) return undefined;
    const target = new URL(options.processedUrl);
    target.searchParams.set('id', id);
    const res = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
    const count = ((await res.json()) as { count?: unknown }).count;
    return typeof count === 'number' ? count : undefined;
  }
  const ok = (a: Answer) => a.status !== undefined && a.status >= 200 && a.status < 300;
  const refused = (a: Answer) => a.status !== undefined && a.status >= 400 && a.status < 500;
  const said = (a: Answer) => a.status !== undefined ? `answered ${a.status}` : `did not answer (${a.error})`;
  const results: CaseResult[] = [];
  const keyBasis = `${hook.basis.provenance}: ${hook.basis.source}`;
  const inferred = `inferred: the docs do not say what a receiver answers; this is the usual contract of a webhook receiver`;
  const record = (name: string, outcome: CaseOutcome, detail: string, basis = inferred) => {
    results.push({ name, outcome, detail, basis });
    log(`${outcome.toUpperCase().padEnd(4)} ${name}: ${detail}  [${basis}]`);
  };

  // 1. valid
  const valid = notification();
  const first = await post(JSON.stringify(valid), options.key);
  record('valid notification', ok(first) ? 'pass' : 'fail', `${said(first)} (expected 2xx)`);

  // 2.–3. the key
  if (keyHeader) {
    const wrong = await post(JSON.stringify(notification()), `${options.key}-not-it`);
    record(`wrong ${keyHeader}`, refused(wrong) ? 'pass' : 'fail', `${said(wrong)} (expected a refusal, 401 or 403: anyone could post fake events otherwise)`, keyBasis);
    const missing = await post(JSON.stringify(notification()), undefined);
    record(`missing ${keyHeader}`, refused(missing) ? 'pass' : 'fail', `${said(missing)} (expected a refusal, 401 or 403)`, keyBasis);
  } else {
    record('wrong key', 'skip', `the ${options.api} webhook has no key header in the spec (docs name none)`);
    record('missing key', 'skip', `the ${options.api} webhook has no key header in the spec (docs name none)`);
  }

  // 4. malformed body
  const malformed = await post(`${JSON.stringify(notification()).slice(0, 20)}`, options.key);
  record('malformed body', refused(malformed) ? 'pass' : 'fail', `${said(malformed)} (expected 400: the body is not JSON)`);

  // 5. the same notification twice
  const twice = notification();
  const [once, again] = [await post(JSON.stringify(twice), options.key), await post(JSON.stringify(twice), options.key)];
  const count = await processed(String(twice[idField]));
  if (!ok(once) || !ok(again)) record('same notification twice', 'fail', `${said(once)}, then ${said(again)} (expected 2xx both times: a retry must be acknowledged)`);
  else if (count === undefined) record('same notification twice', 'pass', 'answered 2xx both times; whether it was processed once cannot be seen from outside (give --processed-url to check)');
  else record('same notification twice', count === 1 ? 'pass' : 'fail', `answered 2xx both times; processed ${count} times (expected once)`);

  // 6. out of order: the later notification of a resource first; a refusal is fine if the retry is taken
  const resource = randomUUID();
  const earlier = notification(withResource(hook.example, resource, 'earlier'));
  const later = notification(withResource(hook.example, resource, 'later'));
  const laterFirst = await post(JSON.stringify(later), options.key);
  const thenEarlier = await post(JSON.stringify(earlier), options.key);
  const retried = ok(laterFirst) ? laterFirst : await post(JSON.stringify(later), options.key);
  const counts = [await processed(String(earlier[idField])), await processed(String(later[idField]))];
  if (!ok(thenEarlier) || !ok(retried)) record('out of order', 'fail', `later first ${said(laterFirst)}, earlier ${said(thenEarlier)}, later again ${said(retried)} (expected both taken)`);
  else if (counts.includes(undefined)) record('out of order', 'pass', `both taken (later first ${said(laterFirst)})`);
  else record('out of order', counts.every((c) => c === 1) ? 'pass' : 'fail', `both taken; processed ${counts.join(' and ')} times (expected once each)`);
  return results;
}

/** The example notification about one resource, marked earlier or later (a resource id in `data`). */
function withResource(example: Record<string, unknown>, resource: string, when: 'earlier' | 'later'): Record<string, unknown> {
  const data = { ...((example.data as Record<string, unknown> | undefined) ?? {}), cardId: resource, sequence: when === 'earlier' ? 1 : 2 };
  return { data };
}
