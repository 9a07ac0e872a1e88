// `npm run load -- <scenario> [--target twin|mock|sandbox] [--profile smoke|load|stress|soak]`
// In order: arguments, configuration, the request plan (printed; refused over budget on a
// sandbox), k6 (K6_BIN or PATH; install guidance and exit 2 when missing), the bundles (rebuilt
// when stale), the local server (the twin or Prism's mock of the script's API), then k6.
// Reports: reports/load/<scenario>/. Sovera scripts use SOVERA_BASE_URL + SOVERA_API_KEY on a
// sandbox; core-balance uses CORE_BASE_URL + CORE_EMAIL/CORE_PASSWORD.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiProfile } from '../lib/apis.ts';
import { assertWithinBudget, BudgetError, formatPlan, planRequests, type RequestPlan } from '../lib/budget.ts';
import { checkLiveBaseUrl, ConfigError, credentialsFor, freePorts, REQUIRED_LEVEL, type TargetEndpoint } from '../lib/config.ts';
import { probeLive } from '../lib/preflight.ts';
import { assertFitsServerBudget, requestsBeforeReset, serverBudgetOf } from '../lib/server-budget.ts';
import type { ApiProfile } from '../lib/apis.ts';
import { findK6, k6InstallGuidance, loadTwinServer, startLocalServer, stopLocalServers, supportsDashboardExport, type K6Binary } from '../lib/local-servers.ts';
import { LOAD_RUN_FILE, LOAD_SERIES_FILE, type LoadRunInfo } from '../lib/run-report/collect.ts';
import { openSeriesPipe } from '../lib/run-report/k6-stream.ts';
import { bucketSecondsFor, type LoadSeries, type SeriesAggregator } from '../lib/run-report/series.ts';
import { keepPreviousLoadSummary, reportSettings, writeRunReport } from '../lib/run-report/write.ts';
import { mockServer } from '../lib/server-specs.ts';
import { loadSpec, PROJECT_ROOT } from '../lib/spec.ts';
import { bundlesStale, buildLoadBundles, DIST_DIR } from '../load/build/bundle.ts';
import { exampleResponder } from '../load/build/examples.ts';
import { LOAD_APIS, type LoadApiId } from '../load/lib/apis.ts';
import { checkLoadBaseUrl, DEFAULT_CLIENT_CODE, LoadConfigError, unstatedLimit } from '../load/lib/config.ts';
import { flowCostTable, scenarioCosts } from '../load/lib/flow-costs.ts';
import { buildProfile, isLoadTarget, isProfileName, LOAD_TARGETS, PROFILES, type LoadProfile, type LoadTarget, type ProfileName } from '../load/lib/profiles.ts';
import { LOAD_ENTRIES, SCRIPTS, scriptApi, targetRefusal } from '../load/lib/scenarios.ts';
import { redactText } from '../lib/redact.ts';
import { cleanupPlan, cleanupRun, newRunId, recordCreated, startRecord } from '../lib/cleanup.ts';

export const USAGE = `Usage: npm run load -- <scenario> [--target twin|mock|sandbox] [--profile smoke|load|stress|soak] [--dry-run] [--runners N]
  scenarios: ${Object.keys(SCRIPTS).join(', ')}
  --target    twin (default): the in-memory twin, started on loopback; mock: Prism's stateless mock;
              sandbox: SOVERA_BASE_URL with SOVERA_API_KEY (core-balance: CORE_BASE_URL with CORE_EMAIL and
              CORE_PASSWORD; layer-hot-path: API_LAYER_BASE_URL with API_LAYER_KEY_ADMIN), within 80% of
              RATE_LIMIT_PER_HOUR (default 1000; required for layer-hot-path, whose docs state no limit)
  --profile   smoke (default), load, stress (local: ramps until thresholds break), soak
  --dry-run   print the request plan and stop
  --runners   plan for N distributed k6 instances (k6-operator parallelism; set RUNNERS=N in their
              environment too): each runs setup(), so the sandbox sizing leaves room for N setups
  --keep      sandbox: skip the cleanup phase (what setup() created stays; npm run cleanup -- <run id> later)
Environment: CONTRACT_SAMPLE (0..1, share of responses validated), POOL_SIZE, RATE_LIMIT_PER_HOUR, K6_BIN,
STRICT=1 (responses breaking only inferred rules, counted in contract_assumptions, fail a sandbox run too).`;

