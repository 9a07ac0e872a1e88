// Property-based checks (fast-check) inside a contract test: the property runs with a fixed,
// printed seed; a failure says what was generated in a form that is safe to print (a PIN is a
// card secret: its shape, never its digits), how far fast-check shrank it, the check's own
// failure message (the contract verdict), and the one line that replays exactly that case.
import fc from 'fast-check';

export interface PropertyParameters {
  seed: number;
  numRuns: number;
  path?: string;
  /** The command that reruns this check, printed after the GEN_SEED/GEN_PATH of a failure (e.g. npx playwright test --grep …). */
  replay?: string;
}

/**
 * Seed, run count and replay path from the environment (GEN_SEED, GEN_RUNS or `runsVariable`,
 * GEN_PATH), with defaults; a bad value is refused with its fix.
 */
export function propertyParameters(env: NodeJS.ProcessEnv = process.env, defaults = { seed: 20261201, numRuns: 300 }, runsVariable = 'GEN_RUNS'): PropertyParameters {
  const seed = env.GEN_SEED ? Number(env.GEN_SEED) : defaults.seed;
  const numRuns = env[runsVariable] ? Number(env[runsVariable]) : defaults.numRuns;
  if (!Number.isInteger(seed)) throw new Error(`GEN_SEED="${env.GEN_SEED}" is not a whole number. Fix: GEN_SEED=${defaults.seed}, or unset it.`);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`${runsVariable}="${env[runsVariable]}" is not a positive whole number. Fix: ${runsVariable}=${defaults.numRuns}, or unset it.`);
  const path = env.GEN_PATH?.trim() || undefined;
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) throw new Error(`GEN_PATH="${env.GEN_PATH}" is not a fast-check path (e.g. 12:3:0). Fix: copy it from the failure message, or unset it.`);
  return { seed, numRuns, path };
}

/** `112441` → `AABCCA`: which positions repeat which digit, for a secret that must not be printed. */
export function digitShape(value: string): string {
  const letters = new Map<string, string>();
  return [...value].map((c) => {
    if (!/[0-9]/.test(c)) return JSON.stringify(c).slice(1, -1) === c ? `'${c}'` : '?';
    if (!letters.has(c)) letters.set(c, String.fromCharCode(65 + letters.size));
    return letters.get(c)!;
  }).join('');
}

/**
 * Runs the property; throws one message on failure. `describe` turns the shrunk counterexample
 * into printable text (it receives the generated values); the thrown message never holds them raw.
 */
export async function assertProperty<T extends unknown[]>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<T>,
  parameters: PropertyParameters,
  describe: (...values: T) => string,
): Promise<void> {
  const details = await fc.check(property, { seed: parameters.seed, numRuns: parameters.numRuns, path: parameters.path, endOnFailure: false });
  if (!details.failed) return;
  const example = details.counterexample ? describe(...details.counterexample) : '(no counterexample: the property itself failed)';
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
  // A check inside the property skipped the test (its premise is gone, e.g. a calibrated spec no
  // longer forbids what it sends): Playwright's own skip error goes through as it is.
  if (details.errorInstance instanceof Error && cause.startsWith('Test is skipped')) throw details.errorInstance;
  throw new Error([
    `Property failed: ${name}`,
    `  counterexample (after ${details.numShrinks} shrinks, run ${details.numRuns} of ${parameters.numRuns}): ${example}`,
    `  replay: GEN_SEED=${details.seed} GEN_PATH=${details.counterexamplePath ?? ''}${parameters.replay ? ` ${parameters.replay}` : ''} (fast-check seed ${details.seed}, path ${details.counterexamplePath ?? ''})`,
    ...cause.split('\n').map((line) => `  ${line}`),
  ].join('\n'));
}
