// The API client: one method per operationId, typed from the spec, over lib/transport.ts.
// It knows targets only through a TargetEndpoint, so tests never branch on where they run.
import type { TargetEndpoint } from './config.ts';
import { contractFor, isJson, type Contract, type Violation } from './contract.ts';
import { ACCESS_LEVEL_NAMES, apiProfile, keyForLevel, type LevelKeys } from './apis.ts';
import { apiKeyHeaderOf, type OperationInfo } from './spec.ts';
import { basicKeyAuthorization, bearerAuthorization, buildRequest, type OperationInput } from './http.ts';
import { noteCreated } from './cleanup.ts';
import { noteServerBudget } from './server-budget.ts';
import { send, type WireResponse } from './transport.ts';
import { idsIn, redactHeaders, redactText, redactValue, registerOwnPersonalData, registerOwnRecordsIn, registerSecret, registerSecretsIn } from './redact.ts';

export type Via = 'mock' | 'proxy' | 'direct' | 'live';

export interface ApiResponse<B = unknown> {
  api: string;
  target: string;
  operationId: string;
  method: string;
  /** Path template from the spec, e.g. /wallets/{walletId}. */
  path: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** Parsed JSON body with card secrets masked (undefined when empty or not JSON); `reveal(res)` has the raw one. */
  body: B;
  /** Raw text with card secrets masked. */
  text: string;
  /** The provider's id of this exchange, to quote to them: meta.traceId of an envelope, else the X-Request-Id header. */
  traceId?: string;
  /** Where traceId came from. */
  traceSource: TraceSource;
  /** The X-RateLimit-* headers, parsed; undefined when the answer carries none. */
  rateLimit?: RateLimit;
  /** Which hop answered: Prism's mock, Prism's validating proxy, the twin directly, a live server. */
  via: Via;
  durationMs: number;
  /** What the request broke of the spec's request contract ([] for a valid request), each with its basis. */
  requestViolations: Violation[];
  /** Inferred rules fail the check (twin, mock, STRICT=1) rather than being reported as assumptions. */
  strict: boolean;
  /**
   * Ids this client's successful answers carried (top-level and `data` fields named id or …Id):
   * the records this test created or used. A list of the account's records is checked only for these.
   */
  ownIds: ReadonlySet<string>;
}

export type TraceSource = 'meta.traceId' | 'X-Request-Id';

/** An answer's X-RateLimit-* headers; a field is undefined when its header is missing or not a whole number. */
export interface RateLimit {
  limit?: number;
  remaining?: number;
  /** End of the window, Unix epoch seconds. */
  reset?: number;
}

/** A 429 the test did not ask for, or did: what the reporter counts as a rate-limit event. */
export interface RateLimitEvent {
  operationId: string;
  target: string;
  account: string;
  rateLimit?: RateLimit;
  message: string;
  /** The test asked for it (`allowRateLimit`); otherwise the check was stopped. */
  expected: boolean;
}

/**
 * Credentials of one call: an API key (HTTP Basic for Sovera; the spec's key header for the API
 * Layer), a bearer token, or keys by access level (the client sends the least-privileged key that
 * suffices for the operation's `x-access-level`).
 */
export type CallAuth = { apiKey: string } | { token: string } | { levelKeys: LevelKeys };

/** No key of the level an operation needs was configured: the check cannot run (the suite skips it, saying which variable to set). */
export class MissingKeyError extends Error {
  constructor(readonly operationId: string, readonly level: string, readonly variable: string | undefined) {
    super(`${operationId} needs a key of access level ${ACCESS_LEVEL_NAMES[level] ?? level}${variable ? `: set ${variable} in .env` : ''}`);
    this.name = 'MissingKeyError';
  }
}

export interface CallOptions {
  /** Send the body as application/x-www-form-urlencoded. */
  form?: boolean;
  /** 'none' sends no credentials; { apiKey } or { token } sends other ones than the client's. */
  auth?: 'none' | CallAuth;
  /** Which account the call is made with, for the request count per account (default: the client's, "main"). */
  account?: string;
  /** A 429 is what this call is after: answer it instead of stopping the check with RateLimitedError. */
  allowRateLimit?: boolean;
  headers?: Record<string, string>;
  /** On a mock that supports it, ask for this documented status (Prism `Prefer: code=`); ignored elsewhere. */
  mockStatus?: number;
  /** Bypass Prism's proxy and talk to the twin itself (fault injection, raw behaviour). */
  direct?: boolean;
  /**
   * Send the operation's request with another HTTP method (the generated checks of undeclared
   * methods). Goes to the twin itself, past Prism's proxy; not counted as exercising the operation.
   */
  method?: string;
  timeoutMs?: number;
}