/** A mistake in the command or configuration: one line, exit 2, no stack trace. */
export class UsageError extends Error {}

export interface LoadOptions {
  script: string;
  target: LoadTarget;
  profile: ProfileName;
  dryRun: boolean;
  /** k6 instances the plan is for: each runs setup() (k6-operator does not share it). */
  runners: number;
  /** Sandbox: leave what setup() created on the account (no cleanup phase). */
  keep: boolean;
}

type Env = Record<string, string | undefined>;

export function parseLoadArgs(argv: string[]): LoadOptions {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        profile: { type: 'string' },
        'dry-run': { type: 'boolean' },
        keep: { type: 'boolean' },
        runners: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}. ${USAGE.split('\n')[0]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE);
  if (positionals.length !== 1) {
    throw new UsageError(`Name one scenario: ${Object.keys(SCRIPTS).join(', ')} (e.g. npm run load -- balance-check --target twin --profile smoke).`);
  }
  const script = positionals[0];
  if (!SCRIPTS[script]) throw new UsageError(`Unknown scenario "${script}". Known scenarios: ${Object.keys(SCRIPTS).join(', ')}.`);
  const target = (values.target as string | undefined) ?? 'twin';
  if (!isLoadTarget(target)) throw new UsageError(`Unknown target "${target}". Known targets: ${LOAD_TARGETS.join(', ')}.`);
  const profile = (values.profile as string | undefined) ?? 'smoke';
  if (!isProfileName(profile)) throw new UsageError(`Unknown profile "${profile}". Known profiles: ${PROFILES.join(', ')}.`);
  const runners = values.runners === undefined ? 1 : positiveInt('--runners', values.runners as string);
  return { script, target, profile, dryRun: values['dry-run'] === true, runners, keep: values.keep === true };
}

export interface ResolvedRun {
  options: LoadOptions;
  api: LoadApiId;
  /** Live base URL (sandbox), or undefined for a local target (the port is picked at start). */
  sandboxUrl?: string;
  /** Sovera: the API key. '' for Core. */
  apiKey: string;
  /** Core: the account setup() logs in with (the local account on twin and mock). */
  credentials?: { email: string; password: string };
  rateLimitPerHour: number;
  poolSize?: number;
  contractSample?: number;
  profile: LoadProfile;
  plan: RequestPlan;
}

/** Everything that can be refused before a process starts or a request is sent. */
export function resolveRun(options: LoadOptions, env: Env = process.env): ResolvedRun {
  const apiId = scriptApi(options.script);
  const refusal = targetRefusal(options.script, options.target);
  if (refusal) throw new LoadConfigError(refusal);
  reportSettings(env); // a bad baseline or margin is refused now, not after the run
  const api = apiProfile(apiId);
  const rateLimitPerHour = env.RATE_LIMIT_PER_HOUR ? positiveInt('RATE_LIMIT_PER_HOUR', env.RATE_LIMIT_PER_HOUR) : api.rateLimitPerHour ?? unstatedLimit(options.target);
  const poolSize = env.POOL_SIZE ? positiveInt('POOL_SIZE', env.POOL_SIZE) : undefined;
  const contractSample = env.CONTRACT_SAMPLE ? share('CONTRACT_SAMPLE', env.CONTRACT_SAMPLE) : undefined;
  let sandboxUrl: string | undefined;
  if (options.target === 'sandbox') {
    sandboxUrl = checkLiveBaseUrl(api, env[api.env.baseUrl], 'load');
    // The configured sandbox: its host is the only non-loopback host allowed.
    checkLoadBaseUrl(sandboxUrl, 'sandbox', apiId, { [api.env.baseUrl]: sandboxUrl });
  }
  const auth = credentialsFor(api, options.target, env);
  // The API Layer's hot path freezes cards (Admin, Level 3): a load run goes out with the Admin key.
  const apiKey = auth.scheme === 'basic-key' ? auth.apiKey : auth.scheme === 'level-keys' ? auth.keys[REQUIRED_LEVEL]! : '';
  const credentials = auth.scheme === 'bearer-login' ? { email: auth.email, password: auth.password } : undefined;

  const costs = flowCostTable(exampleResponder(loadSpec(apiId)), apiId);
  const names = SCRIPTS[options.script];
  const perScenario = scenarioCosts(costs, names, options.target);
  const profile = buildProfile({
    profile: options.profile,
    target: options.target,
    scenarios: perScenario,
    provision: costs.provision,
    readinessRequests: costs.readinessRequests,
    rateLimitPerHour,
    poolSize,
    runners: options.runners,
    cleanup: options.target === 'sandbox' && !options.keep ? cleanupPlanOf(apiId) : undefined,
  });
  const requestsPerIteration = Object.fromEntries(Object.entries(perScenario).map(([name, cost]) => [name, cost.requests]));
  // Arrival rates are split between runners; setup() runs on each of them.
  const setupDetail = `${LOAD_APIS[apiId].setupStep} ${costs.readinessRequests} + pool ${profile.poolSize} × ${costs.provision.requests}`
    + (options.runners > 1 ? `, × ${options.runners} runners` : '') + (profile.cleanupRequests ? ` + cleanup ${profile.cleanupRequests}` : '');
  const plan = planRequests(profile.scenarios, requestsPerIteration, profile.setupRequests * options.runners + profile.cleanupRequests, rateLimitPerHour, setupDetail);
  return { options, api: apiId, sandboxUrl, apiKey, credentials, rateLimitPerHour, poolSize, contractSample, profile, plan };
}

