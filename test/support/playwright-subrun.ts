// Runs Playwright in a child process on a config of its own (a suite that fails on purpose),
// asynchronously, so a fake server in this process can keep answering.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunPlan } from '../../lib/config.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';

export interface SubRun { status: number | null; output: string }

/**
 * `args`: further Playwright arguments, e.g. ['--grep', 'reissue'] to run only some tests.
 * One worker by default: a worker serves one project, so a second one mostly starts a project's
 * worker twice (~2 s of CPU each), while the unit phase keeps both cores busy with other files anyway.
 */
export function runPlaywright(config: string, env: Record<string, string>, workers = 1, args: string[] = []): Promise<SubRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--config', config, '--workers', String(workers), ...args], {
      cwd: PROJECT_ROOT,
      env: subRunEnv(env),
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * The environment that marks `tests` (`project › describe › title`) as expected to fail
 * (fixtures/harness.ts reads EXPECT_FAILURES_FILE): Playwright then keeps the worker after each of
 * them instead of starting it again (~1.3 s of CPU a failure). The list is written into `dir`.
 */
export function expectFailures(dir: string, tests: Iterable<string>): { EXPECT_FAILURES_FILE: string } {
  const file = path.join(dir, 'expected-failures.json');
  writeFileSync(file, JSON.stringify([...tests]));
  return { EXPECT_FAILURES_FILE: file };
}

/**
 * The parent's environment without its run plan (the sub-run starts its own servers), without CI
 * settings and without a run id (a live sub-run gets its own); a live sub-run's record of what it
 * created goes to a temporary folder, not the project's reports/runs.
 */
function subRunEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { HARNESS_PLAN: _plan, CI: _ci, HARNESS_RUN_ID: _run, ...rest } = process.env;
  return { RUN_RECORDS_DIR: path.join(tmpdir(), 'harness-subrun-records'), ...rest, ...env };
}

interface JsonTest { projectId: string; projectName: string; results: { status: string; error?: { message?: string } }[] }
interface JsonSuite { title: string; suites?: JsonSuite[]; specs?: { title: string; tests: JsonTest[] }[] }
interface JsonReport { suites: JsonSuite[]; config: { projects: { id: string }[] } }

/** Every test of a Playwright JSON report with its `describe › title` path. */
function testsOf(report: JsonReport): { test: JsonTest; titles: string[] }[] {
  const found: { test: JsonTest; titles: string[] }[] = [];
  const walk = (suite: JsonSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) found.push({ test: t, titles: [...titles, spec.title] });
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const fileSuite of report.suites) walk(fileSuite, []);
  return found;
}

const failureOf = (t: JsonTest) => { const last = t.results[t.results.length - 1]; return last?.status === 'failed' ? last.error?.message ?? '' : undefined; };

/** `project › describe › title` → the failure message, for every failed test of a Playwright JSON report. */
export function failedTests(file: string): Map<string, string> {
  const failed = new Map<string, string>();
  for (const { test, titles } of testsOf(JSON.parse(readFileSync(file, 'utf8')) as JsonReport)) {
    const message = failureOf(test);
    if (message !== undefined) failed.set([test.projectName, ...titles].join(' › '), message);
  }
  return failed;
}

export interface CaseResult {
  /** The tests the case ran. */
  ran: number;
  /** The case's own title of each failed test (no project, no describe) → its failure message. */
  failed: Map<string, string>;
}

/**
 * One Playwright run for several cases (test/support/cases.config.ts): case i runs the tests
 * `greps[i]` matches against endpoint i of `plan` (a broken copy of a twin each, say), in a project
 * of its own; one run's start-up (~4 s of CPU) instead of one per case. One worker by default, as
 * for runPlaywright.
 */
export async function runCases(plan: RunPlan, greps: string[], env: Record<string, string> = {}, workers = 1): Promise<{ run: SubRun; cases: CaseResult[] }> {
  if (plan.endpoints.length !== greps.length) throw new Error('runCases: one grep per endpoint of the plan.');
  const out = mkdtempSync(path.join(tmpdir(), 'cases-'));
  try {
    const run = await runPlaywright('test/support/cases.config.ts', { ...env, HARNESS_PLAN: JSON.stringify(plan), CASE_GREPS: JSON.stringify(greps), RUN_OUT: out, MAX_FAILURES: '0' }, workers);
    let report: JsonReport;
    try { report = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as JsonReport; } catch { throw new Error(`the cases' run wrote no results:\n${run.output.slice(-2000)}`); }
    // Projects of one name (sovera@twin, twice) get ids in config order: the case's index finds its own.
    const ids = report.config.projects.map((p) => p.id);
    const cases = greps.map((): CaseResult => ({ ran: 0, failed: new Map() }));
    for (const { test, titles } of testsOf(report)) {
      const c = cases[ids.indexOf(test.projectId)];
      if (!c || !['passed', 'failed', 'timedOut'].includes(test.results[test.results.length - 1]?.status)) continue;
      c.ran++;
      const message = failureOf(test);
      if (message !== undefined) c.failed.set(titles[titles.length - 1], message);
    }
    return { run, cases };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
