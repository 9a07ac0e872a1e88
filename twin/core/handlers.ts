// Core API behaviour: one plain function per operationId, (state, input) → {status, data}.
// Requests arrive validated against spec/core-api.yaml (closed bodies, currencies, statuses,
// amount > 0); handlers enforce the rules that span calls (accounts, unique emails, assignment,
// the card lifecycle, balances) and throw TwinError for the error answers, in Core's format.
import { TwinError, type Handler, type HandlerInput, type HandlerResult } from '../server.ts';
import { fromMinor, notFound, type Card, type CardStatus, type CoreState, type Customer, type Session } from './state.ts';

export type CorePrincipal = Session;
type Input = HandlerInput<CorePrincipal>;
type CoreHandler = Handler<CoreState, CorePrincipal>;

/** Login test hook: the token it answers expires after this many ms (the contract suite's way to a 403). */
export const TOKEN_TTL_HOOK = 'x-twin-token-ttl-ms';
export const MAX_HOOK_TOKEN_TTL_MS = 7 * 24 * 3_600_000;

// ---- views: what the API answers ----

export function customerView(c: Customer): Record<string, unknown> {
  return { customerId: c.customerId, name: c.name, email: c.email };
}

export function cardView(c: Card): Record<string, unknown> {
  return { cardId: c.cardId, status: c.status, currency: c.currency, customerId: c.customerId, balance: fromMinor(c.balanceMinor) };
}

function ok(data: unknown): HandlerResult {
  return { status: 200, data };
}

function conflict(code: string, message: string): TwinError {
  return new TwinError(409, code, message);
}

// ---- auth ----

const login: CoreHandler = (state, input) => {
  const { email, password } = input.body;
  let ttlMs: number | undefined;
  const hook = input.hooks?.[TOKEN_TTL_HOOK];
  if (hook !== undefined) {
    ttlMs = /^\s*\d{1,10}\s*$/.test(hook) ? Number(hook) : NaN;
    if (!(ttlMs <= MAX_HOOK_TOKEN_TTL_MS)) {
      throw new TwinError(400, 'INVALID_TEST_HOOK', `X-Twin-Token-Ttl-Ms must be whole milliseconds from 0 to ${MAX_HOOK_TOKEN_TTL_MS}`);
    }
  }
  const session = state.login(email, password, ttlMs);
  return ok({ token: session.token, userId: session.account.userId });
};

const logout: CoreHandler = (state, input) => {
  state.logout(input.principal);
  return ok({ success: true });
};

// ---- customers ----

const createCustomer: CoreHandler = (state, input) => {
  const { name, email } = input.body;
  // A name is required by the spec; a lenient variant of the twin (test fixture) may let a customer through without one.
  return ok(customerView(state.addCustomer(input.principal.account, name ?? '', email)));
};

const listCustomers: CoreHandler = (_state, input) => ok({ customers: input.principal.account.customers.map(customerView) });

// ---- cards ----

const createCard: CoreHandler = (state, input) => {
  const card = state.addCard(input.principal.account, input.body.currency);
  return ok({ cardId: card.cardId, status: card.status, currency: card.currency });
};

const assignCard: CoreHandler = (state, input) => {
  const account = input.principal.account;
  const { cardId, customerId } = input.body;
  const card = state.findCard(account, cardId);
  const customer = state.findCustomer(account, customerId);
  if (card === undefined && customer === undefined) throw new TwinError(404, 'NOT_FOUND', `Card '${cardId}' and customer '${customerId}' not found`);
  if (card === undefined) throw notFound('Card', cardId);
  if (customer === undefined) throw notFound('Customer', customerId);
  if (card.customerId !== null) {
    throw conflict('CARD_ALREADY_ASSIGNED', `Card '${card.cardId}' is already assigned to customer '${card.customerId}'`);
  }
  card.customerId = customer.customerId;
  return ok({ success: true, cardId: card.cardId, customerId: customer.customerId });
};

const changeCardStatus: CoreHandler = (state, input) => {
  const card = state.card(input.principal.account, input.body.cardId);
  const status = input.body.status as CardStatus;
  // Cancelled is permanent: any status, cancelled included, is refused (spec: "cannot be set to any status").
  if (card.status === 'cancelled') throw conflict('CARD_CANCELLED', `Card '${card.cardId}' is cancelled; cancelled is permanent, create a new card`);
  card.status = status; // the current status again is a no-op answered 200
  return ok({ cardId: card.cardId, status: card.status });
};

const getCard: CoreHandler = (state, input) => ok(cardView(state.card(input.principal.account, input.pathParams.cardId)));

// ---- balances ----

const addBalance: CoreHandler = (state, input) => {
  const card = state.card(input.principal.account, input.body.cardId);
  if (card.status === 'cancelled') throw conflict('CARD_CANCELLED', `Card '${card.cardId}' is cancelled and takes no top-ups`);
  if (card.status === 'blocked') throw conflict('CARD_BLOCKED', `Card '${card.cardId}' is blocked: activate it before adding balance`);
  const balance = state.topUp(card, input.body.amount);
  return ok({ cardId: card.cardId, balance: fromMinor(balance) });
};

const listMovements: CoreHandler = (state, input) => ok({ movements: state.movementsOf(state.card(input.principal.account, input.pathParams.cardId)) });

export const coreHandlers: Record<string, CoreHandler> = {
  login,
  logout,
  createCustomer,
  listCustomers,
  createCard,
  assignCard,
  changeCardStatus,
  getCard,
  addBalance,
  listMovements,
};

export type { Input as CoreHandlerInput };
