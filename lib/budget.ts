// Rate budget of a load run: how many requests a profile plans, per scenario and per hour, and
// whether that fits the account's limit. Pure (no Node built-ins, no k6): the runner prints and
// enforces the plan before k6 starts; the k6 profiles use the same executor types.

/** Share of the provider's hourly limit a load run may plan; the rest stays for everyone else on the account. */
export const BUDGET_SHARE = 0.8;

export interface Stage { duration: string; target: number }

/** The k6 executors the harness uses, with the fields the arithmetic needs (k6's option names). */
export type ExecutorConfig =
  | { executor: 'constant-arrival-rate'; rate: number; timeUnit: string; duration: string; preAllocatedVUs: number; maxVUs: number }
  | { executor: 'ramping-arrival-rate'; startRate: number; timeUnit: string; stages: Stage[]; preAllocatedVUs: number; maxVUs: number }
  | { executor: 'per-vu-iterations'; vus: number; iterations: number; maxDuration: string }
  | { executor: 'shared-iterations'; vus: number; iterations: number; maxDuration: string }
  | { executor: 'constant-vus'; vus: number; duration: string }
  | { executor: 'ramping-vus'; startVUs: number; stages: Stage[] };

/** A k6 scenario: an executor plus what k6 needs to run it. */
export type K6Scenario = ExecutorConfig & {
  exec: string;
  startTime?: string;
  gracefulStop?: string;
  gracefulRampDown?: string;
  tags?: Record<string, string>;
};

export interface ScenarioPlan {
  executor: string;
  requestsPerIteration: number;
  /** Planned iterations; null when the executor is not bounded in iterations (VU-based). */
  iterations: number | null;
  requests: number | null;
  /** Highest planned iteration rate, per hour. */
  peakIterationsPerHour: number | null;
  /** Seconds from the start of the test to the end of this scenario (startTime + duration). */
  endSeconds: number;
}

export interface RequestPlan {
  perScenario: Record<string, ScenarioPlan>;
  setup: number;
  /** How setup's requests add up, e.g. "login 1 + pool 2 × 5"; printed and quoted in a refusal. */
  setupDetail?: string;
  /** Requests of the whole run; null when a scenario is unbounded. */
  total: number | null;
  /** Requests in the busiest hour (setup included); null when a scenario is unbounded. */
  perHour: number | null;
  limit: number;
  /** BUDGET_SHARE of the limit, rounded down. */
  allowed: number;
  durationSeconds: number;
}

export class BudgetError extends Error {
  constructor(message: string, readonly plan: RequestPlan) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** Parses a k6 duration ("90s", "1m30s", "2h", "500ms") into seconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed); // k6 reads a bare number as seconds
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  let seconds = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
  while (rest) {
    const m = part.exec(rest);
    if (!m) throw new Error(`"${text}" is not a k6 duration (e.g. 30s, 1m30s, 2h)`);
    seconds += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  if (!trimmed) throw new Error('empty duration');
  return seconds;
}

/** Iterations an executor starts, when bounded; k6 starts arrival-rate iterations evenly, rounded up here to stay on the safe side. */
export function plannedIterations(config: ExecutorConfig): number | null {
  switch (config.executor) {
    case 'constant-arrival-rate':
      return Math.ceil(config.rate * parseDuration(config.duration) / parseDuration(config.timeUnit));
    case 'ramping-arrival-rate': {
      const unit = parseDuration(config.timeUnit);
      let rate = config.startRate;
      let sum = 0;
      for (const stage of config.stages) {
        sum += ((rate + stage.target) / 2) * parseDuration(stage.duration) / unit; // linear ramp: trapezoid
        rate = stage.target;
      }
      return Math.ceil(sum - 1e-9);
    }
    case 'per-vu-iterations':
      return config.vus * config.iterations;
    case 'shared-iterations':
      return config.iterations;
    default:
      return null;
  }
}

/** Seconds an executor runs at most (gracefulStop aside). */
export function executorSeconds(config: ExecutorConfig): number {
  switch (config.executor) {
    case 'constant-arrival-rate':
    case 'constant-vus':
      return parseDuration(config.duration);
    case 'ramping-arrival-rate':
    case 'ramping-vus':
      return config.stages.reduce((s, stage) => s + parseDuration(stage.duration), 0);
    default:
      return parseDuration(config.maxDuration);
  }
}

function peakIterationsPerHour(config: ExecutorConfig): number | null {
  switch (config.executor) {
    case 'constant-arrival-rate':
      return (config.rate * 3600) / parseDuration(config.timeUnit);
    case 'ramping-arrival-rate':
      return (Math.max(config.startRate, ...config.stages.map((s) => s.target)) * 3600) / parseDuration(config.timeUnit);
    case 'per-vu-iterations':
    case 'shared-iterations':
      return plannedIterations(config); // all of them may run within the hour
    default:
      return null;
  }
}

