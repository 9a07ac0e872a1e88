// An independent implementation of the same docs, as a test fixture: it honours every rule the
// docs state, and decides the points they leave open differently from our twin, the way another
// team's server (the provider's real sandbox) might. The harness must run green against it on
// TARGET=sandbox, listing the differences as unconfirmed assumptions, and fail with STRICT=1.
//   Core:   an RFC 9457 problem body instead of {error, message}; 400, not 409, for a refused
//           top-up or reactivation; no email-format check; unknown fields ignored; no X-Request-Id;
//           a repeated assignment to the same customer accepted.
//   Sovera: a wallet without description accepted; physicalCard not validated; 422 for
//           insufficient funds; 409 for acknowledging a card that is not pending.
import type { Violation } from '../../lib/contract.ts';
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

/** Both independent servers, fresh. */
export function startIndependentServers(): Promise<SandboxTwins> {
  return startSandboxTwins({ sovera: INDEPENDENT_SOVERA, core: INDEPENDENT_CORE });
}
