// Card lifecycle under load: each VU blocks, reads, unblocks and reads its own pool card, then
// acknowledges a fresh physical card (twin and mock). Run: npm run load -- lifecycle
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { defineLoadTest, type SetupData } from './lib/k6-test.ts';

const test = defineLoadTest('lifecycle', ['lifecycle']);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function lifecycle(data: SetupData): void { test.iterate('lifecycle', data); }
export default lifecycle;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
