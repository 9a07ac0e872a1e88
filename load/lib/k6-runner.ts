// Runs the shared flows inside k6: each Step becomes one synchronous http.request, tagged with
// its operationId; the status is checked with check(), a CONTRACT_SAMPLE share of responses is
// validated with the spec's precompiled validators, and a 429 aborts the whole run.
// k6 itself comes in through RunnerDeps, so this module runs (and is tested) in Node too.
import { FlowError, runFlowSync, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import { coreLogin, type CoreCredentials, type CoreSession } from '../../scenarios/core.ts';
import { buildRequest, requestBuilder, type BuiltRequest, type OperationInput, type OperationRef } from '../../lib/http.ts';

export interface HttpResponseLike {
  status: number;
  body: string | ArrayBuffer | null;
  headers: Record<string, string>;
  /** k6 sets it on transport errors (status 0). */
  error?: string;
}

export interface RequestParams {
  headers: Record<string, string>;
  tags: Record<string, string>;
  responseCallback?: unknown;
}

export interface CounterLike { add(value: number, tags?: Record<string, string>): void }

export interface RunnerDeps {
  request(method: string, url: string, body: string | null, params: RequestParams): HttpResponseLike;
  check(value: unknown, sets: Record<string, (value: any) => boolean>, tags?: Record<string, string>): boolean;
  counters: {
    /** Responses that break the spec, tagged by operation. */
    contractViolations: CounterLike;
    /** Responses breaking only inferred rules of the spec (unconfirmed assumptions). */
    contractAssumptions: CounterLike;
    /** Responses validated (the CONTRACT_SAMPLE share); untagged: only the total is reported, and tags double a metric sample's cost in k6. */
    contractChecked: CounterLike;
    /** 429 answers; its threshold aborts the run. */
    rateLimited: CounterLike;
  };
  random(): number;
  warn(message: string): void;
  /** Ends the whole test run now (k6: exec.test.abort). */
  abort(reason: string): void;
  /** k6: http.expectedStatuses(...), for the readiness probe. */
  expectedStatuses(...statuses: number[]): unknown;
}

export interface OperationMeta { method: string; path: string; statuses: number[] }

/** A standalone Ajv validate function. */
export interface ResponseValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string; keyword: string; params?: Record<string, unknown> }> | null;
}

export interface RunnerConfig {
  baseUrl: string;
  /** Authorization header value; never logged. Undefined: no header (Core's login). */
  authorization: string | undefined;
  /** Further credential headers (the API Layer's X-API-Key); never logged. */
  credentialHeaders?: Record<string, string>;
  /** Share of responses (0..1) validated against the spec. */
  contractSample: number;
  operations: Record<string, OperationMeta>;
  /** `${operationId} ${status}` → validator of that response body. */
  validators: Record<string, ResponseValidator>;
  /**
   * The same bodies with the inferred constraints taken out, run only when the full validator
   * fails: passing them means the response broke only inferred rules (an assumption, not a
   * contract violation). Without them every failure counts as a contract violation.
   */
  documentedValidators?: Record<string, ResponseValidator>;
  /** `${operationId} ${status}` of bodies inferred as a whole: a non-JSON answer there is an assumption too. */
  inferredBodies?: string[];
}

export type Execute = (step: Step) => StepResponse;

/** A 429: the run stops at once so the account's limit is not hammered. */
export class RateLimitedError extends Error {
  constructor(readonly operationId: string) {
    super(`${operationId} answered 429 Too Many Requests: the account's rate limit is reached; the run is aborted so it is not hammered. `
      + 'Wait for the window to reset, and lower the profile or RATE_LIMIT_PER_HOUR.');
    this.name = 'RateLimitedError';
  }
}

interface PreparedOperation {
  ref: OperationRef;
  build: (input: OperationInput) => BuiltRequest;
  tags: Record<string, string>;
  /** k6 request params, one per headers object the builder answers (with and without a body): built once. */
  params: { plain?: RequestParams; withBody?: RequestParams };
  statuses: number[];
  validators: Record<number, ResponseValidator | undefined>;
  documentedValidators: Record<number, ResponseValidator | undefined>;
  inferredBodies: Record<number, boolean>;
  /** The statuses the spec lists, as keys: a lookup is cheaper than indexOf in k6. */
  listed: Record<number, true>;
  statusChecks: Record<number, Record<string, (status: number) => boolean>>;
}

/** A broken rule: `documented` when it rests on the docs (a contract violation), else an assumption. */
interface ContractProblem { problem: string; documented: boolean }