/** The cleanup phase's requests per pool member and once (a login), from what provisioning a member creates. */
function cleanupPlanOf(apiId: LoadApiId): { perMember: number; once: number } {
  return cleanupPlan(apiId, LOAD_ENTRIES[apiId].createdOf(LOAD_ENTRIES[apiId].sampleMember).map((e) => e.kind));
}

/** Runs a load scenario end to end; resolves to the process exit code. */
/** `reportsDir`: where reports go (reports/ of the project; a test gives its own). */
export async function runLoad(argv: string[], env: Env = process.env, out: (line: string) => void = console.log, reportsDir = path.join(PROJECT_ROOT, 'reports')): Promise<number> {
  const options = parseLoadArgs(argv);
  const run = resolveRun(options, env);
  const { profile, plan } = run;
  const sample = run.contractSample ?? profile.contractSample;

  out(`Load ${options.script}: profile ${options.profile} on ${options.target}${run.sandboxUrl ? ` (${run.sandboxUrl})` : ''}${options.runners > 1 ? `, ${options.runners} runners` : ''}`);
  const members = run.api === 'sovera' ? 'cardholders' : 'cards';
  out(`  scenarios: ${SCRIPTS[options.script].join(', ')}; pool ${profile.poolSize} ${members} for up to ${profile.maxVUs} VUs; contract sample ${sample}`);
  if (profile.poolSize < profile.maxVUs) {
    out(`  warning: POOL_SIZE ${profile.poolSize} is below the ${profile.maxVUs} VUs: VUs may share cards, and ${run.api === 'core' ? 'balance checks fail' : 'lifecycle steps answer 400'}.`);
  }
  if (run.api === 'core' && options.target === 'sandbox' && plan.durationSeconds > 3600) {
    out(`  note: the token of setup()'s login must stay valid for the whole run (${plan.durationSeconds / 3600} h); the docs do not give its lifetime, and an expired one answers 403.`);
  }
  for (const line of formatPlan(plan, options.target === 'sandbox')) out(line);
  if (options.target === 'sandbox') assertWithinBudget(plan);
  if (options.dryRun) return 0;
  if (options.runners > 1) throw new UsageError('--runners only plans a distributed run (with --dry-run); run it with the k6-operator or Grafana Cloud k6 (load/README.md).');

  const k6 = findK6(env);
  if (!k6) throw new K6MissingError(k6InstallGuidance(env));
  if (options.target === 'sandbox') await checkServerBudget(run, env, out);

  const stale = bundlesStale();
  if (stale.stale) {
    out(`Building k6 bundles (${stale.reason})`);
    await buildLoadBundles({ log: (line) => out(line) });
  }

  // Relative to the project when inside it (k6 runs there, and the lines printed stay short).
  const reportDir = path.relative(PROJECT_ROOT, path.join(reportsDir, 'load', options.script));
  mkdirSync(path.resolve(PROJECT_ROOT, reportDir), { recursive: true });
  let baseUrl = run.sandboxUrl;
  try {
    if (!baseUrl) {
      const [port] = freePorts(1);
      const server = options.target === 'twin' ? loadTwinServer(run.api, port) : mockServer(run.api, port);
      out(`Starting ${server.name} on 127.0.0.1:${port}`);
      await startLocalServer(server);
      // The twin serves under the API's base path; Prism's mock at the root.
      baseUrl = `http://127.0.0.1:${port}${options.target === 'twin' ? apiProfile(run.api).basePath : ''}`;
    }
    const childEnv = k6Env(env, run, baseUrl, reportDir, k6);
    // A sandbox run gets a run id: setup()'s emails carry it, its record lists what setup() created.
    const runId = options.target === 'sandbox' ? newRunId() : undefined;
    rmSync(path.resolve(PROJECT_ROOT, reportDir, 'created.json'), { force: true }); // never an earlier run's
    if (runId) {
      childEnv.RUN_ID = runId;
      out(`Run id ${runId}: what setup() creates is recorded in ${path.relative(PROJECT_ROOT, startRecord(runId, env))}${options.keep ? ' and kept (--keep)' : ' and undone at the end'}.`);
    }
    const bundle = path.relative(PROJECT_ROOT, path.join(DIST_DIR, `${options.script}.js`));
    const record = new LoadRunRecord(path.resolve(PROJECT_ROOT, reportDir), run);
    // k6's CSV output streams through a pipe into the time series and the progress lines; no raw file.
    const pipe = openSeriesPipe(bucketSecondsFor(plan.durationSeconds));
    const args = ['run', ...(pipe ? ['--out', `csv=${pipe.path}`] : []), bundle];
    out(`Running ${k6.path} run ${bundle}`);
    const progress = startProgress(plan, options.target === 'sandbox', pipe?.aggregator, out);
    let code: number;
    try {
      code = await spawnK6(k6.path, args, childEnv);
    } finally {
      clearInterval(progress);
    }
    const outcome = describeExit(code, reportDir, childEnv.K6_WEB_DASHBOARD_EXPORT);
    record.finish(code, outcome.split('. Reports:')[0], pipe ? await pipe.finish() : undefined, pipe ? undefined : 'no named pipe on this platform (k6 CSV output needs one here)');
    out(outcome);
    if (runId) await finishSandboxRun(runId, run, path.resolve(PROJECT_ROOT, reportDir), options.keep, env, out);
    out(`Run report: ${path.relative(PROJECT_ROOT, writeRunReport(reportsDir, { contracts: false, load: [options.script] }, { env }))}`);
    return code;
  } finally {
    await stopLocalServers();
  }
}