/**
 * The request plan of a run: requests per iteration × planned iterations per scenario, plus
 * setup. The busiest hour is the whole run when it lasts an hour or less; for longer runs each
 * scenario counts at its peak rate for a full hour (an upper bound), plus setup.
 */
export function planRequests(
  scenarios: Record<string, ExecutorConfig & { startTime?: string }>,
  requestsPerIteration: Record<string, number>,
  setupRequests: number,
  limitPerHour: number,
  setupDetail?: string,
): RequestPlan {
  const perScenario: Record<string, ScenarioPlan> = {};
  let bounded = true;
  let scenarioRequests = 0;
  let busiestHour = 0;
  let durationSeconds = 0;
  for (const [name, config] of Object.entries(scenarios)) {
    const cost = requestsPerIteration[name];
    if (cost === undefined) throw new Error(`No request count for scenario "${name}"`);
    const iterations = plannedIterations(config);
    const peak = peakIterationsPerHour(config);
    const endSeconds = (config.startTime ? parseDuration(config.startTime) : 0) + executorSeconds(config);
    durationSeconds = Math.max(durationSeconds, endSeconds);
    const requests = iterations === null ? null : iterations * cost;
    perScenario[name] = { executor: config.executor, requestsPerIteration: cost, iterations, requests, peakIterationsPerHour: peak, endSeconds };
    if (requests === null || peak === null) { bounded = false; continue; }
    scenarioRequests += requests;
    busiestHour += endSeconds <= 3600 ? requests : Math.min(requests, Math.ceil(peak * cost));
  }
  const allowed = Math.floor(limitPerHour * BUDGET_SHARE);
  return {
    perScenario,
    setup: setupRequests,
    setupDetail,
    total: bounded ? scenarioRequests + setupRequests : null,
    perHour: bounded ? busiestHour + setupRequests : null,
    limit: limitPerHour,
    allowed,
    durationSeconds,
  };
}

/** Throws a BudgetError naming the numbers when the plan is unbounded or over BUDGET_SHARE of the limit. */
export function assertWithinBudget(plan: RequestPlan): void {
  const unbounded = Object.entries(plan.perScenario).filter(([, s]) => s.requests === null).map(([name, s]) => `${name} (${s.executor})`);
  if (unbounded.length || plan.perHour === null) {
    throw new BudgetError(`Load plan refused: ${unbounded.join(', ')} ha${unbounded.length > 1 ? 've' : 's'} no bounded request count; `
      + 'runs against a rate-limited account need arrival-rate or iteration-bounded executors.', plan);
  }
  if (plan.perHour > plan.allowed) {
    const parts = Object.entries(plan.perScenario).map(([name, s]) => `${name} ${s.requestsPerIteration} req/iteration × ${s.iterations} iterations = ${s.requests}`);
    throw new BudgetError(`Load plan refused: ${plan.perHour} requests in the busiest hour (${parts.join('; ')}; setup ${plan.setup}${plan.setupDetail ? ` = ${plan.setupDetail}` : ''}) `
      + `exceed ${plan.allowed}, ${Math.round(BUDGET_SHARE * 100)}% of the ${plan.limit} requests/hour limit. `
      + 'Lower POOL_SIZE, pick a lighter profile, or set RATE_LIMIT_PER_HOUR to the limit your provider granted.', plan);
  }
}

/** The plan as printable lines (no secrets: only counts). */
export function formatPlan(plan: RequestPlan, enforced: boolean): string[] {
  const lines = ['Request plan:'];
  for (const [name, s] of Object.entries(plan.perScenario)) {
    const iterations = s.iterations === null ? `unbounded (${s.executor}, ${formatSeconds(s.endSeconds)})` : `${s.iterations} iterations`;
    const requests = s.requests === null ? '' : ` = ${s.requests} requests`;
    lines.push(`  ${name.padEnd(14)} ${s.executor.padEnd(22)} ${s.requestsPerIteration} req/iteration × ${iterations}${requests}`);
  }
  lines.push(`  ${'setup'.padEnd(14)} ${''.padEnd(22)} ${plan.setup} requests${plan.setupDetail ? ` (${plan.setupDetail})` : ''}`);
  const total = plan.total === null ? 'unbounded' : String(plan.total);
  const perHour = plan.perHour === null ? 'unbounded' : String(plan.perHour);
  lines.push(`  total ${total} requests over ${formatSeconds(plan.durationSeconds)}; busiest hour ${perHour}`);
  lines.push(enforced
    ? `  budget: ${perHour} of ${plan.allowed} allowed (${Math.round(BUDGET_SHARE * 100)}% of ${plan.limit}/hour)`
    : '  budget: none (local target)');
  return lines;
}

function formatSeconds(seconds: number): string {
  if (seconds >= 3600) return `${+(seconds / 3600).toFixed(2)} h`;
  if (seconds >= 60) return `${+(seconds / 60).toFixed(2)} min`;
  return `${seconds} s`;
}
