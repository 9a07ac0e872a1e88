// Reads what a run left in reports/ into the run record the page shows: the contract results
// (with the coverage grid derived from them and the spec), the unconfirmed assumptions, and each
// load scenario's summary, plan and time series. Missing parts are simply absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiId } from '../apis.ts';
import type { RequestPlan } from '../budget.ts';
import type { SummaryReport } from '../k6-summary.ts';
import { loadSpec } from '../spec.ts';
import type { AssumptionRecord } from '../verdict.ts';
import { apiOfProject, PREVIOUS_RESULTS_FILE, RESULTS_FILE, type ContractResults, type FailureKind } from './contract-results.ts';
import type { LoadSeries } from './series.ts';

export type CellState = 'exercised' | 'not exercised' | 'failed';

export interface GridRow {
  operationId: string;
  provenance: 'documented' | 'inferred';
  statuses: { status: number; provenance: 'documented' | 'inferred'; cells: Record<string, { state: CellState; testId?: string }> }[];
}

export interface ContractPart {
  results: ContractResults;
  counts: Record<'passed' | 'failed' | 'skipped' | 'finding', number>;
  failures: { id: string; project: string; title: string; kind: FailureKind; headline: string; location?: { file: string; line: number } }[];
  assumptions: { project: string; check: string; where: string[]; observed: string; source: string; tests: number }[];
  skips: { project: string; reason: string; count: number }[];
  grid: { api: ApiId; projects: string[]; rows: GridRow[] }[];
  /** Requests per target and account (coverage.json), when present. */
  requests: Record<string, { total: number; byAccount: Record<string, number> }>;
}

/** What `npm run load` records next to k6's summary: the plan, the budget and how the run ended. */
export interface LoadRunInfo {
  scenario: string;
  target: string;
  profile: string;
  startedAt: string;
  finishedAt?: string;
  exitCode?: number;
  outcome?: string;
  plan: RequestPlan;
  rateLimitPerHour: number;
  /** Why there is no time series, when there is none. */
  seriesNote?: string;
}

export interface LoadPart {
  scenario: string;
  summary?: SummaryReport;
  run?: LoadRunInfo;
  series?: LoadSeries;
  /** Files of this scenario's report, relative to the reports folder. */
  files: string[];
}

export const LOAD_RUN_FILE = 'run.json';
export const LOAD_SERIES_FILE = 'timeseries.json';
export const LOAD_SUMMARY_FILE = 'summary.json';
export const PREVIOUS_LOAD_SUMMARY_FILE = 'summary.previous.json';

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // a half-written file from an interrupted run: that part is left out
  }
}

export function readContractResults(contractsDir: string, previous = false): ContractResults | undefined {
  return readJson<ContractResults>(path.join(contractsDir, previous ? PREVIOUS_RESULTS_FILE : RESULTS_FILE));
}

export function collectContracts(reportsDir: string): ContractPart | undefined {
  const dir = path.join(reportsDir, 'contracts');
  const results = readContractResults(dir);
  if (!results) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0, finding: 0 };
  for (const t of results.tests) counts[t.state]++;
  const kindOrder: Record<FailureKind, number> = { documented: 0, assumption: 1, other: 2 };
  const failures = results.tests.filter((t) => t.failure)
    .map((t) => ({ id: t.id, project: t.project, title: t.title, kind: t.failure!.kind, headline: t.failure!.headline, location: t.location }))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.project.localeCompare(b.project) || a.title.localeCompare(b.title));
  const skipCounts = new Map<string, { project: string; reason: string; count: number }>();
  for (const t of results.tests.filter((x) => x.state === 'skipped')) {
    const key = `${t.project}\n${t.skipReason}`;
    const entry = skipCounts.get(key) ?? { project: t.project, reason: t.skipReason ?? 'no reason given', count: 0 };
    entry.count++;
    skipCounts.set(key, entry);
  }
  const coverage = readJson<{ requests?: ContractPart['requests'] }>(path.join(dir, 'coverage.json'));
  return {
    results,
    counts,
    failures,
    assumptions: groupAssumptions(readJson<(AssumptionRecord & { tests: string[] })[]>(path.join(dir, 'assumptions.json')) ?? []),
    skips: [...skipCounts.values()].sort((a, b) => b.count - a.count),
    grid: coverageGrid(results),
    requests: coverage?.requests ?? {},
  };
}

