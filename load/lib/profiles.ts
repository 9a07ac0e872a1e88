// Load profiles: executors, pool size and thresholds as a pure function of (profile, target,
// what the flows cost). The k6 scripts build their `options` with it at init, and the Node
// runner builds the very same plan to print and check the rate budget before k6 starts.
import { BUDGET_SHARE, type K6Scenario, type Stage } from '../../lib/budget.ts';

export const PROFILES = ['smoke', 'load', 'stress', 'soak'] as const;
export type ProfileName = (typeof PROFILES)[number];
export const LOAD_TARGETS = ['twin', 'mock', 'sandbox'] as const;
export type LoadTarget = (typeof LOAD_TARGETS)[number];

/** What one scenario's iteration costs, counted from its flow (load/build/flow-costs.ts). */
export interface FlowCost {
  requests: number;
  /** operationIds the flow calls, in order of first call. */
  operations: string[];
}

export interface ProfileInput {
  profile: ProfileName;
  target: LoadTarget;
  /** Scenario name → cost of one iteration on this target. */
  scenarios: Record<string, FlowCost>;
  /** Cost of provisioning one pool member (user, funded wallet, card). */
  provision: FlowCost;
  /** Requests setup() makes before provisioning (Sovera: the readiness probe; Core: the login). */
  readinessRequests: number;
  /** Operations setup() calls (readiness or login, provisioning): their contract violations get a threshold of their own too. */
  setupOperations?: string[];
  rateLimitPerHour: number;
  /** Overrides the pool size the profile derives from its VUs. */
  poolSize?: number;
  /** k6 instances sharing the run (k6-operator parallelism): arrival rates are split, but each runs setup(). */
  runners?: number;
  /** STRICT=1: unconfirmed assumptions fail a sandbox run too (they always fail on the twin and the mock). */
  strict?: boolean;
  /**
   * The cleanup phase `npm run load` runs after a sandbox run (lib/cleanup.ts): requests per pool
   * member (a cancel per card) and once (a login). Planned with setup's; none without it (--keep).
   */
  cleanup?: { perMember: number; once: number };
}

export interface Threshold { threshold: string; abortOnFail?: boolean; delayAbortEval?: string }

export interface LoadProfile {
  profile: ProfileName;
  target: LoadTarget;
  scenarios: Record<string, K6Scenario>;
  /** Pool members setup() provisions: one per VU that may run at once, so no two VUs share a card. */
  poolSize: number;
  /** The VUs that may run at once, over all scenarios. */
  maxVUs: number;
  setupRequests: number;
  /** The cleanup phase's requests after the run (sandbox, not --keep), for all runners' pools. */
  cleanupRequests: number;
  thresholds: Record<string, Array<string | Threshold>>;
  /** Share of responses validated against the spec unless CONTRACT_SAMPLE says otherwise. */
  contractSample: number;
  setupTimeout: string;
}

/** Latency thresholds (ms) per profile: p95 and p99 of each operation. A live sandbox is further away. */
const LATENCY: Record<ProfileName, { local: [number, number]; sandbox: [number, number] }> = {
  smoke: { local: [500, 1000], sandbox: [1500, 3000] },
  load: { local: [300, 800], sandbox: [1500, 3000] },
  stress: { local: [500, 1500], sandbox: [2000, 4000] },
  soak: { local: [300, 800], sandbox: [1500, 3000] },
};

/** Validation costs CPU in k6 (JSON parse plus Ajv): full on smoke, sampled under heavy local load. */
const CONTRACT_SAMPLE: Record<ProfileName, number> = { smoke: 1, load: 0.2, stress: 0.05, soak: 0.2 };

export function buildProfile(input: ProfileInput): LoadProfile {
  const names = Object.keys(input.scenarios);
  if (!names.length) throw new Error('A load profile needs at least one scenario');
  const scenarios = input.target === 'sandbox' ? sandboxScenarios(input, names) : localScenarios(input.profile, names);
  const maxVUs = names.reduce((sum, name) => sum + vusOf(scenarios[name]), 0);
  const poolSize = input.poolSize ?? maxVUs;
  return {
    profile: input.profile,
    target: input.target,
    scenarios,
    poolSize,
    maxVUs,
    setupRequests: setupRequests(input, poolSize),
    cleanupRequests: cleanupRequests(input, poolSize),
    thresholds: thresholds(input, names),
    contractSample: input.target === 'sandbox' ? 1 : CONTRACT_SAMPLE[input.profile],
    setupTimeout: `${Math.max(60, Math.ceil(poolSize * input.provision.requests * (input.target === 'sandbox' ? 2 : 0.2)))}s`,
  };
}

export function setupRequests(input: Pick<ProfileInput, 'provision' | 'readinessRequests'>, poolSize: number): number {
  return input.readinessRequests + poolSize * input.provision.requests;
}

export function cleanupRequests(input: Pick<ProfileInput, 'cleanup' | 'runners'>, poolSize: number): number {
  const c = input.cleanup;
  return c && c.perMember > 0 ? c.once + c.perMember * poolSize * (input.runners ?? 1) : 0;
}

