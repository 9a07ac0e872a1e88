// Resolves what a run talks to: which APIs, on which targets, at which URLs, with which servers
// to start. Every check happens here, before the first request, and fails with a one-line fix.
import { isLoopbackHost } from './loopback.ts';
import { execFileSync } from 'node:child_process';
import { config as loadDotenv } from 'dotenv';
import { prismHost, prismMock, prismProxy, twinServer, type ServerSpec } from './server-specs.ts';
import type { PrismServer } from './prism-host.ts';
import { APIS, LOCAL_API_KEY, LOCAL_CORE_ACCOUNT, LOCAL_LEVEL_KEYS, type ApiId, type ApiProfile, type LevelKeys } from './apis.ts';

loadDotenv({ quiet: true });

export type TargetName = 'mock' | 'twin' | 'sandbox';
export const TARGETS: readonly TargetName[] = ['mock', 'twin', 'sandbox'];
/** Local targets need no credentials and are started by the harness itself. */
export const DEFAULT_TARGETS: TargetName[] = ['twin', 'mock'];
export { LOCAL_API_KEY, LOCAL_CORE_ACCOUNT };
/**
 * A second local Core account with a small hourly limit, so the 429 test exhausts it and not the
 * main account's budget. Twin only (TWIN_CORE_ACCOUNTS "email:password:limitPerHour").
 */
export const LOCAL_LIMITED_ACCOUNT = { email: 'limited@example.com', password: 'limited-pass', limitPerHour: 5 } as const;

/** What a client authenticates with, per the API's scheme. */
export type Credentials =
  | { scheme: 'basic-key'; apiKey: string }
  | { scheme: 'bearer-login'; email: string; password: string }
  | { scheme: 'level-keys'; keys: LevelKeys };

/** The access level whose key a sandbox run of a level-keys API cannot do without: Admin covers every card operation. */
export const REQUIRED_LEVEL = '3';

/** An account of a bearer-login API, as the run plan hands it to the tests. */
export interface TestAccount { email: string; password: string; limitPerHour: number }

export class ConfigError extends Error {
  constructor(message: string, readonly fix: string) {
    super(`${message} Fix: ${fix}`);
    this.name = 'ConfigError';
  }
}

export type { ServerSpec };

export interface TargetEndpoint {
  api: ApiId;
  target: TargetName;
  /** Where requests go: Prism's mock, Prism's validating proxy in front of the twin, or the live server. */
  baseUrl: string;
  /** The twin itself: requests that break the request contract go here, since `prism proxy --errors` answers those on its own. */
  directUrl?: string;
  /** Keeps state between requests, so rules spanning calls can be checked. */
  stateful: boolean;
  /** Honours Prism's `Prefer: code=N` to answer a documented status on demand. */
  forcesStatus: boolean;
  /** Honours `X-Twin-Fault` for the harness's own reliability tests. */
  injectsFaults: boolean;
  /** Honours the twin's test hooks (Core: `X-Twin-Token-Ttl-Ms` on login; API Layer: the outbox of one-time codes, a back-dated transaction). */
  testHooks?: boolean;
  /** A second account with a small hourly limit, for the 429 test (local twin of a bearer-login API only). */
  limitedAccount?: TestAccount;
  /**
   * Whether a broken inferred rule fails the check (true) or is reported as an unconfirmed
   * assumption (false). Always true on the twin and the mock, which are built from the spec's
   * inferences; on a live server only with STRICT=1.
   */
  strict: boolean;
}

export interface RunPlan {
  endpoints: TargetEndpoint[];
  servers: ServerSpec[];
}

type Env = Record<string, string | undefined>;

export function parseTargets(value: string | undefined): TargetName[] {
  if (!value?.trim()) return [...DEFAULT_TARGETS];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!TARGETS.includes(name as TargetName)) {
      throw new ConfigError(`Unknown TARGET "${name}".`, `set TARGET to one or more of ${TARGETS.join(', ')} (comma-separated).`);
    }
  }
  return [...new Set(names)] as TargetName[];
}

export { isLoopbackHost };