/** One line per assumption and target, across the operations where the server departed from it (as the console lists them). */
function groupAssumptions(records: (AssumptionRecord & { tests: string[] })[]): ContractPart['assumptions'] {
  const groups = new Map<string, ContractPart['assumptions'][number] & { testSet: Set<string> }>();
  for (const r of records) {
    const key = `${r.api}@${r.target}\n${r.check}\n${r.source}`;
    const g = groups.get(key) ?? { project: `${r.api}@${r.target}`, check: r.check, where: [], observed: r.observed, source: r.source, tests: 0, testSet: new Set<string>() };
    const where = `${r.operationId} ${r.status || ''}`.trim() + (r.ruleId ? ` (${r.ruleId})` : '');
    if (!g.where.includes(where)) g.where.push(where);
    r.tests.forEach((t) => g.testSet.add(t));
    groups.set(key, g);
  }
  return [...groups.values()].map(({ testSet, ...g }) => ({ ...g, tests: testSet.size }));
}

/** Operation × documented status × target: exercised (a test got that answer), failed (that answer failed its contract check), or not exercised. */
export function coverageGrid(results: ContractResults): ContractPart['grid'] {
  const byApi = new Map<ApiId, string[]>();
  for (const project of results.projects) {
    const api = apiOfProject(project);
    byApi.set(api, [...(byApi.get(api) ?? []), project]);
  }
  // "project op status" → a test that got that answer, and one whose contract check of it failed.
  const seen = new Map<string, { failed?: string; got?: string }>();
  const entry = (key: string) => { const e = seen.get(key) ?? {}; seen.set(key, e); return e; };
  for (const t of results.tests) {
    for (const e of t.exercised) entry(`${t.project} ${e}`).got ??= t.id;
    if (t.state === 'failed') for (const e of t.failedChecks ?? []) entry(`${t.project} ${e}`).failed ??= t.id;
  }
  return [...byApi].map(([api, projects]) => ({
    api,
    projects,
    rows: [...loadSpec(api).operations.values()].map((op) => ({
      operationId: op.operationId,
      provenance: op.provenance,
      statuses: [...op.responses].map(([status, res]) => ({
        status,
        provenance: res.basis.provenance,
        cells: Object.fromEntries(projects.map((project) => {
          const hit = seen.get(`${project} ${op.operationId} ${status}`);
          const state: CellState = hit?.failed ? 'failed' : hit ? 'exercised' : 'not exercised';
          return [project, { state, testId: hit?.failed ?? hit?.got }];
        })),
      })),
    })),
  }));
}

export function collectLoad(reportsDir: string): LoadPart[] {
  const root = path.join(reportsDir, 'load');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort().flatMap((scenario) => {
    const dir = path.join(root, scenario);
    const summary = readJson<SummaryReport>(path.join(dir, LOAD_SUMMARY_FILE));
    const run = readJson<LoadRunInfo>(path.join(dir, LOAD_RUN_FILE));
    if (!summary && !run) return [];
    const files = ['dashboard.html', LOAD_SUMMARY_FILE, 'junit.xml'].filter((f) => existsSync(path.join(dir, f))).map((f) => `load/${scenario}/${f}`);
    return [{ scenario, summary, run, series: readJson<LoadSeries>(path.join(dir, LOAD_SERIES_FILE)), files }];
  });
}

/** A scenario's figures are compared only with a run of the same profile on the same target. */
export function loadKey(summary: Pick<SummaryReport, 'script' | 'profile' | 'target'>): string {
  return `${summary.script} (${summary.profile} on ${summary.target})`;
}

/** p95 per scenario run (loadKey) and operation, from k6's summaries (this run's, or the previous run's kept beside them). */
export function loadP95(reportsDir: string, previous = false): Record<string, Record<string, number>> {
  const root = path.join(reportsDir, 'load');
  const out: Record<string, Record<string, number>> = {};
  if (!existsSync(root)) return out;
  for (const d of readdirSync(root, { withFileTypes: true }).filter((x) => x.isDirectory())) {
    const summary = readJson<SummaryReport>(path.join(root, d.name, previous ? PREVIOUS_LOAD_SUMMARY_FILE : LOAD_SUMMARY_FILE));
    if (!summary) continue;
    const ops: Record<string, number> = {};
    for (const op of summary.operations) if (op.p95Ms !== undefined) ops[op.operation] = op.p95Ms;
    out[loadKey(summary)] = ops;
  }
  return out;
}
