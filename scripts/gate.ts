// `npm start`: the whole gate against the embedded twin (or TARGET), in order: the contract
// suite, then the load smoke when k6 is installed. Writes reports/ and ends with one verdict line.
import { spawnSync } from 'node:child_process';
import { exitOnConfigError, resolveRunPlan } from '../lib/config.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';
import { gateLoadStep } from './load.ts';

process.env.TARGET ||= 'twin';
// Refuse bad configuration before anything starts.
exitOnConfigError(() => resolveRunPlan({ ...process.env, HARNESS_PLAN: undefined }, () => []));

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

steps.push({ name: 'load smoke (gate.k6.ts, smoke profile, twin)', ...(await gateLoadStep()) });

console.log('\nGate summary');
for (const step of steps) console.log(`  ${step.status.toUpperCase().padEnd(7)} ${step.name}: ${step.note}`);
const failed = steps.some((s) => s.status === 'failed');
console.log(failed ? 'Gate: FAILED' : 'Gate: PASSED');
process.exit(failed ? 1 : 0);
