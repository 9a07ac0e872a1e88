// Playwright globalSetup: the pre-flight of live targets (lib/preflight.ts), before any worker starts.
import { exitOnConfigError, resolveRunPlan } from './config.ts';
import { preflight } from './preflight.ts';
import { checkGeneratedBudget } from '../fixtures/generated-plan.ts';

export default async function globalSetup(): Promise<void> {
  // PREFLIGHT=0 skips it: only for a server that is broken on purpose (the harness's own leak test).
  if (process.env.PREFLIGHT === '0') return;
  const plan = resolveRunPlan();
  try {
    // The generated phase's share of the rate budget, printed (and refused when over) before the first request.
    for (const endpoint of plan.endpoints.filter((e) => e.target === 'sandbox')) for (const line of checkGeneratedBudget(endpoint.api)) console.log(line);
    await preflight(plan);
  } catch (error) {
    exitOnConfigError(() => { throw error; });
  }
}
