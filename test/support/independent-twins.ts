// An independent implementation of the same docs, as a test fixture: it honours every rule the
// docs state, and decides the points they leave open differently from our twin, the way another
// team's server (the provider's real sandbox) might. The harness must run green against it on
// TARGET=sandbox, listing the differences as unconfirmed assumptions, and fail with STRICT=1.
//   Core:   an RFC 9457 problem body instead of {error, message}; 400, not 409, for a refused
//           top-up or reactivation; no email-format check; unknown fields ignored; no X-Request-Id;
//           a repeated assignment to the same customer accepted.
//   Sovera: a wallet without description accepted; physicalCard not validated; 422 for
//           insufficient funds; 409 for acknowledging a card that is not pending.
//   API Layer: a nested error body; 422 for a card that is not TOP_UP, 410 for a deleted card;
//           the inferred PIN rule not applied.
import type { Violation } from '../../lib/contract.ts';
import { levelKeyList } from '../../lib/apis.ts';
import { coreHandlers } from '../../twin/core/handlers.ts';
import type { CoreState } from '../../twin/core/state.ts';
import { startTwin, type RunningCoreTwin, type RunningTwin } from '../../twin/main.ts';
import type { HandlerInput, TwinVariant } from '../../twin/server.ts';
import type { CorePrincipal } from '../../twin/core/handlers.ts';

const inferred = (v: Violation) => v.basis?.provenance === 'inferred';

export const INDEPENDENT_CORE: TwinVariant = {
  accepts: (v) => inferred(v) && (v.keyword === 'additionalProperties' || v.keyword === 'format'),
  statusFor: { CARD_BLOCKED: 400, CARD_CANCELLED: 400 },
  errorBody: (status, _code, message) => ({ type: 'about:blank', title: message, status }),
  errorContentType: 'application/problem+json',
  withoutRequestId: true,
  handlers: {
    assignCard: (state: CoreState, input: HandlerInput<CorePrincipal>) => {
      const card = state.findCard(input.principal.account, input.body.cardId);
      if (card && card.customerId !== null && card.customerId === input.body.customerId) {
        return { status: 200, data: { success: true, cardId: card.cardId, customerId: card.customerId } };
      }
      return coreHandlers.assignCard(state, input);
    },
  },
};

export const INDEPENDENT_SOVERA: TwinVariant = {
  accepts: (v) => inferred(v) && ((v.keyword === 'required' && v.params?.missingProperty === 'description') || v.pointer === 'body/physicalCard'),
  statusFor: { INSUFFICIENT_FUNDS: 422, CARD_NOT_PENDING_ACK: 409 },
};

export const INDEPENDENT_KEY = 'independent-sandbox-key';
export const INDEPENDENT_ACCOUNT = { email: 'qa@independent.example', password: 'independent-pass' };

export interface SandboxTwins { sovera: RunningTwin; core: RunningCoreTwin; env: Record<string, string>; close(): Promise<void> }

/**
 * A Sovera and a Core twin on loopback, fresh, each with its variant (none: the twins as they are),
 * and the environment that points a TARGET=sandbox run at them, as a user would point it at a provider.
 */
export async function startSandboxTwins(variants: { sovera?: TwinVariant; core?: TwinVariant } = {}, coreRateLimitPerHour?: number): Promise<SandboxTwins> {
  const sovera = await startTwin({ api: 'sovera', apiKeys: [INDEPENDENT_KEY], variant: variants.sovera });
  const core = await startTwin({ api: 'core', accounts: [INDEPENDENT_ACCOUNT], variant: variants.core, ...(coreRateLimitPerHour ? { rateLimitPerHour: coreRateLimitPerHour } : {}) });
  return {
    sovera,
    core,
    env: {
      TARGET: 'sandbox', API: 'sovera,core',
      SOVERA_BASE_URL: sovera.url, SOVERA_API_KEY: INDEPENDENT_KEY,
      CORE_BASE_URL: core.url, CORE_EMAIL: INDEPENDENT_ACCOUNT.email, CORE_PASSWORD: INDEPENDENT_ACCOUNT.password,
    },
    close: async () => { await Promise.all([sovera.close(), core.close()]); },
  };
}

/**
 * API Layer: errors as `{error: {code, message}}`; 422, not 409, for a card that is not TOP_UP; 410,
 * not 409, for an operation on a deleted card; the PIN rule we read into "non-consecutive" positions
 * not applied (the docs' own example 112441 passes). Access levels, the PIN's documented rules, the
 * deposit minimum and every other documented rule hold.
 */
export const INDEPENDENT_API_LAYER: TwinVariant = {
  accepts: (v, operationId) => inferred(v) && operationId === 'updateVirtualCardPin',
  statusFor: { NOT_TOP_UP: 422, CARD_DELETED: 410 },
  errorBody: (_status, code, message) => ({ error: { code, message } }),
};

export const INDEPENDENT_LEVEL_KEYS = { 1: 'independent-read', 2: 'independent-ops', 3: 'independent-admin', MANAGEMENT: 'independent-mgmt' } as const;

/** All three independent servers, fresh, and the environment of a sandbox run against them. */
export async function startIndependentServers(): Promise<SandboxTwins> {
  const pair = await startSandboxTwins({ sovera: INDEPENDENT_SOVERA, core: INDEPENDENT_CORE });
  const layer = await startTwin({
    api: 'api-layer',
    levelKeys: levelKeyList(INDEPENDENT_LEVEL_KEYS),
    variant: INDEPENDENT_API_LAYER,
  });
  return {
    ...pair,
    env: {
      ...pair.env, API: 'sovera,core,api-layer', API_LAYER_BASE_URL: layer.url,
      API_LAYER_KEY_READ_ONLY: INDEPENDENT_LEVEL_KEYS[1], API_LAYER_KEY_OPERATIONAL: INDEPENDENT_LEVEL_KEYS[2],
      API_LAYER_KEY_ADMIN: INDEPENDENT_LEVEL_KEYS[3], API_LAYER_KEY_MANAGEMENT: INDEPENDENT_LEVEL_KEYS.MANAGEMENT,
      // The account's own addresses: withdrawals and the payment destination are checked too.
      API_LAYER_WITHDRAWAL_ADDRESS: 'independent-own-withdrawal-address', API_LAYER_PAYMENT_ADDRESS: 'independent-own-payment-address',
    },
    close: async () => { await Promise.all([pair.close(), layer.close()]); },
  };
}
