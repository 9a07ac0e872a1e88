// Every operation answers 401 in the error format without credentials or with a wrong key (docs 000).
import { test, expect } from '../../fixtures/sovera.ts';
import { contractFor } from '../../lib/contract.ts';
import { validRequest } from '../../fixtures/sovera-requests.ts';
import { unknownId } from '../../fixtures/sovera-data.ts';

const ids = () => ({ userId: unknownId(), walletId: unknownId(), cardId: unknownId(), otherWalletId: unknownId() });

for (const operationId of contractFor('sovera').operations.keys()) {
  test.describe(operationId, () => {
    test(`${operationId} 401 without credentials`, async ({ api }) => {
      const res = await api.call(operationId as never, validRequest(operationId, ids()), { auth: 'none' });
      await expect(res).toMatchContract(operationId, 401);
    });

    test(`${operationId} 401 with a wrong API key`, async ({ api }) => {
      // Prism's mock cannot tell keys apart; there the documented 401 is asked for.
      const res = await api.call(operationId as never, validRequest(operationId, ids()), { auth: { apiKey: `wrong-${unknownId()}` }, mockStatus: 401 });
      await expect(res).toMatchContract(operationId, 401);
    });
  });
}
