// What differs between the APIs under load, in one place: where a bundle run by hand points by
// default, which sandbox hosts a run may go to, how setup() gets in (Sovera: a readiness probe
// with the API key; Core: a login whose token the VUs share), and where an error body keeps its
// code (Sovera's envelope `errors[0].code`, Core's bare `{error, message}`). Pure: bundled into k6.
import { APIS, type ApiId } from '../../lib/apis.ts';

export type LoadApiId = ApiId;

export interface LoadApi {
  id: LoadApiId;
  /** The twin's default address (npm run twin -- --api <id>): a bundle run by hand needs no BASE_URL. */
  defaultBaseUrl: string;
  /**
   * Sandbox hosts of the spec's `servers` (checked against the spec by test/load/bundle.test.ts).
   * A sandbox run goes to one of them, to loopback, or to the host of the API's base-URL
   * variable (SOVERA_BASE_URL, CORE_BASE_URL): the configured sandbox.
   */
  sandboxHosts: string[];
  productionHosts: string[];
  /** The environment variable naming the configured live base URL. */
  baseUrlVariable: string;
  /** What setup() sends before provisioning, for the printed plan. */
  setupStep: 'readiness probe' | 'login';
  /** undefined when the docs state none (API Layer): a sandbox run then needs RATE_LIMIT_PER_HOUR. */
  rateLimitPerHour: number | undefined;
  /** The header an API key goes in, lower case, when it is not HTTP Basic (API Layer: the spec's x-api-key). */
  keyHeader?: string;
  /** The machine-readable code of an error body, '' when there is none. */
  errorCode(body: any): string;
}

export const LOAD_APIS: Record<LoadApiId, LoadApi> = {
  sovera: {
    id: 'sovera',
    defaultBaseUrl: 'http://127.0.0.1:4020/cards/v2',
    sandboxHosts: ['api.sandbox.sovera.io'],
    productionHosts: APIS.sovera.productionHosts,
    baseUrlVariable: APIS.sovera.env.baseUrl,
    setupStep: 'readiness probe',
    rateLimitPerHour: APIS.sovera.rateLimitPerHour,
    errorCode: (body) => {
      const first = body && Array.isArray(body.errors) ? body.errors[0] : undefined;
      return first && typeof first.code === 'string' ? first.code : '';
    },
  },
  core: {
    id: 'core',
    defaultBaseUrl: 'http://127.0.0.1:4020',
    sandboxHosts: ['api-sandbox.example.com'],
    productionHosts: APIS.core.productionHosts,
    baseUrlVariable: APIS.core.env.baseUrl,
    setupStep: 'login',
    rateLimitPerHour: APIS.core.rateLimitPerHour,
    errorCode: (body) => (body && typeof body.error === 'string' ? body.error : ''),
  },
  'api-layer': {
    id: 'api-layer',
    defaultBaseUrl: 'http://127.0.0.1:4020',
    // Docs 003 name no host; the spec's server is a placeholder, so in practice a run goes to API_LAYER_BASE_URL's host.
    sandboxHosts: ['sandbox.api-layer.example'],
    productionHosts: APIS['api-layer'].productionHosts,
    baseUrlVariable: APIS['api-layer'].env.baseUrl,
    setupStep: 'readiness probe',
    rateLimitPerHour: APIS['api-layer'].rateLimitPerHour,
    // spec/api-layer.yaml's security scheme (checked against the spec by test/load/bundle.test.ts).
    keyHeader: 'x-api-key',
    errorCode: (body) => (body && typeof body.code === 'string' ? body.code : ''),
  },
};

export function loadApi(id: string): LoadApi {
  const api = (LOAD_APIS as Record<string, LoadApi | undefined>)[id];
  if (!api) throw new Error(`Unknown API "${id}" for load runs. Known: ${Object.keys(LOAD_APIS).join(', ')}.`);
  return api;
}
