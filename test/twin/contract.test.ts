// Every documented status of every operation, produced by the twin and validated against the spec
// with the harness's own validators (contractFor('sovera').checkResponse), success and errors alike.
// Driven by the spec's operation index: a new operation without a request recipe here fails loudly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contractFor } from '../../lib/contract.ts';
import type { OperationInput } from '../../lib/http.ts';
import type { RunningTwin } from '../../twin/main.ts';
import { call, expectCall, newCard, newUser, payIn, startTestTwin, testSpecCompleteness, validated, withTwin } from './helpers.ts';

const contract = contractFor('sovera');
const operations = [...contract.operations.values()];

interface Ids { userId: string; walletId: string; cardId: string; otherWalletId: string }

/** A request that passes validation, for the given ids (the twin decides whether they exist). */
function requestFor(operationId: string, ids: Ids): OperationInput {
  const { userId, walletId, cardId, otherWalletId } = ids;
  const card = { body: { userId, walletId, clientCode: 'HARNESS-DEBIT-01', physicalCard: false } };
  const recipes: Record<string, OperationInput> = {
    createNaturalUser: { body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', currency: 'USD' } },
    createLegalUser: { body: { legalName: 'Engines Ltd', taxId: '123456789', email: 'ops@example.com', currency: 'USD' } },
    getUser: { path: { userId } },
    createWallet: { body: { userId, currency: 'USD', description: 'Travel', walletType: 0 } },
    getWallet: { path: { walletId } },
    listWalletsByUser: { body: { userId } },
    createDebitCard: card,
    createPrepaidCard: card,
    createCreditCard: card,
    getCard: { path: { cardId } },
    ackReception: { body: { cardId } },
    blockCard: { body: { cardId } },
    unblockCard: { body: { cardId } },
    cancelCard: { body: { cardId } },
    checkPan: { body: { cardId } },
    checkCvv: { body: { cardId } },
    checkDueDate: { body: { cardId } },
    checkPin: { body: { cardId } },
    unblockPin: { body: { cardId } },
    changePin: { body: { cardId, pin: '2468' } },
    createPayIn: { body: { walletId, amount: 1_000 } },
    createPayOut: { body: { walletId, amount: 1_000 } },
    createTransfer: { body: { fromWalletId: walletId, toWalletId: otherWalletId, amount: 1_000 } },
    listTransactions: { query: { walletId } },
    enlistNotification: { body: { url: 'https://hooks.example.com/sovera' } },
  };
  const recipe = recipes[operationId];
  if (!recipe) throw new Error(`No request recipe for ${operationId}: add it to test/twin/contract.test.ts (and a handler to twin/sovera/handlers.ts).`);
  return recipe;
}

function unknownIds(): Ids {
  return { userId: crypto.randomUUID(), walletId: crypto.randomUUID(), cardId: crypto.randomUUID(), otherWalletId: crypto.randomUUID() };
}

/** Fresh entities in the state each operation's success needs. */
async function successIds(twin: RunningTwin, operationId: string): Promise<Ids> {
  const holder = await newUser(twin);
  const other = await newUser(twin);
  let walletId = holder.walletId;
  if (operationId === 'createCreditCard') {
    walletId = (await expectCall(twin, 'createWallet', { body: { userId: holder.userId, currency: 'USD', description: 'Credit', walletType: 1 } }, 201)).body.data.id;
  }
  if (operationId === 'createPayOut' || operationId === 'createTransfer') await payIn(twin, walletId, 5_000);
  const cardId = await newCard(twin, holder, { physical: operationId === 'ackReception' });
  if (operationId === 'unblockCard') await expectCall(twin, 'blockCard', { body: { cardId } }, 201);
  return { userId: holder.userId, walletId, cardId, otherWalletId: other.walletId };
}

/** A request that breaks the request contract: an unknown body field, or a missing required parameter. */
function invalidRequest(operationId: string, ids: Ids): OperationInput | undefined {
  const op = contract.operation(operationId);
  const valid = requestFor(operationId, ids);
  if (op.requestBody) return { ...valid, body: { ...(valid.body as object), unexpectedField: 'x' } };
  const requiredQuery = op.parameters.find((p) => p.in === 'query' && p.required);
  if (requiredQuery) return { ...valid, query: {} };
  const pathParam = op.parameters.find((p) => p.in === 'path');
  if (pathParam && (pathParam.schema.format === 'uuid' || pathParam.schema.pattern)) return { path: { [pathParam.name]: 'not a valid id!' } };
  return undefined;
}

/**
 * Spec gap (reported): these operations take a closed request body, so the twin answers 400
 * VALIDATION_ERROR to a body that breaks it, but the spec documents no 400 for them. When the
 * spec documents it, remove the operation from this list (the test below fails until then).
 */
const UNDOCUMENTED_400 = ['listWalletsByUser', 'checkPan', 'checkCvv', 'checkDueDate', 'checkPin', 'unblockPin'];
/** An operation whose documented 400 is the plain error format, to check the gap operations' answers against. */
const ERROR_FORMAT_STAND_IN = 'blockCard';

test('the list of operations with an undocumented 400 is current', () => {
  const actual = operations.filter((op) => op.requestBody && !op.responses.has(400)).map((op) => op.operationId).sort();
  assert.deepEqual(actual, [...UNDOCUMENTED_400].sort());
});

let twin: RunningTwin;
before(async () => { twin = await startTestTwin(); });
after(async () => { await twin.close(); });

for (const op of operations) {
  const { operationId } = op;
  const documented = contract.documentedStatuses(operationId);
  const success = documented.filter((s) => s >= 200 && s < 300);

  test(`${operationId}: success ${success.join('/')} validates`, async () => {
    assert.equal(success.length, 1, `${operationId} documents one success status`);
    const res = await call(twin, operationId, requestFor(operationId, await successIds(twin, operationId)));
    assert.equal(res.status, success[0], res.text);
    assert.equal(res.body.success, true);
  });

  test(`${operationId}: 401 validates`, async () => {
    assert.ok(documented.includes(401), `${operationId} documents 401`);
    await expectCall(twin, operationId, requestFor(operationId, unknownIds()), 401, 'UNAUTHORIZED', { auth: 'none' });
    await expectCall(twin, operationId, requestFor(operationId, unknownIds()), 401, 'UNAUTHORIZED', { auth: 'wrong-key' });
  });

  const usesIds = op.parameters.some((p) => p.in === 'path' || p.in === 'query') ||
    !['createNaturalUser', 'createLegalUser', 'enlistNotification'].includes(operationId);
  if (usesIds) {
    test(`${operationId}: 404 NOT_FOUND for unknown ids validates`, async () => {
      assert.ok(documented.includes(404), `${operationId} takes ids, so it must document 404`);
      const res = await expectCall(twin, operationId, requestFor(operationId, unknownIds()), 404, 'NOT_FOUND');
      assert.match(res.body.errors[0].message, /^(User|Wallet|Card) '[^']+' not found$/);
    });
  }

  // GETs whose only parameter is a free-form path id have no request that breaks the contract.
  const invalid = invalidRequest(operationId, unknownIds());
  if (invalid || documented.includes(400)) {
    test(`${operationId}: 400 validates`, async () => {
      if (!invalid) assert.fail(`${operationId} documents 400 but the test has no way to provoke it`);
      if (!documented.includes(400)) {
        // The twin must reject a body that breaks the closed request schema, but the spec documents
        // no 400 here: a spec gap, listed above. The answer is still checked for the error format.
        assert.ok(UNDOCUMENTED_400.includes(operationId), `${operationId} rejects invalid requests with 400, which its spec entry does not document`);
        const res = await call(twin, operationId, invalid, { validate: false });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.errors[0].code, 'VALIDATION_ERROR');
        const asErrorFormat = contract.checkResponse(ERROR_FORMAT_STAND_IN, { status: 400, contentType: res.contentType, body: res.body });
        assert.ok(asErrorFormat.ok, JSON.stringify(asErrorFormat));
        return;
      }
      const res = await expectCall(twin, operationId, invalid, 400, 'VALIDATION_ERROR');
      assert.ok(res.body.errors.length >= 1);
    });
  }

  const faultStatuses = documented.filter((s) => s >= 500 || (s !== 400 && s !== 401 && s !== 404 && s !== 429 && s >= 400));
  for (const status of faultStatuses) {
    test(`${operationId}: ${status} (X-Twin-Fault) validates`, async () => {
      await expectCall(twin, operationId, requestFor(operationId, unknownIds()), status, 'INJECTED_FAULT', { headers: { 'x-twin-fault': `status=${status}` } });
    });
  }

  if (documented.includes(429)) {
    test(`${operationId}: 429 RATE_LIMITED validates`, async () => {
      await withTwin({ rateLimitPerHour: 1 }, async (limited) => {
        await call(limited, operationId, requestFor(operationId, unknownIds()), { validate: false });
        await expectCall(limited, operationId, requestFor(operationId, unknownIds()), 429, 'RATE_LIMITED');
      });
    });
  }
}

testSpecCompleteness('sovera', validated, () => twin);
