// The Core API twin (docs 004, spec/core-api.yaml): API definition for the generic server.
// Auth: `POST /auth/login` with an account's email and password answers an opaque random token,
// sent as `Authorization: Bearer <token>`; unknown or logged-out tokens are 401, expired ones 403.
// No envelope: successes are the bare payload, errors `{error, message}`. Every response carries a
// fresh X-Request-Id (the API has no trace id in the body) and the X-RateLimit-* headers (the
// server's limiter; Core always limits, per account).
import { apiProfile } from '../../lib/apis.ts';
import { assembleKit, type InstanceParts } from '../control.ts';
import type { ApiDefinition, ErrorItem, Principal } from '../server.ts';
import { coreHandlers, type CorePrincipal } from './handlers.ts';
import { CoreState, DEFAULT_ACCOUNT, DEFAULT_TOKEN_TTL_SECONDS, fromMinor, toMinor, type CoreAccountConfig } from './state.ts';

export interface CoreTwinOptions {
  /** Accounts that can log in; each sees only its own customers and cards. Default: the docs' sandbox test account. */
  accounts?: CoreAccountConfig[];
  /** Token lifetime from login (default 3600). */
  tokenTtlSeconds?: number;
  now?: () => number;
  /** The instance's test clock and webhook dispatcher (startTwin); a bare definition makes its own. */
  instance?: InstanceParts;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const EXPIRED = Object.freeze({ status: 403, code: 'TOKEN_EXPIRED', message: 'The token has expired: log in again' });

export function createCoreApi(options: CoreTwinOptions = {}): ApiDefinition<CoreState, CorePrincipal> {
  const profile = apiProfile('core');
  const state = new CoreState({
    accounts: options.accounts?.length ? options.accounts : [DEFAULT_ACCOUNT],
    tokenTtlMs: (options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS) * 1000,
    now: options.instance?.clock?.now ?? options.now,
  });
  const now = state.now;

  // Core shows no holds: a purchase debits the card at once and appears as a negative movement
  // (docs 004: "negative = debit", the example's "Online purchase - Amazon"). Only an active card
  // pays (docs 004: active "Can make purchases"). The docs name no webhooks, so none are sent.
  const kit = assembleKit(options.instance ?? {}, {
    transactions: {
      holds: false,
      fundsOf(cardId) {
        const card = state.cards.get(cardId);
        if (card === undefined) return undefined;
        const charge = (minor: number, merchant: string) => { card.balanceMinor -= minor; state.addMovement(card, -minor, `Purchase - ${merchant}`); };
        return {
          clientId: card.userId,
          refusal: () => (card.status === 'active' ? undefined : `CARD_NOT_ACTIVE: the card is ${card.status}`),
          availableMinor: () => card.balanceMinor,
          hold: () => {}, release: () => {},
          captureHeld: charge,
          charge,
        };
      },
    },
    toMinor,
    fromMinor,
  });

  function authenticate(header: string | undefined): CorePrincipal | undefined {
    if (header === undefined) return undefined;
    const session = state.session(header);
    if (session === undefined) return undefined;
    if (now() < session.expiresAtMs) return session;
    // Identified (the request counts against the account) but refused with 403.
    return { ...session, denied: EXPIRED };
  }

  function identifyLogin(body: unknown): Principal | undefined {
    return state.accountOf((body as { email?: unknown } | null | undefined)?.email)?.principal;
  }

  return {
    apiId: 'core',
    displayName: 'Core API',
    basePath: profile.basePath,
    state,
    kit,
    authenticate,
    unauthorized: { code: 'UNAUTHORIZED', message: 'Missing or invalid token: log in and send it as "Authorization: Bearer <token>"' },
    handlers: coreHandlers,
    successBody: (_status, data) => data,
    successJson: (_status, data) => JSON.stringify(data),
    // Core's error: one code and one sentence; several problems (validation) are joined with "; ".
    errorBody: (_status, code, message, extraErrors?: ErrorItem[]) => ({
      error: code,
      message: extraErrors?.length ? [message, ...extraErrors.map((e) => e.message)].join('; ') : message,
    }),
    requestIdHeader: REQUEST_ID_HEADER,
    identifyByBody: { login: identifyLogin },
    throttleUnauthenticated: true,
  };
}
