// A responder that answers each flow step with the spec's documented example for the expected
// status, as a stateless mock would. The build counts the flows' requests with it.
import { TWIN_STEP_EXAMPLES } from '../../scenarios/transactions.ts';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Step, StepResponse } from '../../scenarios/flow.ts';
import type { LoadedSpec } from '../../lib/spec.ts';
import type { Responder } from '../lib/flow-costs.ts';

export function exampleResponder(spec: LoadedSpec): Responder {
  return (step: Step): StepResponse => {
    if (step.twinOnly) {
      const example = TWIN_STEP_EXAMPLES[step.operationId];
      if (!example) throw new Error(`The load flows call the twin-only "${step.operationId}", which has no example in scenarios/transactions.ts.`);
      return { operationId: step.operationId, status: step.expect, body: structuredClone(example) };
    }
    const op = spec.operations.get(step.operationId);
    if (!op) throw new Error(`The load flows call "${step.operationId}", which is not in ${spec.api.specFile}.`);
    const item = spec.document.paths?.[op.path] as Record<string, OpenAPIV3_1.OperationObject> | undefined;
    const response = item?.[op.method]?.responses?.[String(step.expect)] as OpenAPIV3_1.ResponseObject | undefined;
    const media = response?.content?.['application/json'];
    const example = media?.example ?? Object.values(media?.examples ?? {}).map((e) => (e as OpenAPIV3_1.ExampleObject).value)[0];
    if (example === undefined) {
      throw new Error(`${step.operationId} has no example for status ${step.expect} in ${spec.api.specFile}; `
        + 'the load build counts requests per iteration by answering each step with the documented example.');
    }
    return { operationId: step.operationId, status: step.expect, body: structuredClone(example) };
  };
}