/** At most `limit` messages per VU, so a broken target does not flood the log. */
export function limitedLog(warn: (message: string) => void, limit: number): (message: string) => void {
  let count = 0;
  return (message) => {
    count++;
    if (count <= limit) warn(message);
    else if (count === limit + 1) warn(`(further messages from this VU suppressed after ${limit})`);
  };
}

export function createExecutor(deps: RunnerDeps, config: RunnerConfig, log = limitedLog(deps.warn, 10)): Execute {
  const prepared: Record<string, PreparedOperation> = {};
  const sample = config.contractSample;
  const options = { baseUrl: config.baseUrl, authorization: config.authorization, headers: config.credentialHeaders };

  function prepare(operationId: string): PreparedOperation {
    const meta = config.operations[operationId];
    if (!meta) throw new Error(`Operation "${operationId}" is not in the bundled spec; rebuild the load bundles (npm run load:build).`);
    const validators: Record<number, ResponseValidator | undefined> = {};
    const documentedValidators: Record<number, ResponseValidator | undefined> = {};
    const inferredBodies: Record<number, boolean> = {};
    const listed: Record<number, true> = {};
    for (const status of meta.statuses) {
      listed[status] = true;
      const key = `${operationId} ${status}`;
      validators[status] = config.validators[key];
      documentedValidators[status] = config.documentedValidators?.[key];
      inferredBodies[status] = (config.inferredBodies ?? []).indexOf(key) >= 0;
    }
    // name: the path template, so k6 groups /cards/{cardId} as one URL instead of one series per id.
    const ref = { operationId, method: meta.method, path: meta.path };
    const op: PreparedOperation = {
      ref,
      build: requestBuilder(ref, options),
      params: {},
      tags: { operation: operationId, name: `${meta.method.toUpperCase()} ${meta.path}` },
      statuses: meta.statuses,
      validators,
      documentedValidators,
      inferredBodies,
      listed,
      statusChecks: {},
    };
    prepared[operationId] = op;
    return op;
  }

  function statusCheck(op: PreparedOperation, expect: number): Record<string, (status: number) => boolean> {
    let sets = op.statusChecks[expect];
    if (!sets) {
      sets = { [`${op.ref.operationId} answers ${expect}`]: (status: number) => status === expect };
      op.statusChecks[expect] = sets;
    }
    return sets;
  }

  function validate(op: PreparedOperation, status: number, res: HttpResponseLike, response: StepResponse): void {
    deps.counters.contractChecked.add(1);
    const found = contractProblem(op, status, res, response);
    if (found === undefined) return;
    const where = `${op.ref.operationId} (${op.ref.method.toUpperCase()} ${op.ref.path}) status ${status}: ${found.problem}`;
    if (found.documented) {
      deps.counters.contractViolations.add(1, op.tags);
      log(`contract violation (documented rule): ${where}`);
    } else {
      deps.counters.contractAssumptions.add(1, op.tags);
      log(`unconfirmed assumption (inferred rule): ${where}`);
    }
  }

  // Twin-only steps (card transactions) go to the twin's origin, without credentials; no spec checks them.
  const origin = (/^https?:\/\/[^/]+/i.exec(config.baseUrl) ?? [''])[0];
  const twinTags: Record<string, Record<string, string>> = {};
  function executeTwinOnly(step: Step): StepResponse {
    const { method, path } = step.twinOnly!;
    const tags = twinTags[step.operationId] ??= { operation: step.operationId, name: `${method} ${step.operationId}` };
    const body = step.input.body === undefined ? null : JSON.stringify(step.input.body);
    const res = deps.request(method, `${origin}${path}`, body, { headers: body === null ? {} : { 'Content-Type': 'application/json' }, tags });
    deps.check(res.status, { [`${step.operationId} answers ${step.expect}`]: (status: number) => status === step.expect }, tags);
    return lazyResponse(step.operationId, res.status, res.body, res.error);
  }

  return function execute(step: Step): StepResponse {
    if (step.twinOnly) return executeTwinOnly(step);
    const op = prepared[step.operationId] ?? prepare(step.operationId);
    const req = op.build(step.input);
    const params = req.body === undefined
      ? op.params.plain ??= { headers: req.headers, tags: op.tags }
      : op.params.withBody ??= { headers: req.headers, tags: op.tags };
    const res = deps.request(req.method, req.url, req.body ?? null, params);
    const status = res.status;
    if (status === 429) {
      deps.counters.rateLimited.add(1, op.tags);
      throw new RateLimitedError(step.operationId);
    }
    deps.check(status, statusCheck(op, step.expect), op.tags);
    const response = lazyResponse(step.operationId, status, res.body, res.error);
    if (status !== 0 && (sample >= 1 || (sample > 0 && deps.random() < sample))) validate(op, status, res, response);
    return response;
  };
}

