// Playwright globalTeardown: the cleanup phase of a live run (lib/cleanup.ts), after every test.
// KEEP=1 skips it (the record stays, for `npm run cleanup -- <run id>` later).
import { cleanupRun, currentRunId } from './cleanup.ts';
import { redactText } from './redact.ts';

export default async function globalTeardown(): Promise<void> {
  const runId = currentRunId();
  if (!runId) return;
  if (process.env.KEEP === '1') {
    console.log(`Cleanup skipped (KEEP=1): what ${runId} created stays on the account; npm run cleanup -- ${runId} undoes it later.`);
    return;
  }
  try {
    const summary = await cleanupRun(runId);
    for (const line of summary.lines) console.log(line);
  } catch (error) {
    // The tests' verdict stands; the record stays for a later `npm run cleanup`.
    console.log(redactText(`Cleanup of ${runId} stopped: ${(error as Error).message.split('\n')[0]} Run npm run cleanup -- ${runId} to finish it.`));
  }
}
