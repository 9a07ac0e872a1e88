// The modules the build generates from each API's spec into dist/load/.gen/ (scripts/build-load.ts)
// and resolves for esbuild as harness-generated:<api> (sovera, core, api-layer; an unknown one is a
// build error). Declared here so the k6 scripts type-check without them.
declare module 'harness-generated:*' {
  import type { OperationMeta, ResponseValidator } from './k6-runner.ts';
  import type { FlowCostTable } from './flow-costs.ts';

  /** operationId → method, path template and documented statuses, for the operations the load flows call. */
  export const OPERATIONS: Record<string, OperationMeta>;
  /** `${operationId} ${status}` → standalone Ajv validator of that response body. */
  export const VALIDATORS: Record<string, ResponseValidator>;
  /** The same bodies with the spec's inferred constraints taken out (tells a contract violation from an assumption). */
  export const DOCUMENTED_VALIDATORS: Record<string, ResponseValidator>;
  /** Responses whose body is inferred as a whole. */
  export const INFERRED_BODIES: string[];
  /** Requests per iteration of each scenario on each target, counted from the flows. */
  export const FLOW_COSTS: FlowCostTable;
  /** The formats the spec's schemas use, each compiled as a k6-safe regex. */
  export const FORMATS: string[];
}
