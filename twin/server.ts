// Generic HTTP machinery of the twins: one node:http server per API definition.
// Per request, in this order: route (compiled once from the spec's operation index), auth,
// rate limit, fault injection, body parsing, request validation with the harness's compiled
// validators (the spec is the one source of truth), then the API's handler, which is a plain
// function of (state, input) and does no HTTP. Operations whose caller is identified by the body
// (Core's login: the account of the email is the rate-limit bucket) read the body before auth.
//
// Nothing here knows Sovera: envelope, error format, auth scheme and handlers come from the
// API definition, so a second API (twin/core/) reuses all of it.
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiId } from '../lib/apis.ts';
import { contractFor, isJson, mediaType, type Contract, type Violation } from '../lib/contract.ts';
import { loadSpec, type OperationInfo } from '../lib/spec.ts';
import { CONTROL_PREFIX, handleControl, type TwinKit } from './control.ts';
import type { CardFunds } from './transactions.ts';
import type { WebhookEvent } from './webhooks.ts';
import { FAULT_HEADER, TIMEOUT_FAULT_CLOSE_MS, parseFault, truncateJson, type Fault } from './faults.ts';
import { isLoopbackHost } from '../lib/loopback.ts';
import { FixedWindowRateLimiter, type RateDecision } from './rate-limit.ts';

// ---------------------------------------------------------------------------------------------
// What an API definition provides
// ---------------------------------------------------------------------------------------------

export interface ErrorItem { code: string; message: string }

/**
 * A failure a handler (or the machinery) answers in the API's error format. Domain errors are
 * ordinary control flow under load (a card already blocked, funds short), so no stack is captured.
 */
export class TwinError extends Error {
  readonly status: number;
  readonly code: string;
  /** Further error items after the first (e.g. one per validation violation). */
  readonly extraErrors: ErrorItem[];
  /** Extra response headers, e.g. WWW-Authenticate on 401. */
  readonly headers?: Record<string, string>;

  constructor(status: number, code: string, message: string, extraErrors: ErrorItem[] = [], headers?: Record<string, string>) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'TwinError';
    this.status = status;
    this.code = code;
    this.extraErrors = extraErrors;
    this.headers = headers;
  }
}

/** Who is calling, as established by the API's authenticate(). */
export interface Principal {
  /** Rate-limit bucket; must not be the credential itself. */
  bucket: string;
  /** This bucket's requests per hour, when it differs from the server's (per-account limits). */
  rateLimitPerHour?: number;
  /**
   * Set when the caller is identified but refused (an expired token: 403). The request still counts
   * against the bucket; secured operations answer this error, unsecured ones treat the caller as anonymous.
   */
  denied?: { status: number; code: string; message: string; headers?: Record<string, string> };
}

export interface HandlerInput<P extends Principal = Principal> {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Validated body: parsed JSON, or form fields coerced by the validator to the schema's types. */
  body: any;
  principal: P;
  /** Test-hook request headers: every X-Twin-* header except X-Twin-Fault, lower-case names. */
  hooks?: Readonly<Record<string, string>>;
}

export interface HandlerResult { status: number; data: unknown }

export type Handler<S, P extends Principal = Principal> = (state: S, input: HandlerInput<P>) => HandlerResult;

