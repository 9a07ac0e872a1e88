// Requests per iteration, counted from the flows themselves: each flow is driven by a responder
// that answers every step with the spec's documented example for the expected status (what a
// stateless mock does). Flows guard assertions, never requests, with the stateful flag, so the
// count holds on every target. Pure; the build feeds it the spec's examples.
import { runFlowSync, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import type { Cardholder, NaturalUserInput } from '../../scenarios/sovera.ts';
import { LOAD_TARGETS, type FlowCost, type LoadTarget } from './profiles.ts';
import { READINESS_REQUESTS, SCENARIOS, provisionMember, type ScenarioName } from './scenarios.ts';

export type Responder = (step: Step) => StepResponse;

export interface FlowCostTable {
  /** `${scenario}@${target}` → cost of one iteration. */
  iterations: Record<string, FlowCost>;
  provision: FlowCost;
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
const SAMPLE_USER: NaturalUserInput = { firstName: 'Cost', lastName: 'Count', email: 'cost@example.com', currency: 'USD' };

export function flowCostTable(respond: Responder): FlowCostTable {
  const iterations: Record<string, FlowCost> = {};
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    for (const target of LOAD_TARGETS) {
      const flow = SCENARIOS[name].iteration(SAMPLE_MEMBER, { clientCode: 'COST', stateful: false, target });
      iterations[costKey(name, target)] = measureFlow(flow, respond);
    }
  }
  return { iterations, provision: measureFlow(provisionMember(SAMPLE_USER, 'COST'), respond), readinessRequests: READINESS_REQUESTS };
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
