// npm run bench:generated [-- --runs N]
// What the generated phase adds to `npm test` on 2 workers: the contract suite on the twin (all
// APIs, as CI runs it) with and without the @generated tests, N runs each (default 3), min–max of
// both and of their difference. The target is under 60 s added. Run it with nothing else on the
// machine: a figure taken while other work ran is not a measurement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runPlaywright } from '../test/support/playwright-subrun.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const WORKERS = 2;
const TARGET_ADDED_S = 60;

async function timed(label: string, args: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'bench-generated-'));
    try {
      const started = performance.now();
      const run = await runPlaywright('test/support/suite.config.ts', { TARGET: 'twin', RUN_OUT: out }, WORKERS, args);
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`${label} run ${i + 1} failed (exit ${run.status}):\n${run.output.slice(-1500)}`);
      times.push(seconds);
      console.log(`  ${label} #${i + 1}: ${seconds.toFixed(1)} s (${/(\d+) passed/.exec(run.output)?.[1] ?? '?'} passed)`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return times;
}

const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} s`;

console.log(`Contract suite on the twin, ${WORKERS} workers, ${runs} runs each, with and without the generated phase:`);
const without = await timed('without @generated', ['--grep-invert', '@generated']);
const withIt = await timed('with @generated   ', []);
const added = withIt.map((t, i) => t - without[i]);
console.log(`without: ${range(without)}; with: ${range(withIt)}; added by the generated phase: ${range(added)} (target < ${TARGET_ADDED_S} s)`);
process.exitCode = Math.max(...added) < TARGET_ADDED_S ? 0 : 1;
