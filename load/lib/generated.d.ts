// The module the build generates from the spec into dist/load/.gen/ (scripts/build-load.ts) and
// resolves for esbuild under this name. Declared here so the k6 scripts type-check without it.
declare module 'harness-generated:sovera' {
  import type { OperationMeta, ResponseValidator } from './k6-runner.ts';
  import type { FlowCostTable } from './flow-costs.ts';

  /** operationId → method, path template and documented statuses, for the operations the load flows call. */
  export const OPERATIONS: Record<string, OperationMeta>;
  /** `${operationId} ${status}` → standalone Ajv validator of that response body. */
  export const VALIDATORS: Record<string, ResponseValidator>;
  /** Requests per iteration of each scenario on each target, counted from the flows. */
  export const FLOW_COSTS: FlowCostTable;
  /** The formats the spec's schemas use, each compiled as a k6-safe regex. */
  export const FORMATS: string[];
}
