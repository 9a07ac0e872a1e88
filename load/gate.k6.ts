// The gate's load step: lifecycle and balance check side by side, as separate k6 scenarios with
// their own executors, sharing one provisioned pool. Run: npm run load -- gate
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { defineLoadTest, type SetupData } from './lib/k6-test.ts';

const test = defineLoadTest('gate', ['lifecycle', 'balance-check']);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function lifecycle(data: SetupData): void { test.iterate('lifecycle', data); }
export function balanceCheck(data: SetupData): void { test.iterate('balance-check', data); }
export default lifecycle;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
