// Each documented rule, broken on purpose in a copy of the twin (one at a time), fails the check on
// a live target without STRICT: the message says "Contract failure", "documented", and quotes the
// doc it rests on. The inferred rules next to them would only be reported; these must not be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, type ApiResponse, type CallAuth } from '../../lib/client.ts';
import type { TargetEndpoint } from '../../lib/config.ts';
import { contractFor } from '../../lib/contract.ts';
import { loginFor } from '../../lib/login.ts';
import { checkRule, describeContractFailure, splitRule } from '../../lib/matcher.ts';
import { startTwin } from '../../twin/main.ts';
import type { TwinVariant } from '../../twin/server.ts';
import { coreHandlers } from '../../twin/core/handlers.ts';
import { soveraHandlers } from '../../twin/sovera/handlers.ts';
import { luhnValid } from '../../lib/redact.ts';

const KEY = 'breaks-key';
const ACCOUNT = { email: 'breaks@example.com', password: 'breaks-pass' };

async function live(api: 'sovera' | 'core', variant: TwinVariant) {
  const twin = api === 'core'
    ? await startTwin({ api: 'core', accounts: [ACCOUNT], variant })
    : await startTwin({ api: 'sovera', apiKeys: [KEY], variant });
  const endpoint: TargetEndpoint = { api, target: 'sandbox', baseUrl: twin.url, stateful: true, forcesStatus: false, injectsFaults: false, strict: false };
  const auth: CallAuth = api === 'core' ? { token: await loginFor(endpoint, { scheme: 'bearer-login', ...ACCOUNT }) } : { apiKey: KEY };
  const client = createClient<Record<string, never>>({ endpoint, auth });
  const call = (operationId: string, input: Record<string, unknown> = {}) => client.call(operationId as never, input);
  return { call, endpoint, close: () => twin.close() };
}

/** The failure message of `res` for the expectation, asserting it is a documented contract failure citing `quote`. */
async function assertDocumentedFailure(res: ApiResponse, operationId: string, expected: number | string | undefined, quote: RegExp, problem: RegExp): Promise<void> {
  const rule = typeof expected === 'string' ? contractFor(res.api as 'core').rule(...splitRule(expected)) : expected;
  const message = await describeContractFailure(res, operationId, rule);
  assert.ok(message, `${operationId} must fail`);
  assert.match(message, /^Contract failure: /, message);
  assert.match(message, /\[documented: /, message);
  assert.match(message, quote, message);
  assert.match(message, problem, message);
}

async function soveraCard(call: (op: string, input?: Record<string, unknown>) => Promise<ApiResponse>) {
  const user = (await call('createNaturalUser', { body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } })).body as { data: { id: string; mainWalletId: string } };
  const card = (await call('createDebitCard', { body: { userId: user.data.id, walletId: user.data.mainWalletId, clientCode: 'C-1', physicalCard: false } })).body as { data: { id: string } };
  return { walletId: user.data.mainWalletId, cardId: card.data.id };
}

