// The Sovera cards v2 twin: API definition for the generic server.
// Auth: HTTP Basic with the API key as user name and an empty password (docs 000).
// Every response, errors included, is wrapped in the closed envelope with a fresh meta
// {timestamp, version: "v2", traceId}.
import { randomUUID } from 'node:crypto';
import { apiProfile } from '../../lib/apis.ts';
import type { ApiDefinition, ErrorItem } from '../server.ts';
import { soveraHandlers, type SoveraPrincipal } from './handlers.ts';
import { SoveraState } from './state.ts';

export interface SoveraTwinOptions {
  /** Accepted API keys; each one is its own client (entities are not shared across keys). */
  apiKeys: string[];
  /** Physical cards count as printed only this long after creation. */
  printDelayMs?: number;
  now?: () => number;
}

export const API_VERSION = 'v2';

export function createSoveraApi(options: SoveraTwinOptions): ApiDefinition<SoveraState, SoveraPrincipal> {
  if (!options.apiKeys.length) throw new Error('the Sovera twin needs at least one API key');
  const profile = apiProfile('sovera');
  const state = new SoveraState({ printDelayMs: options.printDelayMs, now: options.now });

  // One client per key; the client id is random, so nothing derived from a key ever leaves the twin.
  const principals = new Map<string, SoveraPrincipal>();
  const byHeader = new Map<string, SoveraPrincipal>();
  for (const key of options.apiKeys) {
    if (principals.has(key)) continue;
    const clientId = randomUUID();
    const principal: SoveraPrincipal = Object.freeze({ clientId, bucket: clientId });
    principals.set(key, principal);
    byHeader.set(`Basic ${Buffer.from(`${key}:`).toString('base64')}`, principal);
  }

  function authenticate(header: string | undefined): SoveraPrincipal | undefined {
    if (header === undefined) return undefined;
    const known = byHeader.get(header);
    if (known !== undefined) return known;
    // Slow path: other spellings of the same credentials ("basic", no colon, extra spaces).
    const m = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!m) return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    const password = colon < 0 ? '' : decoded.slice(colon + 1);
    if (password !== '') return undefined;
    return principals.get(user);
  }

  return {
    apiId: 'sovera',
    displayName: 'Sovera',
    basePath: profile.basePath,
    state,
    authenticate,
    unauthorized: {
      code: 'UNAUTHORIZED',
      message: 'Missing or invalid API key: send it as the HTTP Basic user name with an empty password',
      headers: { 'www-authenticate': 'Basic realm="Sovera cards v2"' },
    },
    handlers: soveraHandlers,
    successBody: (_status, data) => ({ success: true, data, meta: meta() }),
    // Same text as JSON.stringify(successBody(...)), without building the envelope objects.
    successJson: (_status, data) => `{"success":true,"data":${JSON.stringify(data)},"meta":{"timestamp":"${timestamp()}","version":"${API_VERSION}","traceId":"${randomUUID()}"}}`,
    errorBody: (_status, code, message, extraErrors?: ErrorItem[]) => ({
      success: false,
      errors: extraErrors?.length ? [{ code, message }, ...extraErrors] : [{ code, message }],
      meta: meta(),
    }),
  };
}

// The ISO timestamp is formatted once per millisecond: under load most responses share it.
let lastMs = 0;
let lastIso = '';

function timestamp(): string {
  const now = Date.now();
  if (now !== lastMs) { lastMs = now; lastIso = new Date(now).toISOString(); }
  return lastIso;
}

function meta(): { timestamp: string; version: string; traceId: string } {
  return { timestamp: timestamp(), version: API_VERSION, traceId: randomUUID() };
}
