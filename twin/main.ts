// The twin's CLI and its in-process entry point (startTwin), used by the tests and the bench.
//   node --import=#ts twin/main.ts --help
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { accessLevelOf, apiProfile, levelKeyList, LOCAL_LEVEL_KEYS } from '../lib/apis.ts';
import { MAX_HOOK_TOKEN_TTL_MS, type CorePrincipal } from './core/handlers.ts';
import { createCoreApi } from './core/index.ts';
import { BACKDATE_HOOK } from './api-layer/handlers.ts';
import { createApiLayerApi, OUTBOX_PATH, PAN_PAGE_PREFIX, type LevelKey } from './api-layer/index.ts';
import type { ApiLayerPrincipal, ApiLayerState } from './api-layer/state.ts';
import { DEFAULT_ACCOUNT, DEFAULT_TOKEN_TTL_SECONDS, type CoreAccountConfig, type CoreState } from './core/state.ts';
import { TestClock } from './clock.ts';
import { DEFAULT_RETRY, loopbackCallbackError, WebhookDispatcher, type RetryPolicy } from './webhooks.ts';
import { FAULT_SYNTAX, parseFault, parseFaultRate, type Fault } from './faults.ts';
import { isLoopbackHost, startServer, type ApiDefinition, type RunningServer, type TwinVariant } from './server.ts';
import type { SoveraPrincipal } from './sovera/handlers.ts';
import { createSoveraApi } from './sovera/index.ts';
import type { SoveraState } from './sovera/state.ts';

/** Same value as LOCAL_API_KEY in lib/config.ts (not imported: the twin stays independent of the client side). */
export const DEFAULT_API_KEY = 'local-harness-key';
export const DEFAULT_PORT = 4020;
export const DEFAULT_HOST = '127.0.0.1';
export const TWIN_APIS = ['sovera', 'core', 'api-layer'] as const;
export type TwinApi = (typeof TWIN_APIS)[number];
/** Core answers X-RateLimit-* on every response (the spec requires them), so its limit is never off. */
export const DEFAULT_CORE_RATE_LIMIT_PER_HOUR = apiProfile('core').rateLimitPerHour!;
/** The API Layer twin's default keys: the harness's local ones, one per access level; not secrets. */
export const DEFAULT_LEVEL_KEYS: readonly LevelKey[] = Object.freeze(levelKeyList(LOCAL_LEVEL_KEYS));
export const MAX_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface TwinOptions {
  api: TwinApi;
  host: string;
  port: number;
  /** Sovera: accepted API keys. */
  apiKeys: string[];
  /** Sovera: physical cards count as printed this long after creation. */
  printDelayMs: number;
  /** Default requests per hour per client/account; 0 = off (Sovera only). Core: 1000 when not given. */
  rateLimitPerHour: number;
  faultRate: number;
  fault?: Fault;
  log: boolean;
  /** Core: accounts that can log in (default: the docs' sandbox account test@example.com / test123). */
  accounts?: CoreAccountConfig[];
  /** Core: token lifetime from login (default 3600). */
  tokenTtlSeconds?: number;
  /** API Layer: accepted keys with their access levels (default DEFAULT_LEVEL_KEYS). */
  levelKeys?: LevelKey[];
  /** Base of the instance's test clock (print delay, creation dates, token expiry); tests only. */
  now?: () => number;
  /** API Layer: the webhook endpoint and key of the management configuration (also PUT /_twin/webhooks). */
  webhookUrl?: string;
  webhookKey?: string;
  /** Webhook retries: attempts, first wait (doubling), timeout per attempt (default DEFAULT_RETRY). */
  webhookRetry?: RetryPolicy;
  /** A twin deciding the docs' open points differently (test fixture; see TwinVariant). */
  variant?: TwinVariant;
}

export type SoveraApi = ApiDefinition<SoveraState, SoveraPrincipal>;
export type CoreApi = ApiDefinition<CoreState, CorePrincipal>;
export type ApiLayerApi = ApiDefinition<ApiLayerState, ApiLayerPrincipal>;

export interface RunningTwin<A extends SoveraApi | CoreApi | ApiLayerApi = SoveraApi> extends RunningServer {
  api: A;
  options: TwinOptions;
}