export class TransportError extends Error {
  constructor(readonly operationId: string, readonly method: string, readonly path: string, readonly target: string, readonly reason: string) {
    super(`${operationId} (${method} ${path}) on ${target}: ${reason}. Is the server up, and is its base URL right?`);
    this.name = 'TransportError';
  }
}

/** A 429 the test did not ask for: the check stops with this, a clear message rather than a crash. */
export class RateLimitedError extends Error {
  constructor(readonly response: ApiResponse) {
    super(describeRateLimit(response));
    this.name = 'RateLimitedError';
  }
}

export interface ClientOptions {
  endpoint: TargetEndpoint;
  /** The client's default credentials (an API key, or a token from login); none when absent. */
  auth?: CallAuth;
  timeoutMs?: number;
  /** Called with every response, e.g. to record contract coverage. */
  onResponse?: (res: ApiResponse, account: string) => void;
  /** Called before a call throws MissingKeyError (the suite skips the check instead). */
  onMissingKey?: (error: MissingKeyError) => void;
  /** Called with every 429, before the call returns (allowRateLimit) or throws RateLimitedError. */
  onRateLimit?: (event: RateLimitEvent) => void;
}

const rawBodies = new WeakMap<ApiResponse, unknown>();

/**
 * The unmasked body, for contract validation and for comparing secrets (`reveal(a).data.pin === pin`).
 * Never print it or pass it to an assertion that prints values.
 */
export function reveal<B>(res: ApiResponse<B>): B {
  return (rawBodies.has(res) ? rawBodies.get(res) : res.body) as B;
}

// ---- types derived from the openapi-typescript `operations` interface ----
type Defined<T> = Exclude<T, undefined>;
type Field<K extends string, T> = [T] extends [never] ? unknown : { [P in K]: T };
type PathOf<Op> = Op extends { parameters: { path?: infer P } } ? Defined<P> : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? Defined<Q> : never;
type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? [Defined<R>] extends [never] ? never : Defined<R> extends { content: { 'application/json': infer B } } ? B : never
  : never;
export type InputOf<Op> = Field<'path', PathOf<Op>> & Field<'query', QueryOf<Op>> & Field<'body', BodyOf<Op>>;
export type ResponseBodyOf<Op> = Op extends { responses: infer R }
  ? { [S in keyof R]: R[S] extends { content: { 'application/json': infer B } } ? B : never }[keyof R]
  : never;

export type Client<Ops> = {
  [K in keyof Ops & string]: (input: InputOf<Ops[K]>, options?: CallOptions) => Promise<ApiResponse<ResponseBodyOf<Ops[K]>>>;
} & {
  /** Untyped call, for requests that deliberately break the contract (wrong types, missing fields). */
  call(operationId: keyof Ops & string, input: OperationInput, options?: CallOptions): Promise<ApiResponse<any>>;
  readonly endpoint: TargetEndpoint;
  readonly contract: Contract;
};

