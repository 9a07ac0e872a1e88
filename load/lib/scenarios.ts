// The load scenarios: which shared flow one iteration runs, for a pool member, on a target.
// Pure: used by the k6 scripts, by the build (to count requests per iteration) and by tests.
import type { Flow } from '../../scenarios/flow.ts';
import { balanceCheck, cardLifecycle, provisionCardholder, type Cardholder, type NaturalUserInput } from '../../scenarios/sovera.ts';
import type { LoadTarget } from './profiles.ts';

export interface IterationContext {
  clientCode: string;
  /** The target keeps state: cross-call assertions are on. */
  stateful: boolean;
  target: LoadTarget;
}

export interface LoadScenario {
  name: string;
  description: string;
  iteration(member: Cardholder, ctx: IterationContext): Flow<unknown>;
}

export type ScenarioName = 'lifecycle' | 'balance-check';

export const SCENARIOS: Record<ScenarioName, LoadScenario> = {
  lifecycle: {
    name: 'lifecycle',
    description: 'block, getCard, unblock, getCard on the VU\'s own card; then a fresh physical card acknowledged (not on a sandbox, which prints cards in ~48 h)',
    iteration: (member, ctx) => cardLifecycle(member, ctx.clientCode, { stateful: ctx.stateful, ackFreshCard: ctx.target !== 'sandbox' }),
  },
  'balance-check': {
    name: 'balance-check',
    description: 'getWallet (integer cents, valid envelope), listWalletsByUser',
    iteration: (member, ctx) => balanceCheck(member.userId, member.walletId, { stateful: ctx.stateful }),
  },
};
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** The k6 scripts under load/, by the name `npm run load -- <name>` takes, with the scenarios each runs. */
export const SCRIPTS: Record<string, ScenarioName[]> = {
  lifecycle: ['lifecycle'],
  'balance-check': ['balance-check'],
  gate: ['lifecycle', 'balance-check'],
};

/** Funds each pool member's wallet gets, so balances are non-trivial. */
export const POOL_FUNDS_CENTS = 100_000;

/** One pool member: the shared provisioning flow. */
export function provisionMember(user: NaturalUserInput, clientCode: string): Flow<Cardholder> {
  return provisionCardholder(user, clientCode, POOL_FUNDS_CENTS);
}

/** The operation setup() probes first: a GET with a path parameter, answered 404 (or the mock's 200) for an unknown id. */
export const READINESS_OPERATION = 'getWallet';
export const READINESS_REQUESTS = 1;