/**
 * What is wrong with a response, or undefined; names the JSON pointer and the rule, never a value.
 * The hot path is one validation: the documented-only validator runs only when the full one fails.
 */
function contractProblem(op: PreparedOperation, status: number, res: HttpResponseLike, response: StepResponse): ContractProblem | undefined {
  // The docs never say no other status is answered: an unlisted one is the spec's guess that failed.
  if (op.listed[status] !== true) return { problem: `status ${status} is not in the spec (it lists ${op.statuses.join(', ')})`, documented: false };
  const validator = op.validators[status];
  if (!validator) return undefined;
  const documentedBody = !op.inferredBodies[status];
  const contentType = headerOf(res.headers, 'content-type');
  if (!isJsonType(contentType)) return { problem: `content type is "${contentType || '(none)'}", expected application/json`, documented: documentedBody };
  const body = response.body;
  if (body === undefined) return { problem: 'body is not valid JSON', documented: documentedBody };
  if (validator(body)) return undefined;
  const documentedOnly = op.documentedValidators[status];
  const brokenDocumented = documentedOnly === undefined || !documentedOnly(body);
  const error = ((brokenDocumented && documentedOnly ? documentedOnly.errors : validator.errors) ?? [])[0];
  if (!error) return { problem: 'body does not match the schema', documented: brokenDocumented };
  const extra = error.params && (error.params.additionalProperty ?? error.params.unevaluatedProperty);
  return { problem: `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${extra !== undefined ? `: "${String(extra)}"` : ''}`, documented: brokenDocumented };
}

// A server answers one or two content types: the last one found JSON is remembered (per VU), so
// the regex runs once per distinct value instead of once per response.
let lastJsonType = '';
function isJsonType(contentType: string): boolean {
  if (contentType === lastJsonType) return true;
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) return false;
  lastJsonType = contentType;
  return true;
}

function headerOf(headers: Record<string, string>, name: string): string {
  // k6 canonicalises header names (Content-Type); fakes and other runtimes may not.
  const direct = headers[name] ?? headers['Content-Type'];
  if (direct !== undefined) return direct;
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return '';
}

/** A step's response; `transportError` is k6's error text when there was no answer (status 0). */
export interface RunnerStepResponse extends StepResponse { transportError?: string }

/** The body is parsed on first read, once: flows that never read it cost no JSON.parse. */
function lazyResponse(operationId: string, status: number, raw: string | ArrayBuffer | null, transportError: string | undefined): RunnerStepResponse {
  let parsed = false;
  let value: unknown;
  return {
    operationId,
    status,
    transportError: status === 0 ? transportError || 'no response' : undefined,
    get body(): any {
      if (!parsed) {
        parsed = true;
        value = typeof raw === 'string' && raw.length ? tryParse(raw) : undefined;
      }
      return value;
    },
  };
}

function tryParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

/**
 * Runs one iteration's flow. A failed flow is one failed check (named after the scenario) and a
 * log line; a 429 aborts the run, outside any try so nothing can swallow the abort.
 */
export function runIteration(deps: RunnerDeps, scenario: string, flow: Flow<unknown>, execute: Execute, log: (message: string) => void, errorCode?: ErrorCodeOf): boolean {
  let ok = false;
  let abortReason: string | undefined;
  try {
    runFlowSync(flow, execute);
    ok = true;
  } catch (error) {
    if (error instanceof RateLimitedError) abortReason = error.message;
    else log(`${scenario}: ${describeError(error, errorCode)}`);
  }
  deps.check(ok, { [`${scenario} flow completes`]: (v: boolean) => v }, { flow: scenario });
  if (abortReason !== undefined) deps.abort(abortReason);
  return ok;
}

/** The machine-readable code of an error body, per API (load/lib/apis.ts). */
export type ErrorCodeOf = (body: any) => string;

