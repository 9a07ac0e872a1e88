// Runs Playwright in a child process on a config of its own (a suite that fails on purpose),
// asynchronously, so a fake server in this process can keep answering.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/spec.ts';

export interface SubRun { status: number | null; output: string }

/** `args`: further Playwright arguments, e.g. ['--grep', 'reissue'] to run only some tests. */
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
 * The parent's environment without its run plan (the sub-run starts its own servers), without CI
 * settings and without a run id (a live sub-run gets its own); a live sub-run's record of what it
 * created goes to a temporary folder, not the project's reports/runs.
 */
function subRunEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { HARNESS_PLAN: _plan, CI: _ci, HARNESS_RUN_ID: _run, ...rest } = process.env;
  return { RUN_RECORDS_DIR: path.join(tmpdir(), 'harness-subrun-records'), ...rest, ...env };
}

interface JsonSuite { title: string; suites?: JsonSuite[]; specs?: { title: string; tests: { projectName: string; results: { status: string; error?: { message?: string } }[] }[] }[] }

/** `project › describe › title` → the failure message, for every failed test of a Playwright JSON report. */
export function failedTests(file: string): Map<string, string> {
  const failed = new Map<string, string>();
  const walk = (suite: JsonSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1];
        if (last?.status === 'failed') failed.set([t.projectName, ...titles, spec.title].join(' › '), last.error?.message ?? '');
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const fileSuite of (JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] }).suites) walk(fileSuite, []);
  return failed;
}
