// npm run bench:suite [-- --runs N] [--skip-full]
// What a failing test costs. The contract suite (both APIs, TARGET=sandbox) runs against a
// faithful server (the twin) and against one whose every answer breaks the documented contract,
// in the three ways a live run can meet it: as it runs by default (the pre-flight refuses the
// server after one answer), without the pre-flight (the failure budget, MAX_FAILURES=10, stops
// it), and with neither (every test fails). Playwright restarts its worker after every failed
// test; the last lines measure that floor with trivial tests, so the figures can be read against it.
// Run it with nothing else on the machine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../lib/spec.ts';
import type { TwinVariant } from '../twin/server.ts';
import { runPlaywright, type SubRun } from '../test/support/playwright-subrun.ts';
import { startSandboxTwins } from '../test/support/independent-twins.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, 'skip-full': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const WORKERS = 2;
// Every answer, errors included, replaced by a body no documented schema accepts.
const EVERYTHING_WRONG: TwinVariant = { rewrite: (_op, status) => ({ status, body: { unexpected: true } }) };
const servers = (broken: boolean) => startSandboxTwins(broken ? { sovera: EVERYTHING_WRONG, core: EVERYTHING_WRONG } : {}, 100_000);

function counts(run: SubRun): string {
  const n = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(run.output)?.[1] ?? 0);
  return `${n('passed')} passed, ${n('failed')} failed, ${n('did not run')} did not run${/Pre-flight: .* breaks documented rules/.test(run.output) ? ', refused by the pre-flight' : ''}`;
}

async function timed(label: string, broken: boolean, extra: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await servers(broken);
    const out = mkdtempSync(path.join(tmpdir(), 'bench-suite-'));
    try {
      const started = performance.now();
      const run = await runPlaywright('test/support/suite.config.ts', { ...s.env, ...extra, RUN_OUT: out }, WORKERS);
      const seconds = (performance.now() - started) / 1000;
      times.push(seconds);
      console.log(`  ${label} #${i + 1}: ${seconds.toFixed(1)} s (exit ${run.status}; ${counts(run)})`);
    } finally {
      await s.close();
      rmSync(out, { recursive: true, force: true });
    }
  }
  return times;
}

/** Playwright's own cost of a failed test: 40 trivial tests, passing and failing. */
async function floor(): Promise<{ pass: number; fail: number }> {
  // Inside the project, so the test file resolves @playwright/test.
  const dir = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'bench-floor');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'floor.config.mjs'), `export default { testDir: ${JSON.stringify(dir)}, testMatch: '*.spec.mjs', reporter: 'dot', fullyParallel: true };\n`);
  writeFileSync(path.join(dir, 'floor.spec.mjs'), `import { test, expect } from '@playwright/test';\nfor (let i = 0; i < 40; i++) test('t' + i, () => { expect(process.env.FLOOR_FAIL ? 1 : 0).toBe(0); });\n`);
  try {
    const time = async (fail: boolean) => {
      const started = performance.now();
      await runPlaywright(path.join(dir, 'floor.config.mjs'), fail ? { FLOOR_FAIL: '1' } : {}, WORKERS);
      return (performance.now() - started) / 1000;
    };
    return { pass: await time(false), fail: await time(true) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const range = (t: number[]) => (t.length > 1 ? `${Math.min(...t).toFixed(1)}–${Math.max(...t).toFixed(1)} s` : `${t[0].toFixed(1)} s`);

console.log(`bench:suite — contract suite, both APIs, TARGET=sandbox, ${WORKERS} workers, ${runs} run(s) each`);
const green = await timed('green (faithful server)', false, {});
const preflight = await timed('every answer wrong, defaults (pre-flight)', true, {});
const budget = await timed('every answer wrong, PREFLIGHT=0 (failure budget 10)', true, { PREFLIGHT: '0' });
const full = values['skip-full'] ? [] : await timed('every answer wrong, PREFLIGHT=0 MAX_FAILURES=0 (every test fails)', true, { PREFLIGHT: '0', MAX_FAILURES: '0' });
const { pass, fail } = await floor();
const ratio = (t: number[]) => `${(Math.max(...t) / Math.min(...green)).toFixed(2)}×`;
console.log('');
console.log(`green run:                               ${range(green)}`);
console.log(`all-failing, as run by default:          ${range(preflight)} (${ratio(preflight)} the green run; target ≤ 1.5×)`);
console.log(`all-failing, without the pre-flight:     ${range(budget)} (${ratio(budget)})`);
if (full.length) console.log(`all-failing, every test run:             ${range(full)} (${ratio(full)}; each failed test restarts a Playwright worker)`);
console.log(`Playwright floor, 40 trivial tests:      ${pass.toFixed(1)} s passing, ${fail.toFixed(1)} s failing: ${((fail - pass) / 40 * WORKERS).toFixed(2)} s per failed test per worker`);
