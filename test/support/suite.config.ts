// The main Playwright config and suite, writing every report into RUN_OUT (and a JSON report of
// the results, to tell which tests failed). Used by the verdict tests and npm run bench:suite.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import path from 'node:path';
import { contractReporters } from '../../lib/reporting.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';

const out = process.env.RUN_OUT!;

export default defineConfig({
  ...base,
  outputDir: `${out}/test-results`,
  // The main config's folders are relative to the project root, not to this file.
  testDir: path.join(PROJECT_ROOT, 'contracts'),
  projects: base.projects!.map((p) => ({ ...p, testDir: path.join(PROJECT_ROOT, p.testDir!) })),
  reporter: [...contractReporters(`${out}/contracts`, { calibrationDir: `${out}/calibration` }), ['json', { outputFile: `${out}/results.json` }]],
});
