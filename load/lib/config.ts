// Configuration of a k6 run, read from the environment once at init. The parsing is pure and
// takes the environment as an argument (tested in Node); k6 passes its __ENV.
// Secrets (API_KEY, CORE_PASSWORD) are only ever turned into the Authorization header or the
// login body, never printed.
import { isLoopbackHost } from '../../lib/loopback.ts';
import { LOCAL_API_KEY, LOCAL_CORE_ACCOUNT, LOCAL_LEVEL_KEYS } from '../../lib/apis.ts';
import { LOAD_APIS, type LoadApi, type LoadApiId } from './apis.ts';
import { isLoadTarget, isProfileName, type LoadTarget, type ProfileName } from './profiles.ts';
import { scriptApi, targetRefusal } from './scenarios.ts';

/** The twin's default address (npm run twin) and key: running a bundle by hand needs no variables. */
export const DEFAULT_BASE_URL = LOAD_APIS.sovera.defaultBaseUrl;
export const DEFAULT_CLIENT_CODE = 'HARNESS-DEBIT-01';
export const DEFAULT_RATE_LIMIT_PER_HOUR = LOAD_APIS.sovera.rateLimitPerHour!;

export interface LoadConfig {
  api: LoadApiId;
  baseUrl: string;
  /** Sovera: the API key (HTTP Basic user name); '' for Core. */
  apiKey: string;
  /** Core: the account setup() logs in with (CORE_EMAIL, CORE_PASSWORD). */
  credentials?: { email: string; password: string };
  target: LoadTarget;
  profile: ProfileName;
  stateful: boolean;
  /** STRICT=1: unconfirmed assumptions fail a sandbox run too. */
  strict: boolean;
  /** undefined: the profile's default. */
  contractSample?: number;
  poolSize?: number;
  rateLimitPerHour: number;
  /** k6 instances sharing the run (distributed): the sandbox sizing leaves room for each one's setup(). */
  runners: number;
  clientCode: string;
  /** Where handleSummary writes summary.json and junit.xml. */
  reportDir: string;
  /** The cleanup phase `npm run load` plans after a sandbox run (CLEANUP_PER_MEMBER, CLEANUP_ONCE): sized into the profile the same way here. */
  cleanup?: { perMember: number; once: number };
}

type Env = Record<string, string | undefined>;

export class LoadConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadConfigError';
  }
}

export function readConfig(env: Env, script: string): LoadConfig {
  const api = LOAD_APIS[scriptApi(script)];
  const target = env.TARGET || 'twin';
  if (!isLoadTarget(target)) throw new LoadConfigError(`TARGET="${target}" is not a load target; use twin, mock or sandbox.`);
  const refusal = targetRefusal(script, target);
  if (refusal) throw new LoadConfigError(refusal);
  const profile = env.PROFILE || 'smoke';
  if (!isProfileName(profile)) throw new LoadConfigError(`PROFILE="${profile}" is not a profile; use smoke, load, stress or soak.`);
  const baseUrl = checkLoadBaseUrl(env.BASE_URL || api.defaultBaseUrl, target, api.id, env);
  let apiKey = '';
  let credentials: LoadConfig['credentials'];
  if (api.id === 'core') {
    const local = target !== 'sandbox';
    const email = env.CORE_EMAIL || (local ? LOCAL_CORE_ACCOUNT.email : '');
    const password = env.CORE_PASSWORD || (local ? LOCAL_CORE_ACCOUNT.password : '');
    if (!email || !password) {
      throw new LoadConfigError('CORE_EMAIL and CORE_PASSWORD must both be set for TARGET=sandbox: the sandbox account setup() logs in with (npm run load passes them from your environment or .env).');
    }
    credentials = { email, password };
  } else {
    // The API Layer's local key is the twin's Admin one: the hot path freezes cards (Level 3).
    apiKey = env.API_KEY || (target === 'sandbox' ? '' : api.id === 'api-layer' ? LOCAL_LEVEL_KEYS[3] : LOCAL_API_KEY);
    if (!apiKey) throw new LoadConfigError(`API_KEY is not set for TARGET=sandbox; pass your sandbox key in the environment (npm run load does it from ${api.id === 'api-layer' ? 'API_LAYER_KEY_ADMIN' : 'SOVERA_API_KEY'}).`);
  }
  return {
    api: api.id,
    baseUrl,
    apiKey,
    credentials,
    target,
    profile,
    stateful: env.TARGET_STATEFUL ? parseBoolean('TARGET_STATEFUL', env.TARGET_STATEFUL) : target !== 'mock',
    strict: env.STRICT ? parseBoolean('STRICT', env.STRICT) : false,
    contractSample: env.CONTRACT_SAMPLE ? parseShare('CONTRACT_SAMPLE', env.CONTRACT_SAMPLE) : undefined,
    poolSize: env.POOL_SIZE ? parsePositiveInt('POOL_SIZE', env.POOL_SIZE) : undefined,
    rateLimitPerHour: env.RATE_LIMIT_PER_HOUR ? parsePositiveInt('RATE_LIMIT_PER_HOUR', env.RATE_LIMIT_PER_HOUR) : api.rateLimitPerHour ?? unstatedLimit(target),
    runners: env.RUNNERS ? parsePositiveInt('RUNNERS', env.RUNNERS) : 1,
    clientCode: env.CLIENT_CODE || DEFAULT_CLIENT_CODE,
    reportDir: (env.REPORT_DIR || `reports/load/${script}`).replace(/\/+$/, ''),
    cleanup: env.CLEANUP_PER_MEMBER ? { perMember: Number(env.CLEANUP_PER_MEMBER), once: Number(env.CLEANUP_ONCE || 0) } : undefined,
  };
}