export interface ApiDefinition<S = unknown, P extends Principal = Principal> {
  apiId: ApiId;
  /** For the start-up line, e.g. "Sovera". */
  displayName: string;
  /** Mount point, e.g. /cards/v2 ('' for the root). */
  basePath: string;
  state: S;
  /** The principal for a request's credentials (its credential header), or undefined when they are missing or wrong. */
  authenticate(authorization: string | undefined, req: IncomingMessage): P | undefined;
  /** The request header carrying the credentials, lower-case (default: authorization; API Layer: the spec's x-api-key). */
  credentialHeader?: string;
  /**
   * Refuses a known caller an operation (API Layer: a key below the operation's access level), as
   * the error to answer; undefined lets it through. Runs after authentication and the rate limit.
   */
  authorize?(principal: P, operation: OperationInfo): { status: number; code: string; message: string } | undefined;
  /**
   * Twin-only pages outside the spec, on loopback (API Layer: the PAN link a card's `getVirtualCardPan`
   * answers, the outbox of messages the provider would send). Asked before routing; undefined: not one of them.
   */
  sidePage?(method: string, path: string, query: URLSearchParams): { status: number; contentType: string; body: string } | undefined;
  /** The twin-only operations of this instance (clock, transactions, webhooks): twin/control.ts. */
  kit?: TwinKit;
  /** Status code, error code, message and headers of the answer to missing/wrong credentials. */
  unauthorized: { code: string; message: string; headers?: Record<string, string> };
  handlers: Record<string, Handler<S, P>>;
  /** The full response body for a handler's success. */
  successBody(status: number, data: unknown): unknown;
  /**
   * Optional fast path: the JSON text of successBody(status, data), built without materialising
   * the envelope (the hot path of a load-test target). Must equal JSON.stringify(successBody(...)).
   */
  successJson?(status: number, data: unknown): string;
  /** The full response body of an error, in the API's error format. */
  errorBody(status: number, code: string, message: string, extraErrors?: ErrorItem[]): unknown;
  /** Response header carrying a fresh UUID on every response (Core: X-Request-Id); none when unset. */
  requestIdHeader?: string;
  /**
   * Operations whose caller is identified by the request body rather than by credentials, keyed by
   * operationId (Core: login counts against the account of the email). The body is read before auth
   * and rate limiting for these; the result only picks the rate-limit bucket (the handler still gets
   * the principal of the credentials, if any); undefined means an anonymous caller.
   */
  identifyByBody?: Readonly<Record<string, (body: unknown) => Principal | undefined>>;
  /**
   * Past the limit, callers without valid credentials get 429 (true) or are still answered 401
   * (false, the default: Sovera). They count against their address either way.
   */
  throttleUnauthenticated?: boolean;
}

/**
 * A twin that decides the points the docs leave open differently (a test fixture: the harness's
 * calibration and its documented/inferred verdicts are tested against it). Off for the real twin.
 */
export interface TwinVariant {
  /** Accept a request despite this violation of the spec (e.g. one breaking only an inferred constraint). */
  accepts?: (violation: Violation, operationId: string) => boolean;
  /** Another status for an error answer, by error code (e.g. CARD_BLOCKED → 400). */
  statusFor?: Readonly<Record<string, number>>;
  /** Another error body and media type than the API definition's. */
  errorBody?: (status: number, code: string, message: string) => unknown;
  errorContentType?: string;
  /** Drop the API's request-id header. */
  withoutRequestId?: boolean;
  /** Handlers that replace the API's, by operationId. */
  handlers?: Readonly<Record<string, Handler<any, any>>>;
  /** Rewrites every answer (status and full body) before it is sent: to break a documented rule on purpose. */
  rewrite?: (operationId: string, status: number, body: unknown) => { status: number; body: unknown } | undefined;
  /** Response headers left out (lower-case names), e.g. x-ratelimit-remaining. */
  dropHeaders?: readonly string[];
  /** Rewrites each webhook before delivery: [] drops it, two copies duplicate it, a changed body breaks it. */
  webhook?: (event: WebhookEvent) => WebhookEvent[];
  /** Changes how card funds move (e.g. a release that gives nothing back). */
  funds?: (funds: CardFunds) => CardFunds;
  /** Authenticates differently (e.g. serves a request without credentials as a known client); gets the API's own. */
  authenticate?: (credentials: string | undefined, own: (credentials: string | undefined) => Principal | undefined) => Principal | undefined;
}

export interface ServerOptions {
  /** Loopback only: 127.x.x.x, ::1 or localhost. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Requests per hour per principal; 0 turns rate limiting (and its headers) off. */
  rateLimitPerHour?: number;
  /** Share of requests (0..1) that get `fault` when they carry no X-Twin-Fault header. */
  faultRate?: number;
  fault?: Fault;
  /** Print method, path, status and duration per request (never headers, bodies or queries). */
  log?: boolean;
  logger?: (line: string) => void;
  variant?: TwinVariant;
  /** The twin's test clock (the rate-limit window reads it); default the wall clock. */
  now?: () => number;
}

