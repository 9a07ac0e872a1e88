// Fails on purpose: the API Layer server under test answers getVirtualCard with the card's secrets
// and echoes the key, answers the PAN link's URL, and accepts every PIN (so the PIN property fails
// with a counterexample, which must be printed as its shape only); its webhook notification
// carries the PAN, a one-time code and the key.
import fc from 'fast-check';
import { test, expect } from '../../../fixtures/api-layer.ts';
import { expectNotifications } from '../../../lib/webhook-verdict.ts';
import { assertProperty, digitShape } from '../../../lib/property.ts';

test('getVirtualCard with a broken body carrying the PAN, CVV, PIN and the echoed key', async ({ api }) => {
  const res = await api.getVirtualCard({ path: { cardId: 'vc_leak' } });
  console.log('debug output of a careless test:', JSON.stringify(res.body), JSON.stringify(res.headers));
  await expect(res).toMatchContract('getVirtualCard', 200);
});

test('a careless equality assertion on the PAN link', async ({ api }) => {
  const res = await api.getVirtualCardPan({ path: { cardId: 'vc_leak' } });
  expect(res.body).toEqual({ panUrl: 'something else' });
});

test('a PIN property against a server that accepts every PIN', async ({ api }) => {
  await assertProperty('a PIN with a digit three times in a row is refused',
    // Built, not written: the test's source is in the reports' error context, and a PIN must not be.
    fc.asyncProperty(fc.constantFrom('7'.repeat(3) + '142', '7'.repeat(3) + '953'), async (pin) => {
      await expect(await api.call('updateVirtualCardPin', { path: { cardId: 'vc_leak' }, body: { pin } })).toMatchContract('updateVirtualCardPin', 400);
    }), { seed: 1, numRuns: 5 }, (pin) => `a PIN shaped ${digitShape(pin)}`);
});

test('a notification carrying the PAN, a one-time code and the key, with a broken common part', async ({ webhookSetup }) => {
  const setup = await webhookSetup();
  const sinceMs = Date.now();
  await setup.api.simulateTransaction({ body: { cardId: 'vc_leak', type: 'PURCHASE', amount: 1 } });
  await expectNotifications(setup.receiver, {
    endpoint: setup.endpoint, webhook: 'receiveWebhookEvent', key: setup.key, match: () => true, expected: 1, sinceMs,
    because: { text: 'a simulated purchase is notified', basis: { provenance: 'documented', source: '003 Simulate' } },
  });
});
