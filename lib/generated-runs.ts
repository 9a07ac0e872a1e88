// Seeds and run counts of the generated phase, from the environment, with fixed defaults so
// `npm test` is reproducible: GEN_SEED (20261201), GEN_RUNS (model-based lifecycle runs per API,
// 25), GEN_POSITIVE_RUNS (generated valid requests per operation, 5), GEN_MAX_COMMANDS (calls per
// lifecycle run, 8), GEN_PATH (fast-check's replay path of one failure). Bad values are refused
// with their fix.
import { propertyParameters } from './property.ts';

export interface GeneratedRuns { seed: number; model: number; positive: number; maxCommands: number; path?: string }

export const GENERATED_DEFAULTS = { seed: 20261201, model: 25, positive: 5, maxCommands: 8 } as const;

export function generatedRuns(env: NodeJS.ProcessEnv = process.env): GeneratedRuns {
  const model = propertyParameters(env, { seed: GENERATED_DEFAULTS.seed, numRuns: GENERATED_DEFAULTS.model }, 'GEN_RUNS');
  const positive = propertyParameters(env, { seed: GENERATED_DEFAULTS.seed, numRuns: GENERATED_DEFAULTS.positive }, 'GEN_POSITIVE_RUNS');
  const commands = propertyParameters(env, { seed: GENERATED_DEFAULTS.seed, numRuns: GENERATED_DEFAULTS.maxCommands }, 'GEN_MAX_COMMANDS');
  return { seed: model.seed, model: model.numRuns, positive: positive.numRuns, maxCommands: commands.numRuns, path: model.path };
}
