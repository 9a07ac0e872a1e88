// Cross-cutting error statuses the spec documents: 404 for ids no server issued, and 500 in the
// error format. Derived from the spec, so a new operation documenting them is covered without a
// new test. (401/403 are in auth.spec.ts, 429 in rate-limit.spec.ts.)
import { test, expect } from '../../fixtures/core.ts';
import { contractFor } from '../../lib/contract.ts';
import { unknownIds, validRequest } from '../../fixtures/core-requests.ts';

const contract = contractFor('core');

for (const operationId of contract.operationsDocumenting(404)) {
  test(`${operationId} 404 for ids no server issued`, async ({ api }) => {
    const res = await api.call(operationId as never, validRequest(operationId, unknownIds()), { mockStatus: 404 });
    await expect(res).toMatchContract(operationId, 404);
  });
}

for (const operationId of contract.operationsDocumenting(500)) {
  test(`${operationId} 500 answers in the error format`, async ({ api, endpoint }) => {
    test.skip(!endpoint.forcesStatus && !endpoint.injectsFaults, `needs a target that answers 500 on demand (mock or twin); ${endpoint.target} cannot`);
    const res = await api.call(operationId as never, validRequest(operationId, unknownIds()), {
      auth: operationId === 'login' ? 'none' : undefined,
      mockStatus: 500,
      headers: endpoint.injectsFaults ? { 'x-twin-fault': 'status=500' } : {},
    });
    await expect(res).toMatchContract(operationId, 500);
  });
}
