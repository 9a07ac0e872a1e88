// Two checks run twice by run-report.test.ts into one reports folder: the second run breaks one
// of them (CHANGE_SUITE_BREAK=1: the twin answers getWallet with a 500), so the run report must
// show that check as changed, passed → failed, and leave the other unchanged.
import { test, expect } from '../../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../../fixtures/sovera-data.ts';
import { provisionCardholder } from '../../../scenarios/sovera.ts';

test('getWallet answers its contract', async ({ api, run }) => {
  const { walletId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 1_000));
  const headers = process.env.CHANGE_SUITE_BREAK === '1' ? { 'x-twin-fault': 'status=500' } : undefined;
  await expect(await api.getWallet({ path: { walletId } }, { direct: true, headers })).toMatchContract('getWallet', 200);
});

test('listWalletsByUser answers its contract', async ({ api, run }) => {
  const { userId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 1_000));
  await expect(await api.listWalletsByUser({ body: { userId } })).toMatchContract('listWalletsByUser', 200);
});