/** What the run report needs of a load run besides k6's summary: the plan, the budget, how it ended, the time series. */
class LoadRunRecord {
  private readonly info: LoadRunInfo;

  constructor(private readonly dir: string, run: ResolvedRun) {
    keepPreviousLoadSummary(dir);
    rmSync(path.join(dir, LOAD_SERIES_FILE), { force: true });
    this.info = {
      scenario: run.options.script, target: run.options.target, profile: run.options.profile, startedAt: new Date().toISOString(),
      plan: run.plan, rateLimitPerHour: run.rateLimitPerHour,
    };
    this.write();
  }

  finish(exitCode: number, outcome: string, series: LoadSeries | undefined, seriesNote?: string): void {
    Object.assign(this.info, { finishedAt: new Date().toISOString(), exitCode, outcome, seriesNote });
    if (series) writeFileSync(path.join(this.dir, LOAD_SERIES_FILE), `${JSON.stringify(series)}\n`);
    this.write();
  }

  private write(): void {
    writeFileSync(path.join(this.dir, LOAD_RUN_FILE), `${JSON.stringify(this.info, null, 2)}\n`);
  }
}

/** A progress line every 10 s (30 s past 5 minutes of plan, 60 s past an hour): time left on the profile and requests spent of the budget. */
function startProgress(plan: RequestPlan, live: boolean, series: SeriesAggregator | undefined, out: (line: string) => void): NodeJS.Timeout {
  const started = Date.now();
  const every = plan.durationSeconds > 3600 ? 60 : plan.durationSeconds > 300 ? 30 : 10;
  // With the time series, time counts from k6's first sample (k6 first compiles the script and runs setup()).
  const timer = setInterval(() => out(series
    ? (series.elapsedSeconds ? progressLine(plan, series.elapsedSeconds, series.totals, live) : `  progress: k6 is starting (compiling the script, setup()): ${formatSeconds((Date.now() - started) / 1000)}`)
    : progressLine(plan, (Date.now() - started) / 1000, undefined, live)), every * 1000);
  timer.unref();
  return timer;
}

