// Fails on purpose: the server under test answers card secrets in bodies that break the contract.
import { test, expect } from '../../../fixtures/sovera.ts';

for (const operationId of ['checkPan', 'checkCvv', 'checkPin', 'checkDueDate'] as const) {
  test(`${operationId} with a broken body`, async ({ api }) => {
    const res = await api[operationId]({ body: { cardId: 'leaky-card' } });
    console.log('debug output of a careless test:', JSON.stringify(res.body));
    await expect(res).toMatchContract(operationId, 201);
  });
}

test('a careless equality assertion on a secret', async ({ api }) => {
  const res = await api.checkPan({ body: { cardId: 'leaky-card' } });
  expect(res.body).toEqual({ success: true });
});
