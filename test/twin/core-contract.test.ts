// Every status spec/core-api.yaml documents for every operation, produced by the Core twin and
// validated (body, status, documented X-RateLimit-* headers) with contractFor('core').checkResponse.
// Driven by the spec's operation index: an operation without a recipe here fails loudly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contractFor } from '../../lib/contract.ts';
import type { OperationInput } from '../../lib/http.ts';
import type { RunningCoreTwin } from '../../twin/main.ts';
import { startCoreWithToken, EMAIL, PASSWORD, expectCall, login, newCard, newCustomer, setStatus, uniqueEmail, validated, withCore, contractProblems, assertCoreHeaders, type CoreResponse } from './core-helpers.ts';
import { testSpecCompleteness } from './helpers.ts';

const contract = contractFor('core');
const operations = [...contract.operations.values()];

interface Ids { cardId: string; customerId: string }

function requestFor(operationId: string, ids: Ids, variant: 'ok' | 'invalid' = 'ok'): OperationInput {
  const { cardId, customerId } = ids;
  const valid: Record<string, OperationInput> = {
    login: { body: { email: EMAIL, password: PASSWORD } },
    logout: {},
    createCustomer: { body: { name: 'Juan Perez', email: uniqueEmail() } },
    listCustomers: {},
    createCard: { body: { currency: 'USD' } },
    assignCard: { body: { cardId, customerId } },
    changeCardStatus: { body: { cardId, status: 'active' } },
    getCard: { path: { cardId } },
    listMovements: { path: { cardId } },
    addBalance: { body: { cardId, amount: 100 } },
  };
  const invalid: Record<string, OperationInput> = {
    login: { body: { email: 'not-an-email' } },
    createCustomer: { body: { name: 'Juan Perez' } },
    createCard: { body: { currency: 'GBP' } },
    assignCard: { body: { cardId } },
    changeCardStatus: { body: { cardId, status: 'pending' } },
    addBalance: { body: { cardId, amount: '100' } },
  };
  const recipe = (variant === 'ok' ? valid : invalid)[operationId];
  if (!recipe) throw new Error(`No ${variant} request recipe for ${operationId}: add it to test/twin/core-contract.test.ts (and a handler to twin/core/handlers.ts).`);
  return recipe;
}

let twin: RunningCoreTwin;
let token: string;
before(async () => { ({ twin, token } = await startCoreWithToken()); });
after(async () => { await twin.close(); });

async function freshIds(): Promise<Ids> {
  return { cardId: await newCard(twin, token), customerId: (await newCustomer(twin, token)).customerId };
}

const UNKNOWN: Ids = { cardId: 'card_unknown', customerId: 'cus_unknown' };

