// Writes the run report: reports/run.json (the record, with the snapshot a later run or a
// committed baseline is compared with) and reports/index.html (one self-contained page).
// Called by the contract suite's reporter, by `npm run load` and by the gate, each after its
// part; the page always shows the newest of every part found in reports/.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { redactText } from '../redact.ts';
import { collectContracts, collectLoad, loadKey, loadP95, LOAD_SUMMARY_FILE, PREVIOUS_LOAD_SUMMARY_FILE, readContractResults, readJson, type ContractPart, type LoadPart } from './collect.ts';
import { compareSnapshots, DEFAULT_P95_MARGIN, snapshotOf, type Comparison, type Snapshot } from './compare.ts';
import { PREVIOUS_RESULTS_FILE, RESULTS_FILE, type ContractResults } from './contract-results.ts';
import { renderRunReport } from './page.ts';

export const RUN_REPORT_FILE = 'index.html';
export const RUN_RECORD_FILE = 'run.json';

type Env = Record<string, string | undefined>;

export interface ReportSettings {
  /** A run.json to compare with instead of the previous run (REPORT_BASELINE). */
  baseline?: string;
  /** How far a p95 may move before the page lists it (REPORT_P95_MARGIN, a share: 0.2 = 20%). */
  p95Margin: number;
}

/** Refused before the first request, like every other setting. */
export function reportSettings(env: Env = process.env): ReportSettings {
  const rawMargin = env.REPORT_P95_MARGIN?.trim();
  let p95Margin = DEFAULT_P95_MARGIN;
  if (rawMargin) {
    p95Margin = Number(rawMargin);
    if (!/^\d*\.?\d+$/.test(rawMargin) || !(p95Margin > 0 && p95Margin <= 10)) {
      throw new ConfigError(`REPORT_P95_MARGIN="${rawMargin}" is not a share above 0 (0.2 = 20%).`, 'set it to e.g. 0.2, or unset it.');
    }
  }
  const baseline = env.REPORT_BASELINE?.trim() || undefined;
  if (baseline) {
    const record = readJson<{ snapshot?: Snapshot }>(path.resolve(baseline));
    if (!record?.snapshot) {
      throw new ConfigError(`REPORT_BASELINE="${baseline}" is not a run report's run.json (missing or without its snapshot).`, 'commit a copy of reports/run.json from a good run and point REPORT_BASELINE at it, or unset it.');
    }
  }
  return { baseline, p95Margin };
}

/** What this invocation ran: only these parts count in the verdict; the rest of the folder is shown as earlier results. */
export interface RunScope { contracts: boolean; load: string[] }

export interface RunRecord {
  generatedAt: string;
  scope: RunScope;
  verdict: 'passed' | 'failed' | 'nothing run';
  /** One line each: why the verdict is what it is, most important first. */
  reasons: string[];
  /** Lines of the writer's own (the gate's steps). */
  notes: string[];
  contracts?: ContractPart;
  load: LoadPart[];
  comparison: Comparison;
  snapshot: Snapshot;
}

/** Keeps the previous contract results beside the new ones, for the comparison. */
export function saveContractResults(contractsDir: string, results: ContractResults): void {
  const file = path.join(contractsDir, RESULTS_FILE);
  if (existsSync(file)) renameSync(file, path.join(contractsDir, PREVIOUS_RESULTS_FILE));
  writeFileSync(file, `${JSON.stringify(redactStrings(results), null, 2)}\n`);
}

/** Before a load scenario runs again: its last summary becomes the previous one. */
export function keepPreviousLoadSummary(scenarioDir: string): void {
  const file = path.join(scenarioDir, LOAD_SUMMARY_FILE);
  if (existsSync(file)) renameSync(file, path.join(scenarioDir, PREVIOUS_LOAD_SUMMARY_FILE));
}

export function buildRunRecord(reportsDir: string, settings: ReportSettings, scope: RunScope, notes: string[] = []): RunRecord {
  const contracts = collectContracts(reportsDir);
  const load = collectLoad(reportsDir);
  const snapshot = snapshotOf(contracts?.results, loadP95(reportsDir));
  const baseline = settings.baseline ? readJson<{ snapshot: Snapshot }>(path.resolve(settings.baseline))?.snapshot : undefined;
  // Only what this invocation ran is compared; the snapshot keeps everything, for a later baseline.
  const inScope = inScopeOf(snapshot, load, scope);
  const comparison = baseline
    ? compareSnapshots(inScope, baseline, 'baseline', settings.p95Margin, settings.baseline)
    : compareSnapshots(inScope, previousSnapshot(reportsDir), 'previous run', settings.p95Margin);
  const { verdict, reasons } = verdictOf(scope.contracts ? contracts : undefined, load.filter((l) => scope.load.includes(l.scenario)));
  return { generatedAt: new Date().toISOString(), scope, verdict, reasons, notes, contracts, load, comparison, snapshot };
}