export interface RunningServer {
  /** Base URL including the base path, e.g. http://127.0.0.1:4020/cards/v2 */
  url: string;
  host: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Routing: compiled once from the spec's operation index
// ---------------------------------------------------------------------------------------------

export interface Route {
  operation: OperationInfo;
  operationId: string;
  method: string;
  paramNames: string[];
  hasQuery: boolean;
}

interface DynamicPath { regex: RegExp; paramNames: string[]; byMethod: Map<string, Route> }


export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> | undefined }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export class Router {
  private readonly staticPaths = new Map<string, Map<string, Route>>();
  /** Templated paths, bucketed by their first segment ('' when the template starts with a parameter). */
  private readonly dynamicByFirstSegment = new Map<string, DynamicPath[]>();
  private readonly dynamicAnyFirst: DynamicPath[] = [];

  constructor(operations: Iterable<OperationInfo>) {
    const dynamic = new Map<string, DynamicPath>();
    for (const op of operations) {
      const paramNames = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const route: Route = {
        operation: op,
        operationId: op.operationId,
        method: op.method.toUpperCase(),
        paramNames,
        hasQuery: op.parameters.some((p) => p.in === 'query'),
      };
      if (!paramNames.length) {
        let byMethod = this.staticPaths.get(op.path);
        if (!byMethod) this.staticPaths.set(op.path, (byMethod = new Map()));
        byMethod.set(route.method, route);
        continue;
      }
      let entry = dynamic.get(op.path);
      if (!entry) {
        const source = op.path.split(/\{[^}]+\}/).map(escapeRegex).join('([^/]+)');
        entry = { regex: new RegExp(`^${source}$`), paramNames, byMethod: new Map() };
        dynamic.set(op.path, entry);
        const first = firstSegment(op.path);
        if (first.includes('{')) {
          this.dynamicAnyFirst.push(entry);
        } else {
          let bucket = this.dynamicByFirstSegment.get(first);
          if (!bucket) this.dynamicByFirstSegment.set(first, (bucket = []));
          bucket.push(entry);
        }
      }
      entry.byMethod.set(route.method, route);
    }
    // Paths that start with a parameter can match under any first segment.
    for (const bucket of this.dynamicByFirstSegment.values()) bucket.push(...this.dynamicAnyFirst);
  }

  /** Matches a path below the base path; static paths win over templates (/cards/debit vs /cards/{cardId}). */
  match(method: string, path: string): RouteMatch {
    const byMethod = this.staticPaths.get(path);
    if (byMethod) {
      const route = byMethod.get(method);
      if (route) return { kind: 'found', route, params: NO_PARAMS };
    }
    let allowed: string[] | undefined = byMethod ? [...byMethod.keys()] : undefined;
    const candidates = this.dynamicByFirstSegment.get(firstSegment(path)) ?? this.dynamicAnyFirst;
    for (let c = 0; c < candidates.length; c++) {
      const entry = candidates[c];
      const m = entry.regex.exec(path);
      if (m === null) continue;
      const route = entry.byMethod.get(method);
      if (!route) { (allowed ??= []).push(...entry.byMethod.keys()); continue; }
      const params: Record<string, string> = {};
      for (let i = 0; i < entry.paramNames.length; i++) {
        const raw = m[i + 1];
        if (raw.indexOf('%') < 0) { params[entry.paramNames[i]] = raw; continue; }
        try { params[entry.paramNames[i]] = decodeURIComponent(raw); } catch { return { kind: 'found', route, params: undefined }; }
      }
      return { kind: 'found', route, params };
    }
    return allowed ? { kind: 'method', allowed: [...new Set(allowed)] } : { kind: 'none' };
  }
}

/** `/wallets/abc` → `wallets`. */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Loopback guard
// ---------------------------------------------------------------------------------------------

export { isLoopbackHost };

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

