// Core API balance hot path under load: setup() logs in once and provisions a pool of active,
// funded cards (one per VU that may run at once); each iteration tops up the VU's own card
// (addBalance: the balance grew by the amount), reads its movements (the newest is that positive
// top-up) and the card (same balance, active). Run: npm run load -- core-balance
import * as core from 'harness-generated:core';
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { createLoadTest, type SetupData } from './lib/k6-harness.ts';

const test = createLoadTest('core-balance', ['core-balance'], core);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function coreBalance(data: SetupData): void { test.iterate('core-balance', data); }
export default coreBalance;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