for (const op of operations) {
  const { operationId } = op;
  const documented = contract.documentedStatuses(operationId);

  test(`${operationId}: 200 validates`, async () => {
    const t = operationId === 'logout' ? await login(twin) : token;
    await expectCall(twin, operationId, requestFor(operationId, await freshIds()), 200, undefined, { token: operationId === 'login' ? undefined : t });
  });

  if (documented.includes(400)) {
    test(`${operationId}: 400 VALIDATION_ERROR validates`, async () => {
      await expectCall(twin, operationId, requestFor(operationId, await freshIds(), 'invalid'), 400, 'VALIDATION_ERROR', { token });
    });
  }

  if (documented.includes(401)) {
    test(`${operationId}: 401 UNAUTHORIZED validates`, async () => {
      if (op.secured) await expectCall(twin, operationId, requestFor(operationId, UNKNOWN), 401, 'UNAUTHORIZED', { token: 'no-such-token' });
      else await expectCall(twin, operationId, { body: { email: EMAIL, password: 'wrong' } }, 401, 'UNAUTHORIZED');
    });
  }

  if (documented.includes(403)) {
    test(`${operationId}: 403 TOKEN_EXPIRED validates`, async () => {
      const short = await login(twin, EMAIL, PASSWORD, { 'x-twin-token-ttl-ms': '0' }); // expired from its first use
      await expectCall(twin, operationId, requestFor(operationId, UNKNOWN), 403, 'TOKEN_EXPIRED', { token: short });
    });
  }

  if (documented.includes(404)) {
    test(`${operationId}: 404 NOT_FOUND validates`, async () => {
      await expectCall(twin, operationId, requestFor(operationId, UNKNOWN), 404, 'NOT_FOUND', { token });
    });
  }

  if (documented.includes(409)) {
    test(`${operationId}: 409 validates`, async () => {
      const ids = await freshIds();
      if (operationId === 'createCustomer') {
        const body = { name: 'Dup', email: uniqueEmail() };
        await expectCall(twin, operationId, { body }, 200, undefined, { token });
        await expectCall(twin, operationId, { body }, 409, 'EMAIL_TAKEN', { token });
      } else if (operationId === 'assignCard') {
        await expectCall(twin, operationId, requestFor(operationId, ids), 200, undefined, { token });
        await expectCall(twin, operationId, requestFor(operationId, ids), 409, 'CARD_ALREADY_ASSIGNED', { token });
      } else {
        await setStatus(twin, token, ids.cardId, 'cancelled');
        await expectCall(twin, operationId, requestFor(operationId, ids), 409, 'CARD_CANCELLED', { token });
      }
    });
  }

  if (documented.includes(429)) {
    test(`${operationId}: 429 RATE_LIMITED validates`, async () => {
      await withCore({ rateLimitPerHour: 1 }, async (limited) => {
        const t = await login(limited); // spends the account's one request
        await expectCall(limited, operationId, requestFor(operationId, UNKNOWN), 429, 'RATE_LIMITED', { token: op.secured ? t : undefined });
      });
    });
  }

  if (documented.includes(500)) {
    test(`${operationId}: 500 (X-Twin-Fault) validates`, async () => {
      await expectCall(twin, operationId, requestFor(operationId, UNKNOWN), 500, 'INJECTED_FAULT', { token, headers: { 'x-twin-fault': 'status=500' } });
    });
  }
}

testSpecCompleteness('core', validated, () => twin);

// ---- the checks above can fail ----

function fakeResponse(status: number, body: unknown, headers: Record<string, string>): CoreResponse {
  return { operationId: 'getCard', status, headers: new Headers(headers), contentType: 'application/json', text: JSON.stringify(body), body };
}

const GOOD_HEADERS = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999', 'x-ratelimit-reset': '1700000000', 'x-request-id': crypto.randomUUID() };

test('the Core contract check accepts a good answer and rejects broken bodies and missing or non-integer headers', () => {
  const card = { cardId: 'card_001', status: 'active', currency: 'USD', customerId: null, balance: 10.5 };
  assert.deepEqual(contractProblems(fakeResponse(200, card, GOOD_HEADERS)), []);
  assert.notDeepEqual(contractProblems(fakeResponse(200, { ...card, balance: '10.5' }, GOOD_HEADERS)), [], 'a string balance');
  assert.notDeepEqual(contractProblems(fakeResponse(200, { ...card, status: 'pending' }, GOOD_HEADERS)), [], 'an unknown status');
  assert.notDeepEqual(contractProblems(fakeResponse(404, { code: 'NOT_FOUND' }, GOOD_HEADERS)), [], 'not the error format');
  assert.notDeepEqual(contractProblems(fakeResponse(409, { error: 'X', message: 'y' }, GOOD_HEADERS)), [], 'undocumented status');
  const { 'x-ratelimit-remaining': _dropped, ...missing } = GOOD_HEADERS;
  assert.notDeepEqual(contractProblems(fakeResponse(200, card, missing)), [], 'a required header is missing');
  assert.notDeepEqual(contractProblems(fakeResponse(200, card, { ...GOOD_HEADERS, 'x-ratelimit-reset': 'soon' })), [], 'a header that is not an integer');
  assert.throws(() => assertCoreHeaders(fakeResponse(200, card, { ...GOOD_HEADERS, 'x-request-id': 'abc' })), /X-Request-Id/);
  assert.throws(() => assertCoreHeaders(fakeResponse(200, card, missing)), /x-ratelimit-remaining/);
});
