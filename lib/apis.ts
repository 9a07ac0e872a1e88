// API profiles: everything the harness needs to know about one provider API.
// Adding an API means adding a profile here, its spec, its contracts and its twin handlers.

export type ApiId = 'sovera' | 'core';

/** The key the harness gives its local Sovera twin and sends to local targets; not a secret. */
export const LOCAL_API_KEY = 'local-harness-key';
/** The Core API account the harness gives its local twin (the docs' sandbox test account); not a secret. */
export const LOCAL_CORE_ACCOUNT = { email: 'test@example.com', password: 'test123' } as const;
export type AuthScheme = 'basic-key' | 'bearer-login';

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
  env: { baseUrl: string; apiKey?: string; email?: string; password?: string; specFile: string };
  /** Requests per hour per account the provider allows (documented or assumed). */
  rateLimitPerHour: number;
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
};

export function apiProfile(id: string): ApiProfile {
  const profile = (APIS as Record<string, ApiProfile | undefined>)[id];
  if (!profile) throw new Error(`Unknown API "${id}". Known: ${Object.keys(APIS).join(', ')}.`);
  return profile;
}