test('Sovera envelope: a success without meta', async () => {
  const s = await live('sovera', { rewrite: (op, status, body) => (op === 'getWallet' && status === 200 ? { status, body: { ...(body as object), meta: undefined } } : undefined) });
  try {
    const { walletId } = await soveraCard(s.call);
    await assertDocumentedFailure(await s.call('getWallet', { path: { walletId } }), 'getWallet', 200, /000 Response format: "Every endpoint returns a consistent envelope/, /must have required property 'meta'/);
  } finally { await s.close(); }
});

test('Sovera documented status: block answers 200, not 201 Created', async () => {
  const s = await live('sovera', { rewrite: (op, status, body) => (op === 'blockCard' && status === 201 ? { status: 200, body } : undefined) });
  try {
    const { cardId } = await soveraCard(s.call);
    await assertDocumentedFailure(await s.call('blockCard', { body: { cardId } }), 'blockCard', 201, /002 Block Card: "the API will reply with a successful HTTP 201 Created message"/, /expected status 201, got 200/);
  } finally { await s.close(); }
});

test('Sovera error format: a 404 without the errors list', async () => {
  const s = await live('sovera', { rewrite: (_op, status, body) => (status === 404 ? { status, body: { success: false, error: 'not found', meta: (body as { meta: unknown }).meta } } : undefined) });
  try {
    const res = await s.call('getWallet', { path: { walletId: 'no-such-wallet' } });
    await assertDocumentedFailure(res, 'getWallet', 404, /001 Retrieve Wallet, 404/, /must have required property 'errors'/);
  } finally { await s.close(); }
});

test('Sovera lifecycle: blocking a blocked card is accepted', async () => {
  const s = await live('sovera', {
    handlers: { blockCard: (state, input) => { try { return soveraHandlers.blockCard(state, input); } catch { return { status: 201, data: { cardId: input.body.cardId, isActive: false } }; } } },
  });
  try {
    const { cardId } = await soveraCard(s.call);
    await s.call('blockCard', { body: { cardId } });
    await assertDocumentedFailure(await s.call('blockCard', { body: { cardId } }), 'blockCard', 'blockCard#refused-when-blocked',
      /002 Block Card: "descriptive HTTP 400 error if it is an attempt to block a card that has already been previously blocked"/, /expected status 400, got 201/);
  } finally { await s.close(); }
});

test('Sovera balances in cents: a balance with a fraction', async () => {
  const s = await live('sovera', {
    rewrite: (op, status, body) => (op === 'getWallet' && status === 200
      ? { status, body: { ...(body as object), data: (body as { data: object[] }).data.map((w) => ({ ...w, balance: 10.5 })) } } : undefined),
  });
  try {
    const { walletId } = await soveraCard(s.call);
    await assertDocumentedFailure(await s.call('getWallet', { path: { walletId } }), 'getWallet', 200, /001 Retrieve Wallet: "All amounts are reflected in cents/, /\/data\/0\/balance must be integer/);
  } finally { await s.close(); }
});

test('Core rate-limit headers: X-RateLimit-Remaining missing', async () => {
  const c = await live('core', { dropHeaders: ['x-ratelimit-remaining'] });
  try {
    await assertDocumentedFailure(await c.call('listCustomers'), 'listCustomers', 200, /004 Rate Limits: "Headers in response/, /header X-RateLimit-Remaining is missing/);
  } finally { await c.close(); }
});

test('Core assignment: a card assigned to one customer is assigned to another', async () => {
  const c = await live('core', {
    handlers: {
      assignCard: (state, input) => {
        const card = state.findCard(input.principal.account, input.body.cardId);
        if (card) card.customerId = null; // forgets the first owner
        return coreHandlers.assignCard(state, input);
      },
    },
  });
  try {
    const card = (await c.call('createCard', { body: { currency: 'USD' } })).body as { cardId: string };
    const first = (await c.call('createCustomer', { body: { name: 'A', email: 'a@example.com' } })).body as { customerId: string };
    const second = (await c.call('createCustomer', { body: { name: 'B', email: 'b@example.com' } })).body as { customerId: string };
    await c.call('assignCard', { body: { cardId: card.cardId, customerId: first.customerId } });
    const res = await c.call('assignCard', { body: { cardId: card.cardId, customerId: second.customerId } });
    await assertDocumentedFailure(res, 'assignCard', 'assignCard#assigned-once', /004 Common Issues: "Trying to assign a card that's already linked to another customer"/, /expected status 409, got 200/);
    // A rule of another operation is named by its own operation (the answer here is listCustomers').
    const afterLogout = await c.call('listCustomers');
    const rule = contractFor('core').rule('logout', 'token-refused-after-logout');
    assert.match(await describeContractFailure(afterLogout, 'listCustomers', rule) ?? '', /rule logout#token-refused-after-logout \(documented\)/);
  } finally { await c.close(); }
});

test('Core lifecycle: a cancelled card is reactivated', async () => {
  const c = await live('core', {
    handlers: { changeCardStatus: (state, input) => { const card = state.card(input.principal.account, input.body.cardId); card.status = input.body.status; return { status: 200, data: { cardId: card.cardId, status: card.status } }; } },
  });
  try {
    const { cardId } = (await c.call('createCard', { body: { currency: 'EUR' } })).body as { cardId: string };
    await c.call('changeCardStatus', { body: { cardId, status: 'cancelled' } });
    const res = await c.call('changeCardStatus', { body: { cardId, status: 'active' } });
    await assertDocumentedFailure(res, 'changeCardStatus', 'changeCardStatus#cancelled-is-permanent', /004 Status Transitions: "Cancelled status is permanent/, /expected status 409, got 200/);
  } finally { await c.close(); }
});

test('Core movements: oldest first fails the documented order, named by its rule', async () => {
  const c = await live('core', {
    rewrite: (op, status, body) => (op === 'listMovements' && status === 200 ? { status, body: { movements: [...(body as { movements: unknown[] }).movements].reverse() } } : undefined),
  });
  try {
    const { cardId } = (await c.call('createCard', { body: { currency: 'USD' } })).body as { cardId: string };
    for (const amount of [1, 2, 3]) await c.call('addBalance', { body: { cardId, amount } });
    const movements = ((await c.call('listMovements', { path: { cardId } })).body as { movements: { amount: number }[] }).movements;
    await assert.rejects(
      checkRule(c.endpoint, 'listMovements#newest-first', () => assert.deepEqual(movements.map((m) => m.amount), [3, 2, 1])),
      (error: Error) => /^Contract failure: rule listMovements#newest-first on core@sandbox \(documented: 004 List Movements: "Movements are returned in reverse chronological order/.test(error.message)
        && (error.stack ?? '').includes('documented-breaks.test.ts'), // the report still points at the failing assertion
    );
  } finally { await c.close(); }
});

// Card secrets: a PAN where the docs put none fails a live run without STRICT, by field name or by
// shape, and the message names the field, never the number.
// Fifteen digits and the Luhn digit computed: no card-number-shaped literal in committed files.
const LEAKED_PAN = '400012341234123';
const PAN = (() => { for (let d = 0; d < 10; d++) { const pan = `${LEAKED_PAN}${d}`; if (luhnValid(pan)) return pan; } throw new Error('no Luhn digit'); })();

test('Sovera secrets: getCard answers the PAN (by field name, and as a number-shaped value elsewhere)', async () => {
  const s = await live('sovera', { rewrite: (op, status, body) => (op === 'getCard' && status === 200 ? { status, body: { ...(body as { data: object }), data: { ...(body as { data: object }).data, pan: PAN, code: PAN } } } : undefined) });
  try {
    const { cardId } = await soveraCard(s.call);
    const res = await s.call('getCard', { path: { cardId } });
    await assertDocumentedFailure(res, 'getCard', 200, /000 Entities: "CardID: These are the unique identifiers of the card that also serve as an abstraction of the PAN/, /\/data\/pan is a card secret \(pan\) that getCard is not documented to answer/);
    const message = (await describeContractFailure(res, 'getCard', 200))!;
    assert.match(message, /\/data\/code holds a card number/);
    assert.ok(!message.includes(PAN), 'the PAN itself is never in the message');
  } finally { await s.close(); }
});

test('Core secrets: a CVV in getCard fails a live run without STRICT, though docs 004 are silent (the harness\'s policy)', async () => {
  const s = await live('core', { rewrite: (op, status, body) => (op === 'getCard' && status === 200 ? { status, body: { ...(body as object), cvv: '123' } } : undefined) });
  try {
    const { cardId } = (await s.call('createCard', { body: { currency: 'USD' } })).body as { cardId: string };
    const message = await describeContractFailure(await s.call('getCard', { path: { cardId } }), 'getCard', 200);
    assert.ok(message, 'getCard must fail');
    assert.match(message, /^Contract failure: /);
    assert.match(message, /\/cvv is a card secret \(cvv\).*\[inferred: docs 004 say nothing of card secrets/);
  } finally { await s.close(); }
});

test('the inferred neighbours of those rules are only reported on a live target (no STRICT)', async () => {
  // Core's error body is inferred: a body without `message` is not a contract failure.
  const c = await live('core', { errorBody: (status, code) => ({ error: code, status }) });
  try {
    const res = await c.call('getCard', { path: { cardId: 'no-such-card' } });
    assert.equal(res.status, 404);
    assert.equal(await describeContractFailure(res, 'getCard', 404), undefined, 'an inferred error body is an assumption, not a failure');
    assert.match(await describeContractFailure({ ...res, strict: true }, 'getCard', 404) ?? '', /^Unconfirmed assumption: getCard .* \(enforced by STRICT=1\)[\s\S]*\[inferred: 004 gives no error body/);
  } finally { await c.close(); }
});