export function createClient<Ops>(options: ClientOptions): Client<Ops> {
  const { endpoint } = options;
  const contract = contractFor(endpoint.api);
  const profile = apiProfile(endpoint.api);
  const envelope = profile.envelope;
  const keyHeader = profile.auth === 'level-keys' ? apiKeyHeaderOf(endpoint.api).toLowerCase() : undefined;
  const defaultAuth = options.auth;
  registerAuth(defaultAuth);
  const ownIds = new Set<string>();

  async function call(operationId: string, input: OperationInput, callOptions: CallOptions = {}): Promise<ApiResponse> {
    const op = contract.operation(operationId);
    const auth = callOptions.auth === 'none' ? undefined : callOptions.auth ?? defaultAuth;
    registerAuth(auth);
    let credential: ReturnType<typeof credentialHeaderOf>;
    try { credential = credentialHeaderOf(auth, op, keyHeader); } catch (error) {
      if (error instanceof MissingKeyError) options.onMissingKey?.(error);
      throw error;
    }
    const account = callOptions.account ?? (callOptions.auth === 'none' ? 'anonymous' : callOptions.auth ? 'other' : 'main');
    const headers: Record<string, string> = { ...callOptions.headers, ...credential.headers };
    if (callOptions.mockStatus !== undefined && endpoint.forcesStatus) headers.prefer = `code=${callOptions.mockStatus}`;
    const requestViolations = requestViolationsOf(contract, operationId, input, callOptions, auth !== undefined);
    const via = routeOf(endpoint, requestViolations, callOptions.method ? { ...callOptions, direct: true } : callOptions);
    const baseUrl = via === 'direct' ? endpoint.directUrl! : endpoint.baseUrl;
    const req = buildRequest(op, input, {
      baseUrl,
      authorization: credential.authorization,
      form: callOptions.form,
      headers,
    });
    if (callOptions.method) {
      req.method = callOptions.method.toUpperCase();
      if (req.method === 'GET' || req.method === 'HEAD') req.body = undefined;
    }
    registerOwnPersonalData(input.body); // our own test data stays readable in reports
    const started = performance.now();
    const target = `${endpoint.api}@${endpoint.target}`;
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? 10_000;
    let response: WireResponse;
    try {
      response = await send(req, timeoutMs);
    } catch (error) {
      throw new TransportError(operationId, req.method, op.path, target, describeFailure(error, timeoutMs));
    }
    const { text, headers: responseHeaders } = response;
    const contentType = responseHeaders['content-type'] ?? '';
    const raw = parseJson(text, contentType);
    registerSecretsIn(raw);
    // What a write of ours answered is our record: its personal data is not masked (reads are not proof).
    if (response.status >= 200 && response.status < 300 && req.method !== 'GET' && req.method !== 'HEAD') registerOwnRecordsIn(raw);
    const trace = traceIdOf(raw, responseHeaders, envelope);
    const result: ApiResponse = {
      api: endpoint.api,
      target: endpoint.target,
      operationId,
      method: req.method,
      path: op.path,
      url: req.url,
      status: response.status,
      headers: redactHeaders(responseHeaders),
      contentType,
      // Masked at the source: whatever a test prints or diffs, no card secret reaches a report.
      body: redactValue(raw),
      text: redactText(text),
      traceId: trace.traceId,
      traceSource: trace.source,
      rateLimit: parseRateLimit(responseHeaders),
      via,
      durationMs: performance.now() - started,
      requestViolations,
      strict: endpoint.strict,
      ownIds,
    };
    if (response.status >= 200 && response.status < 300) {
      for (const id of idsIn(raw)) ownIds.add(id);
      noteCreated(endpoint, operationId, raw); // a live run's record of what it created (lib/cleanup.ts)
    }
    noteServerBudget(target, result.rateLimit);
    rawBodies.set(result, raw);
    if (!callOptions.method) options.onResponse?.(result, account);
    if (result.status === 429) {
      const expected = callOptions.allowRateLimit === true;
      options.onRateLimit?.({ operationId, target, account, rateLimit: result.rateLimit, message: describeRateLimit(result), expected });
      if (!expected) throw new RateLimitedError(result);
    }
    return result;
  }

  const client: Record<string, unknown> = { call, endpoint, contract };
  for (const operationId of contract.operations.keys()) {
    client[operationId] = (input: OperationInput = {}, callOptions?: CallOptions) => call(operationId, input, callOptions);
  }
  return client as Client<Ops>;
}

/**
 * Behind Prism's validating proxy, a request that breaks the spec (no credentials, a bad body)
 * is answered by Prism itself (401/422 problem+json) and never reaches the twin; such requests
 * go to the twin directly, and their answers are still checked by the harness's own validators.
 */
function routeOf(endpoint: TargetEndpoint, requestViolations: Violation[], options: CallOptions): Via {
  if (endpoint.target === 'mock') return 'mock';
  if (!endpoint.directUrl) return 'live';
  if (options.direct) return 'direct';
  return requestViolations.length ? 'direct' : 'proxy';
}

/** What a request breaks of the spec (checked as the server would see it: form fields arrive as text). */
function requestViolationsOf(contract: Contract, operationId: string, input: OperationInput, options: CallOptions, authorized: boolean): Violation[] {
  const body = options.form && input.body && typeof input.body === 'object'
    ? Object.fromEntries(Object.entries(input.body).map(([k, v]) => [k, String(v)]))
    : structuredClone(input.body);
  return contract.checkRequest(operationId, {
    pathParams: stringValues(input.path),
    query: stringValues(input.query),
    contentType: options.form ? 'application/x-www-form-urlencoded' : 'application/json',
    body,
    authorized,
  });
}

