// The rate budget of core-balance: requests counted from the Core flows (login in setup, five
// provisioning requests per pool card, three per iteration), the sandbox plans of every
// profile within 80% of the documented 1000/hour, and an over-budget plan refused with the numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertWithinBudget, BudgetError, formatPlan } from '../../lib/budget.ts';
import { loadSpec } from '../../lib/spec.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import { flowCostTable } from '../../load/lib/flow-costs.ts';
import { PROFILES } from '../../load/lib/profiles.ts';
import { parseLoadArgs, resolveRun } from '../../scripts/load.ts';

const SANDBOX = { CORE_BASE_URL: 'https://api-sandbox.example.com', CORE_EMAIL: 'load@example.com', CORE_PASSWORD: 'not-printed-3c1e', RATE_LIMIT_PER_HOUR: '', POOL_SIZE: '', CONTRACT_SAMPLE: '' };
// --keep: the figures here are the run's own; the cleanup phase's requests on top are tested apart (below).
const plan = (args: string[], env: Record<string, string> = {}) => resolveRun(parseLoadArgs(['core-balance', ...args, '--keep']), { ...SANDBOX, ...env });

describe('core-balance request counts, from the flows', () => {
  test('login 1 in setup, 5 per pool card, 3 per iteration on every target', () => {
    const costs = flowCostTable(exampleResponder(loadSpec('core')), 'core');
    assert.deepEqual(costs.readiness, { requests: 1, operations: ['login'] });
    assert.equal(costs.readinessRequests, 1);
    assert.deepEqual(costs.provision, { requests: 5, operations: ['createCustomer', 'createCard', 'assignCard', 'addBalance', 'changeCardStatus'] });
    for (const target of ['twin', 'mock', 'sandbox']) assert.equal(costs.iterations[`core-balance@${target}`].requests, 3);
  });
});

describe('core-balance on a sandbox (1000 requests/hour documented)', () => {
  test('smoke: login + 2 cards + 5 iterations = 26 requests, printed with the breakdown', () => {
    const run = plan(['--target', 'sandbox', '--profile', 'smoke']);
    assert.equal(run.api, 'core');
    assert.equal(run.rateLimitPerHour, 1000);
    assert.equal(run.profile.poolSize, 2, 'the pool follows the profile: one card per VU that may run at once');
    assert.equal(run.profile.setupRequests, 1 + 2 * 5);
    assert.deepEqual([run.plan.perScenario['core-balance'].iterations, run.plan.perScenario['core-balance'].requests], [5, 15]);
    assert.equal(run.plan.total, 26);
    assert.equal(run.plan.perHour, 26);
    assert.doesNotThrow(() => assertWithinBudget(run.plan));
    const lines = formatPlan(run.plan, true);
    assert.match(lines.join('\n'), /core-balance\s+constant-arrival-rate\s+3 req\/iteration × 5 iterations = 15 requests/);
    assert.match(lines.join('\n'), /setup\s+11 requests \(login 1 \+ pool 2 × 5\)/);
    assert.match(lines.join('\n'), /budget: 26 of 800 allowed \(80% of 1000\/hour\)/);
    assert.equal(run.apiKey, '');
    assert.deepEqual(run.credentials, { email: 'load@example.com', password: 'not-printed-3c1e' });
    assert.ok(!lines.join('\n').includes('not-printed'));
  });

  test('load: 10 minutes sized to the budget, setup included: (800 − 11) / 3 = 263 iterations', () => {
    const run = plan(['--target', 'sandbox', '--profile', 'load']);
    const s = run.plan.perScenario['core-balance'];
    assert.equal(s.iterations, 263);
    assert.equal(s.requests, 789);
    assert.equal(run.plan.perHour, 800, 'exactly the allowance');
    assert.doesNotThrow(() => assertWithinBudget(run.plan));
  });

  test('every profile fits 80% of the limit, for several limits', () => {
    for (const limit of [100, 1000, 3600]) {
      for (const profile of PROFILES) {
        const run = plan(['--target', 'sandbox', '--profile', profile], { RATE_LIMIT_PER_HOUR: String(limit) });
        assert.doesNotThrow(() => assertWithinBudget(run.plan), `${profile} at ${limit}/hour`);
        assert.ok(run.plan.perHour! <= Math.floor(limit * 0.8));
      }
    }
  });

  test('a pool too large for the hour is refused with the numbers, login included', () => {
    const run = plan(['--target', 'sandbox', '--profile', 'smoke'], { POOL_SIZE: '200' });
    assert.equal(run.profile.setupRequests, 1 + 200 * 5);
    assert.throws(() => assertWithinBudget(run.plan), (error: Error) => {
      assert.ok(error instanceof BudgetError);
      assert.equal(error.message,
        'Load plan refused: 1004 requests in the busiest hour (core-balance 3 req/iteration × 1 iterations = 3; setup 1001 = login 1 + pool 200 × 5) '
        + 'exceed 800, 80% of the 1000 requests/hour limit. Lower POOL_SIZE, pick a lighter profile, or set RATE_LIMIT_PER_HOUR to the limit your provider granted.');
      return true;
    });
  });

  test('a limit too small for login, provisioning and one iteration is refused', () => {
    const run = plan(['--target', 'sandbox', '--profile', 'smoke'], { RATE_LIMIT_PER_HOUR: '15' });
    assert.equal(run.plan.allowed, 12);
    assert.throws(() => assertWithinBudget(run.plan), /Load plan refused: 14 requests in the busiest hour \(core-balance 3 req\/iteration × 1 iterations = 3; setup 11 = login 1 \+ pool 2 × 5\) exceed 12, 80% of the 15 requests\/hour limit\./);
  });

  test('distributed: each runner logs in and provisions its own pool', () => {
    const run = resolveRun({ ...parseLoadArgs(['core-balance', '--target', 'sandbox', '--profile', 'load', '--runners', '2', '--keep']) }, SANDBOX);
    assert.equal(run.plan.setup, 2 * 11);
    assert.equal(run.plan.setupDetail, 'login 1 + pool 2 × 5, × 2 runners');
  });
});

describe('core-balance on local targets', () => {
  test('no budget; the local account, never the sandbox one from the environment', () => {
    for (const target of ['twin', 'mock']) {
      const run = plan(['--target', target, '--profile', 'load']);
      assert.equal(run.sandboxUrl, undefined);
      assert.deepEqual(run.credentials, { email: 'test@example.com', password: 'test123' });
      assert.equal(run.profile.poolSize, 10);
      assert.ok(formatPlan(run.plan, false).join('\n').includes('budget: none (local target)'));
    }
  });
});

describe('core-balance on a sandbox, with its cleanup phase (the default)', () => {
  test('a login and a cancel per pool card are planned with setup, and the iterations sized around them', () => {
    const smoke = resolveRun(parseLoadArgs(['core-balance', '--target', 'sandbox', '--profile', 'smoke']), SANDBOX);
    assert.equal(smoke.profile.cleanupRequests, 1 + 2, 'login 1 + 2 cards');
    assert.equal(smoke.plan.setup, 11 + 3);
    assert.match(formatPlan(smoke.plan, true).join('\n'), /setup\s+14 requests \(login 1 \+ pool 2 × 5 \+ cleanup 3\)/);
    const load = resolveRun(parseLoadArgs(['core-balance', '--target', 'sandbox', '--profile', 'load']), SANDBOX);
    assert.equal(load.plan.perScenario['core-balance'].iterations, Math.floor((800 - 11 - 3) / 3), 'the cleanup comes out of the iterations\' share');
    assert.ok(load.plan.perHour! <= 800);
  });
});
