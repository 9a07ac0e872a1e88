// Model-based lifecycle runs (fast-check commands): random sequences of an API's calls run
// against the target, the model of what the docs define (card states, balances in cents)
// checked after every step, and on a mismatch the sequence shrunk to the shortest that still
// fails, printed as a readable list of calls (never a secret), with the seed and the one-line
// command that replays exactly that case.
import fc from 'fast-check';
import { test } from '@playwright/test';
import { generatedRuns } from './generated-runs.ts';
import { assertProperty } from './property.ts';

export interface LifecycleModel<M extends object, R> {
  /** For the failure message: `the Sovera card and wallet lifecycle`. */
  name: string;
  /** A fresh model and the real system it stands for (each run provisions its own entities). */
  setup(): Promise<{ model: M; real: R }>;
  /** The calls, as fast-check command arbitraries; each checks the target against the model after its step. */
  commands: fc.Arbitrary<fc.AsyncCommand<M, R>>[];
}

/** Runs the model GEN_RUNS times (fixed seed by default); throws the shrunk sequence on a mismatch. */
export async function runLifecycle<M extends object, R>(model: LifecycleModel<M, R>): Promise<void> {
  const info = test.info();
  const runs = generatedRuns(process.env, info.project.name.endsWith('@sandbox'));
  const replay = `npx playwright test --project ${info.project.name} --grep "${info.title.replace(/"/g, '\\"')}"`;
  await assertProperty(
    model.name,
    fc.asyncProperty(fc.commands(model.commands, { maxCommands: runs.maxCommands }), async (commands) => {
      const { model: m, real } = await model.setup();
      await fc.asyncModelRun(() => ({ model: m, real }), commands);
    }),
    { seed: runs.seed, numRuns: runs.model, path: runs.path, replay },
    (commands) => {
      const ran = executed(commands);
      return `${ran.length} calls after the setup: ${ran.map((c) => c.toString()).join(' → ') || '(none)'}`;
    },
  );
}

/** The commands of the failing run that were executed (fast-check marks them `hasRan`; the ones after the failure were not). */
function executed<C>(commands: Iterable<C>): C[] {
  return [...commands].filter((c) => (c as { hasRan?: boolean }).hasRan !== false);
}

/** A command from its name, its precondition and its step (the step checks the target against the model). */
export function command<M extends object, R>(label: string, run: (model: M, real: R) => Promise<void>, when: (model: Readonly<M>) => boolean = () => true): fc.AsyncCommand<M, R> {
  return { check: when, run, toString: () => label };
}