/**
 * The limit of an API whose docs state none (API Layer): a sandbox run is refused until the user
 * says what the provider granted (npm run load before k6 starts, and the bundle at init); a local
 * target enforces none, and the plan is sized as for the other APIs' 1000/hour, only to print it.
 */
export function unstatedLimit(target: LoadTarget): number {
  if (target === 'sandbox') throw new LoadConfigError('RATE_LIMIT_PER_HOUR is not set: this API documents no rate limit, so a sandbox run cannot size itself; set it to the requests per hour your provider granted (e.g. RATE_LIMIT_PER_HOUR=1000).');
  return LOCAL_PLAN_LIMIT_PER_HOUR;
}

/** What a local run is planned for when the docs state no limit (the twin and the mock enforce none). */
export const LOCAL_PLAN_LIMIT_PER_HOUR = 1000;

/** Host of an http(s) URL, lower case and without brackets, or undefined. */
export function hostOf(raw: string | undefined): string | undefined {
  const m = raw ? /^https?:\/\/(\[[^\]]+\]|[^/:?#]+)(?::\d+)?(?:[/?#]|$)/i.exec(raw) : null;
  return m ? m[1].replace(/^\[|\]$/g, '').toLowerCase() : undefined;
}

export const isLoopback = isLoopbackHost;

/**
 * Load runs go to loopback (twin, mock), or to a sandbox over https that is not a production
 * host and is the configured one: a sandbox host of the API's spec, or the host of its base-URL
 * variable (SOVERA_BASE_URL, CORE_BASE_URL) in the environment. Anything else is refused before
 * the first request. Returns the URL without a trailing slash.
 */
export function checkLoadBaseUrl(raw: string, target: LoadTarget, apiId: LoadApiId = 'sovera', env: Env = {}): string {
  const api: LoadApi = LOAD_APIS[apiId];
  const m = /^(https?):\/\//i.exec(raw);
  const host = hostOf(raw);
  if (!m || !host) throw new LoadConfigError(`BASE_URL="${raw}" is not an http(s) URL.`);
  const scheme = m[1].toLowerCase();
  const loopback = isLoopback(host);
  if (target !== 'sandbox' && !loopback) {
    throw new LoadConfigError(`BASE_URL host ${host} is not loopback; TARGET=${target} runs only against 127.0.0.1 or ::1 (use TARGET=sandbox for a live sandbox).`);
  }
  if (target === 'sandbox' && !loopback) {
    const secret = api.id === 'core' ? 'the login credentials' : 'the API key';
    if (scheme !== 'https') throw new LoadConfigError(`BASE_URL sends ${secret} over plain http to ${host}; use https.`);
    const production = Object.keys(LOAD_APIS).some((id) => LOAD_APIS[id as LoadApiId].productionHosts.indexOf(host) >= 0);
    if (production) throw new LoadConfigError(`BASE_URL points at the production host ${host}; load runs go to a sandbox only.`);
    const configured = hostOf(env[api.baseUrlVariable]);
    if (api.sandboxHosts.indexOf(host) < 0 && host !== configured) {
      throw new LoadConfigError(`BASE_URL host ${host} is neither loopback nor the configured sandbox (${api.sandboxHosts.concat(configured && api.sandboxHosts.indexOf(configured) < 0 ? [configured] : []).join(', ')}); `
        + `set ${api.baseUrlVariable} to your sandbox URL (npm run load does) to allow its host.`);
    }
  }
  return raw.replace(/\/+$/, '');
}

function parseShare(name: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d*\.?\d+\s*$/.test(value) || !(n >= 0 && n <= 1)) throw new LoadConfigError(`${name}="${value}" must be a number from 0 to 1 (share of responses validated).`);
  return n;
}

function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new LoadConfigError(`${name}="${value}" must be a whole number of at least 1.`);
  return n;
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new LoadConfigError(`${name}="${value}" must be true or false.`);
}