/** Local targets have no budget: VU-based executors, and stress ramps arrivals until thresholds abort the run. */
function localScenarios(profile: ProfileName, names: string[]): Record<string, K6Scenario> {
  const out: Record<string, K6Scenario> = {};
  for (const name of names) {
    const base = { exec: execName(name), tags: { flow: name } };
    switch (profile) {
      case 'smoke':
        out[name] = { ...base, executor: 'per-vu-iterations', vus: 2, iterations: 5, maxDuration: '1m' };
        break;
      case 'load':
        out[name] = { ...base, executor: 'ramping-vus', startVUs: 0, gracefulRampDown: '10s',
          stages: [{ duration: '30s', target: 10 }, { duration: '2m', target: 10 }, { duration: '15s', target: 0 }] };
        break;
      case 'stress':
        out[name] = { ...base, executor: 'ramping-arrival-rate', startRate: 20, timeUnit: '1s', preAllocatedVUs: 20, maxVUs: 100,
          stages: [{ duration: '1m', target: 500 }, { duration: '1m', target: 1500 }, { duration: '1m', target: 4000 }] };
        break;
      case 'soak':
        out[name] = { ...base, executor: 'constant-vus', vus: 5, duration: '30m' };
        break;
    }
  }
  return out;
}

const SANDBOX_VUS = { preAllocatedVUs: 1, maxVUs: 2 };

/**
 * Sandbox: arrival-rate executors sized so that setup plus every scenario's planned requests
 * fit BUDGET_SHARE of the hourly limit, split evenly between scenarios. At least one iteration
 * is always planned, so a limit too small for even that is refused by the budget check with the numbers.
 */
function sandboxScenarios(input: ProfileInput, names: string[]): Record<string, K6Scenario> {
  const poolSize = input.poolSize ?? names.length * SANDBOX_VUS.maxVUs;
  const allowed = Math.floor(input.rateLimitPerHour * BUDGET_SHARE);
  const setup = setupRequests(input, poolSize) * (input.runners ?? 1) + cleanupRequests(input, poolSize);
  const share = Math.floor(Math.max(0, allowed - setup) / names.length);
  const out: Record<string, K6Scenario> = {};
  for (const name of names) {
    const fits = Math.floor(share / input.scenarios[name].requests); // iterations this scenario may make
    const base = { exec: execName(name), tags: { flow: name }, ...SANDBOX_VUS };
    switch (input.profile) {
      case 'smoke':
        out[name] = { ...base, executor: 'constant-arrival-rate', rate: clamp(fits, 1, 5), timeUnit: '1m', duration: '1m' };
        break;
      case 'load':
        out[name] = { ...base, executor: 'constant-arrival-rate', rate: Math.max(1, fits), timeUnit: '10m', duration: '10m' };
        break;
      case 'stress': {
        // Linear ramp from 0 to the peak over 10 minutes: fits = peak / 2 iterations.
        const stages: Stage[] = [{ duration: '10m', target: Math.max(1, 2 * fits) }];
        out[name] = { ...base, executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '10m', stages };
        break;
      }
      case 'soak':
        out[name] = { ...base, executor: 'constant-arrival-rate', rate: Math.max(1, fits), timeUnit: '1h', duration: '2h' };
        break;
    }
  }
  return out;
}

function thresholds(input: ProfileInput, names: string[]): Record<string, Array<string | Threshold>> {
  const [p95, p99] = LATENCY[input.profile][input.target === 'sandbox' ? 'sandbox' : 'local'];
  // Stress on a local target ramps until something breaks: latency and errors end the run there.
  const breaking = input.profile === 'stress' && input.target !== 'sandbox';
  const limit = (threshold: string): string | Threshold => (breaking ? { threshold, abortOnFail: true, delayAbortEval: '10s' } : threshold);
  const out: Record<string, Array<string | Threshold>> = {
    checks: ['rate>0.99'],
    http_req_failed: [limit('rate<0.01')],
    contract_violations: ['count==0'],
    // Inferred rules fail where the spec's inferences are the point (twin, mock) or when asked (STRICT=1).
    ...(input.target !== 'sandbox' || input.strict ? { contract_assumptions: ['count==0'] } : {}),
    // One 429 ends the run at once: an account's rate limit is never hammered.
    rate_limited: [{ threshold: 'count==0', abortOnFail: true }],
  };
  const operations = new Set<string>();
  for (const name of names) for (const op of input.scenarios[name].operations) operations.add(op);
  for (const op of operations) {
    out[`http_req_duration{operation:${op}}`] = [limit(`p(95)<${p95}`), limit(`p(99)<${p99}`)];
    // Per operation as well, so the report names the operation that broke the spec.
    out[`contract_violations{operation:${op}}`] = ['count==0'];
  }
  for (const op of input.setupOperations ?? []) out[`contract_violations{operation:${op}}`] = ['count==0'];
  return out;
}

function vusOf(scenario: K6Scenario): number {
  switch (scenario.executor) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return scenario.maxVUs;
    case 'ramping-vus':
      return Math.max(scenario.startVUs, ...scenario.stages.map((s) => s.target));
    default:
      return scenario.vus;
  }
}

/** The exported k6 function a scenario runs: its name with dashes turned into camel case. */
export function execName(scenario: string): string {
  return scenario.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function isProfileName(value: string): value is ProfileName {
  return (PROFILES as readonly string[]).includes(value);
}

export function isLoadTarget(value: string): value is LoadTarget {
  return (LOAD_TARGETS as readonly string[]).includes(value);
}
