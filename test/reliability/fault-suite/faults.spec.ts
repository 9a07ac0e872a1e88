// Each test meets one fault injected by the twin (X-Twin-Fault) and must fail with a message
// naming the operation and the fault; the fault-free tests must still pass.
import { test, expect } from '../../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../../fixtures/sovera-data.ts';
import { provisionCardholder } from '../../../scenarios/sovera.ts';

export const FAULTS = ['status=500', 'malformed-json', 'content-type', 'reset', 'timeout', 'delay=5000'] as const;

let walletId = '';
test.beforeEach(async ({ run }) => {
  ({ walletId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 1_000)));
});

for (const fault of FAULTS) {
  test(`getWallet under fault ${fault}`, async ({ api }) => {
    const res = await api.getWallet({ path: { walletId } }, { direct: true, headers: { 'x-twin-fault': fault } });
    await expect(res).toMatchContract('getWallet', 200);
  });
}

test('getWallet with a short delay inside the timeout', async ({ api }) => {
  const res = await api.getWallet({ path: { walletId } }, { direct: true, headers: { 'x-twin-fault': 'delay=50' } });
  await expect(res).toMatchContract('getWallet', 200);
});

test('getWallet without a fault', async ({ api }) => {
  await expect(await api.getWallet({ path: { walletId } })).toMatchContract('getWallet', 200);
});
