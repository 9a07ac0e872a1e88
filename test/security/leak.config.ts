// The main Playwright config, pointed at a suite that fails on purpose while handling card
// secrets, writing every report into LEAK_OUT. Used by reports-leak.test.ts only.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import { contractReporters } from '../../lib/reporting.ts';

const out = process.env.LEAK_OUT!;
const suite = new URL('./leak-suite', import.meta.url).pathname;

export default defineConfig({
  ...base,
  testDir: suite,
  outputDir: `${out}/test-results`,
  reporter: contractReporters(`${out}/reports`),
  projects: base.projects!.map((p) => ({ ...p, testDir: suite })),
});