export type RunningCoreTwin = RunningTwin<CoreApi>;
export type RunningApiLayerTwin = RunningTwin<ApiLayerApi>;

export const DEFAULT_OPTIONS: TwinOptions = {
  api: 'sovera', host: DEFAULT_HOST, port: DEFAULT_PORT, apiKeys: [DEFAULT_API_KEY],
  printDelayMs: 0, rateLimitPerHour: 0, faultRate: 0, log: false,
};

/**
 * Starts a twin in this process. Port 0 (the default here, unlike the CLI) picks a free port.
 * `api: 'core'` (literally) types the result as the Core twin; otherwise it is typed as Sovera's,
 * as existing callers expect (narrow on `twin.options.api` when the API is only known at run time).
 */
export async function startTwin(overrides: Partial<TwinOptions> & { api: 'core' }): Promise<RunningCoreTwin>;
export async function startTwin(overrides: Partial<TwinOptions> & { api: 'api-layer' }): Promise<RunningApiLayerTwin>;
export async function startTwin(overrides?: Partial<TwinOptions>): Promise<RunningTwin>;
export async function startTwin(overrides: Partial<TwinOptions> = {}): Promise<RunningTwin | RunningCoreTwin | RunningApiLayerTwin> {
  const options: TwinOptions = { ...DEFAULT_OPTIONS, port: 0, ...overrides };
  // One test clock and one webhook dispatcher per twin instance: every time rule reads the clock.
  const clock = new TestClock(options.now ?? Date.now);
  const variant = options.variant;
  const instance = { clock, webhooks: new WebhookDispatcher(clock.now, options.webhookRetry ?? DEFAULT_RETRY, variant?.webhook), wrapFunds: variant?.funds };
  const withInstance = <T extends RunningServer>(running: T): T => {
    const close = running.close.bind(running);
    return { ...running, close: () => { instance.webhooks.close(); return close(); } };
  };
  if (options.api === 'api-layer') {
    const api = createApiLayerApi({ keys: options.levelKeys?.length ? options.levelKeys : [...DEFAULT_LEVEL_KEYS], instance });
    if (options.webhookUrl) api.kit!.configureWebhook!({ url: options.webhookUrl, key: options.webhookKey });
    const running = withInstance(await startServer(api, serverOptions(options, clock)));
    api.state.linkBase = running.url; // PAN links point at this twin, on loopback
    return { ...running, api, options };
  }
  if (options.api === 'core') {
    if (overrides.rateLimitPerHour === undefined) options.rateLimitPerHour = DEFAULT_CORE_RATE_LIMIT_PER_HOUR;
    if (!(options.rateLimitPerHour >= 1)) {
      throw new Error('the Core twin always rate-limits (the spec requires X-RateLimit-* on every response): give rateLimitPerHour >= 1');
    }
    const api = createCoreApi({ accounts: options.accounts, tokenTtlSeconds: options.tokenTtlSeconds, instance });
    const running = withInstance(await startServer(api, serverOptions(options, clock)));
    return { ...running, api, options };
  }
  const api = createSoveraApi({ apiKeys: options.apiKeys, printDelayMs: options.printDelayMs, instance });
  const running = withInstance(await startServer(api, serverOptions(options, clock)));
  return { ...running, api, options };
}

