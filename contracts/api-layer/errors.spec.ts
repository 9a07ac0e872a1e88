// Cross-cutting statuses, derived from the spec so a new operation is covered without a new test:
// 401 without a key and with a key no server issued, 404 for ids no server issued, 400 for a body
// the schema refuses, 500 in the error format (404 and 500: fixtures/derived-errors.ts). (403 is the access matrix: access.spec.ts.)
import { test, expect } from '../../fixtures/api-layer.ts';
import { deriveNotFoundAndServerErrors } from '../../fixtures/derived-errors.ts';
import { contractFor } from '../../lib/contract.ts';
import { unknownId } from '../../fixtures/api-layer-data.ts';
import { unknownIds, validRequest } from '../../fixtures/api-layer-requests.ts';

const contract = contractFor('api-layer');
const operations = [...contract.operations.values()];

for (const op of operations.filter((o) => o.secured)) {
  test(`${op.operationId} 401 without an API key`, async ({ api }) => {
    const res = await api.call(op.operationId as never, validRequest(op.operationId, unknownIds()), { auth: 'none' });
    await expect(res).toMatchContract(op.operationId, 401);
  });

  test(`${op.operationId} 401 with an API key no server issued`, async ({ api }) => {
    // Prism's mock cannot tell keys apart; there the documented 401 is asked for.
    const res = await api.call(op.operationId as never, validRequest(op.operationId, unknownIds()), { auth: { apiKey: unknownId('key') }, account: 'unknown key', mockStatus: 401 });
    await expect(res).toMatchContract(op.operationId, 401);
  });
}

// An empty body, for every operation whose request schema refuses one (required fields, minProperties):
// asked of the compiled validators, so what the 400 rests on is the schema's keyword, with its basis.
const refusesEmptyBody = (operationId: string) => {
  const input = validRequest(operationId, unknownIds());
  const pathParams = Object.fromEntries(Object.entries(input.path ?? {}).map(([k, v]) => [k, String(v)]));
  return contract.checkRequest(operationId, { pathParams, contentType: 'application/json', body: {}, authorized: true }).length > 0;
};
for (const op of operations.filter((o) => o.responses.has(400) && o.requestBody && refusesEmptyBody(o.operationId))) {
  test(`${op.operationId} 400 for an empty body`, async ({ api }) => {
    const res = await api.call(op.operationId as never, { ...validRequest(op.operationId, unknownIds()), body: {} });
    await expect(res).toMatchContract(op.operationId, 400);
  });
}

deriveNotFoundAndServerErrors(test, 'api-layer', { requestFor: (operationId) => validRequest(operationId, unknownIds()) });
