// Runs a package.json script's command as npm would (in the package's root, with its
// node_modules/.bin on PATH) without npm's own start-up, its output held: for scripts that run
// npm test's parts themselves (run-parallel.ts, bench-tests.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ScriptOutcome { code: number | null; signal: NodeJS.Signals | null; output: string; seconds: number }

export function runScriptCommand(command: string, root: string, env: NodeJS.ProcessEnv = process.env): Promise<ScriptOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd: root, env: { ...env, PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${env.PATH}` } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', (error) => { output += `${error.message}\n`; });
    child.on('close', (code, signal) => resolve({ code, signal, output, seconds: (Date.now() - started) / 1000 }));
  });
}
