// Balance check under load: getWallet (integer cents, valid envelope) and listWalletsByUser
// for each VU's own pool member. Run: npm run load -- balance-check
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { defineLoadTest, type SetupData } from './lib/k6-test.ts';

const test = defineLoadTest('balance-check', ['balance-check']);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function balanceCheck(data: SetupData): void { test.iterate('balance-check', data); }
export default balanceCheck;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
