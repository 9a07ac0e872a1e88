// The rate budget as the server counts it. The plan of a run (lib/budget.ts) assumes the run is
// alone on the account; on a shared sandbox account other pipelines and developers spend the same
// hourly limit. Where an API answers X-RateLimit-Remaining and -Reset (Core, docs 004: "every
// response"), one cheap call before the run reads what is left, and the run must fit in
// BUDGET_SHARE of it; between phases the same numbers are read again from the last answer.
// Where an API sends no such headers (Sovera), the plan says so and rests on the limit alone.
import { BUDGET_SHARE } from './budget.ts';
import type { RateLimit } from './client.ts';
import { ConfigError } from './config.ts';

export interface ServerBudget {
  remaining: number;
  limit?: number;
  /** Epoch seconds when the window resets (X-RateLimit-Reset). */
  resetEpochSeconds?: number;
}

/** What a response's rate-limit headers say is left; undefined when they do not say (no headers, no Remaining). */
export function serverBudgetOf(rate: RateLimit | undefined): ServerBudget | undefined {
  if (rate?.remaining === undefined) return undefined;
  return { remaining: rate.remaining, limit: rate.limit, resetEpochSeconds: rate.reset };
}

/** Requests the run may still send before the window resets: BUDGET_SHARE of what is left, rounded down. */
export function allowedOf(budget: ServerBudget): number {
  return Math.floor(budget.remaining * BUDGET_SHARE);
}

/** Seconds until the window resets, or undefined when the server does not say. */
export function secondsToReset(budget: ServerBudget, nowMs: number): number | undefined {
  return budget.resetEpochSeconds === undefined ? undefined : Math.max(0, budget.resetEpochSeconds - Math.floor(nowMs / 1000));
}

function resetText(budget: ServerBudget, nowMs: number): string {
  const seconds = secondsToReset(budget, nowMs);
  if (seconds === undefined) return 'the server does not say when its window resets';
  return `the window resets at ${new Date(budget.resetEpochSeconds! * 1000).toISOString()} (in ${Math.ceil(seconds / 60)} min)`;
}

/** One line: what the server says is left, what the plan needs before the reset, and what is allowed. */
export function describeServerBudget(where: string, planned: number, budget: ServerBudget, nowMs: number, what = 'the plan'): string {
  const of = budget.limit !== undefined ? ` of ${budget.limit}/hour` : '';
  return `Server budget on ${where}: ${budget.remaining}${of} left (X-RateLimit-Remaining), ${resetText(budget, nowMs)}; `
    + `${what} needs ${planned} before then, ${allowedOf(budget)} allowed (${Math.round(BUDGET_SHARE * 100)}% of what is left).`;
}

/**
 * Refuses a plan that does not fit in what the server says is left (ConfigError: exit 2, before
 * any request of the plan). `planned`: the requests the run sends before the window resets.
 */
export function assertFitsServerBudget(where: string, planned: number, budget: ServerBudget, nowMs: number, smaller: string, what?: string): string {
  const line = describeServerBudget(where, planned, budget, nowMs, what);
  if (planned <= allowedOf(budget)) return line;
  const reset = secondsToReset(budget, nowMs);
  throw new ConfigError(
    `Refused: ${line} Others on the account have spent the rest of the window.`,
    `${reset !== undefined ? `wait until ${new Date(budget.resetEpochSeconds! * 1000).toISOString()} and run again` : 'wait for the window to reset'}, or ${smaller}.`,
  );
}

/** The requests of a plan spread evenly over `durationSeconds` that fall before the reset (setup first, all of it). */
export function requestsBeforeReset(total: number, setup: number, durationSeconds: number, budget: ServerBudget, nowMs: number): number {
  const reset = secondsToReset(budget, nowMs);
  if (reset === undefined || durationSeconds <= reset || durationSeconds <= 0) return total;
  return setup + Math.ceil((total - setup) * (reset / durationSeconds));
}

// ---------------------------------------------------------------------------------------------
// Between tests: the last count each server answered, per api@target, in this process. A live run
// stops cleanly (the remaining tests skipped, saying why) before the account runs dry, instead of
// ending in a storm of 429s.
// ---------------------------------------------------------------------------------------------

/** Requests a test may need at most: under this many left, the rest of the run is skipped. */
export const RESERVE_REQUESTS = 20;

const lastBudgets = new Map<string, ServerBudget>();

/** Notes what a response's headers say is left (called by the client on every answer). */
export function noteServerBudget(where: string, rate: RateLimit | undefined): void {
  const budget = serverBudgetOf(rate);
  if (budget) lastBudgets.set(where, budget);
}

/** Why the next test must not run on `where` (too few requests left), or undefined to go on. */
export function budgetStop(where: string, nowMs: number): string | undefined {
  const budget = lastBudgets.get(where);
  if (!budget || budget.remaining >= RESERVE_REQUESTS) return undefined;
  if (secondsToReset(budget, nowMs) === 0) return undefined; // the window has reset since
  return `rate budget: ${where} answered X-RateLimit-Remaining ${budget.remaining} (under the ${RESERVE_REQUESTS} a test may need); ${resetText(budget, nowMs)}. `
    + 'The rest of the run is skipped so the account is not run dry for others; run again after the reset.';
}