function serverOptions(options: TwinOptions, clock: TestClock) {
  return {
    now: clock.now,
    host: options.host,
    port: options.port,
    rateLimitPerHour: options.rateLimitPerHour,
    faultRate: options.faultRate,
    fault: options.fault,
    log: options.log,
    variant: options.variant,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

export const HELP = `Usage: node --import=#ts twin/main.ts [options]

Stateful in-memory twin of a provider API, for contract and load tests. Loopback only.

Options (each flag overrides its environment variable):
  --api NAME                  API to serve: ${TWIN_APIS.join(', ')} (default sovera); one API per process.
                                          sovera is served under /cards/v2, core at the root
  --port N          TWIN_PORT             port to listen on, 0 = any free port (default ${DEFAULT_PORT})
  --host HOST       TWIN_HOST             loopback address to bind: 127.x.x.x, ::1 or localhost (default ${DEFAULT_HOST});
                                          anything else is refused
  --api-keys K1,K2  TWIN_API_KEYS         sovera: accepted API keys, comma-separated (default ${DEFAULT_API_KEY});
                                          each key is its own client and sees only its own users, wallets and cards
  --print-delay-ms N  TWIN_PRINT_DELAY_MS sovera: physical cards count as printed N ms after creation; ackReception
                                          before that answers 400 NOT_PRINTED_YET (default 0)
  --accounts LIST   TWIN_CORE_ACCOUNTS    core: accounts that can log in, comma-separated email:password[:limitPerHour]
                                          (default ${DEFAULT_ACCOUNT.email}:${DEFAULT_ACCOUNT.password}, the docs' sandbox test account);
                                          each account sees only its own customers and cards; limitPerHour, when
                                          given, overrides --rate-limit-per-hour for that account. A password may
                                          contain ":" but not "," (a trailing ":<digits>" is read as the limit)
  --token-ttl-seconds N  TWIN_TOKEN_TTL_SECONDS
                                          core: lifetime of a login token (default ${DEFAULT_TOKEN_TTL_SECONDS}); an expired token
                                          answers 403 TOKEN_EXPIRED, a logged-out or unknown one 401 UNAUTHORIZED
  --level-keys LIST  TWIN_API_LAYER_KEYS api-layer: accepted keys with their access level, comma-separated level:key,
                                          level 1 (Read-Only), 2 (Operational), 3 (Admin) or MANAGEMENT (default: one
                                          local key per level, local-layer-read-only … local-layer-management); all
                                          keys belong to one client; a key below an operation's x-access-level: 403
  --webhook-url URL TWIN_WEBHOOK_URL      api-layer: the webhook endpoint of the management configuration (loopback
                                          only; also PUT /_twin/webhooks). sovera registers callbacks itself
                                          (enlistNotification; loopback URLs are called, others never)
  --webhook-key K   TWIN_WEBHOOK_KEY      api-layer: the X-Webhook-Key sent with every delivery (never printed)
  --webhook-retry-ms N  TWIN_WEBHOOK_RETRY_MS
                                          wait before a delivery's first retry, doubling after each; ${DEFAULT_RETRY.attempts} attempts,
                                          ${DEFAULT_RETRY.timeoutMs} ms timeout each (default ${DEFAULT_RETRY.baseDelayMs})
  --rate-limit-per-hour N  TWIN_RATE_LIMIT_PER_HOUR
                                          requests per hour per API key (sovera) or account (core), fixed hourly
                                          window. sovera: 0 = off (default 0). core: always on, 1 or more
                                          (default ${DEFAULT_CORE_RATE_LIMIT_PER_HOUR}, the documented limit); callers without a valid token
                                          share one bucket per address, and a login counts against the account of
                                          its email. When on, every response carries X-RateLimit-Limit,
                                          X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds); past the
                                          limit: 429 RATE_LIMITED
  --fault-rate R    TWIN_FAULT_RATE       share of requests (0..1) that get --fault (default 0)
  --fault KIND      TWIN_FAULT            fault applied to that share: ${FAULT_SYNTAX}
  --log                                   print method, path, status and duration of each request
                                          (never headers, bodies or query strings)
  -h, --help                              print this help and exit

Per request, the X-Twin-Fault header applies one fault (same values as --fault):
  status=NNN      answer NNN in the API's error format, code INJECTED_FAULT (nothing changes state)
  delay=MS        wait MS milliseconds, then answer normally
  malformed-json  normal status and JSON content type, truncated body
  content-type    normal body labelled text/html
  reset           destroy the connection without answering (nothing changes state)
  timeout         never answer; the connection is closed after 120 s (nothing changes state)
An unknown X-Twin-Fault value answers 400 INVALID_FAULT.

core only, on POST /auth/login, the X-Twin-Token-Ttl-Ms header is a test hook:
  X-Twin-Token-Ttl-Ms: N   the token answered expires after N ms (0-${MAX_HOOK_TOKEN_TTL_MS}) instead of
                           --token-ttl-seconds: log in with N=1, wait, and any call answers 403 TOKEN_EXPIRED
                           (works through Prism's proxy). Another value answers 400 INVALID_TEST_HOOK.
core responses carry a fresh UUID in X-Request-Id (quote it when reporting a failure).

api-layer only (keys in the X-API-Key header; X-Request-Id on every answer), twin-only pages on loopback:
  GET ${PAN_PAGE_PREFIX}<token>            the single-use PAN link getVirtualCardPan answers: the first opening
                                 shows the PAN, any later one (or one after 60 s) answers 410
  GET ${OUTBOX_PATH}?cardId=ID  the messages the provider would send (a purchase's 3DS one-time code,
                                 by the card's OTP method), as JSON
  ${BACKDATE_HOOK.replace(/(^|-)(\w)/g, (_m, d, c) => d + c.toUpperCase())}: N  on simulateTransaction: the transaction happened N ms ago
                                 (0-86400000), so a 3DS answer after 5 minutes needs no waiting

Twin-only operations, on every twin (loopback, no credentials; amounts in the API's unit: sovera cents,
core and api-layer currency units; see twin/README.md):
  GET  /_twin/clock, POST /_twin/clock/advance {"ms": N}     the instance's test clock
  POST /_twin/cards/ID/authorisations {"amount": A}          a hold (sovera, api-layer)
  POST /_twin/cards/ID/purchases {"amount": A}               debited at once (every twin)
  POST /_twin/transactions/ID/settle | /reverse, GET /_twin/transactions/ID
  GET  /_twin/webhooks/deliveries?resource=ID                the delivery log (no bodies, no keys)
  PUT  /_twin/webhooks {"url": U, "key": K}                  api-layer's webhook configuration

Secrets (API keys, passwords, tokens, webhook keys, PAN, CVV, PIN, expiry) are never printed.`;

export class CliError extends Error {}

type Env = Record<string, string | undefined>;

/** Parses flags and environment into options; throws CliError with a one-line message. */
export function parseCli(argv: string[], env: Env = process.env): { help: true } | { help: false; options: TwinOptions } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'api-keys': { type: 'string' },
        'print-delay-ms': { type: 'string' },
        accounts: { type: 'string' },
        'token-ttl-seconds': { type: 'string' },
        'level-keys': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-key': { type: 'string' },
        'webhook-retry-ms': { type: 'string' },
        'rate-limit-per-hour': { type: 'string' },
        'fault-rate': { type: 'string' },
        fault: { type: 'string' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return { help: true };
  const pick = (flag: string, variable?: string): { value: string; source: string } | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = variable ? env[variable] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: variable! };
    return undefined;
  };
  const integerIn = (flag: string, variable: string, min: number, max: number, fallback: number): number => {
    const picked = pick(flag, variable);
    if (!picked) return fallback;
    const n = /^\s*\d+\s*$/.test(picked.value) ? Number(picked.value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`${picked.source} must be an integer from ${min} to ${max}, got "${clip(picked.value)}"`);
    return n;
  };

  const apiPick = pick('api');
  const api = (apiPick?.value ?? 'sovera') as TwinApi;
  if (!TWIN_APIS.includes(api)) throw new CliError(`--api must be one of ${TWIN_APIS.join(', ')}, got "${clip(api)}"`);

  const hostPick = pick('host', 'TWIN_HOST');
  const host = hostPick?.value.trim() ?? DEFAULT_HOST;
  if (!isLoopbackHost(host)) {
    throw new CliError(`${hostPick?.source ?? '--host'} "${clip(host)}" is not a loopback address; the twin only listens on 127.x.x.x, ::1 or localhost`);
  }

  const port = integerIn('port', 'TWIN_PORT', 0, 65535, DEFAULT_PORT);

  // Flags that belong to the other API are refused; their environment variables are ignored (a
  // shared environment may set both, as the harness's run plan sets TWIN_API_KEYS for every twin).
  const foreign = { core: ['api-keys', 'print-delay-ms', 'level-keys', 'webhook-url', 'webhook-key'], sovera: ['accounts', 'token-ttl-seconds', 'level-keys', 'webhook-url', 'webhook-key'], 'api-layer': ['api-keys', 'print-delay-ms', 'accounts', 'token-ttl-seconds'] }[api];
  for (const flag of foreign) {
    if (typeof values[flag] === 'string') throw new CliError(`--${flag} does not apply to --api ${api}`);
  }

  const keysPick = pick('api-keys', 'TWIN_API_KEYS');
  const apiKeys = keysPick ? keysPick.value.split(',').map((k) => k.trim()).filter(Boolean) : [DEFAULT_API_KEY];
  if (!apiKeys.length) throw new CliError(`${keysPick!.source} lists no API key`);
  if (apiKeys.some((k) => k.includes(':'))) throw new CliError(`${keysPick!.source}: an API key cannot contain ":" (it is the Basic user name)`);

  const printDelayMs = integerIn('print-delay-ms', 'TWIN_PRINT_DELAY_MS', 0, 7 * 24 * 3_600_000, 0);
  const rateLimitPerHour = integerIn('rate-limit-per-hour', 'TWIN_RATE_LIMIT_PER_HOUR', 0, 1_000_000_000, api === 'core' ? DEFAULT_CORE_RATE_LIMIT_PER_HOUR : 0);
  if (api === 'core' && rateLimitPerHour === 0) {
    throw new CliError(`${pick('rate-limit-per-hour', 'TWIN_RATE_LIMIT_PER_HOUR')!.source} cannot be 0 for --api core: the spec requires X-RateLimit-* on every response; give a large limit instead`);
  }

  const ratePick = pick('fault-rate', 'TWIN_FAULT_RATE');
  const faultRate = ratePick ? parseFaultRate(ratePick.value) : 0;
  if (faultRate === undefined) throw new CliError(`${ratePick!.source} must be a number from 0 to 1, got "${clip(ratePick!.value)}"`);
  const faultPick = pick('fault', 'TWIN_FAULT');
  let fault: Fault | undefined;
  if (faultPick) {
    const parsed = parseFault(faultPick.value);
    if (!parsed.ok) throw new CliError(`${faultPick.source}: ${parsed.error}`);
    fault = parsed.fault;
  }
  if (faultRate > 0 && !fault) throw new CliError(`${ratePick!.source} is set but no fault is: add --fault (${FAULT_SYNTAX})`);
  if (fault && !ratePick) throw new CliError(`${faultPick!.source} is set but no share of requests is: add --fault-rate (0..1)`);

  const options: TwinOptions = { api, host, port, apiKeys, printDelayMs, rateLimitPerHour, faultRate, fault, log: values.log === true };
  if (api === 'core') {
    const accountsPick = pick('accounts', 'TWIN_CORE_ACCOUNTS');
    options.accounts = accountsPick ? parseAccounts(accountsPick.value, accountsPick.source) : [{ ...DEFAULT_ACCOUNT }];
    options.tokenTtlSeconds = integerIn('token-ttl-seconds', 'TWIN_TOKEN_TTL_SECONDS', 1, MAX_TOKEN_TTL_SECONDS, DEFAULT_TOKEN_TTL_SECONDS);
  }
  if (api === 'api-layer') {
    const levelPick = pick('level-keys', 'TWIN_API_LAYER_KEYS');
    options.levelKeys = levelPick ? parseLevelKeys(levelPick.value, levelPick.source) : DEFAULT_LEVEL_KEYS.map((k) => ({ ...k }));
    const urlPick = pick('webhook-url', 'TWIN_WEBHOOK_URL');
    if (urlPick) {
      const problem = loopbackCallbackError(urlPick.value.trim());
      if (problem) throw new CliError(`${urlPick.source}: ${problem}`);
      options.webhookUrl = urlPick.value.trim();
      options.webhookKey = pick('webhook-key', 'TWIN_WEBHOOK_KEY')?.value;
    } else if (pick('webhook-key', 'TWIN_WEBHOOK_KEY')) {
      throw new CliError('a webhook key is set but no webhook URL: add --webhook-url http://127.0.0.1:PORT/path');
    }
  }
  const retryMs = integerIn('webhook-retry-ms', 'TWIN_WEBHOOK_RETRY_MS', 1, 60_000, DEFAULT_RETRY.baseDelayMs);
  if (retryMs !== DEFAULT_RETRY.baseDelayMs) options.webhookRetry = { ...DEFAULT_RETRY, baseDelayMs: retryMs };
  return { help: false, options };
}

