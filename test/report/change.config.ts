// The main Playwright config on the change suite, writing the contract reports and the run
// report into REPORT_OUT, like `npm start` does into reports/. Used by run-report.test.ts only.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import { contractReporters } from '../../lib/reporting.ts';

const out = process.env.REPORT_OUT!;
const suite = new URL('./change-suite', import.meta.url).pathname;

export default defineConfig({
  ...base,
  testDir: suite,
  outputDir: `${out}/test-results`,
  reporter: contractReporters(`${out}/contracts`),
  projects: base.projects!.map((p) => ({ ...p, testDir: suite })),
});
