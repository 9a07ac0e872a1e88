// Wires the shared flows to k6: options from the profile, setup() provisioning the pool,
// one exported function per scenario, handleSummary writing the reports. Each script under
// load/ is a few lines on top of defineLoadTest(). Only k6 modules are imported from outside
// the bundle; the spec's operations and validators come from the generated module.
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import { FLOW_COSTS, OPERATIONS, VALIDATORS } from 'harness-generated:sovera';
import { basicKeyAuthorization } from '../../lib/http.ts';
import { summaryOutputs, type K6SummaryData } from '../../lib/k6-summary.ts';
import type { Cardholder, NaturalUserInput } from '../../scenarios/sovera.ts';
import { readConfig } from './config.ts';
import { scenarioCosts } from './flow-costs.ts';
import { checkReadiness, createExecutor, limitedLog, memberFor, provisionPool, runIteration, type RunnerConfig, type RunnerDeps } from './k6-runner.ts';
import { buildProfile } from './profiles.ts';
import { READINESS_OPERATION, SCENARIOS, provisionMember, type ScenarioName } from './scenarios.ts';

// Custom metrics exist from init on, so thresholds on them always resolve.
const contractViolations = new Counter('contract_violations');
const contractChecked = new Counter('contract_checked');
const rateLimited = new Counter('rate_limited');

export interface SetupData {
  pool: Cardholder[];
}

export interface LoadTest {
  options: Record<string, unknown>;
  setup(): SetupData;
  /** One iteration of a scenario, for the VU's own pool member. */
  iterate(scenario: ScenarioName, data: SetupData): void;
  handleSummary(data: K6SummaryData): Record<string, string>;
}

/** k6's own http, check, metrics and execution, as the runner takes them. */
export function k6RunnerDeps(): RunnerDeps {
  return {
    request: (method, url, body, params) => http.request(method, url, body, params as never) as never,
    check: (value, sets, tags) => check(value, sets, tags),
    counters: { contractViolations, contractChecked, rateLimited },
    random: Math.random,
    warn: (message) => console.warn(message),
    abort: (reason) => exec.test.abort(reason),
    expectedStatuses: (...statuses) => http.expectedStatuses(...statuses),
  };
}

/** The spec's operations and standalone validators (generated at build time), for one target. */
export function k6RunnerConfig(baseUrl: string, apiKey: string, contractSample: number): RunnerConfig {
  return { baseUrl, authorization: basicKeyAuthorization(apiKey), contractSample, operations: OPERATIONS, validators: VALIDATORS };
}

export function defineLoadTest(script: string, names: ScenarioName[]): LoadTest {
  const config = readConfig(__ENV, script);
  const profile = buildProfile({
    profile: config.profile,
    target: config.target,
    scenarios: scenarioCosts(FLOW_COSTS, names, config.target),
    provision: FLOW_COSTS.provision,
    readinessRequests: FLOW_COSTS.readinessRequests,
    rateLimitPerHour: config.rateLimitPerHour,
    poolSize: config.poolSize,
    runners: config.runners,
  });
  const contractSample = config.contractSample ?? profile.contractSample;
  // Test data generated with faker at build time; one copy shared by all VUs.
  const users = new SharedArray<NaturalUserInput>('users', () => JSON.parse(open('./load-data.json')) as NaturalUserInput[]);

  const deps = k6RunnerDeps();
  const runnerConfig = k6RunnerConfig(config.baseUrl, config.apiKey, contractSample);
  const log = limitedLog(deps.warn, 10);
  const execute = createExecutor(deps, runnerConfig, log);
  const ctx = { clientCode: config.clientCode, stateful: config.stateful, target: config.target };

  return {
    options: {
      scenarios: profile.scenarios,
      thresholds: profile.thresholds,
      setupTimeout: profile.setupTimeout,
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
      userAgent: 'card-api-harness-load/1',
      tags: { target: config.target, profile: config.profile },
    },
    setup(): SetupData {
      checkReadiness(deps, runnerConfig, READINESS_OPERATION);
      const pool = provisionPool(execute, {
        poolSize: profile.poolSize,
        clientCode: config.clientCode,
        users,
        runId: Date.now().toString(36),
        provision: provisionMember,
      });
      return { pool };
    },
    iterate(scenario, data) {
      const member = memberFor(data.pool, exec.vu.idInTest);
      runIteration(deps, scenario, SCENARIOS[scenario].iteration(member, ctx), execute, log);
    },
    handleSummary(data) {
      return summaryOutputs(data, {
        script,
        target: config.target,
        profile: config.profile,
        contractSample,
        poolSize: profile.poolSize,
        scenarios: names,
        reportDir: config.reportDir,
      });
    },
  };
}