/** Checks a live server's base URL; returns it without a trailing slash. */
export function checkLiveBaseUrl(api: ApiProfile, raw: string | undefined, purpose: 'contract' | 'load'): string {
  const variable = api.env.baseUrl;
  if (!raw) throw new ConfigError(`${variable} is not set.`, `set ${variable} to the ${api.title} base URL, e.g. in .env.`);
  let url: URL;
  try { url = new URL(raw); } catch {
    throw new ConfigError(`${variable}="${raw}" is not a URL.`, `set ${variable} to an absolute http(s) URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${variable} uses ${url.protocol}, not http(s).`, `use an https:// URL.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(`${variable} sends credentials over plain http to ${url.hostname}.`, `use https://, or a loopback host (127.0.0.1, ::1) for a local server.`);
  }
  if (api.productionHosts.includes(url.hostname.toLowerCase())) {
    throw new ConfigError(`${variable} points at the production host ${url.hostname}; ${purpose} runs create, block and cancel cards.`, `point ${variable} at the sandbox host.`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The credentials for a target, per the API's auth scheme: fixed local ones for harness-started
 * servers (the local key for Sovera, test@example.com/test123 for Core), the configured ones from
 * the environment (.env) for a live server, refused in one line when missing.
 */
export function credentialsFor(api: ApiProfile, target: TargetName, env: Env = process.env): Credentials {
  if (api.auth === 'basic-key') {
    if (target !== 'sandbox') return { scheme: 'basic-key', apiKey: LOCAL_API_KEY };
    const [apiKey] = required(env, [api.env.apiKey]);
    return { scheme: 'basic-key', apiKey };
  }
  if (api.auth === 'level-keys') {
    if (target !== 'sandbox') return { scheme: 'level-keys', keys: { ...LOCAL_LEVEL_KEYS } };
    const variables = api.env.levelKeys!;
    required(env, [variables[REQUIRED_LEVEL]]);
    // The other levels are optional: checks that need a key of a level without one are skipped, saying which variable to set.
    return { scheme: 'level-keys', keys: Object.fromEntries(Object.entries(variables).filter(([, v]) => env[v]).map(([level, v]) => [level, env[v]!])) };
  }
  if (target !== 'sandbox') return { scheme: 'bearer-login', ...LOCAL_CORE_ACCOUNT };
  const [email, password] = required(env, [api.env.email, api.env.password]);
  return { scheme: 'bearer-login', email, password };
}

/** The values of the variables a sandbox run needs; one ConfigError naming every one missing. */
function required(env: Env, variables: (string | undefined)[]): string[] {
  const names = variables.map((v) => v ?? '(unnamed variable)');
  const missing = names.filter((name) => !env[name]);
  if (missing.length) {
    const list = missing.join(' and ');
    throw new ConfigError(`${list} ${missing.length > 1 ? 'are' : 'is'} not set for TARGET=sandbox.`, `set ${list} in .env (never commit ${missing.length > 1 ? 'them' : 'it'}).`);
  }
  return names.map((name) => env[name]!);
}

/** The environment a local twin of the API needs: its accounts or keys. */
export function twinEnv(api: ApiProfile): Record<string, string> {
  if (api.auth === 'basic-key') return { TWIN_API_KEYS: LOCAL_API_KEY };
  if (api.auth === 'level-keys') return { TWIN_API_LAYER_KEYS: Object.entries(LOCAL_LEVEL_KEYS).map(([level, key]) => `${level}:${key}`).join(',') };
  const main = `${LOCAL_CORE_ACCOUNT.email}:${LOCAL_CORE_ACCOUNT.password}`;
  const limited = `${LOCAL_LIMITED_ACCOUNT.email}:${LOCAL_LIMITED_ACCOUNT.password}:${LOCAL_LIMITED_ACCOUNT.limitPerHour}`;
  return { TWIN_CORE_ACCOUNTS: `${main},${limited}` };
}

/**
 * Builds the run plan. Ports are allocated once in the main process and passed to the
 * Playwright workers through HARNESS_PLAN, so every process sees the same servers.
 */
export function resolveRunPlan(env: Env = process.env, allocatePorts: (n: number) => number[] = freePorts): RunPlan {
  if (env.HARNESS_PLAN) return JSON.parse(env.HARNESS_PLAN) as RunPlan;
  const targets = parseTargets(env.TARGET);
  const apis = selectedApis(env);
  const strictLive = parseStrict(env.STRICT);
  const endpoints: TargetEndpoint[] = [];
  const servers: ServerSpec[] = [];
  const prism: PrismServer[] = [];
  const localTargets = targets.filter((t) => t !== 'sandbox');
  const ports = allocatePorts(apis.length * localTargets.reduce((n, t) => n + (t === 'twin' ? 2 : 1), 0));
  for (const api of apis) {
    for (const target of targets) {
      if (target === 'mock') {
        const port = ports.shift()!;
        prism.push(prismMock(api.id, port));
        endpoints.push({ api: api.id, target, baseUrl: `http://127.0.0.1:${port}`, stateful: false, forcesStatus: true, injectsFaults: false, strict: true });
      } else if (target === 'twin') {
        const twinPort = ports.shift()!;
        const proxyPort = ports.shift()!;
        const directUrl = `http://127.0.0.1:${twinPort}${api.basePath}`;
        servers.push(twinServer(api.id, twinPort, twinEnv(api)));
        prism.push(prismProxy(api.specFile, directUrl, proxyPort));
        const bearer = api.auth === 'bearer-login';
        endpoints.push({
          api: api.id, target, baseUrl: `http://127.0.0.1:${proxyPort}`, directUrl, stateful: true, forcesStatus: false, injectsFaults: true, strict: true,
          // Every twin has test hooks: the twin-only operations (transactions, clock, delivery log), and per API a few more.
          testHooks: true, ...(bearer ? { limitedAccount: { ...LOCAL_LIMITED_ACCOUNT } } : {}),
        });
      } else {
        const baseUrl = env[api.env.baseUrl];
        if (!baseUrl && apis.length > 1) continue; // with several APIs, sandbox runs the ones configured
        credentialsFor(api, target, env);
        endpoints.push({ api: api.id, target, baseUrl: checkLiveBaseUrl(api, baseUrl, 'contract'), stateful: true, forcesStatus: false, injectsFaults: false, strict: strictLive });
      }
    }
  }
  if (!endpoints.length) {
    throw new ConfigError('TARGET=sandbox but no API base URL is set.', `set ${apis.map((a) => a.env.baseUrl).join(' or ')} in .env.`);
  }
  if (prism.length) servers.push(prismHost(prism));
  return { endpoints, servers };
}

/**
 * How many failed tests stop the run (Playwright's maxFailures; 0 = never). A failed test costs a
 * worker restart, about a second on 2 cores: against a live server that breaks a lot, the first
 * failures say what is wrong, and the rest of the run would only take long. Default: 10 when a
 * live target is in the plan, unlimited on the twin and the mock.
 */
export function maxFailures(plan: RunPlan, env: Env = process.env): number {
  const raw = env.MAX_FAILURES;
  if (raw === undefined || raw.trim() === '') return plan.endpoints.some((e) => e.target === 'sandbox') ? 10 : 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`MAX_FAILURES="${raw}" is not a whole number.`, 'set MAX_FAILURES=0 to run every test whatever fails, or a positive number to stop after that many failures.');
  return n;
}

/** STRICT=1 fails live runs on inferred rules too; unset or 0 reports them as unconfirmed assumptions. */
export function parseStrict(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new ConfigError(`STRICT="${value}" is neither 1 nor 0.`, 'set STRICT=1 to fail on unconfirmed assumptions too, or unset it to report them.');
}

function selectedApis(env: Env): ApiProfile[] {
  if (!env.API?.trim()) return Object.values(APIS);
  return env.API.split(',').map((id) => {
    const api = (APIS as Record<string, ApiProfile | undefined>)[id.trim()];
    if (!api) throw new ConfigError(`Unknown API "${id.trim()}".`, `set API to one or more of ${Object.keys(APIS).join(', ')}.`);
    return api;
  });
}

/** Asks the OS for free loopback ports, synchronously (Playwright reads its config synchronously). */
export function freePorts(count: number): number[] {
  if (count === 0) return [];
  const script = `const net=require('net');const ports=[];const servers=[];let n=${count};
for(let i=0;i<n;i++){const s=net.createServer();servers.push(s);s.listen(0,'127.0.0.1',()=>{ports.push(s.address().port);
if(ports.length===n){servers.forEach(x=>x.close());process.stdout.write(ports.join(','));}});}`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).split(',').map(Number);
}

/** Prints a configuration error as one line and exits: no stack trace for a user's typo. */
export function exitOnConfigError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/** How long the client waits for an answer (REQUEST_TIMEOUT_MS, default 10 s). */
export function requestTimeoutMs(env: Env = process.env): number {
  const raw = env.REQUEST_TIMEOUT_MS;
  if (!raw) return 10_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new ConfigError(`REQUEST_TIMEOUT_MS="${raw}" is not a positive whole number of milliseconds.`, 'set REQUEST_TIMEOUT_MS=10000, or unset it.');
  return ms;
}

/**
 * Where a live provider delivers webhooks to this run: WEBHOOK_PUBLIC_URL (https, reaching this
 * machine, e.g. a tunnel) forwarding to the loopback port WEBHOOK_RECEIVER_PORT, where the
 * receiver listens. Undefined when neither is set; a half or a wrong setting is refused with its fix.
 */
export function webhookSettings(env: Env = process.env): { publicUrl: string; port: number } | undefined {
  const raw = env.WEBHOOK_PUBLIC_URL?.trim();
  const portText = env.WEBHOOK_RECEIVER_PORT?.trim();
  if (!raw && !portText) return undefined;
  if (!raw) throw new ConfigError('WEBHOOK_RECEIVER_PORT is set but WEBHOOK_PUBLIC_URL is not.', 'set WEBHOOK_PUBLIC_URL to the https URL that forwards to that port, or unset WEBHOOK_RECEIVER_PORT.');
  let url: URL;
  try { url = new URL(raw); } catch { throw new ConfigError(`WEBHOOK_PUBLIC_URL="${raw}" is not a URL.`, 'set it to e.g. https://hooks.example.com/webhooks.'); }
  if (url.protocol !== 'https:') throw new ConfigError('WEBHOOK_PUBLIC_URL must be https: a provider sends card events there.', `use https://${url.host}${url.pathname}.`);
  const port = Number(portText ?? '');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`WEBHOOK_RECEIVER_PORT="${portText ?? ''}" is not a port.`, 'set it to the loopback port your tunnel forwards to, e.g. 8787.');
  return { publicUrl: url.toString(), port };
}

/** Delivery bound of the webhook checks: WEBHOOK_WITHIN_MS, default 10 s (the docs give none; a sandbox is slower than the twin). */
export function webhookWithinMs(env: Env = process.env): number {
  const raw = env.WEBHOOK_WITHIN_MS?.trim();
  if (!raw) return 10_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) throw new ConfigError(`WEBHOOK_WITHIN_MS="${raw}" is not whole milliseconds from 100 to 600000.`, 'set it to e.g. 10000, or unset it.');
  return n;
}