const MAX_BODY_BYTES = 1_048_576;
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Per-request state, passed along the pipeline (no per-request closures on the hot path). */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  route: Route | undefined;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  principal: Principal | undefined;
  rate: RateDecision | undefined;
  fault: Fault | undefined;
  started: number;
  chunks: Buffer[] | undefined;
  size: number;
  /** A path parameter that is not valid percent-encoding. */
  badPath: boolean;
  // The request headers the pipeline reads, from one pass over rawHeaders (req.headers is built lazily; never built here).
  authorization: string | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  faultHeader: string | undefined;
  /** X-Twin-* test-hook headers other than X-Twin-Fault (lower-case names), when any. */
  hooks: Record<string, string> | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Set for operations that identify the caller by the body: auth and rate limit wait for it. */
  identify: ((body: unknown) => Principal | undefined) | undefined;
  /** The parsed body, once read before auth (identify) and kept across a delay fault. */
  body: unknown;
  bodyRead: boolean;
}

export async function startServer<S, P extends Principal>(api: ApiDefinition<S, P>, options: ServerOptions): Promise<RunningServer> {
  if (!isLoopbackHost(options.host)) {
    throw new Error(`refusing to listen on "${options.host}": the twin binds to loopback only (127.0.0.1, ::1, localhost)`);
  }
  const contract: Contract = contractFor(api.apiId);
  const router = new Router(loadSpec(api.apiId).operations.values());
  const basePath = api.basePath.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const limiter = options.rateLimitPerHour ? new FixedWindowRateLimiter(options.rateLimitPerHour, 3_600_000, now) : undefined;
  const faultRate = options.fault ? options.faultRate ?? 0 : 0;
  const globalFault = options.fault;
  const log = options.log ? options.logger ?? ((line: string) => console.log(line)) : undefined;
  const variant = options.variant;
  const handlers = variant?.handlers ? { ...api.handlers, ...variant.handlers } : api.handlers;
  const successJson = api.successJson?.bind(api);
  const requestIdHeader = variant?.withoutRequestId ? undefined : api.requestIdHeader?.toLowerCase();
  const identifyByBody = api.identifyByBody;
  const throttleUnauthenticated = api.throttleUnauthenticated === true;
  const credentialHeader = api.credentialHeader && api.credentialHeader !== 'authorization' ? api.credentialHeader : undefined;
  const ownAuthenticate = (credentials: string | undefined, req: IncomingMessage) => api.authenticate(credentials, req);
  const authenticate = variant?.authenticate
    ? (credentials: string | undefined, req: IncomingMessage) => variant.authenticate!(credentials, (c) => ownAuthenticate(c, req)) as P | undefined
    : ownAuthenticate;
  const pendingTimers = new Set<NodeJS.Timeout>();

  // ---- responses ----

  function writeJson(ex: Exchange, status: number, payload: unknown, extraHeaders?: Record<string, string>): void {
    writeText(ex, status, JSON.stringify(payload), extraHeaders);
  }

  function writeText(ex: Exchange, status: number, json: string, extraHeaders?: Record<string, string>, mediaType = JSON_TYPE): void {
    let text = json;
    let contentType = mediaType;
    const fault = ex.fault;
    if (fault !== undefined) {
      if (fault.kind === 'malformed-json') text = truncateJson(text);
      else if (fault.kind === 'content-type') contentType = HTML_TYPE;
    }
    const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': Buffer.byteLength(text) };
    let rate = ex.rate;
    // An answer given before the caller is known (a login body that is not JSON) counts against its address.
    if (rate === undefined && limiter !== undefined) rate = ex.rate = limiter.take(anonymousBucket(ex.req));
    if (rate !== undefined) {
      headers['x-ratelimit-limit'] = rate.limit;
      headers['x-ratelimit-remaining'] = rate.remaining;
      headers['x-ratelimit-reset'] = rate.resetEpochSeconds;
    }
    if (requestIdHeader !== undefined) headers[requestIdHeader] = randomUUID();
    if (extraHeaders !== undefined) Object.assign(headers, extraHeaders);
    if (variant?.dropHeaders) for (const name of variant.dropHeaders) delete headers[name];
    ex.res.writeHead(status, headers);
    ex.res.end(text);
  }

  function writeError(ex: Exchange, status: number, code: string, message: string, extra?: ErrorItem[], headers?: Record<string, string>): void {
    if (variant === undefined) { writeJson(ex, status, api.errorBody(status, code, message, extra), headers); return; }
    const answered = variant.statusFor?.[code] ?? status;
    const body = variant.errorBody ? variant.errorBody(answered, code, message) : api.errorBody(answered, code, message, extra);
    const out = variant.rewrite?.(ex.route?.operationId ?? '', answered, body) ?? { status: answered, body };
    writeText(ex, out.status, JSON.stringify(out.body), headers, variant.errorContentType ?? JSON_TYPE);
  }

  function writeViolations(ex: Exchange, violations: Violation[]): void {
    const items = violations.map((v) => ({ code: 'VALIDATION_ERROR', message: `${v.pointer} ${v.message}` }));
    writeError(ex, 400, 'VALIDATION_ERROR', items[0].message, items.slice(1));
  }

  // ---- pipeline ----

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const ex: Exchange = {
      req, res, route: undefined, pathParams: NO_PARAMS, query: NO_PARAMS, principal: undefined,
      rate: undefined, fault: undefined, started: log ? performance.now() : 0, chunks: undefined, size: 0, badPath: false, timer: undefined,
      authorization: undefined, contentType: undefined, contentLength: undefined, transferEncoding: undefined, faultHeader: undefined,
      hooks: undefined, identify: undefined, body: undefined, bodyRead: false,
    };
    scanHeaders(ex, req.rawHeaders);
    if (credentialHeader !== undefined) ex.authorization = headerOf(req, credentialHeader);
    if (log) res.once('finish', logExchange.bind(null, ex));
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';

    // 1. route
    let match: RouteMatch = { kind: 'none' };
    if (pathname.startsWith(basePath) && (pathname.length === basePath.length || pathname.charCodeAt(basePath.length) === 47 /* / */)) {
      match = router.match(method, pathname.slice(basePath.length) || '/');
    }
    if (match.kind !== 'found' && api.kit !== undefined && pathname.startsWith(CONTROL_PREFIX)) {
      readControl(ex, api.kit, method, pathname, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
      return;
    }
    if (match.kind !== 'found' && api.sidePage !== undefined) {
      const page = api.sidePage(method, pathname, new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
      if (page !== undefined) { writeText(ex, page.status, page.body, { 'cache-control': 'no-store' }, page.contentType); return; }
    }
    if (match.kind !== 'found') {
      // Unknown routes still count against the caller's bucket, so rate-limit headers are on every response.
      if (limiter) {
        const who = authenticate(ex.authorization, req);
        ex.rate = who !== undefined ? limiter.take(who.bucket, who.rateLimitPerHour) : limiter.take(anonymousBucket(req));
      }
      if (match.kind === 'method') {
        writeError(ex, 405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed on '${pathname}'`, undefined, { allow: match.allowed.join(', ') });
      } else {
        writeError(ex, 404, 'NOT_FOUND', `Route '${method} ${pathname}' not found`);
      }
      return;
    }
    const route = match.route;
    ex.route = route;

    // Path and query parameters are parsed here; they are validated with the body, below.
    ex.pathParams = match.params ?? NO_PARAMS;
    ex.badPath = match.params === undefined;
    if (q >= 0 && route.hasQuery) ex.query = Object.fromEntries(new URLSearchParams(url.slice(q + 1)));

    // Operations that identify the caller by the body (Core's login) read it first; auth, rate
    // limit and faults follow in proceed().
    const identify = identifyByBody?.[route.operationId];
    if (identify !== undefined) {
      ex.identify = identify;
      readBody(ex);
      return;
    }

    // 2.-4. auth, rate limit, fault injection
    if (!admit(ex)) return;
    if (ex.fault !== undefined && ex.fault.kind === 'delay') { delay(ex, ex.fault.ms); return; }

    // 5. body, then validation and the handler
    readBody(ex);
  }

  /** Auth, rate limit and fault injection; false when the request has been answered (or dropped). */
  function admit(ex: Exchange): boolean {
    const req = ex.req;
    const route = ex.route!;
    // 2. auth (operations the spec leaves unsecured still learn who calls, when credentials are good)
    const authenticated = authenticate(ex.authorization, req);
    const principal: Principal | undefined = route.operation.secured
      ? authenticated
      : authenticated !== undefined && authenticated.denied === undefined ? authenticated : ANONYMOUS;
    ex.principal = principal;

    // 3. rate limit (a caller without valid credentials counts against its address)
    if (limiter) {
      const who = (ex.identify !== undefined ? ex.identify(ex.body) : undefined) ?? principal;
      const rate = who !== undefined && who !== ANONYMOUS ? limiter.take(who.bucket, who.rateLimitPerHour) : limiter.take(anonymousBucket(req));
      ex.rate = rate;
      if (!rate.allowed && (principal !== undefined || throttleUnauthenticated)) {
        writeError(ex, 429, 'RATE_LIMITED', `Rate limit of ${rate.limit} requests per hour exceeded; retry after the window resets`,
          undefined, { 'retry-after': String(Math.max(1, rate.resetEpochSeconds - Math.floor(now() / 1000))) });
        return false;
      }
    }
    if (principal === undefined) {
      const u = api.unauthorized;
      writeError(ex, 401, u.code, u.message, undefined, u.headers);
      return false;
    }
    const denied = principal.denied;
    if (denied !== undefined) {
      writeError(ex, denied.status, denied.code, denied.message, undefined, denied.headers);
      return false;
    }
    const refusal = principal !== ANONYMOUS ? api.authorize?.(principal as P, route.operation) : undefined;
    if (refusal !== undefined) {
      writeError(ex, refusal.status, refusal.code, refusal.message);
      return false;
    }

    // 4. fault injection
    const faultHeader = ex.faultHeader;
    if (faultHeader !== undefined) {
      const parsed = parseFault(faultHeader);
      if (!parsed.ok) { writeError(ex, 400, 'INVALID_FAULT', `X-Twin-Fault: ${parsed.error}`); return false; }
      ex.fault = parsed.fault;
    } else if (faultRate > 0 && Math.random() < faultRate) {
      ex.fault = globalFault;
    }
    const fault = ex.fault;
    if (fault !== undefined) {
      switch (fault.kind) {
        case 'status':
          writeError(ex, fault.status, 'INJECTED_FAULT', `Injected fault: status ${fault.status}`);
          return false;
        case 'reset':
          req.socket.destroy();
          return false;
        case 'timeout':
          holdUntilTimeout(req.socket);
          return false;
        default:
          break; // delay is scheduled by the caller; malformed-json and content-type alter the answer only
      }
    }
    return true;
  }

  /** A twin-only operation (twin/control.ts): JSON in, JSON out, no credentials, no rate limit. */
  function readControl(ex: Exchange, kit: TwinKit, method: string, path: string, query: URLSearchParams): void {
    // Written directly, past writeText: a twin-only call must not count against (or show) any caller's rate limit.
    const answer = (status: number, body: string, contentType = JSON_TYPE) => {
      ex.res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' }).end(body);
    };
    const error = (status: number, code: string, message: string) => answer(status, JSON.stringify(api.errorBody(status, code, message)));
    const chunks: Buffer[] = [];
    let size = 0;
    ex.req.on('data', (chunk: Buffer) => { size += chunk.length; if (size <= MAX_BODY_BYTES) chunks.push(chunk); });
    ex.req.on('end', () => {
      if (size > MAX_BODY_BYTES) { error(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`); return; }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      if (text.length) {
        try { body = JSON.parse(text); } catch { error(400, 'INVALID_BODY', 'Request body is not valid JSON'); return; }
      }
      let result;
      try {
        result = handleControl(kit, method, path, query, body);
      } catch (failure) {
        if (failure instanceof TwinError) { error(failure.status, failure.code, failure.message); return; }
        console.error(`twin: internal error in ${method} ${path}: ${(failure as Error)?.stack ?? String(failure)}`);
        error(500, 'INTERNAL_ERROR', 'Internal error in the twin');
        return;
      }
      if (result !== undefined) { answer(result.status, JSON.stringify(result.data)); return; }
      const page = method === 'GET' ? api.sidePage?.(method, path, query) : undefined;
      if (page !== undefined) { answer(page.status, page.body, page.contentType); return; }
      error(404, 'NOT_FOUND', `No twin-only operation '${method} ${path}' (see twin/README.md)`);
    });
  }

  function delay(ex: Exchange, ms: number): void {
    ex.timer = setTimeout(afterDelay, ms, ex);
    pendingTimers.add(ex.timer);
  }

  /** After the body: straight to validation, or first auth, rate limit and faults for operations that identify by body. */
  function proceed(ex: Exchange, body: unknown): void {
    if (ex.identify === undefined) { dispatch(ex, body); return; }
    if (ex.res.headersSent || ex.req.socket.destroyed) return;
    ex.body = body;
    ex.bodyRead = true;
    if (!admit(ex)) return;
    if (ex.fault !== undefined && ex.fault.kind === 'delay') { delay(ex, ex.fault.ms); return; }
    dispatch(ex, body);
  }

  function afterDelay(ex: Exchange): void {
    pendingTimers.delete(ex.timer!);
    if (ex.req.socket.destroyed) return;
    if (ex.bodyRead) dispatch(ex, ex.body);
    else readBody(ex);
  }

  function readBody(ex: Exchange): void {
    const length = ex.contentLength;
    if ((length === undefined || length === '0') && ex.transferEncoding === undefined) {
      proceed(ex, undefined);
      return;
    }
    if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
      writeError(ex, 413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`, undefined, { connection: 'close' });
      return;
    }
    ex.chunks = [];
    const req = ex.req as IncomingMessage & { twinExchange?: Exchange };
    req.twinExchange = ex;
    req.on('data', onBodyData);
    req.on('end', onBodyEnd);
  }

  function onBodyData(this: IncomingMessage & { twinExchange?: Exchange }, chunk: Buffer): void {
    const ex = this.twinExchange!;
    if (ex.chunks === undefined) return;
    ex.size += chunk.length;
    if (ex.size > MAX_BODY_BYTES) {
      ex.chunks = undefined;
      writeError(ex, 413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`, undefined, { connection: 'close' });
      return;
    }
    ex.chunks.push(chunk);
  }

  function onBodyEnd(this: IncomingMessage & { twinExchange?: Exchange }): void {
    const ex = this.twinExchange!;
    this.twinExchange = undefined;
    if (ex.chunks === undefined) return;
    const text = ex.chunks.length === 1 ? ex.chunks[0].toString('utf8') : Buffer.concat(ex.chunks, ex.size).toString('utf8');
    ex.chunks = undefined;
    if (text.length === 0) { proceed(ex, undefined); return; }
    const contentType = ex.contentType;
    if (isJson(contentType)) {
      let body: unknown;
      try { body = JSON.parse(text); } catch {
        writeError(ex, 400, 'INVALID_BODY', 'Request body is not valid JSON');
        return;
      }
      proceed(ex, body);
    } else if (mediaType(contentType) === FORM_TYPE) {
      proceed(ex, parseForm(text));
    } else {
      proceed(ex, text); // validation answers that this content type is not accepted
    }
  }

  function dispatch(ex: Exchange, body: unknown): void {
    if (ex.res.headersSent || ex.req.socket.destroyed) return;
    const route = ex.route!;
    if (ex.badPath) { writeError(ex, 400, 'VALIDATION_ERROR', 'path parameter is not valid percent-encoding'); return; }
    const violations = contract.checkRequest(route.operationId, {
      pathParams: ex.pathParams,
      query: ex.query,
      contentType: ex.contentType,
      body,
      authorized: true,
    });
    const refused = variant?.accepts ? violations.filter((v) => !variant.accepts!(v, route.operationId)) : violations;
    if (refused.length) { writeViolations(ex, refused); return; }
    const handler = handlers[route.operationId];
    if (handler === undefined) {
      writeError(ex, 501, 'NOT_IMPLEMENTED', `Operation '${route.operationId}' is not implemented by the twin`);
      return;
    }
    let result: HandlerResult;
    try {
      result = handler(api.state, { pathParams: ex.pathParams, query: ex.query, body, principal: ex.principal as P, hooks: ex.hooks ?? NO_PARAMS });
    } catch (error) {
      if (error instanceof TwinError) {
        writeError(ex, error.status, error.code, error.message, error.extraErrors, error.headers);
      } else {
        // Never echo internals (or request data) to the client; the stack has neither secrets nor bodies.
        console.error(`twin: internal error in ${route.operationId}: ${(error as Error)?.stack ?? String(error)}`);
        writeError(ex, 500, 'INTERNAL_ERROR', 'Internal error in the twin');
      }
      return;
    }
    if (variant?.rewrite) {
      const body = api.successBody(result.status, result.data);
      const out = variant.rewrite(route.operationId, result.status, body) ?? { status: result.status, body };
      writeJson(ex, out.status, out.body);
    } else if (successJson !== undefined) writeText(ex, result.status, successJson(result.status, result.data));
    else writeJson(ex, result.status, api.successBody(result.status, result.data));
  }

  function holdUntilTimeout(socket: Socket): void {
    const timer = setTimeout(closeHeldSocket, TIMEOUT_FAULT_CLOSE_MS, socket);
    timer.unref();
    pendingTimers.add(timer);
    socket.once('close', () => { clearTimeout(timer); pendingTimers.delete(timer); });
  }

  function logExchange(ex: Exchange): void {
    const url = ex.req.url ?? '/';
    const q = url.indexOf('?');
    log!(`${ex.req.method} ${q < 0 ? url : url.slice(0, q)} ${ex.res.statusCode} ${(performance.now() - ex.started).toFixed(1)}ms`);
  }

  const server = http.createServer({ keepAliveTimeout: 65_000 }, onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${address.port}${basePath}`,
    host: address.address,
    port: address.port,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** One pass over the raw header list for the few headers the pipeline reads; the first occurrence wins. */
function scanHeaders(ex: Exchange, raw: string[]): void {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    switch (name.length) {
      case 12: { // content-type and x-twin-fault
        const lower = name.toLowerCase();
        if (lower === 'content-type') ex.contentType ??= raw[i + 1];
        else if (lower === FAULT_HEADER) ex.faultHeader ??= raw[i + 1];
        break;
      }
      case 13: if (ex.authorization === undefined && name.toLowerCase() === 'authorization') ex.authorization = raw[i + 1]; break;
      case 14: if (ex.contentLength === undefined && name.toLowerCase() === 'content-length') ex.contentLength = raw[i + 1]; break;
      case 17: if (ex.transferEncoding === undefined && name.toLowerCase() === 'transfer-encoding') ex.transferEncoding = raw[i + 1]; break;
      default: break;
    }
    // Test hooks: X-Twin-* other than X-Twin-Fault (e.g. Core's X-Twin-Token-Ttl-Ms). Cheap reject on "x-" first.
    if (name.length > 7 && (name.charCodeAt(0) | 32) === 120 /* x */ && name.charCodeAt(1) === 45 /* - */) {
      const lower = name.toLowerCase();
      if (lower.startsWith('x-twin-') && lower !== FAULT_HEADER) (ex.hooks ??= {})[lower] ??= raw[i + 1];
    }
  }
}

const ANONYMOUS: Principal = Object.freeze({ bucket: 'anonymous' });

/** A request header's first value (req.headers joins repeats; the first occurrence wins as in scanHeaders). */
function headerOf(req: IncomingMessage, lowerName: string): string | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === lowerName.length && raw[i].toLowerCase() === lowerName) return raw[i + 1];
  return undefined;
}

function anonymousBucket(req: IncomingMessage): string {
  return `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

function closeHeldSocket(socket: Socket): void {
  socket.destroy();
}

/** application/x-www-form-urlencoded into flat string fields (the validator coerces them to the schema's types). */
export function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) fields[key] = value;
  return fields;
}
