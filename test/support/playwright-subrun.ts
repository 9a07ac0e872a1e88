// Runs Playwright in a child process on a config of its own (a suite that fails on purpose),
// asynchronously, so a fake server in this process can keep answering.
import { spawn } from 'node:child_process';
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
