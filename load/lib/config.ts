// Configuration of a k6 run, read from the environment once at init. The parsing is pure and
// takes the environment as an argument (tested in Node); k6 passes its __ENV.
// Secrets (API_KEY) are only ever turned into the Authorization header, never printed.
import { APIS } from '../../lib/apis.ts';
import { isLoadTarget, isProfileName, type LoadTarget, type ProfileName } from './profiles.ts';

/** The twin's default address (npm run twin) and key: running a bundle by hand needs no variables. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4020/cards/v2';
export const LOCAL_API_KEY = 'local-harness-key';
export const DEFAULT_CLIENT_CODE = 'HARNESS-DEBIT-01';
export const DEFAULT_RATE_LIMIT_PER_HOUR = APIS.sovera.rateLimitPerHour;

export interface LoadConfig {
  baseUrl: string;
  apiKey: string;
  target: LoadTarget;
  profile: ProfileName;
  stateful: boolean;
  /** undefined: the profile's default. */
  contractSample?: number;
  poolSize?: number;
  rateLimitPerHour: number;
  /** k6 instances sharing the run (distributed): the sandbox sizing leaves room for each one's setup(). */
  runners: number;
  clientCode: string;
  /** Where handleSummary writes summary.json and junit.xml. */
  reportDir: string;
}

type Env = Record<string, string | undefined>;

export class LoadConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadConfigError';
  }
}

export function readConfig(env: Env, script: string): LoadConfig {
  const target = env.TARGET || 'twin';
  if (!isLoadTarget(target)) throw new LoadConfigError(`TARGET="${target}" is not a load target; use twin, mock or sandbox.`);
  const profile = env.PROFILE || 'smoke';
  if (!isProfileName(profile)) throw new LoadConfigError(`PROFILE="${profile}" is not a profile; use smoke, load, stress or soak.`);
  const baseUrl = checkLoadBaseUrl(env.BASE_URL || DEFAULT_BASE_URL, target);
  const apiKey = env.API_KEY || (target === 'sandbox' ? '' : LOCAL_API_KEY);
  if (!apiKey) throw new LoadConfigError('API_KEY is not set for TARGET=sandbox; pass your sandbox key in the environment (npm run load does it from SOVERA_API_KEY).');
  return {
    baseUrl,
    apiKey,
    target,
    profile,
    stateful: env.TARGET_STATEFUL ? parseBoolean('TARGET_STATEFUL', env.TARGET_STATEFUL) : target !== 'mock',
    contractSample: env.CONTRACT_SAMPLE ? parseShare('CONTRACT_SAMPLE', env.CONTRACT_SAMPLE) : undefined,
    poolSize: env.POOL_SIZE ? parsePositiveInt('POOL_SIZE', env.POOL_SIZE) : undefined,
    rateLimitPerHour: env.RATE_LIMIT_PER_HOUR ? parsePositiveInt('RATE_LIMIT_PER_HOUR', env.RATE_LIMIT_PER_HOUR) : DEFAULT_RATE_LIMIT_PER_HOUR,
    runners: env.RUNNERS ? parsePositiveInt('RUNNERS', env.RUNNERS) : 1,
    clientCode: env.CLIENT_CODE || DEFAULT_CLIENT_CODE,
    reportDir: (env.REPORT_DIR || `reports/load/${script}`).replace(/\/+$/, ''),
  };
}

/**
 * Load runs go to loopback (twin, mock) or to a sandbox over https that is not a production
 * host; anything else is refused before the first request. Returns the URL without a trailing slash.
 */
export function checkLoadBaseUrl(raw: string, target: LoadTarget): string {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^/:?#]+)(?::\d+)?(?:[/?#]|$)/i.exec(raw);
  if (!m) throw new LoadConfigError(`BASE_URL="${raw}" is not an http(s) URL.`);
  const scheme = m[1].toLowerCase();
  const host = m[2].replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
  if (target !== 'sandbox' && !loopback) {
    throw new LoadConfigError(`BASE_URL host ${host} is not loopback; TARGET=${target} runs only against 127.0.0.1 or ::1 (use TARGET=sandbox for a live sandbox).`);
  }
  if (target === 'sandbox') {
    if (scheme !== 'https' && !loopback) throw new LoadConfigError(`BASE_URL sends the API key over plain http to ${host}; use https.`);
    const production = Object.values(APIS).some((api) => api.productionHosts.indexOf(host) >= 0);
    if (production) throw new LoadConfigError(`BASE_URL points at the production host ${host}; load runs go to a sandbox only.`);
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
