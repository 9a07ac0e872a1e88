// Bench candidate: the same iteration built from the shared flows (blockUnblockCycle, then
// balanceCheck) through the harness's k6 runner. CONTRACT_SAMPLE (default 0 here) adds the
// validation cost on top. Run: npm run bench:k6-flows
import exec from 'k6/execution';
import type { Flow } from '../../scenarios/flow.ts';
import { balanceCheck, blockUnblockCycle, type Cardholder } from '../../scenarios/sovera.ts';
import type { K6SummaryData } from '../../lib/k6-summary.ts';
import { createExecutor, limitedLog, memberFor, provisionPool, runIteration } from '../lib/k6-runner.ts';
import { k6RunnerConfig, k6RunnerDeps } from '../lib/k6-test.ts';
import { provisionMember } from '../lib/scenarios.ts';
import { benchOptions, benchSummary, BENCH_VUS } from './common.ts';

const deps = k6RunnerDeps();
const log = limitedLog(deps.warn, 10);
const execute = createExecutor(deps, k6RunnerConfig(
  __ENV.BASE_URL || 'http://127.0.0.1:4020/cards/v2',
  __ENV.API_KEY || 'local-harness-key',
  Number(__ENV.CONTRACT_SAMPLE || 0),
), log);
const CHECKS = { stateful: true };

function* iteration(m: Cardholder): Flow<void> {
  yield* blockUnblockCycle(m.cardId, CHECKS);
  yield* balanceCheck(m.userId, m.walletId, CHECKS);
}

export const options = benchOptions;

export function setup(): { pool: Cardholder[] } {
  const users = Array.from({ length: BENCH_VUS }, (_, i) => ({ firstName: 'Bench', lastName: `User${i}`, email: `bench${i}@example.com`, currency: 'USD' }));
  return { pool: provisionPool(execute, { poolSize: BENCH_VUS, clientCode: 'HARNESS-DEBIT-01', users, runId: `f${Date.now().toString(36)}`, provision: provisionMember }) };
}

export function bench(data: { pool: Cardholder[] }): void {
  runIteration(deps, 'bench', iteration(memberFor(data.pool, exec.vu.idInTest)), execute, log);
}

export default bench;
export const handleSummary = (data: K6SummaryData): Record<string, string> => benchSummary(Number(__ENV.CONTRACT_SAMPLE || 0) > 0 ? 'flows-validated' : 'flows', data);
