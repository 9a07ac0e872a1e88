// The Sovera k6 scripts' entry (lifecycle, balance-check, gate, the flows bench): the generic
// harness (load/lib/k6-harness.ts) with Sovera's spec module. Each script under load/ is a few
// lines on top of defineLoadTest(). Only k6 modules are imported from outside the bundle; the
// spec's operations and validators come from the generated module.
import * as sovera from 'harness-generated:sovera';
import { basicKeyAuthorization } from '../../lib/http.ts';
import { createLoadTest, k6RunnerDeps, type LoadTest, type SetupData } from './k6-harness.ts';
import type { RunnerConfig } from './k6-runner.ts';
import type { ScenarioName } from './scenarios.ts';

export { k6RunnerDeps, type LoadTest, type SetupData };

/** Sovera's operations and standalone validators (generated at build time), for one target. */
export function k6RunnerConfig(baseUrl: string, apiKey: string, contractSample: number): RunnerConfig {
  return {
    baseUrl, authorization: basicKeyAuthorization(apiKey), contractSample, operations: sovera.OPERATIONS,
    validators: sovera.VALIDATORS, documentedValidators: sovera.DOCUMENTED_VALIDATORS, inferredBodies: sovera.INFERRED_BODIES,
  };
}

export function defineLoadTest(script: string, names: ScenarioName[]): LoadTest {
  return createLoadTest(script, names, sovera);
}
