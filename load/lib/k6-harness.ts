// Wires the shared flows to k6, for any API: options from the profile, setup() getting in
// (Sovera: a readiness probe with the API key; Core: a login whose token the VUs get through
// setup data) and provisioning the pool, one exported function per scenario, handleSummary
// writing the reports. The API's spec module (operations, standalone validators, flow costs,
// generated at build time) comes in as an argument, so a bundle carries only its own API's
// validators: load/lib/k6-test.ts passes Sovera's, load/core-balance.k6.ts Core's.
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import { basicKeyAuthorization, bearerAuthorization } from '../../lib/http.ts';
import { summaryOutputs, type K6SummaryData } from '../../lib/k6-summary.ts';
import type { NaturalUserInput } from '../../scenarios/sovera.ts';
import { LOAD_APIS } from './apis.ts';
import { readConfig } from './config.ts';
import { scenarioCosts, type FlowCostTable } from './flow-costs.ts';
import {
  checkReadiness, createExecutor, limitedLog, loginForSetup, memberFor, provisionPool, runIteration,
  type Execute, type OperationMeta, type ResponseValidator, type RunnerConfig, type RunnerDeps,
} from './k6-runner.ts';
import { buildProfile } from './profiles.ts';
import { LOAD_ENTRIES, scenariosApi, SCENARIOS, type IterationContext, type ScenarioName } from './scenarios.ts';

// Custom metrics exist from init on, so thresholds on them always resolve.
const contractViolations = new Counter('contract_violations');
const contractAssumptions = new Counter('contract_assumptions');
const contractChecked = new Counter('contract_checked');
const rateLimited = new Counter('rate_limited');

/** The module the build generates from one API's spec (harness-generated:<api>, load/lib/generated.d.ts). */
export interface GeneratedApiModule {
  OPERATIONS: Record<string, OperationMeta>;
  VALIDATORS: Record<string, ResponseValidator>;
  DOCUMENTED_VALIDATORS: Record<string, ResponseValidator>;
  INFERRED_BODIES: string[];
  FLOW_COSTS: FlowCostTable;
  FORMATS: string[];
}

export interface SetupData {
  /** Sovera: cardholders (user, wallet, card); Core: active funded cards (scenarios/core.ts CoreCard). */
  pool: any[];
  /** Core: the access token from setup()'s login, shared by the VUs. Never logged; handleSummary leaves setup data out. */
  token?: string;
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
    counters: { contractViolations, contractAssumptions, contractChecked, rateLimited },
    random: Math.random,
    warn: (message) => console.warn(message),
    abort: (reason) => exec.test.abort(reason),
    expectedStatuses: (...statuses) => http.expectedStatuses(...statuses),
  };
}

export function createLoadTest(script: string, names: ScenarioName[], generated: GeneratedApiModule): LoadTest {
  const config = readConfig(__ENV, script);
  const api = LOAD_APIS[config.api];
  if (scenariosApi(names) !== api.id) throw new Error(`Script ${script} runs ${names.join(', ')}, which are not ${api.id} scenarios.`);
  const costs = generated.FLOW_COSTS;
  const profile = buildProfile({
    profile: config.profile,
    target: config.target,
    scenarios: scenarioCosts(costs, names, config.target),
    provision: costs.provision,
    readinessRequests: costs.readinessRequests,
    setupOperations: [...costs.readiness.operations, ...costs.provision.operations],
    rateLimitPerHour: config.rateLimitPerHour,
    poolSize: config.poolSize,
    runners: config.runners,
    strict: config.strict,
    cleanup: config.cleanup,
  });
  const contractSample = config.contractSample ?? profile.contractSample;
  // Test data generated with faker at build time; one copy shared by all VUs.
  const users = new SharedArray<NaturalUserInput>('users', () => JSON.parse(open('./load-data.json')) as NaturalUserInput[]);

  const deps = k6RunnerDeps();
  const log = limitedLog(deps.warn, 10);
  const base: RunnerConfig = {
    baseUrl: config.baseUrl,
    // Core: the bearer token of setup()'s login, below; a key in its own header (API Layer); else HTTP Basic (Sovera).
    authorization: api.id === 'core' || api.keyHeader ? undefined : basicKeyAuthorization(config.apiKey),
    credentialHeaders: api.keyHeader ? { [api.keyHeader]: config.apiKey } : undefined,
    contractSample,
    operations: generated.OPERATIONS,
    validators: generated.VALIDATORS,
    documentedValidators: generated.DOCUMENTED_VALIDATORS,
    inferredBodies: generated.INFERRED_BODIES,
  };
  // Sovera: one executor for the VU's life. Core: the VU's executor carries the bearer token of
  // setup data, made on the first iteration (setup data does not exist at init).
  let execute: Execute | undefined = api.id === 'core' ? undefined : createExecutor(deps, base, log);
  let executeToken: string | undefined;
  const ctx: IterationContext = { clientCode: config.clientCode, stateful: config.stateful, target: config.target, balances: new Map() };
  const checks = { stateful: config.stateful };

  function executorFor(data: SetupData): Execute {
    if (api.id !== 'core') return execute!;
    if (!execute || data.token !== executeToken) {
      if (!data.token) throw new Error('setup() passed no token: the Core scripts log in during setup.');
      executeToken = data.token;
      execute = createExecutor(deps, { ...base, authorization: bearerAuthorization(data.token) }, log);
    }
    return execute;
  }

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
      // The run id of `npm run load` (emails carry it, so people on the account can tell harness data); a short one otherwise.
      const runId = __ENV.RUN_ID || Date.now().toString(36);
      const { entry, provision } = LOAD_ENTRIES[api.id];
      if (entry.kind === 'login') {
        const session = loginForSetup(createExecutor(deps, base, log), config.credentials!, config.baseUrl);
        const data: SetupData = { pool: [], token: session.token };
        data.pool = provisionPool(executorFor(data), {
          poolSize: profile.poolSize,
          clientCode: config.clientCode,
          users,
          runId,
          provision: (user, clientCode) => provision(user, clientCode, checks),
          errorCode: api.errorCode,
        });
        return data;
      }
      checkReadiness(deps, base, entry.operationId, entry.input, entry.keyHint);
      const pool = provisionPool(execute!, { poolSize: profile.poolSize, clientCode: config.clientCode, users, runId, provision: (user, clientCode) => provision(user, clientCode, checks), errorCode: api.errorCode });
      return { pool };
    },
    iterate(scenario, data) {
      const member = memberFor(data.pool, exec.vu.idInTest);
      runIteration(deps, scenario, SCENARIOS[scenario].iteration(member, ctx), executorFor(data), log, api.errorCode);
    },
    handleSummary(data) {
      // What setup() created, by id only (no token, no personal data), for the cleanup of a sandbox run (lib/cleanup.ts).
      const pool = (data.setup_data as SetupData | undefined)?.pool ?? [];
      const created = { [`${config.reportDir}/created.json`]: `${JSON.stringify(([] as Array<{ kind: string; id: string }>).concat(...pool.map((m) => LOAD_ENTRIES[api.id].createdOf(m))))}\n` };
      return { ...created, ...summaryOutputs(data, {
        script,
        target: config.target,
        profile: config.profile,
        contractSample,
        poolSize: profile.poolSize,
        scenarios: names,
        reportDir: config.reportDir,
      }) };
    },
  };
}
