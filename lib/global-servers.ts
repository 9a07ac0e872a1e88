// Playwright globalSetup, the first one: the run plan's local servers (twins, Prism's mock and
// validating proxy) started at once, not one after another as Playwright's webServer does: six
// Prism starts at ~3 s of CPU each took ~21 s in turn, ~12 s side by side on 2 cores. Returns the
// teardown that stops them, which Playwright calls after the last test.
import { resolveRunPlan } from './config.ts';
import { startLocalServers, stopLocalServers } from './local-servers.ts';

export default async function startPlanServers(): Promise<() => Promise<void>> {
  await startLocalServers(resolveRunPlan().servers, { forwardStderr: true, exitOnSignal: false });
  return stopLocalServers;
}
