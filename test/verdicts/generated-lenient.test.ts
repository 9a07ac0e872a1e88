// On a sandbox the generated phase reports a lenient server (one accepting what only inferred
// constraints forbid) with findings, not failures: a copy of the Sovera twin that accepts every
// request breaking only inferred constraints, run as the sandbox with GENERATED=1 and no STRICT,
// passes, and the unconfirmed assumptions name the generated checks. Its request plan is printed
// before the first request, and a plan over the rate budget is refused before any request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_API_KEY } from '../../lib/apis.ts';
import { startTwin } from '../../twin/main.ts';
import { failedTests, runPlaywright } from '../support/playwright-subrun.ts';

const CONFIG = 'test/support/suite.config.ts';

async function sandboxRun(env: Record<string, string>): Promise<{ status: number | null; output: string; failed: string[]; assumptions: { check: string; operationId: string }[] }> {
  // Lenient: what only inferred constraints forbid (extra fields, formats, patterns, lengths, bounds, enums) is accepted.
  const twin = await startTwin({ api: 'sovera', variant: { accepts: (v) => v.basis?.provenance === 'inferred' && v.keyword !== 'required' && v.keyword !== 'type' } });
  const out = mkdtempSync(path.join(tmpdir(), 'generated-lenient-'));
  try {
    const run = await runPlaywright(CONFIG, {
      TARGET: 'sandbox', API: 'sovera', SOVERA_BASE_URL: twin.url, SOVERA_API_KEY: LOCAL_API_KEY, RUN_OUT: out, MAX_FAILURES: '0', GENERATED: '1', ...env,
    }, 1, ['--grep', 'refuses its request with one constraint broken']);
    let assumptions: { check: string; operationId: string }[] = [];
    try { assumptions = JSON.parse(readFileSync(`${out}/contracts/assumptions.json`, 'utf8')) as { check: string; operationId: string }[]; } catch { /* none written */ }
    let failed: string[] = [];
    try { failed = [...failedTests(`${out}/results.json`)].map(([title, message]) => `${title}: ${message.slice(0, 600)}`); } catch { /* refused before any test */ }
    return { status: run.status, output: run.output, failed, assumptions };
  } finally {
    await twin.close();
    rmSync(out, { recursive: true, force: true });
  }
}

test('a lenient server on TARGET=sandbox: the generated checks pass with findings, the plan printed first', { timeout: 180_000 }, async () => {
  const { status, output, failed, assumptions } = await sandboxRun({});
  assert.deepEqual(failed, [], 'no failure on inferred grounds');
  assert.equal(status, 0);
  assert.match(output, /Generated phase on sovera@sandbox: ≤ \d+ requests \(\d+ broken-constraint checks/);
  assert.ok(assumptions.length >= 5, `findings recorded: ${assumptions.length}`);
  assert.ok(assumptions.some((a) => a.operationId === 'createNaturalUser' && /not refused|accepted|expected status 400/.test(a.check)), JSON.stringify(assumptions.slice(0, 3)));
});

test('a generated plan over the sandbox budget is refused before any request, with what to lower', { timeout: 60_000 }, async () => {
  const { status, output } = await sandboxRun({ GEN_RUNS: '500' });
  assert.notEqual(status, 0);
  assert.match(output, /Generated phase on sovera@sandbox: ≤ \d+ requests .* That is over the budget\. Fix: lower GEN_RUNS \(now 500\)/);
  assert.doesNotMatch(output, /\d+ passed/);
});