function stringValues(values: Record<string, unknown> | undefined): Record<string, string> | undefined {
  return values && Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}

function parseJson(text: string, contentType: string): unknown {
  if (!text || !isJson(contentType)) return undefined;
  try { return JSON.parse(text); } catch { return undefined; }
}

function registerAuth(auth: CallAuth | undefined): void {
  if (!auth) return;
  if ('levelKeys' in auth) Object.values(auth.levelKeys).forEach((key) => key && registerSecret(key));
  else registerSecret('apiKey' in auth ? auth.apiKey : auth.token);
}

/** Where a call's credentials go: the Authorization header (Basic, Bearer), or the spec's API-key header. */
function credentialHeaderOf(auth: CallAuth | undefined, op: OperationInfo, keyHeader: string | undefined): { authorization?: string; headers?: Record<string, string> } {
  if (!auth) return {};
  if ('token' in auth) return { authorization: bearerAuthorization(auth.token) };
  if (keyHeader === undefined) {
    if ('levelKeys' in auth) throw new Error(`${op.apiId} takes no keys by access level`);
    return { authorization: basicKeyAuthorization(auth.apiKey) };
  }
  if ('apiKey' in auth) return { headers: { [keyHeader]: auth.apiKey } };
  const level = op.accessLevel?.level ?? 1;
  const key = keyForLevel(auth.levelKeys, level);
  if (key === undefined) throw new MissingKeyError(op.operationId, String(level), apiProfile(op.apiId).env.levelKeys?.[String(level)]);
  return { headers: { [keyHeader]: key } };
}

/**
 * The id to quote to the provider: `meta.traceId` of an envelope API's body; for an API without an
 * envelope, the `X-Request-Id` response header when there is one (headers with lower-case names, as lib/transport.ts gives them).
 */
export function traceIdOf(body: unknown, headers: Record<string, string> = {}, envelope = true): { traceId?: string; source: TraceSource } {
  if (envelope) {
    const traceId = (body as { meta?: { traceId?: unknown } } | undefined)?.meta?.traceId;
    return { traceId: typeof traceId === 'string' ? traceId : undefined, source: 'meta.traceId' };
  }
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-request-id')?.[1]?.trim();
  return { traceId: header || undefined, source: 'X-Request-Id' };
}

/** Parses X-RateLimit-Limit, -Remaining and -Reset (case-insensitive); undefined when none is present. */
export function parseRateLimit(headers: Record<string, string>): RateLimit | undefined {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } as const;
  if (!Object.values(names).some((n) => lower.has(n))) return undefined;
  const whole = (value: string | undefined) => (value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined);
  return { limit: whole(lower.get(names.limit)), remaining: whole(lower.get(names.remaining)), reset: whole(lower.get(names.reset)) };
}

/** One line for a 429: where, the limit, what is left, when it resets, and that the harness stopped the check on purpose. */
export function describeRateLimit(res: Pick<ApiResponse, 'operationId' | 'method' | 'path' | 'api' | 'target' | 'rateLimit' | 'traceId' | 'traceSource'>): string {
  const r = res.rateLimit;
  const limit = r?.limit !== undefined ? `limit ${r.limit}/h` : 'limit not stated';
  const remaining = r?.remaining !== undefined ? `${r.remaining} remaining` : 'remaining not stated';
  const reset = r?.reset !== undefined && Number.isFinite(r.reset * 1000) ? `resets at ${new Date(r.reset * 1000).toISOString()}` : 'reset time not stated';
  const trace = res.traceId ? ` (${res.traceSource} ${res.traceId})` : '';
  return `${res.operationId} (${res.method} ${res.path}) rate limited (429) on ${res.api}@${res.target}: ${limit}, ${remaining}, ${reset}${trace}; ` +
    'the harness stopped this check, not a crash; wait for the reset or lower the request rate.';
}

function describeFailure(error: unknown, timeoutMs: number): string {
  // fetch puts the system's error in `cause`; node:http (loopback) on the error itself.
  const err = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no response within ${timeoutMs} ms (timeout)`;
  const code = err.cause?.code ?? err.code;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset by the server';
  if (code === 'ECONNREFUSED') return 'connection refused';
  return `request failed (${code ?? err.cause?.message ?? err.message ?? 'unknown error'})`;
}
