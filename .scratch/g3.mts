import fc from '/work/main/node_modules/fast-check/lib/fast-check.js';
import { validRequests } from '/work/main/lib/generate.ts';
import { validRequest } from '/work/main/fixtures/api-layer-requests.ts';
const ids = { cardId: 'vc_001', authenticationId: 'a', blockchain: 'TRON' };
const op = 'updateVirtualCardLimits';
const arb = validRequests('api-layer', op, validRequest(op, ids));
console.time('sample');
console.log(fc.sample(arb, { numRuns: 5, seed: 20261201 }));
console.timeEnd('sample');
