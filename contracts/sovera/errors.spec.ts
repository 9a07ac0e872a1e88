// Cross-cutting error statuses the spec documents: 404 NOT_FOUND for unknown ids, and 500 in the
// error format where the docs tell integrators to expect one. Derived from the spec, so a new
// operation documenting these statuses is covered without a new test.
import { test, expect } from '../../fixtures/sovera.ts';
import { contractFor } from '../../lib/contract.ts';
import { validRequest } from '../../fixtures/sovera-requests.ts';
import { unknownId } from '../../fixtures/sovera-data.ts';

const contract = contractFor('sovera');
const ids = () => ({ userId: unknownId(), walletId: unknownId(), cardId: unknownId(), otherWalletId: unknownId() });

for (const operationId of contract.operationsDocumenting(404)) {
  test(`${operationId} 404 NOT_FOUND for ids no server issued`, async ({ api }) => {
    const res = await api.call(operationId as never, validRequest(operationId, ids()), { mockStatus: 404 });
    await expect(res).toMatchContract(operationId, 404);
  });
}

for (const operationId of contract.operationsDocumenting(500)) {
  test(`${operationId} 500 answers in the error format`, async ({ api, endpoint }) => {
    test.skip(!endpoint.forcesStatus && !endpoint.injectsFaults, `needs a target that answers 500 on demand (mock or twin); ${endpoint.target} cannot`);
    const res = await api.call(operationId as never, validRequest(operationId, ids()), {
      mockStatus: 500,
      headers: endpoint.injectsFaults ? { 'x-twin-fault': 'status=500' } : {},
    });
    await expect(res).toMatchContract(operationId, 500);
  });
}