function inScopeOf(snapshot: Snapshot, load: LoadPart[], scope: RunScope): Snapshot {
  const keys = new Set(load.filter((l) => l.summary && scope.load.includes(l.scenario)).map((l) => loadKey(l.summary!)));
  return {
    checks: scope.contracts ? snapshot.checks : {},
    p95: Object.fromEntries(Object.entries(snapshot.p95).filter(([key]) => keys.has(key))),
  };
}

function previousSnapshot(reportsDir: string): Snapshot | undefined {
  const contracts = readContractResults(path.join(reportsDir, 'contracts'), true);
  const p95 = loadP95(reportsDir, true);
  if (!contracts && !Object.keys(p95).length) return undefined;
  return snapshotOf(contracts, p95);
}

export function verdictOf(contracts: ContractPart | undefined, load: LoadPart[]): Pick<RunRecord, 'verdict' | 'reasons'> {
  const reasons: string[] = [];
  let failed = false;
  if (contracts) {
    const byKind = (kind: string) => contracts.failures.filter((f) => f.kind === kind).length;
    const documented = byKind('documented');
    const strict = byKind('assumption');
    const other = byKind('other');
    if (documented) reasons.push(`${documented} contract failure${documented === 1 ? '' : 's'}: a documented rule broken`);
    if (strict) reasons.push(`${strict} unconfirmed assumption${strict === 1 ? '' : 's'} failed (the target enforces inferred rules: twin, mock or STRICT=1)`);
    if (other) reasons.push(`${other} other failure${other === 1 ? '' : 's'} (a flow, a time-out or the harness: see each message)`);
    failed = documented + strict + other > 0;
    if (!failed && contracts.results.runStatus !== 'passed') {
      failed = true;
      reasons.push(`the contract run ended "${contracts.results.runStatus}" with no test failed (the coverage gate, or a stopped run: see the console)`);
    }
  }
  for (const part of load) {
    const crossed = part.summary?.thresholds.filter((t) => !t.ok) ?? [];
    if (crossed.length) {
      failed = true;
      reasons.push(`load ${part.scenario}: ${crossed.length} threshold${crossed.length === 1 ? '' : 's'} crossed (${crossed.map((t) => `${t.metric} ${t.threshold}`).join('; ')})`);
    } else if (part.run?.exitCode !== undefined && part.run.exitCode !== 0) {
      failed = true;
      reasons.push(`load ${part.scenario}: ${part.run.outcome ?? `k6 exited with code ${part.run.exitCode}`}`);
    }
  }
  if (contracts) {
    const { passed, finding, skipped } = contracts.counts;
    const assumptions = contracts.assumptions.length;
    reasons.push(`${passed + finding} contract check${passed + finding === 1 ? '' : 's'} passed on ${contracts.results.projects.join(', ')}`
      + (assumptions ? `; ${assumptions} unconfirmed assumption${assumptions === 1 ? '' : 's'} reported (inferred rules the server did not follow)` : '')
      + (skipped ? `; ${skipped} skipped, each with its reason` : ''));
  }
  for (const part of load.filter((p) => p.summary?.verdict === 'passed')) reasons.push(`load ${part.scenario}: thresholds held (${part.summary!.profile} on ${part.summary!.target})`);
  if (!contracts && !load.length) return { verdict: 'nothing run', reasons: ['this run left no contract or load results'] };
  return { verdict: failed ? 'failed' : 'passed', reasons };
}

/** Writes run.json and index.html into `reportsDir`; returns the page's path. */
export function writeRunReport(reportsDir: string, scope: RunScope, options: { env?: Env; notes?: string[] } = {}): string {
  let settings: ReportSettings;
  const notes = [...(options.notes ?? [])];
  try {
    settings = reportSettings(options.env);
  } catch (error) {
    // Checked before the run; if it changed since, the report is still written, without the baseline.
    settings = { p95Margin: DEFAULT_P95_MARGIN };
    notes.push(`Baseline not used: ${(error as Error).message}`);
  }
  const record = redactStrings(buildRunRecord(reportsDir, settings, scope, notes));
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(path.join(reportsDir, RUN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  const page = path.join(reportsDir, RUN_REPORT_FILE);
  writeFileSync(page, renderRunReport(record));
  return page;
}

/** Every string of a value through text redaction (card-number shapes, known secrets): the record holds only what the harness wrote, but a message may quote a server. */
export function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redactStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v)])) as T;
  return value;
}