/** `live`: a sandbox, whose requests count against the account's hourly limit. */
export function progressLine(plan: RequestPlan, elapsedSeconds: number, totals: { requests: number; failed: number; contractViolations: number } | undefined, live: boolean): string {
  const left = Math.max(0, plan.durationSeconds - elapsedSeconds);
  const time = `${formatSeconds(elapsedSeconds)} of ${formatSeconds(plan.durationSeconds)} planned (${left > 0 ? `about ${formatSeconds(left)} left` : 'in graceful stop'})`;
  if (!totals) return `  progress: ${time}`;
  const planned = plan.total === null ? '' : ` of ${plan.total} planned`;
  const budget = live ? ` (${Math.round((totals.requests / plan.allowed) * 100)}% of the allowance of ${plan.allowed} per hour)` : '';
  return `  progress: ${time}; ${totals.requests} requests sent${planned}${budget}, ${totals.failed} failed, ${totals.contractViolations} contract violations`;
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export class K6MissingError extends Error {}

/**
 * k6 reads the OS environment into __ENV (k6 run's default), so configuration and the API key
 * go through the child's environment, never its command line (visible in the process list).
 */
function k6Env(env: Env, run: ResolvedRun, baseUrl: string, reportDir: string, k6: K6Binary): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  if (run.api === 'core') {
    // Local targets get the local account even when .env holds the sandbox one.
    out.CORE_EMAIL = run.credentials!.email;
    out.CORE_PASSWORD = run.credentials!.password;
    delete out.API_KEY;
  } else {
    out.API_KEY = run.apiKey;
  }
  Object.assign(out, {
    BASE_URL: baseUrl,
    TARGET: run.options.target,
    PROFILE: run.options.profile,
    RATE_LIMIT_PER_HOUR: String(run.rateLimitPerHour),
    CLIENT_CODE: env.SOVERA_CLIENT_CODE || DEFAULT_CLIENT_CODE,
    REPORT_DIR: reportDir,
    K6_NO_USAGE_REPORT: 'true', // no traffic to anything but the target
  });
  if (run.poolSize !== undefined) out.POOL_SIZE = String(run.poolSize);
  // The cleanup phase is planned inside k6 too, so its sizing is the one printed here.
  if (run.profile.cleanupRequests) {
    const plan = cleanupPlanOf(run.api);
    out.CLEANUP_PER_MEMBER = String(plan.perMember);
    out.CLEANUP_ONCE = String(plan.once);
  } else {
    delete out.CLEANUP_PER_MEMBER;
    delete out.CLEANUP_ONCE;
  }
  if (run.contractSample !== undefined) out.CONTRACT_SAMPLE = String(run.contractSample);
  if (supportsDashboardExport(k6.version)) {
    out.K6_WEB_DASHBOARD = 'true';
    out.K6_WEB_DASHBOARD_PORT = '-1'; // no HTTP server, so k6 exits when done; the report is still exported
    out.K6_WEB_DASHBOARD_EXPORT = path.join(reportDir, 'dashboard.html');
  } else {
    delete out.K6_WEB_DASHBOARD;
    delete out.K6_WEB_DASHBOARD_EXPORT;
  }
  return out;
}

/**
 * After k6: what setup() created (created.json, written by handleSummary, ids only) goes into the
 * run's record; then the cleanup phase, unless --keep. A failed cleanup leaves the record for
 * `npm run cleanup -- <run id>`; the run's verdict stands either way.
 */
