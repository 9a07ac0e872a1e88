// npm test's static checks run side by side (scripts/run-parallel.ts): they must still fail the
// run when one fails, say which one and show its output, and keep a passing one's output out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../lib/spec.ts';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/run-parallel.ts');
const TS_LOADER = fileURLToPath(import.meta.resolve('#ts'));

function runIn(scripts: Record<string, string>, names: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'run-parallel-'));
  try {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', scripts }));
    const { status, stdout, stderr } = spawnSync(process.execPath, ['--import', TS_LOADER, SCRIPT, ...names], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status, output: `${stdout}${stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Each waits (at most 5 s) for the other's mark: they pass only if they ran at the same time.
const waitFor = (mark: string) => `for i in $(seq 100); do [ -f ${mark} ] && break; sleep 0.05; done; [ -f ${mark} ]`;

test('run-parallel: scripts run side by side; a passing one prints one line, a failing one its output, and the run fails', () => {
  const { status, output } = runIn({
    first: `touch first.mark; ${waitFor('second.mark')} && echo first-output-4711`,
    second: `touch second.mark; ${waitFor('first.mark')} && echo second-output-9021`,
    broken: 'echo broken-output-3318; exit 3',
  }, ['first', 'second', 'broken']);
  assert.equal(status, 1, output);
  assert.match(output, /^✓ first \(\d+\.\d s\)$/m);
  assert.match(output, /^✓ second \(\d+\.\d s\)$/m, 'both marks were seen: the two ran at the same time');
  assert.match(output, /^✘ broken \(\d+\.\d s\): exit 3, `npm run broken` runs it alone$/m);
  assert.match(output, /broken-output-3318/, "the failing script's output is shown");
  assert.doesNotMatch(output, /first-output-4711|second-output-9021/, "a passing script's output is not");
});

test('run-parallel: all passing exits 0; an unknown script name is refused before anything runs', () => {
  assert.equal(runIn({ one: 'true', two: 'true' }, ['one', 'two']).status, 0);
  const unknown = runIn({ one: 'touch ran.mark' }, ['one', 'tpyo']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.output, /no script "tpyo" in package\.json/);
});
