// Playwright globalSetup, the first one: the run plan's local servers (the twins, and one process
// for all of Prism's mocks and validating proxies: lib/prism-host.ts) started at once, not one
// after another as Playwright's webServer does. Returns the teardown that stops them, which
// Playwright calls after the last test.
import { resolveRunPlan } from './config.ts';
import { startLocalServers, stopLocalServers } from './local-servers.ts';

export default async function startPlanServers(): Promise<() => Promise<void>> {
  await startLocalServers(resolveRunPlan().servers, { forwardStderr: true, exitOnSignal: false });
  return stopLocalServers;
}
