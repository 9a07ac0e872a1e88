// The bench iteration built from the shared flows (blockUnblockCycle, then balanceCheck) through
// the harness's k6 runner, with a given CONTRACT_SAMPLE. Used by flows.k6.ts and interleaved.k6.ts.
import type { Flow } from '../../scenarios/flow.ts';
import { balanceCheck, blockUnblockCycle, type Cardholder } from '../../scenarios/sovera.ts';
import { createExecutor, limitedLog, provisionPool, runIteration, type Execute } from '../lib/k6-runner.ts';
import { k6RunnerConfig, k6RunnerDeps } from '../lib/k6-test.ts';
import { provisionMember } from '../lib/scenarios.ts';
import { BENCH_VUS } from './common.ts';

const deps = k6RunnerDeps();
const log = limitedLog(deps.warn, 10);
const CHECKS = { stateful: true };

export function flowsExecutor(contractSample: number): Execute {
  return createExecutor(deps, k6RunnerConfig(
    __ENV.BASE_URL || 'http://127.0.0.1:4020/cards/v2',
    __ENV.API_KEY || 'local-harness-key',
    contractSample,
  ), log);
}

function* iteration(m: Cardholder): Flow<void> {
  yield* blockUnblockCycle(m.cardId, CHECKS);
  yield* balanceCheck(m.userId, m.walletId, CHECKS);
}

export function flowsSetup(execute: Execute): { pool: Cardholder[] } {
  const users = Array.from({ length: BENCH_VUS }, (_, i) => ({ firstName: 'Bench', lastName: `User${i}`, email: `bench${i}@example.com`, currency: 'USD' }));
  return { pool: provisionPool(execute, { poolSize: BENCH_VUS, clientCode: 'HARNESS-DEBIT-01', users, runId: `f${Date.now().toString(36)}`, provision: provisionMember }) };
}

export function flowsIteration(execute: Execute, m: Cardholder): void {
  runIteration(deps, 'bench', iteration(m), execute, log);
}
