// The main Playwright config on the fault suite against the twin, with a short request
// timeout, writing a JSON report to FAULTS_REPORT. Used by faults.test.ts only.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

const suite = new URL('./fault-suite', import.meta.url).pathname;

export default defineConfig({
  ...base,
  testDir: suite,
  outputDir: `${process.env.FAULTS_OUT}/test-results`,
  reporter: [['json', { outputFile: `${process.env.FAULTS_OUT}/report.json` }]],
  globalTimeout: 120_000, // the run must end by itself, whatever the faults do
  projects: base.projects!.map((p) => ({ ...p, testDir: suite })),
});
