// Pre-flight of a live run: before the first test, one cheap answer per API is checked against the
// documented contract. A server that breaks what the docs state on its very first answer (a wrong
// base URL, a gateway's HTML page, an API that changed) would fail every test, and every failed
// test costs a Playwright worker restart (about a second here): the run is refused at once
// instead, with what was wrong and how to fix it. Twin and mock are the harness's own: no pre-flight.
// The same answer tells what is left of the account's rate budget (lib/server-budget.ts): the run
// must fit in it, or it is refused with the numbers and the time the window resets.
import { apiProfile } from './apis.ts';
import { createClient } from './client.ts';
import { ConfigError, credentialsFor, requestTimeoutMs, type RunPlan, type TargetEndpoint } from './config.ts';
import { formatFailure } from './failure-message.ts';
import { describeFindings, verdictOf } from './verdict.ts';
import { openSession } from './login.ts';
import type { ApiResponse } from './client.ts';
import { assertFitsServerBudget, RESERVE_REQUESTS, serverBudgetOf } from './server-budget.ts';

/** The probe per API: an unknown id, answered 404 in the documented error format by a server that follows the docs. */
const PROBES = {
  sovera: { operationId: 'getWallet', input: { path: { walletId: 'harness-preflight-unknown-wallet' } }, status: 404 },
  core: { operationId: 'listMovements', input: { path: { cardId: 'harness-preflight-unknown-card' } }, status: 404 },
  'api-layer': { operationId: 'getVirtualCard', input: { path: { cardId: 'harness-preflight-unknown-card' } }, status: 404 },
} as const;

/**
 * `needs`: per API, the requests the run will send and where the figure comes from (the generated
 * phase's plan, the suite's last run on this sandbox); none: the run stops cleanly when the
 * server's count runs low (fixtures/harness.ts).
 */
export async function preflight(plan: RunPlan, log: (line: string) => void = console.log, needs: (api: TargetEndpoint['api']) => { requests: number; why: string; smaller: string } | undefined = () => undefined): Promise<void> {
  for (const endpoint of plan.endpoints.filter((e) => e.target === 'sandbox')) {
    const res = await probeLive(endpoint, log);
    const where = `${endpoint.api}@${endpoint.target}`;
    const budget = serverBudgetOf(res.rateLimit);
    const need = needs(endpoint.api);
    if (!budget) {
      log(`Server budget on ${where}: no X-RateLimit-Remaining in its answers, so the run rests on the limit alone (${apiProfile(endpoint.api).rateLimitPerHour ?? 'none stated'}/hour), as if alone on the account.`);
    } else if (need) {
      log(assertFitsServerBudget(where, need.requests, budget, Date.now(), need.smaller, `the run (${need.why})`));
    } else {
      log(`Server budget on ${where}: ${budget.remaining} left; no estimate of this run's requests yet (a first run on this sandbox), so the run stops cleanly, skipping the rest, if fewer than ${RESERVE_REQUESTS} are left.`);
    }
  }
}

/** One cheap authenticated call, checked against the documented contract; its answer carries the rate-limit headers. */
export async function probeLive(endpoint: TargetEndpoint, log: (line: string) => void = console.log, env: Record<string, string | undefined> = process.env): Promise<ApiResponse> {
  const api = apiProfile(endpoint.api);
  const credentials = credentialsFor(api, endpoint.target, env);
  const { auth } = await openSession(endpoint, credentials);
  const client = createClient<Record<string, never>>({ endpoint, auth, timeoutMs: requestTimeoutMs() });
  const probe = PROBES[endpoint.api];
  const res = await client.call(probe.operationId as never, probe.input, {});
  const verdict = verdictOf(res, probe.operationId, probe.status);
  const documented = verdict.findings.filter((f) => f.basis.provenance === 'documented');
  if (documented.length) {
    throw new ConfigError(
      `Pre-flight: ${api.title} at ${endpoint.baseUrl} breaks documented rules on its first answer, so every test would fail:\n` +
        `${formatFailure(res, probe.operationId, describeFindings(documented), documented)}\n`,
      `check that ${api.env.baseUrl} is the ${api.title} base URL (and the API's version), then run again.`,
    );
  }
  log(`Pre-flight ${endpoint.api}@${endpoint.target}: ${probe.operationId} answered ${res.status} as documented${verdict.assumptions.length ? ` (${verdict.assumptions.length} inferred differences, reported by the suite)` : ''}.`);
  return res;
}
