// Seeds and run counts of the generated phase, from the environment, with fixed defaults so
// `npm test` is reproducible: GEN_SEED (20261201), GEN_RUNS (model-based lifecycle runs per API,
// 25; 5 on a sandbox), GEN_POSITIVE_RUNS (generated valid requests per operation, 5; 2 on a
// sandbox), GEN_MAX_COMMANDS (calls per lifecycle run, 8), GEN_PATH (fast-check's replay path of
// one failure). Bad values are refused with their fix. On a sandbox the phase runs only with
// GENERATED=1 (fixtures/generated-plan.ts: its requests come out of the rate budget).
import { propertyParameters } from './property.ts';

export interface GeneratedRuns { seed: number; model: number; positive: number; maxCommands: number; path?: string }

export const GENERATED_DEFAULTS = { seed: 20261201, model: 25, positive: 5, maxCommands: 8 } as const;
/** On a live sandbox every run costs its rate budget: fewer lifecycle runs and generated valid requests by default. */
export const SANDBOX_DEFAULTS = { model: 5, positive: 2 } as const;

export function generatedRuns(env: NodeJS.ProcessEnv = process.env, live = false): GeneratedRuns {
  const defaults = live ? { ...GENERATED_DEFAULTS, ...SANDBOX_DEFAULTS } : GENERATED_DEFAULTS;
  const model = propertyParameters(env, { seed: defaults.seed, numRuns: defaults.model }, 'GEN_RUNS');
  const positive = propertyParameters(env, { seed: defaults.seed, numRuns: defaults.positive }, 'GEN_POSITIVE_RUNS');
  const commands = propertyParameters(env, { seed: GENERATED_DEFAULTS.seed, numRuns: GENERATED_DEFAULTS.maxCommands }, 'GEN_MAX_COMMANDS');
  return { seed: model.seed, model: model.numRuns, positive: positive.numRuns, maxCommands: commands.numRuns, path: model.path };
}

/** Whether the generated phase runs on this target: always on the twin; on a sandbox only with GENERATED=1; never with GENERATED=0. */
export function generatedPhaseOn(target: string, env: NodeJS.ProcessEnv = process.env): { on: boolean; why?: string } {
  if (env.GENERATED === '0') return { on: false, why: 'GENERATED=0: the generated phase is left out of this run' };
  if (target === 'sandbox' && env.GENERATED !== '1') {
    return { on: false, why: 'the generated phase spends the sandbox\'s rate budget: run it on its own with GENERATED=1 npx playwright test --grep @generated (its request plan is printed first)' };
  }
  return { on: true };
}
