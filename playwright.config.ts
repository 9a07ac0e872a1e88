// One Playwright project per (API, target) of the run plan, e.g. sovera@twin and sovera@mock.
// Local targets are started here (Prism mock; twin behind Prism's validating proxy) on free
// loopback ports; live targets are checked before the first request.
import { defineConfig } from '@playwright/test';
import { APIS, type ApiId } from './lib/apis.ts';
import { exitOnConfigError, maxFailures, requestTimeoutMs, resolveRunPlan, webhookSettings, webhookWithinMs, type TargetName } from './lib/config.ts';
import { contractReporters } from './lib/reporting.ts';
import { reportSettings } from './lib/run-report/write.ts';
import { PROJECT_ROOT } from './lib/spec.ts';
import { fileURLToPath } from 'node:url';

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
export default defineConfig<object, { apiId: ApiId; targetName: TargetName }>({
  testDir: 'contracts',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Live runs stop after MAX_FAILURES failed tests (default 10; 0 = run everything): see lib/config.ts.
  maxFailures: failureBudget,
  // Live targets are probed once before any test: a server that breaks the docs on its first answer is refused.
  globalSetup: fileURLToPath(new URL('./lib/global-setup.ts', import.meta.url)),
  // A live run's cleanup phase: what it created is undone where the API allows (KEEP=1 skips it).
  globalTeardown: fileURLToPath(new URL('./lib/global-teardown.ts', import.meta.url)),
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  reporter: contractReporters('reports/contracts', { requireAllOperations: process.env.COVERAGE_REQUIRE === '1' }),
  use: {
    // Traces and videos would hold request bodies and headers: card secrets and keys.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
  projects: plan.endpoints.map((e) => ({
    name: `${e.api}@${e.target}`,
    testDir: APIS[e.api].contractsDir,
    use: { apiId: e.api, targetName: e.target },
  })),
  webServer: plan.servers.map((s) => ({
    name: s.name,
    command: s.command,
    cwd: PROJECT_ROOT, // also when another config (a sub-run's) extends this one
    port: s.port,
    env: s.env,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  })),
});
