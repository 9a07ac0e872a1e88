// The API Layer twin (docs 003, spec/api-layer.yaml): API definition for the generic server.
// Auth: an API key in the header the spec's security scheme names (X-API-Key); each key carries an
// access level (Read-Only 1, Operational 2, Admin 3, or the MANAGEMENT permission), and a key below
// an operation's `x-access-level` is refused with 403 before the handler runs. The keys of one twin
// belong to one client: a card made with the Operational key is seen with the Read-Only one.
// No envelope: successes are the bare payload, errors `{code, message}`; X-Request-Id on every answer.
//
// Twin-only pages on loopback, outside the spec: `GET /pan/<token>` (the single-use PAN link a
// card's getVirtualCardPan answers) and `GET /_twin/outbox?cardId=` (the messages the provider
// would send: a purchase's 3DS one-time code, by the card's OTP method).
import { randomUUID } from 'node:crypto';
import { ACCESS_LEVEL_NAMES, apiProfile, type AccessLevel } from '../../lib/apis.ts';
import { apiKeyHeaderOf, loadSpec } from '../../lib/spec.ts';
import { assembleKit, type InstanceParts } from '../control.ts';
import { fromMinor, toMinor } from '../money.ts';
import type { ApiDefinition, ErrorItem } from '../server.ts';

import { apiLayerHandlers, meetsAccessLevel, openPanLink } from './handlers.ts';
import { ApiLayerState, type ApiLayerPrincipal } from './state.ts';

export interface LevelKey { key: string; level: AccessLevel }

export interface ApiLayerTwinOptions {
  /** Accepted keys with their levels; all belong to one client. */
  keys: LevelKey[];
  now?: () => number;
  /** The instance's test clock and webhook dispatcher (startTwin); a bare definition makes its own. */
  instance?: InstanceParts;
}

/** The header carrying the webhook key (docs 003 Events: "a security header called X-Webhook-Key"). */
export const WEBHOOK_KEY_HEADER = 'X-Webhook-Key';


export const OUTBOX_PATH = '/_twin/outbox';
export const PAN_PAGE_PREFIX = '/pan/';

export function createApiLayerApi(options: ApiLayerTwinOptions): ApiDefinition<ApiLayerState, ApiLayerPrincipal> {
  if (!options.keys.length) throw new Error('the API Layer twin needs at least one API key');
  const operations = [...loadSpec('api-layer').operations.values()]
    .filter((op) => op.accessLevel !== undefined)
    .map((op) => ({ id: op.operationId, accessLevel: op.accessLevel!.level }));
  const state = new ApiLayerState({ now: options.instance?.clock?.now ?? options.now, operations });
  // The client id is random, so nothing derived from a key ever leaves the twin.
  const clientId = randomUUID();
  const kit = assembleKit(options.instance ?? {}, {
    transactions: state.transactions,
    toMinor,
    fromMinor,
    // The management configuration (outside this API): one endpoint and its key for the client.
    configureWebhook: (webhooks, target) => webhooks.configure(clientId, target && { url: target.url, headers: target.key ? { [WEBHOOK_KEY_HEADER]: target.key } : {} }),
  });
  state.notify = (owner, resource, event) => {
    const id = randomUUID(); // docs 003: "a unique Id of the notification"
    kit.webhooks.emit(owner, { id, type: `${event.operation}/${event.sub_operation}`, resource, body: { ...event, operation_id: id } });
  };
  const byKey = new Map<string, ApiLayerPrincipal>();
  for (const { key, level } of options.keys) byKey.set(key, Object.freeze({ clientId, bucket: clientId, level }));

  return {
    apiId: 'api-layer',
    displayName: 'API Layer',
    basePath: apiProfile('api-layer').basePath,
    state,
    kit,
    credentialHeader: apiKeyHeaderOf('api-layer').toLowerCase(),
    authenticate: (key) => (key === undefined ? undefined : byKey.get(key.trim())),
    authorize(principal, operation) {
      const required = operation.accessLevel?.level;
      if (required === undefined || meetsAccessLevel(principal.level, required)) return undefined;
      return {
        status: 403,
        code: 'FORBIDDEN',
        message: `${operation.operationId} needs ${ACCESS_LEVEL_NAMES[required]} access; this key has ${ACCESS_LEVEL_NAMES[principal.level]}`,
      };
    },
    unauthorized: { code: 'UNAUTHORIZED', message: `Missing or unknown API key: send it in the ${apiKeyHeaderOf('api-layer')} header` },
    handlers: apiLayerHandlers,
    successBody: (_status, data) => data,
    successJson: (_status, data) => JSON.stringify(data),
    errorBody: (_status, code, message, extraErrors?: ErrorItem[]) => ({
      code,
      message: extraErrors?.length ? [message, ...extraErrors.map((e) => e.message)].join('; ') : message,
    }),
    requestIdHeader: 'x-request-id',
    sidePage(method, path, query) {
      if (method !== 'GET') return undefined;
      if (path.startsWith(PAN_PAGE_PREFIX)) {
        const opened = openPanLink(state, decodeURIComponent(path.slice(PAN_PAGE_PREFIX.length)));
        const body = opened.status === 200 ? `<!doctype html><p class="pan">${opened.pan}</p>` : `<!doctype html><p>${opened.reason}</p>`;
        return { status: opened.status, contentType: 'text/html; charset=utf-8', body };
      }
      if (path === OUTBOX_PATH) {
        const cardId = query.get('cardId');
        const messages = state.outbox.filter((m) => cardId === null || m.cardId === cardId);
        return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ messages }) };
      }
      return undefined;
    },
  };
}
