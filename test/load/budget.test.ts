// Rate-budget arithmetic, the refusal of an over-budget plan, and the profiles sized to it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertWithinBudget, BudgetError, formatPlan, parseDuration, planRequests, plannedIterations, type ExecutorConfig } from '../../lib/budget.ts';
import { buildProfile, execName, PROFILES, type FlowCost, type LoadTarget } from '../../load/lib/profiles.ts';

describe('durations', () => {
  test('k6 duration strings in seconds', () => {
    assert.equal(parseDuration('30s'), 30);
    assert.equal(parseDuration('1m30s'), 90);
    assert.equal(parseDuration('2h'), 7200);
    assert.equal(parseDuration('500ms'), 0.5);
    assert.equal(parseDuration('45'), 45);
    assert.throws(() => parseDuration('ten minutes'), /not a k6 duration/);
  });
});

describe('planned iterations per executor', () => {
  const vus = { preAllocatedVUs: 1, maxVUs: 2 };
  test('constant-arrival-rate: rate × duration / timeUnit', () => {
    assert.equal(plannedIterations({ executor: 'constant-arrival-rate', rate: 5, timeUnit: '1m', duration: '10m', ...vus }), 50);
    assert.equal(plannedIterations({ executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s', duration: '30s', ...vus }), 300);
    assert.equal(plannedIterations({ executor: 'constant-arrival-rate', rate: 7, timeUnit: '1h', duration: '10m', ...vus }), 2, '7/6 rounds up');
  });
  test('ramping-arrival-rate: the area under the rate curve', () => {
    const config: ExecutorConfig = {
      executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', ...vus,
      stages: [{ duration: '10s', target: 10 }, { duration: '20s', target: 10 }, { duration: '10s', target: 0 }],
    };
    assert.equal(plannedIterations(config), 50 + 200 + 50);
  });
  test('iteration executors are bounded; VU executors are not', () => {
    assert.equal(plannedIterations({ executor: 'per-vu-iterations', vus: 3, iterations: 4, maxDuration: '1m' }), 12);
    assert.equal(plannedIterations({ executor: 'shared-iterations', vus: 3, iterations: 4, maxDuration: '1m' }), 4);
    assert.equal(plannedIterations({ executor: 'constant-vus', vus: 3, duration: '1m' }), null);
    assert.equal(plannedIterations({ executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '1m', target: 5 }] }), null);
  });
});

describe('planRequests', () => {
  const vus = { preAllocatedVUs: 1, maxVUs: 2 };
  test('requests per iteration × iterations + setup, against 80% of the limit', () => {
    const plan = planRequests(
      {
        lifecycle: { executor: 'constant-arrival-rate', rate: 30, timeUnit: '10m', duration: '10m', ...vus },
        'balance-check': { executor: 'constant-arrival-rate', rate: 60, timeUnit: '10m', duration: '10m', ...vus },
      },
      { lifecycle: 7, 'balance-check': 2 },
      13,
      1000,
    );
    assert.deepEqual(
      Object.fromEntries(Object.entries(plan.perScenario).map(([k, s]) => [k, [s.iterations, s.requests]])),
      { lifecycle: [30, 210], 'balance-check': [60, 120] },
    );
    assert.equal(plan.setup, 13);
    assert.equal(plan.total, 210 + 120 + 13);
    assert.equal(plan.perHour, 343, 'a run under an hour counts whole');
    assert.equal(plan.limit, 1000);
    assert.equal(plan.allowed, 800);
    assert.doesNotThrow(() => assertWithinBudget(plan));
  });

  test('a run longer than an hour counts each scenario at its peak rate for one hour, plus setup', () => {
    const plan = planRequests(
      { soak: { executor: 'constant-arrival-rate', rate: 100, timeUnit: '1h', duration: '3h', ...vus } },
      { soak: 4 },
      10,
      1000,
    );
    assert.equal(plan.total, 300 * 4 + 10);
    assert.equal(plan.perHour, 100 * 4 + 10);
    assert.equal(plan.durationSeconds, 10800);
  });

  test('exactly at the allowance passes; one request more is refused with the numbers', () => {
    const at = planRequests({ s: { executor: 'shared-iterations', vus: 1, iterations: 395, maxDuration: '10m' } }, { s: 2 }, 10, 1000);
    assert.equal(at.perHour, 800);
    assert.doesNotThrow(() => assertWithinBudget(at));
    const over = planRequests({ s: { executor: 'shared-iterations', vus: 1, iterations: 395, maxDuration: '10m' } }, { s: 2 }, 11, 1000);
    assert.throws(() => assertWithinBudget(over), (error: Error) => {
      assert.ok(error instanceof BudgetError);
      assert.equal(error.message,
        'Load plan refused: 801 requests in the busiest hour (s 2 req/iteration × 395 iterations = 790; setup 11) exceed 800, '
        + '80% of the 1000 requests/hour limit. Lower POOL_SIZE, pick a lighter profile, or set RATE_LIMIT_PER_HOUR to the limit your provider granted.');
      return true;
    });
  });

  test('an unbounded executor is refused where a budget applies', () => {
    const plan = planRequests({ soak: { executor: 'constant-vus', vus: 5, duration: '30m' } }, { soak: 2 }, 5, 1000);
    assert.equal(plan.total, null);
    assert.equal(plan.perHour, null);
    assert.throws(() => assertWithinBudget(plan), /soak \(constant-vus\) has no bounded request count/);
    assert.ok(formatPlan(plan, false).some((line) => line.includes('unbounded')));
  });

  test('a scenario without a request count is a programming error', () => {
    assert.throws(() => planRequests({ x: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '1m' } }, {}, 0, 1000), /No request count for scenario "x"/);
  });
});

