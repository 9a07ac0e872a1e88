// The main Playwright config, pointed at a suite that fails on purpose while handling card
// secrets or credentials, writing every report into LEAK_OUT. Used by reports-leak.test.ts only.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import { contractReporters } from '../../lib/reporting.ts';

const out = process.env.LEAK_OUT!;
const suite = new URL('./leak-suite', import.meta.url).pathname;

export default defineConfig({
  ...base,
  testDir: suite,
  outputDir: `${out}/test-results`,
  reporter: contractReporters(`${out}/reports/contracts`),
  // One leak file per API: the project's API picks it.
  projects: base.projects!.map((p) => ({ ...p, testDir: suite, testMatch: p.name?.startsWith('core@') ? 'core-leak.spec.ts' : p.name?.startsWith('api-layer@') ? 'api-layer-leak.spec.ts' : 'leak.spec.ts' })),
});
