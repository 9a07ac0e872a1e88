// Playwright globalSetup: the pre-flight of live targets (lib/preflight.ts), before any worker starts.
import { readFileSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import path from 'node:path';
import type { ApiId } from './apis.ts';
import { currentRunId, newRunId, startRecord } from './cleanup.ts';
import { exitOnConfigError, resolveRunPlan } from './config.ts';
import { preflight } from './preflight.ts';
import { PROJECT_ROOT } from './spec.ts';
import { checkGeneratedBudget, generatedNeed } from '../fixtures/generated-plan.ts';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const plan = resolveRunPlan();
  // A live run gets a run id: its test data carries it, its record lists what it creates (lib/cleanup.ts). Workers inherit it.
  if (plan.endpoints.some((e) => e.target === 'sandbox') && !currentRunId()) {
    const runId = newRunId();
    process.env.HARNESS_RUN_ID = runId;
    const record = path.relative(PROJECT_ROOT, startRecord(runId));
    console.log(`Run id ${runId}: its test data carries it; what it creates is recorded in ${record} and undone at the end (KEEP=1 keeps it; later: npm run cleanup -- ${runId}).`);
  }
  // PREFLIGHT=0 skips it: only for a server that is broken on purpose (the harness's own leak test).
  if (process.env.PREFLIGHT === '0') return;
  try {
    // The generated phase's share of the rate budget, printed (and refused when over) before the first request.
    for (const endpoint of plan.endpoints.filter((e) => e.target === 'sandbox')) for (const line of checkGeneratedBudget(endpoint.api)) console.log(line);
    const coverageFile = config.reporter.map(([, options]) => (options as { outputFile?: unknown } | undefined)?.outputFile)
      .find((file): file is string => typeof file === 'string' && file.endsWith('coverage.json'));
    await preflight(plan, console.log, (api) => generatedNeed(api) ?? lastSandboxRun(api, coverageFile));
  } catch (error) {
    exitOnConfigError(() => { throw error; });
  }
}

/** The requests the suite sent on its last run against this API's sandbox (this config's coverage.json), as the estimate of this one. */
function lastSandboxRun(api: ApiId, coverageFile: string | undefined): { requests: number; why: string; smaller: string } | undefined {
  if (!coverageFile) return undefined;
  // A run narrowed to some tests (-g, a file) would be refused on the whole suite's figure.
  const args = process.argv.slice(2);
  if (args.some((arg) => /^(-g|--grep|--grep-invert|--last-failed|--only-changed|--test-list)/.test(arg) || (!arg.startsWith('-') && arg !== 'test'))) return undefined;
  try {
    const coverage = JSON.parse(readFileSync(path.resolve(PROJECT_ROOT, coverageFile), 'utf8')) as { requests?: Record<string, { total?: number }> };
    const total = coverage.requests?.[`${api}@sandbox`]?.total;
    return typeof total === 'number' && total > 0
      ? { requests: total, why: 'what the suite sent on its last run there', smaller: 'run part of the suite (--grep, or a file), which is not held to this estimate' }
      : undefined;
  } catch {
    return undefined; // no earlier run: the run stops cleanly when the count runs low
  }
}