describe('profiles', () => {
  const scenarios: Record<string, FlowCost> = {
    lifecycle: { requests: 7, operations: ['blockCard', 'getCard', 'unblockCard', 'createDebitCard', 'ackReception'] },
    'balance-check': { requests: 2, operations: ['getWallet', 'listWalletsByUser'] },
  };
  const provision: FlowCost = { requests: 3, operations: ['createNaturalUser', 'createPayIn', 'createDebitCard'] };
  const profileFor = (profile: (typeof PROFILES)[number], target: LoadTarget, rateLimitPerHour = 1000, poolSize?: number) =>
    buildProfile({ profile, target, scenarios, provision, readinessRequests: 1, rateLimitPerHour, poolSize });
  const planOf = (p: ReturnType<typeof profileFor>) =>
    planRequests(p.scenarios, { lifecycle: 7, 'balance-check': 2 }, p.setupRequests, 1000);

  test('sandbox profiles use arrival-rate executors and fit 80% of the limit, setup included', () => {
    for (const limit of [100, 500, 1000, 3600, 50_000]) {
      for (const name of PROFILES) {
        const profile = profileFor(name, 'sandbox', limit);
        for (const s of Object.values(profile.scenarios)) assert.match(s.executor, /arrival-rate/, `${name}@${limit}`);
        const plan = planRequests(profile.scenarios, { lifecycle: 7, 'balance-check': 2 }, profile.setupRequests, limit);
        assert.doesNotThrow(() => assertWithinBudget(plan), `${name} with ${limit}/hour`);
        assert.ok(plan.perHour! <= Math.floor(limit * 0.8));
      }
    }
  });

  test('a limit too small for even one iteration is refused, not silently shrunk to nothing', () => {
    const profile = profileFor('smoke', 'sandbox', 10);
    const plan = planRequests(profile.scenarios, { lifecycle: 7, 'balance-check': 2 }, profile.setupRequests, 10);
    assert.equal(profile.setupRequests, 1 + 4 * 3);
    assert.throws(() => assertWithinBudget(plan), /exceed 8, 80% of the 10 requests\/hour limit/);
  });

  test('pool: one cardholder per VU that may run at once, unless POOL_SIZE says otherwise', () => {
    assert.equal(profileFor('smoke', 'twin').poolSize, 4);
    assert.equal(profileFor('load', 'twin').poolSize, 20);
    assert.equal(profileFor('stress', 'twin').poolSize, 200);
    assert.equal(profileFor('smoke', 'sandbox').poolSize, 4);
    const fixed = profileFor('smoke', 'twin', 1000, 9);
    assert.equal(fixed.poolSize, 9);
    assert.equal(fixed.setupRequests, 1 + 9 * 3);
  });

  test('local targets have no budget; stress ramps arrivals and aborts on breaking thresholds', () => {
    const stress = profileFor('stress', 'twin');
    assert.equal(stress.scenarios.lifecycle.executor, 'ramping-arrival-rate');
    assert.deepEqual(stress.thresholds['http_req_duration{operation:getCard}'], [
      { threshold: 'p(95)<500', abortOnFail: true, delayAbortEval: '10s' },
      { threshold: 'p(99)<1500', abortOnFail: true, delayAbortEval: '10s' },
    ]);
    assert.ok(planOf(profileFor('soak', 'twin')).perHour === null, 'soak on a local target is time-bound, not request-bound');
  });

  test('every profile: per-operation p95/p99, checks, failures, contract and an aborting 429 threshold', () => {
    for (const name of PROFILES) {
      for (const target of ['twin', 'mock', 'sandbox'] as LoadTarget[]) {
        const p = profileFor(name, target);
        assert.deepEqual(p.thresholds.checks, ['rate>0.99']);
        assert.equal(JSON.stringify(p.thresholds.http_req_failed).includes('rate<0.01'), true);
        assert.deepEqual(p.thresholds.contract_violations, ['count==0']);
        assert.deepEqual(p.thresholds.rate_limited, [{ threshold: 'count==0', abortOnFail: true }]);
        for (const op of [...scenarios.lifecycle.operations, ...scenarios['balance-check'].operations]) {
          assert.equal(p.thresholds[`http_req_duration{operation:${op}}`]?.length, 2, `${name}@${target} ${op}`);
          assert.deepEqual(p.thresholds[`contract_violations{operation:${op}}`], ['count==0']);
        }
        for (const [scenario, s] of Object.entries(p.scenarios)) assert.equal(s.exec, execName(scenario));
      }
    }
    assert.equal(execName('balance-check'), 'balanceCheck');
  });

  test('unconfirmed assumptions fail the twin and the mock, and a sandbox run only with STRICT=1', () => {
    assert.deepEqual(profileFor('smoke', 'twin').thresholds.contract_assumptions, ['count==0']);
    assert.deepEqual(profileFor('smoke', 'mock').thresholds.contract_assumptions, ['count==0']);
    assert.equal(profileFor('load', 'sandbox').thresholds.contract_assumptions, undefined, 'reported, not failed, on the sandbox');
    assert.deepEqual(buildProfile({ profile: 'load', target: 'sandbox', scenarios, provision, readinessRequests: 1, rateLimitPerHour: 1000, strict: true }).thresholds.contract_assumptions, ['count==0']);
  });

  test('CONTRACT_SAMPLE defaults: full on smoke and on a sandbox, lower under heavy local load', () => {
    assert.equal(profileFor('smoke', 'twin').contractSample, 1);
    assert.ok(profileFor('stress', 'twin').contractSample < profileFor('load', 'twin').contractSample);
    assert.equal(profileFor('stress', 'sandbox').contractSample, 1);
  });
});