/** A failed flow in one line: operationId, expected and actual status, the API's error code. Never a body. */
export function describeError(error: unknown, errorCode?: ErrorCodeOf): string {
  if (error instanceof FlowError) {
    if (!errorCode) return error.message; // FlowError names Sovera's envelope code itself
    const r = error.response as RunnerStepResponse;
    const detail = r.status === 0 ? r.transportError ?? '' : errorCode(r.body);
    return `${error.step.operationId}: expected status ${error.step.expect}, got ${r.status}${detail ? ` (${detail})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface PoolOptions<M = any, U extends { email: string } = any> {
  poolSize: number;
  clientCode: string;
  users: ArrayLike<U>;
  /** Makes emails unique per run (providers may refuse a reused email). */
  runId: string;
  provision(user: U, clientCode: string): Flow<M>;
  errorCode?: ErrorCodeOf;
}

/** Checks the target answers before provisioning anything: one request, and a clear error when it does not. */
export function checkReadiness(deps: RunnerDeps, config: RunnerConfig, operationId: string, input: OperationInput = { path: { walletId: 'readiness-probe' } }, keyHint = 'SOVERA_API_KEY for a sandbox, TWIN_API_KEYS for a twin'): void {
  const meta = config.operations[operationId];
  if (!meta) throw new Error(`Readiness operation "${operationId}" is not in the bundled spec.`);
  const req = buildRequest({ operationId, method: meta.method, path: meta.path }, input, {
    baseUrl: config.baseUrl,
    authorization: config.authorization,
    headers: config.credentialHeaders,
  });
  const res = deps.request(req.method, req.url, null, {
    headers: req.headers,
    tags: { operation: operationId, name: `${meta.method.toUpperCase()} ${meta.path}`, phase: 'readiness' },
    // A stateless mock answers 200, a real server 404 for the unknown id: both mean "up".
    responseCallback: deps.expectedStatuses(200, 404),
  });
  if (res.status === 0) {
    throw new Error(`Cannot reach ${config.baseUrl} (${res.error || 'no response'}). Start the target first (npm run load starts the twin or mock itself), or fix BASE_URL.`);
  }
  if (res.status === 401 || res.status === 403) {
    throw new Error(`${config.baseUrl} refused the API key (${operationId} answered ${res.status}). Check ${keyHint}.`);
  }
  if (res.status === 429) {
    deps.counters.rateLimited.add(1, { operation: operationId });
    throw new RateLimitedError(operationId);
  }
  if (res.status !== 200 && res.status !== 404) {
    throw new Error(`${config.baseUrl} is not ready: ${operationId} answered ${res.status}, expected 200 or 404. Is BASE_URL the API's base URL (with /cards/v2 on a twin or sandbox)?`);
  }
}

/**
 * Core's setup entry: one login through the executor (tagged, status-checked and validated like
 * any step; sent without credentials), with a clear error when the target is down or refuses the
 * account. A 429 propagates as RateLimitedError. The token is returned, never logged.
 */
export function loginForSetup(execute: Execute, credentials: CoreCredentials, baseUrl: string): CoreSession {
  try {
    return runFlowSync(coreLogin(credentials), execute);
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    const r = error.response as RunnerStepResponse;
    if (r.status === 0) {
      throw new Error(`Cannot reach ${baseUrl} (${r.transportError ?? 'no response'}). Start the target first (npm run load starts the twin or mock itself), or fix BASE_URL.`);
    }
    if (r.status === 401 || r.status === 403) {
      throw new Error(`${baseUrl} refused the login (login answered ${r.status}). Check CORE_EMAIL and CORE_PASSWORD for a sandbox, TWIN_CORE_ACCOUNTS for a twin.`);
    }
    throw new Error(`${baseUrl} is not ready: login answered ${r.status}, expected 200. Is BASE_URL the Core API's base URL?`);
  }
}

/** Provisions the pool through the shared flows; throws, naming the member and step, when one fails. */
export function provisionPool<M, U extends { email: string }>(execute: Execute, options: PoolOptions<M, U>): M[] {
  if (!options.users.length) throw new Error('No test users: the load-data.json next to the bundle is empty; rebuild (npm run load:build).');
  const pool: M[] = [];
  for (let i = 0; i < options.poolSize; i++) {
    const user = options.users[i % options.users.length];
    const unique = { ...user, email: uniqueEmail(user.email, options.runId, i) };
    try {
      pool.push(runFlowSync(options.provision(unique, options.clientCode), execute));
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      throw new Error(`Provisioning pool member ${i + 1} of ${options.poolSize} failed: ${describeError(error, options.errorCode)}`);
    }
  }
  return pool;
}

export function uniqueEmail(email: string, runId: string, index: number): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : `${email.slice(0, at)}+${runId}${index}${email.slice(at)}`;
}

/**
 * The pool member of a VU. VU ids are unique across the test, so with a pool at least as large
 * as the VUs that may run at once, no two VUs block and unblock (or top up) the same card.
 */
export function memberFor<T>(pool: readonly T[], vuIdInTest: number): T {
  if (!pool.length) throw new Error('The pool is empty: setup() provisioned nothing.');
  return pool[(vuIdInTest - 1) % pool.length];
}
