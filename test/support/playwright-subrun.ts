// Runs Playwright in a child process on a config of its own (a suite that fails on purpose),
// asynchronously, so a fake server in this process can keep answering.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** The parent's environment without its run plan (the sub-run starts its own servers) and without CI settings. */
function subRunEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { HARNESS_PLAN: _plan, CI: _ci, ...rest } = process.env;
  return { ...rest, ...env };
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