/** `level:key`, comma-separated; level 1, 2, 3 or MANAGEMENT. Errors never echo a key. */
export function parseLevelKeys(value: string, source = '--level-keys'): LevelKey[] {
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) throw new CliError(`${source} lists no key (expected level:key, comma-separated)`);
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const level = accessLevelOf(colon < 0 ? '' : entry.slice(0, colon));
    const key = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (level === undefined) throw new CliError(`${source}: key ${index + 1} needs a level 1, 2, 3 or MANAGEMENT before ":" (expected level:key)`);
    if (!key) throw new CliError(`${source}: key ${index + 1} (level ${level}) is empty`);
    if (seen.has(key)) throw new CliError(`${source}: key ${index + 1} is listed twice`);
    seen.add(key);
    return { level, key };
  });
}

/**
 * `email:password[:limitPerHour]`, comma-separated. The email ends at the first ":"; a trailing
 * ":<digits>" is the account's limit. Errors never echo a password.
 */
export function parseAccounts(value: string, source = '--accounts'): CoreAccountConfig[] {
  const accounts: CoreAccountConfig[] = [];
  const seen = new Set<string>();
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) throw new CliError(`${source} lists no account (expected email:password[:limitPerHour], comma-separated)`);
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const email = colon < 0 ? entry : entry.slice(0, colon);
    let password = colon < 0 ? '' : entry.slice(colon + 1);
    let rateLimitPerHour: number | undefined;
    const limit = /^(.*):(\d+)$/.exec(password);
    if (limit) {
      password = limit[1];
      rateLimitPerHour = Number(limit[2]);
      if (!Number.isSafeInteger(rateLimitPerHour) || rateLimitPerHour < 1 || rateLimitPerHour > 1_000_000_000) {
        throw new CliError(`${source}: account ${index + 1} (${clip(email)}) needs a limitPerHour from 1 to 1000000000`);
      }
    }
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CliError(`${source}: account ${index + 1} has no valid email before ":" (expected email:password[:limitPerHour])`);
    if (!password) throw new CliError(`${source}: account ${index + 1} (${clip(email)}) has no password (expected email:password[:limitPerHour])`);
    if (seen.has(email.toLowerCase())) throw new CliError(`${source}: account ${clip(email)} is listed twice`);
    seen.add(email.toLowerCase());
    accounts.push(rateLimitPerHour === undefined ? { email, password } : { email, password, rateLimitPerHour });
  }
  return accounts;
}

