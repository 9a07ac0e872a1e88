// The request generator on its own: generated valid requests pass the contract's own validator
// and keep the base's ids; each mutation breaks what its label says and carries the basis the
// contract gives that constraint; the generated phase's sandbox plan is printed, and refused over
// the budget or without a stated limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mutations, validRequests, violationsOf } from '../../lib/generate.ts';
import { validRequest as soveraRequest } from '../../fixtures/sovera-requests.ts';
import { validRequest as layerRequest, unknownIds } from '../../fixtures/api-layer-requests.ts';
import { checkGeneratedBudget } from '../../fixtures/generated-plan.ts';
import { generatedPhaseOn } from '../../lib/generated-runs.ts';

const ids = { userId: 'a6b1c2d3-0000-4000-8000-000000000001', walletId: 'a6b1c2d3-0000-4000-8000-000000000002', cardId: 'a6b1c2d3-0000-4000-8000-000000000003', otherWalletId: 'a6b1c2d3-0000-4000-8000-000000000004' };

test('generated valid requests pass the contract and keep the ids of the base request', () => {
  for (const [api, op, base] of [['sovera', 'createPayIn', soveraRequest('createPayIn', ids)], ['sovera', 'createNaturalUser', soveraRequest('createNaturalUser', ids)], ['api-layer', 'updateVirtualCardLimits', layerRequest('updateVirtualCardLimits', unknownIds())]] as const) {
    for (const request of fc.sample(validRequests(api, op, base), { numRuns: 30, seed: 7 })) {
      assert.deepEqual(violationsOf(api, op, request), [], `${op}: ${JSON.stringify(request)}`);
      if ((base.body as Record<string, unknown>).walletId) assert.equal((request.body as Record<string, unknown>).walletId, ids.walletId);
    }
  }
});

test('each mutation breaks one constraint, and carries the basis the contract gives it', () => {
  const cases = mutations('sovera', 'createPayIn', soveraRequest('createPayIn', ids));
  const byLabel = new Map(cases.map((m) => [m.label, m]));
  assert.equal(byLabel.get('body/amount: a string instead of integer')?.basis.provenance, 'documented');
  assert.equal(byLabel.get('body: an extra field (the schema is closed)')?.basis.provenance, 'inferred');
  assert.deepEqual((byLabel.get('body/amount missing (required)')?.request.body as Record<string, unknown>), { walletId: ids.walletId });
  for (const m of cases) assert.ok(m.violations.length >= 1 && violationsOf('sovera', 'createPayIn', m.request).length >= 1, m.label);
  assert.ok(!mutations('sovera', 'getWallet', soveraRequest('getWallet', ids)).some((m) => (m.request.path as Record<string, string>).walletId === ''), 'no empty path parameter');
});

test('the sandbox plan: off unless GENERATED=1; printed with its parts; refused over the budget or without a stated limit', () => {
  assert.equal(generatedPhaseOn('sandbox', {}).on, false);
  assert.equal(generatedPhaseOn('twin', {}).on, true);
  assert.equal(generatedPhaseOn('twin', { GENERATED: '0' }).on, false);
  const [line] = checkGeneratedBudget('core', { GENERATED: '1' });
  assert.match(line, /^Generated phase on core@sandbox: ≤ \d+ requests \(\d+ broken-constraint checks, .* of 800 allowed \(80% of 1000\/hour/);
  assert.throws(() => checkGeneratedBudget('core', { GENERATED: '1', GEN_RUNS: '400' }), /over the budget[\s\S]*lower GEN_RUNS \(now 400\)/);
  assert.throws(() => checkGeneratedBudget('api-layer', { GENERATED: '1' }), /docs state no rate limit[\s\S]*RATE_LIMIT_PER_HOUR/);
  assert.match(checkGeneratedBudget('api-layer', { GENERATED: '1', RATE_LIMIT_PER_HOUR: '5000' })[0], /of 4000 allowed/);
});
