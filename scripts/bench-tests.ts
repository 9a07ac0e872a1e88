// `npm run bench:tests [-- --runs N]`: where `npm test`'s time goes. Runs its phases as the
// test script does (spec lint, type check, unit tests, contract suite) and prints each phase's
// wall time, then the slowest unit-test files (a reporter of ours beside the spec one:
// scripts/lib/file-times-reporter.mjs) and the slowest contract files (reports/contracts/results.json).
// With --runs N, min–max. The type check is incremental: its cache makes a repeated run's figure;
// --cold removes the cache before each run, for a fresh clone's.
// Run it with nothing else on the machine: a figure taken beside other work is not a measurement.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import type { ContractResults } from '../lib/run-report/contract-results.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';
import { runScriptCommand } from './lib/npm-script.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' }, top: { type: 'string' }, cold: { type: 'boolean' } } });
const runs = Number(values.runs ?? 1);
const top = Number(values.top ?? 10);
if (!Number.isInteger(runs) || runs < 1 || runs > 10) { console.error('--runs must be 1 to 10.'); process.exit(2); }

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
// The phases of `npm test`, in its order; the unit phase also writes each file's time.
const phases = pkg.scripts.test.split('&&').map((s) => s.trim().replace(/^npm run /, ''));

/** The type check's cache files, as the two tsconfigs name them (tsBuildInfoFile). */
const typeCheckCaches = ['tsconfig.json', 'load/tsconfig.json'].map((file) => {
  const abs = path.join(PROJECT_ROOT, file);
  const { config } = ts.readConfigFile(abs, ts.sys.readFile) as { config?: { compilerOptions?: { tsBuildInfoFile?: string } } };
  const cache = config?.compilerOptions?.tsBuildInfoFile;
  if (!cache) throw new Error(`${file} names no tsBuildInfoFile: the benchmark cannot tell a warm type check from a cold one.`);
  return path.resolve(path.dirname(abs), cache);
});

interface Run { phases: Record<string, number>; files: Map<string, number>; contractFiles: Map<string, number>; total: number }

async function runOnce(): Promise<Run> {
  const result: Run = { phases: {}, files: new Map(), contractFiles: new Map(), total: 0 };
  if (values.cold) for (const file of typeCheckCaches) rmSync(file, { force: true });
  const started = Date.now();
  for (const phase of phases) {
    const t0 = Date.now();
    const unit = phase === 'test:unit';
    const times = path.join(tmp, 'file-times.jsonl');
    const command = unit
      ? pkg.scripts[phase].replace('--test-reporter=spec', `--test-reporter=spec --test-reporter-destination=stdout --test-reporter=./scripts/lib/file-times-reporter.mjs --test-reporter-destination=${times}`)
      : pkg.scripts[phase];
    const { code, output: stdout } = await runScriptCommand(command, PROJECT_ROOT, { ...process.env, CI: 'true' });
    result.phases[phase] = (Date.now() - t0) / 1000;
    if (code !== 0) throw new Error(`${phase} failed (exit ${code}): the benchmark measures a green npm test.\n${stdout.slice(-2000)}`);
    if (unit) {
      for (const line of readFileSync(times, 'utf8').split('\n').filter(Boolean)) {
        const { file, ms } = JSON.parse(line) as { file: string; ms: number };
        result.files.set(path.relative(PROJECT_ROOT, file), ms / 1000);
      }
    }
    if (phase === 'test:contracts') {
      const results = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'reports/contracts/results.json'), 'utf8')) as ContractResults;
      for (const t of results.tests) {
        const file = t.location?.file ?? t.title.split(' › ')[0];
        result.contractFiles.set(file, (result.contractFiles.get(file) ?? 0) + (t.durationMs ?? 0) / 1000);
      }
    }
  }
  result.total = (Date.now() - started) / 1000;
  return result;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-tests-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const range = (xs: number[]) => (xs.length > 1 ? `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} s` : `${xs[0].toFixed(1)} s`);

console.log(`bench:tests: npm test's phases, ${runs} run${runs === 1 ? '' : 's'} on ${os.availableParallelism()} cores (nothing else should be running)`);
const warm = typeCheckCaches.every((file) => existsSync(file));
console.log(`  type check cache: ${values.cold ? 'removed before each run (a fresh clone\'s figure)' : warm ? 'warm (a repeated run\'s figure; --cold for a fresh clone\'s)' : 'none before run 1 (later runs reuse it; --cold for a fresh clone\'s every time)'}`);
const all: Run[] = [];
for (let i = 0; i < runs; i++) {
  const run = await runOnce();
  all.push(run);
  console.log(`  run ${i + 1}: ${run.total.toFixed(1)} s (${Object.entries(run.phases).map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(', ')})`);
}
console.log('\nPhases');
for (const phase of phases) console.log(`  ${phase.padEnd(16)} ${range(all.map((r) => r.phases[phase]))}`);
console.log(`  ${'total'.padEnd(16)} ${range(all.map((r) => r.total))}   (target ≤ 90 s)`);
const slowest = (key: 'files' | 'contractFiles') => {
  const sums = new Map<string, number[]>();
  for (const r of all) for (const [f, s] of r[key]) sums.set(f, [...(sums.get(f) ?? []), s]);
  return [...sums].sort((a, b) => Math.max(...b[1]) - Math.max(...a[1])).slice(0, top);
};
const concurrency = /--test-concurrency=(\d+)/.exec(pkg.scripts['test:unit'] ?? '')?.[1];
console.log(`\nSlowest unit-test files (the sum of their tests${concurrency && concurrency !== '1' ? `; ${concurrency} files run at a time, so a file's time includes the cores it shares` : ''})`);
for (const [file, s] of slowest('files')) console.log(`  ${range(s).padStart(14)}  ${file}`);
console.log('\nSlowest contract files (sum of their tests\' durations, across projects and workers)');
for (const [file, s] of slowest('contractFiles')) console.log(`  ${range(s).padStart(14)}  ${file}`);
