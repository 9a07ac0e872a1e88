// Bench baseline: the bench iteration written by hand (load/bench/handwritten.ts), alone.
// Run: npm run bench:k6-flows -- --separate
import exec from 'k6/execution';
import type { K6SummaryData } from '../../lib/k6-summary.ts';
import { benchOptions, benchSummary } from './common.ts';
import { handwrittenIteration, handwrittenSetup, type Member } from './handwritten.ts';

export const options = benchOptions;
export const setup = handwrittenSetup;

export function bench(data: { pool: Member[] }): void {
  handwrittenIteration(data.pool[(exec.vu.idInTest - 1) % data.pool.length]);
}

export default bench;
export const handleSummary = (data: K6SummaryData): Record<string, string> => benchSummary('handwritten', data);
