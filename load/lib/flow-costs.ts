// Requests per iteration, counted from the flows themselves: each flow is driven by a responder
// that answers every step with the spec's documented example for the expected status (what a
// stateless mock does). Flows guard assertions, never requests, with the stateful flag, so the
// count holds on every target. Pure; the build feeds it the spec's examples, one API at a time.
import { runFlowSync, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import { coreLogin, type CoreCard } from '../../scenarios/core.ts';
import type { Cardholder, NaturalUserInput } from '../../scenarios/sovera.ts';
import type { LoadApiId } from './apis.ts';
import { LOAD_TARGETS, type FlowCost, type LoadTarget } from './profiles.ts';
import { READINESS_OPERATION, READINESS_REQUESTS, SCENARIOS, provisionCoreMember, provisionMember, scenariosOf } from './scenarios.ts';

export type Responder = (step: Step) => StepResponse;

export interface FlowCostTable {
  /** `${scenario}@${target}` → cost of one iteration. */
  iterations: Record<string, FlowCost>;
  /** Cost of provisioning one pool member. */
  provision: FlowCost;
  /** What setup() sends once before provisioning: Sovera's readiness probe, Core's login. */
  readiness: FlowCost;
  readinessRequests: number;
}

export function measureFlow(flow: Flow<unknown>, respond: Responder): FlowCost {
  const operations: string[] = [];
  let requests = 0;
  runFlowSync(flow, (step) => {
    requests++;
    if (!operations.includes(step.operationId)) operations.push(step.operationId);
    return respond(step);
  });
  return { requests, operations };
}

const SAMPLE_MEMBER: Cardholder = { userId: 'cost-user', walletId: 'cost-wallet', cardId: 'cost-card' };
const SAMPLE_CORE_CARD: CoreCard = { customerId: 'cost-customer', cardId: 'cost-card', currency: 'USD', balance: 0 };
const SAMPLE_USER: NaturalUserInput = { firstName: 'Cost', lastName: 'Count', email: 'cost@example.com', currency: 'USD' };

/** The cost table of one API's scenarios, provisioning and setup entry (respond: that API's spec examples). */
export function flowCostTable(respond: Responder, api: LoadApiId = 'sovera'): FlowCostTable {
  const iterations: Record<string, FlowCost> = {};
  const member = api === 'core' ? SAMPLE_CORE_CARD : SAMPLE_MEMBER;
  for (const name of scenariosOf(api)) {
    for (const target of LOAD_TARGETS) {
      const flow = SCENARIOS[name].iteration(member, { clientCode: 'COST', stateful: false, target });
      iterations[costKey(name, target)] = measureFlow(flow, respond);
    }
  }
  const provision = api === 'core'
    ? measureFlow(provisionCoreMember(SAMPLE_USER, { stateful: false }), respond)
    : measureFlow(provisionMember(SAMPLE_USER, 'COST'), respond);
  const readiness = api === 'core'
    ? measureFlow(coreLogin({ email: 'cost@example.com', password: 'cost' }), respond)
    : { requests: READINESS_REQUESTS, operations: [READINESS_OPERATION] };
  return { iterations, provision, readiness, readinessRequests: readiness.requests };
}

export function costKey(scenario: string, target: LoadTarget): string {
  return `${scenario}@${target}`;
}

/** The cost of each of the given scenarios on a target, as profiles take it. */
export function scenarioCosts(table: FlowCostTable, names: readonly string[], target: LoadTarget): Record<string, FlowCost> {
  const out: Record<string, FlowCost> = {};
  for (const name of names) {
    const cost = table.iterations[costKey(name, target)];
    if (!cost) throw new Error(`No request count for scenario "${name}" on ${target}; rebuild the load bundles (npm run load:build).`);
    out[name] = cost;
  }
  return out;
}
