// One Playwright project per (API, target) of the run plan, e.g. sovera@twin and sovera@mock.
// Local targets (Prism mock; twin behind Prism's validating proxy) are started on free loopback
// ports by the first globalSetup (lib/global-servers.ts); live targets are checked before the first request.
import { defineConfig } from '@playwright/test';
import { APIS, type ApiId } from './lib/apis.ts';
import { exitOnConfigError, maxFailures, requestTimeoutMs, resolveRunPlan, webhookSettings, webhookWithinMs, type TargetName } from './lib/config.ts';
import { contractReporters } from './lib/reporting.ts';
import { reportSettings } from './lib/run-report/write.ts';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const plan = exitOnConfigError(() => {
  requestTimeoutMs(); // refuse a bad value before any server starts
  webhookSettings(); // a half-set or plain-http webhook address too
  webhookWithinMs();
  reportSettings(); // the run report's baseline and p95 margin
  return resolveRunPlan();
});
const failureBudget = exitOnConfigError(() => maxFailures(plan));
process.env.HARNESS_PLAN = JSON.stringify(plan); // workers must see the same ports

// Worker options of fixtures/harness.ts, set per project.
export default defineConfig<object, { apiId: ApiId; targetName: TargetName; endpointIndex: number }>({
  testDir: 'contracts',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Live runs stop after MAX_FAILURES failed tests (default 10; 0 = run everything): see lib/config.ts.
  maxFailures: failureBudget,
  // The local servers, started side by side; then live targets are probed once before any test:
  // a server that breaks the docs on its first answer is refused.
  globalSetup: [fileURLToPath(new URL('./lib/global-servers.ts', import.meta.url)), fileURLToPath(new URL('./lib/global-setup.ts', import.meta.url))],
  // A live run's cleanup phase: what it created is undone where the API allows (KEEP=1 skips it).
  globalTeardown: fileURLToPath(new URL('./lib/global-teardown.ts', import.meta.url)),
  // Two at least, where Playwright's default is half the cores: a test mostly waits on loopback servers
  // (the twin behind Prism's proxy), so one worker left a 2-core machine a third idle (49 s against 43 s).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  timeout: 30_000,
  reporter: contractReporters('reports/contracts', { requireAllOperations: process.env.COVERAGE_REQUIRE === '1' }),
  use: {
    // Traces and videos would hold request bodies and headers: card secrets and keys.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
  projects: plan.endpoints.map((e, endpointIndex) => ({
    name: `${e.api}@${e.target}`,
    testDir: APIS[e.api].contractsDir,
    use: { apiId: e.api, targetName: e.target, endpointIndex },
  })),
});
