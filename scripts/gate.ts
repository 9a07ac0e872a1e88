// `npm start`: the whole gate against the embedded twin (or TARGET), in order: the contract
// suite, then the load smoke when k6 is installed. Writes reports/ and ends with one verdict line.
import { spawnSync } from 'node:child_process';
import { exitOnConfigError, resolveRunPlan } from '../lib/config.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';
import { reportSettings, writeRunReport } from '../lib/run-report/write.ts';
import path from 'node:path';
import { gateLoadStep } from './load.ts';

process.env.TARGET ||= 'twin';
// Refuse bad configuration before anything starts.
exitOnConfigError(() => {
  resolveRunPlan({ ...process.env, HARNESS_PLAN: undefined }, () => []);
  reportSettings(); // REPORT_BASELINE, REPORT_P95_MARGIN
});

const steps: { name: string; status: 'passed' | 'failed' | 'skipped'; note: string }[] = [];

console.log(`Contract gate on TARGET=${process.env.TARGET}`);
const contracts = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, COVERAGE_REQUIRE: '1' },
});
steps.push({
  name: 'contract suite',
  status: contracts.status === 0 ? 'passed' : 'failed',
  note: 'reports/contracts/html/index.html, reports/contracts/junit.xml, reports/contracts/coverage.json',
});

const load = await gateLoadStep();
steps.push({ name: 'load smoke (gate.k6.ts, smoke profile, twin)', ...load });

// One page for both steps: the contract suite and the load step each wrote theirs; this one has the gate's verdict.
const page = writeRunReport(path.join(PROJECT_ROOT, 'reports'), { contracts: true, load: load.status === 'skipped' ? [] : ['gate'] }, {
  notes: steps.filter((s) => s.status === 'skipped').map((s) => `${s.name} skipped: ${s.note}`),
});

console.log('\nGate summary');
for (const step of steps) console.log(`  ${step.status.toUpperCase().padEnd(7)} ${step.name}: ${step.note}`);
console.log(`Run report: ${path.relative(PROJECT_ROOT, page)} (open it in a browser: the verdict and why, coverage, load charts, changes since the last run)`);
const failed = steps.some((s) => s.status === 'failed');
console.log(failed ? 'Gate: FAILED' : 'Gate: PASSED');
process.exit(failed ? 1 : 0);