function clip(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
}

function describeLevels(keys: readonly LevelKey[]): string {
  return `${keys.length} (levels ${[...new Set(keys.map((k) => String(k.level)))].join(', ')})`;
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'status': return `status=${fault.status}`;
    case 'delay': return `delay=${fault.ms}`;
    default: return fault.kind;
  }
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`twin: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    console.log(HELP);
    process.exit(0);
  }
  const { options } = parsed;
  let twin: RunningTwin | RunningCoreTwin | RunningApiLayerTwin;
  try {
    twin = await startTwin(options);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message = String(e?.message ?? e).split('\n')[0];
    if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL') {
      const reason = e.code === 'EADDRINUSE' ? 'address already in use' : e.code === 'EACCES' ? 'permission denied' : 'address not available';
      console.error(`twin: cannot listen on ${options.host}:${options.port}: ${reason}`);
    } else {
      // Most often the spec: missing, unparsable, or a schema Ajv cannot compile.
      console.error(`twin: cannot start from ${apiProfile(options.api).specFile} (via lib/spec.ts, lib/contract.ts): ${message}`);
    }
    process.exit(1);
  }
  const extras = [
    options.api === 'core' ? `accounts: ${options.accounts?.length ?? 1}` : options.api === 'api-layer' ? `keys: ${describeLevels(options.levelKeys ?? DEFAULT_LEVEL_KEYS)}` : `keys: ${options.apiKeys.length}`,
    `rate limit: ${options.rateLimitPerHour ? `${options.rateLimitPerHour}/hour` : 'off'}`,
    ...(options.api === 'core' ? [`token TTL: ${options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS} s`] : []),
    ...(options.printDelayMs ? [`print delay: ${options.printDelayMs} ms`] : []),
    ...(options.fault && options.faultRate > 0 ? [`faults: ${options.faultRate} × ${describeFault(options.fault)}`] : []),
  ];
  console.log(`${twin.api.displayName} twin listening on ${twin.url} (${extras.join(', ')})`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) process.exit(0); // a second signal: no more waiting
    stopping = true;
    setTimeout(() => process.exit(0), 2_000).unref(); // a close that hangs does not keep the port
    twin.close().then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) await main();
