// `node --import=#ts scripts/run-parallel.ts <script> …`: runs package.json scripts side by side,
// as many at a time as the machine has cores (two at least), in the order given (longest first pays best). Each
// one's output is held and printed when it ends, so the lines of two never interleave: one line
// for a script that passed, its whole output for one that failed. Exits 1 when any failed.
// `npm test` runs its static checks this way: each is one process on one core, and in a row
// they left the second core idle (spec lint 2.5 s, drift check 2 s, two tsc 8 s and 1.7 s, cold).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runScriptCommand, type ScriptOutcome } from './lib/npm-script.ts';

// The package of the working directory, as npm runs scripts from its root.
const root = process.cwd();
const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const names = process.argv.slice(2);
const unknown = names.filter((name) => !scripts[name]);
if (!names.length || unknown.length) {
  console.error(names.length ? `run-parallel: no script ${unknown.map((n) => `"${n}"`).join(', ')} in package.json.` : 'usage: run-parallel.ts <package.json script> …');
  process.exit(2);
}

const queue = [...names];
const outcomes: ScriptOutcome[] = [];
async function slot(): Promise<void> {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const outcome = await runScriptCommand(scripts[name], root);
    outcomes.push(outcome);
    const mark = outcome.code === 0 ? '✓' : '✘';
    console.log(`${mark} ${name} (${outcome.seconds.toFixed(1)} s)${outcome.code === 0 ? '' : `: ${outcome.signal ? `killed by ${outcome.signal}` : `exit ${outcome.code}`}, \`npm run ${name}\` runs it alone`}`);
    if (outcome.code !== 0) process.stdout.write(outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`);
  }
}
await Promise.all(Array.from({ length: Math.min(Math.max(2, availableParallelism()), names.length) }, slot));
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1);
