// API profiles: everything the harness needs to know about one provider API.
// Adding an API means adding a profile here, its spec, its contracts and its twin handlers.

export type ApiId = 'sovera' | 'core' | 'api-layer';

/** The key the harness gives its local Sovera twin and sends to local targets; not a secret. */
export const LOCAL_API_KEY = 'local-harness-key';
/** The Core API account the harness gives its local twin (the docs' sandbox test account); not a secret. */
export const LOCAL_CORE_ACCOUNT = { email: 'test@example.com', password: 'test123' } as const;
/**
 * How a client authenticates: an API key as the HTTP Basic user name (Sovera), a bearer token from
 * a login (Core), or an API key in the header the spec's security scheme names, one key per access
 * level (API Layer: the client sends the least-privileged key that suffices for each operation).
 */
export type AuthScheme = 'basic-key' | 'bearer-login' | 'level-keys';

/** The API Layer's access levels (docs 003): Read-Only 1 ⊂ Operational 2 ⊂ Admin 3; MANAGEMENT apart. */
export type AccessLevel = 1 | 2 | 3 | 'MANAGEMENT';
export const ACCESS_LEVELS: readonly AccessLevel[] = [1, 2, 3, 'MANAGEMENT'];
export const ACCESS_LEVEL_NAMES: Record<string, string> = { 1: 'Read-Only (Level 1)', 2: 'Operational (Level 2)', 3: 'Admin (Level 3)', MANAGEMENT: 'MANAGEMENT' };
/** `'1'` → 1, `'MANAGEMENT'` → 'MANAGEMENT': a level as written in a key map or a setting; undefined when it is none. */
export function accessLevelOf(text: string): AccessLevel | undefined {
  const t = text.trim().toUpperCase();
  if (t === 'MANAGEMENT') return 'MANAGEMENT';
  return t === '1' || t === '2' || t === '3' ? (Number(t) as 1 | 2 | 3) : undefined;
}

/** Level → key pairs of a key map, as the twin takes them. */
export function levelKeyList(keys: Record<string, string>): { level: AccessLevel; key: string }[] {
  return Object.entries(keys).map(([level, key]) => ({ level: accessLevelOf(level)!, key }));
}

/** The keys the harness gives its local API Layer twin, one per access level; not secrets. */
export const LOCAL_LEVEL_KEYS: Record<string, string> = {
  1: 'local-layer-read-only', 2: 'local-layer-operational', 3: 'local-layer-admin', MANAGEMENT: 'local-layer-management',
};

export interface ApiProfile {
  id: ApiId;
  title: string;
  /** Path of the OpenAPI description, relative to the project root. */
  specFile: string;
  /** Base path the real server (and the twin) mounts the API under; Prism serves at the root. */
  basePath: string;
  auth: AuthScheme;
  /** Whether every response is wrapped in {success, data|errors, meta}. */
  envelope: boolean;
  /** Environment variables an integrator sets to point the suite at a live server. */
  env: {
    baseUrl: string; apiKey?: string; email?: string; password?: string; specFile: string;
    /** level-keys: the variable of each access level's key (the highest set one is required). */
    levelKeys?: Record<string, string>;
  };
  /**
   * Requests per hour per account the provider allows (documented or assumed); undefined when the
   * docs state none and nothing is assumed: a sandbox load run then needs RATE_LIMIT_PER_HOUR.
   */
  rateLimitPerHour?: number;
  /** Folder of the Playwright contract suite. */
  contractsDir: string;
  /** Hosts that are production: refused for destructive and load runs. */
  productionHosts: string[];
}

export const APIS: Record<ApiId, ApiProfile> = {
  sovera: {
    id: 'sovera',
    title: 'Sovera cards v2',
    specFile: 'spec/sovera-cards-v2.yaml',
    basePath: '/cards/v2',
    auth: 'basic-key',
    envelope: true,
    env: { baseUrl: 'SOVERA_BASE_URL', apiKey: 'SOVERA_API_KEY', specFile: 'SOVERA_SPEC_FILE' },
    // Sovera documents no limit; the harness assumes the Core API's documented 1000/hour.
    rateLimitPerHour: 1000,
    contractsDir: 'contracts/sovera',
    productionHosts: ['api.sovera.io'],
  },
  core: {
    id: 'core',
    title: 'Core API',
    specFile: 'spec/core-api.yaml',
    basePath: '',
    auth: 'bearer-login',
    envelope: false,
    env: { baseUrl: 'CORE_BASE_URL', email: 'CORE_EMAIL', password: 'CORE_PASSWORD', specFile: 'CORE_SPEC_FILE' },
    // Documented: 1000 requests per hour per account (docs 004, Rate Limits).
    rateLimitPerHour: 1000,
    contractsDir: 'contracts/core-api',
    productionHosts: ['api.example.com'],
  },
  'api-layer': {
    id: 'api-layer',
    title: 'API Layer',
    specFile: 'spec/api-layer.yaml',
    basePath: '',
    auth: 'level-keys',
    envelope: false,
    env: {
      baseUrl: 'API_LAYER_BASE_URL',
      specFile: 'API_LAYER_SPEC_FILE',
      levelKeys: { 1: 'API_LAYER_KEY_READ_ONLY', 2: 'API_LAYER_KEY_OPERATIONAL', 3: 'API_LAYER_KEY_ADMIN', MANAGEMENT: 'API_LAYER_KEY_MANAGEMENT' },
    },
    // Docs 003 state no rate limit, and nothing is assumed: a sandbox load run must be told the limit.
    rateLimitPerHour: undefined,
    contractsDir: 'contracts/api-layer',
    // Docs 003 name no host at all; a base URL is refused only for plain http off loopback.
    productionHosts: [],
  },
};

/** Keys by access level (`1`, `2`, `3`, `MANAGEMENT`); a level may have none. */
export type LevelKeys = Partial<Record<string, string>>;

/**
 * The least-privileged key that suffices for an operation's level: a Read-Only call goes out with
 * the Read-Only key when there is one, else with the lowest level above it; MANAGEMENT only with
 * the MANAGEMENT key. undefined when no key suffices. Pure: the k6 bundles use it too.
 */
export function keyForLevel(keys: LevelKeys, required: AccessLevel): string | undefined {
  if (required === 'MANAGEMENT') return keys.MANAGEMENT;
  for (const level of [1, 2, 3]) if (level >= required && keys[level]) return keys[level];
  return undefined;
}

export function apiProfile(id: string): ApiProfile {
  const profile = (APIS as Record<string, ApiProfile | undefined>)[id];
  if (!profile) throw new Error(`Unknown API "${id}". Known: ${Object.keys(APIS).join(', ')}.`);
  return profile;
}
