// Every operation × every documented status, on a target that answers a status on demand (Prism's
// mock, from the spec's examples and schemas): each documented answer is checked against the
// contract, so an example that contradicts its own schema, or a status without a usable answer,
// fails here. Stateful targets answer what their state gives; the other files cover them.
import { test, expect } from '../../fixtures/api-layer.ts';
import { contractFor } from '../../lib/contract.ts';
import { unknownIds, validRequest } from '../../fixtures/api-layer-requests.ts';

for (const op of contractFor('api-layer').operations.values()) {
  for (const status of op.responses.keys()) {
    test(`${op.operationId} ${status}, as the mock answers it from the spec`, async ({ api, endpoint }) => {
      test.skip(!endpoint.forcesStatus, `asks for each documented status; ${endpoint.target} answers what its state gives (the other files check it)`);
      const res = await api.call(op.operationId as never, validRequest(op.operationId, unknownIds()), { mockStatus: status });
      await expect(res).toMatchContract(op.operationId, status);
    });
  }
}
