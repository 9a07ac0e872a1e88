// Requests per iteration, counted from the flows themselves: each flow is driven by a responder
// that answers every step with the spec's documented example for the expected status (what a
// stateless mock does). Flows guard assertions, never requests, with the stateful flag, so the
// count holds on every target. Pure; the build feeds it the spec's examples, one API at a time.
import { runFlowSync, type Flow, type Step, type StepResponse } from '../../scenarios/flow.ts';
import { coreLogin } from '../../scenarios/core.ts';
import type { NaturalUserInput } from '../../scenarios/sovera.ts';
import type { LoadApiId } from './apis.ts';
import { LOAD_TARGETS, type FlowCost, type LoadTarget } from './profiles.ts';
import { LOAD_ENTRIES, SCENARIOS, scenariosOf } from './scenarios.ts';

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

const SAMPLE_USER: NaturalUserInput = { firstName: 'Cost', lastName: 'Count', email: 'cost@example.com', currency: 'USD' };

/** The cost table of one API's scenarios, provisioning and setup entry (respond: that API's spec examples). */
export function flowCostTable(respond: Responder, api: LoadApiId = 'sovera'): FlowCostTable {
  const iterations: Record<string, FlowCost> = {};
  const { sampleMember: member, provision: provisionFlow, entry } = LOAD_ENTRIES[api];
  for (const name of scenariosOf(api)) {
    for (const target of LOAD_TARGETS) {
      const flow = SCENARIOS[name].iteration(member, { clientCode: 'COST', stateful: false, target });
      iterations[costKey(name, target)] = measureFlow(flow, respond);
    }
  }
  const provision = measureFlow(provisionFlow(SAMPLE_USER, 'COST', { stateful: false }), respond);
  const readiness = entry.kind === 'login'
    ? measureFlow(coreLogin({ email: 'cost@example.com', password: 'cost' }), respond)
    : { requests: 1, operations: [entry.operationId] };
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
