import fc from '/work/main/node_modules/fast-check/lib/fast-check.js';
import { mutations, validRequests } from '/work/main/lib/generate.ts';
import { validRequest } from '/work/main/fixtures/sovera-requests.ts';
const ids = { userId: 'u', walletId: '216fa217-6826-48b8-ab5b-0180891cef30', cardId: '216fa217-6826-48b8-ab5b-0180891cef31', otherWalletId: '216fa217-6826-48b8-ab5b-0180891cef32' };
for (const op of ['createNaturalUser', 'createPayIn', 'getWallet', 'changePin', 'listTransactions']) {
  const ms = mutations('sovera', op, validRequest(op, ids));
  console.log(op, ms.map((m) => `${m.label} [${m.basis.provenance}]`));
  console.log(fc.sample(validRequests('sovera', op, validRequest(op, ids)), { numRuns: 2, seed: 1 }));
}
