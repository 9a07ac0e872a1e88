// The purchase hot path under load, on the twin: a pay-in, a card purchase (the twin's own
// authorise + settle) and the wallet read after it, for each VU's own pool member.
// Run: npm run load -- purchase (twin only: no provider documents a way to make a card pay)
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { defineLoadTest, type SetupData } from './lib/k6-test.ts';

const test = defineLoadTest('purchase', ['purchase']);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function purchase(data: SetupData): void { test.iterate('purchase', data); }
export default purchase;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
