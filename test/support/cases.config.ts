// The main suite (suite.config.ts) with one project per endpoint of the run plan, each running
// only the tests its case's grep matches (CASE_GREPS, a JSON list in plan order). Used by
// runCases (playwright-subrun.ts): many broken twins, one Playwright run.
import { defineConfig } from '@playwright/test';
import suite from './suite.config.ts';

const greps = JSON.parse(process.env.CASE_GREPS ?? '[]') as string[];

export default defineConfig({
  ...suite,
  projects: suite.projects!.map((p, i) => ({ ...p, grep: new RegExp(greps[i]) })),
});
