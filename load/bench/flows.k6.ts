// Bench candidate: the bench iteration built from the shared flows (load/bench/flows.ts), alone.
// CONTRACT_SAMPLE (default 0 here) adds the validation cost on top.
// Run: npm run bench:k6-flows -- --separate
import exec from 'k6/execution';
import type { Cardholder } from '../../scenarios/sovera.ts';
import type { K6SummaryData } from '../../lib/k6-summary.ts';
import { memberFor } from '../lib/k6-runner.ts';
import { benchOptions, benchSummary } from './common.ts';
import { flowsExecutor, flowsIteration, flowsSetup } from './flows.ts';

const execute = flowsExecutor(Number(__ENV.CONTRACT_SAMPLE || 0));

export const options = benchOptions;
export const setup = (): { pool: Cardholder[] } => flowsSetup(execute);

export function bench(data: { pool: Cardholder[] }): void {
  flowsIteration(execute, memberFor(data.pool, exec.vu.idInTest));
}

export default bench;
export const handleSummary = (data: K6SummaryData): Record<string, string> => benchSummary(Number(__ENV.CONTRACT_SAMPLE || 0) > 0 ? 'flows-validated' : 'flows', data);