async function finishSandboxRun(runId: string, run: ResolvedRun, reportDir: string, keep: boolean, env: Env, out: (line: string) => void): Promise<void> {
  const file = path.join(reportDir, 'created.json');
  let created: Array<{ kind: string; id: string }> = [];
  try { created = JSON.parse(readFileSync(file, 'utf8')) as typeof created; } catch {
    out(`  k6 wrote no ${path.relative(PROJECT_ROOT, file)} (setup() did not finish?): what it created before it stopped is not known to the harness.`);
  }
  recordCreated(runId, run.api, run.sandboxUrl!, created, `${run.options.script} setup()`, env);
  if (keep) { out(`Cleanup skipped (--keep): npm run cleanup -- ${runId} undoes it later.`); return; }
  try {
    for (const line of (await cleanupRun(runId, env)).lines) out(line);
  } catch (error) {
    out(redactText(`Cleanup of ${runId} stopped: ${(error as Error).message.split('\n')[0]} Run npm run cleanup -- ${runId} to finish it.`));
  }
}

/**
 * One cheap authenticated call before k6 starts (lib/preflight.ts): where the API answers
 * X-RateLimit-Remaining, the requests the plan sends before the window resets must fit in 80% of
 * what is left, or the run is refused with the numbers. Where it does not (Sovera), the plan says so.
 */
async function checkServerBudget(run: ResolvedRun, env: Env, out: (line: string) => void): Promise<void> {
  const endpoint: TargetEndpoint = { api: run.api, target: 'sandbox', baseUrl: run.sandboxUrl!, stateful: true, forcesStatus: false, injectsFaults: false, strict: false };
  const res = await probeLive(endpoint, out, env);
  const budget = serverBudgetOf(res.rateLimit);
  const where = `${run.api}@sandbox`;
  if (!budget) {
    out(`  server budget: ${where} sends no X-RateLimit-Remaining, so the plan rests on the ${run.rateLimitPerHour}/hour limit alone, as if alone on the account.`);
    return;
  }
  const { plan } = run;
  const now = Date.now();
  const planned = requestsBeforeReset(plan.total ?? plan.perHour ?? 0, plan.setup, plan.durationSeconds, budget, now);
  out(`  ${assertFitsServerBudget(where, planned, budget, now, 'lower the profile or POOL_SIZE')}`);
}

function spawnK6(bin: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    child.once('error', (error) => reject(new Error(`Could not run ${bin}: ${error.message}`)));
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}

function describeExit(code: number, reportDir: string, dashboard: string | undefined): string {
  const files = [`${reportDir}/summary.json`, `${reportDir}/junit.xml`, ...(dashboard ? [dashboard] : [])].join(', ');
  const verdict = code === 0 ? 'passed its thresholds'
    : code === 99 ? 'FAILED: thresholds crossed'
      : code === 108 ? 'ABORTED by the script (a 429 from the target ends the run)'
        : code === 107 ? 'FAILED: script error (see the k6 output above; setup() names what was not ready)'
          : `FAILED: k6 exited with code ${code}`;
  return `k6 ${verdict}. Reports: ${files}`;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name}="${value}" must be a whole number of at least 1.`);
  return n;
}

function share(name: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d*\.?\d+\s*$/.test(value) || !(n >= 0 && n <= 1)) throw new UsageError(`${name}="${value}" must be a number from 0 to 1.`);
  return n;
}

/**
 * The gate's load step (`npm start`): gate.k6.ts, smoke profile, on the twin, when k6 is
 * installed; skipped, and saying so, when it is not. Never throws.
 */
export async function gateLoadStep(env: Env = process.env): Promise<{ status: 'passed' | 'failed' | 'skipped'; note: string }> {
  if (!findK6(env)) {
    return { status: 'skipped', note: 'k6 is not installed (K6_BIN or PATH); `npm run load -- gate` prints how to install it' };
  }
  try {
    const code = await runLoad(['gate', '--target', 'twin', '--profile', 'smoke'], env);
    return { status: code === 0 ? 'passed' : 'failed', note: 'reports/load/gate/summary.json, junit.xml, dashboard.html' };
  } catch (error) {
    return { status: 'failed', note: (error as Error).message.split('\n')[0] };
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await runLoad(process.argv.slice(2));
  } catch (error) {
    if (error instanceof K6MissingError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof UsageError || error instanceof BudgetError || error instanceof LoadConfigError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exitCode = 2;
    } else {
      // Server start-up and build failures: their message says what failed; no stack trace.
      console.error(`Load run failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) await main();
