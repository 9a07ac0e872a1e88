// `npm run cleanup -- <run id>`: undoes what a live run created and has not undone yet (a run that
// died half-way, or ran with KEEP=1), from its record reports/runs/<run id>.jsonl. Uses the same
// credentials as the run (SOVERA_API_KEY, CORE_EMAIL/CORE_PASSWORD, API_LAYER_KEY_*); safe to
// run again: every undo is recorded. Exit 0 when nothing failed to undo, 1 otherwise, 2 on bad input.
import { cleanupRun } from '../lib/cleanup.ts';
import { ConfigError } from '../lib/config.ts';
import { redactText } from '../lib/redact.ts';

const USAGE = 'Usage: npm run cleanup -- <run id>   (the id a live run prints at its start, e.g. run-20261201t234012-9f3a)';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '-h' || args[0] === '--help') {
    console.error(USAGE);
    return args[0] === '-h' || args[0] === '--help' ? 0 : 2;
  }
  try {
    const summary = await cleanupRun(args[0]);
    for (const line of summary.lines) console.log(line);
    return summary.failed.length ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError) { console.error(`Cleanup refused: ${error.message}`); return 2; }
    console.error(redactText(`Cleanup failed: ${(error as Error).message.split('\n')[0]}`));
    return 1;
  }
}

process.exitCode = await main();
