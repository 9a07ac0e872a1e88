// API Layer hot path under load: setup() probes the target and provisions a pool of funded TOP_UP
// virtual cards (one per VU that may run at once); each iteration reads the VU's own card, updates
// its limits, overrides its balance (the amount replaces it) and freezes then unfreezes it. The
// docs state no rate limit: a sandbox run needs RATE_LIMIT_PER_HOUR. Run: npm run load -- layer-hot-path
import * as apiLayer from 'harness-generated:api-layer';
import type { K6SummaryData } from '../lib/k6-summary.ts';
import { createLoadTest, type SetupData } from './lib/k6-harness.ts';

const test = createLoadTest('layer-hot-path', ['layer-hot-path'], apiLayer);

export const options = test.options;
export const setup = (): SetupData => test.setup();
export function layerHotPath(data: SetupData): void { test.iterate('layer-hot-path', data); }
export default layerHotPath;
export const handleSummary = (data: K6SummaryData): Record<string, string> => test.handleSummary(data);
