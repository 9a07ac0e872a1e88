// A flow is a generator that yields request steps and receives their responses. The same flow
// runs in Node (async runner over the client, in contract tests) and in k6 (sync runner over
// http.request), so user journeys are written once. Pure: no Node built-ins, no k6 imports.
import type { OperationInput } from '../lib/http.ts';

export interface Step {
  operationId: string;
  input: OperationInput;
  /** The status this step must answer; the runner fails the flow otherwise. */
  expect: number;
  /**
   * A twin-only operation (twin/control.ts: card transactions, the clock), in no provider's spec:
   * sent as JSON to this method and path on the twin's origin, without credentials. `operationId`
   * then only names the step (e.g. `twin:authorise`); `input.body` is the JSON body.
   */
  twinOnly?: { method: 'GET' | 'POST'; path: string };
}

/** Twin-only steps are named `twin:<name>`: no spec has them, so the load build compiles nothing for them. */
export const TWIN_STEP_PREFIX = 'twin:';

/** A step of a twin-only operation (card transactions exist on the twin only). */
export function twinStep(name: string, method: 'GET' | 'POST', path: string, body: unknown, expect: number): Step {
  return { operationId: `${TWIN_STEP_PREFIX}${name}`, input: body === undefined ? {} : { body }, expect, twinOnly: { method, path } };
}

export interface StepResponse {
  operationId: string;
  status: number;
  /** Parsed JSON body (undefined when not JSON). */
  body: any;
}

export type Flow<T = void> = Generator<Step, T, StepResponse>;

export class FlowError extends Error {
  constructor(readonly step: Step, readonly response: StepResponse, detail: string) {
    super(`${step.operationId}: expected status ${step.expect}, got ${response.status}${detail ? ` (${detail})` : ''}`);
    this.name = 'FlowError';
  }
}

/** First error code of an error-format body, for failure messages. */
export function errorCodeOf(body: any): string {
  const first = body && Array.isArray(body.errors) ? body.errors[0] : undefined;
  return first && typeof first.code === 'string' ? first.code : '';
}

/** Drives a flow with an async executor (Node). */
export async function runFlow<T>(flow: Flow<T>, execute: (step: Step) => Promise<StepResponse>): Promise<T> {
  let next = flow.next();
  while (!next.done) {
    const step = next.value;
    const response = await execute(step);
    if (response.status !== step.expect) throw new FlowError(step, response, errorCodeOf(response.body));
    next = flow.next(response);
  }
  return next.value;
}

/** Drives a flow with a synchronous executor (k6's http.request is sync and about twice as fast as asyncRequest). */
export function runFlowSync<T>(flow: Flow<T>, execute: (step: Step) => StepResponse): T {
  let next = flow.next();
  while (!next.done) {
    const step = next.value;
    const response = execute(step);
    if (response.status !== step.expect) throw new FlowError(step, response, errorCodeOf(response.body));
    next = flow.next(response);
  }
  return next.value;
}
