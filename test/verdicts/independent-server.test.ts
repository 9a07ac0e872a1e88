// The harness's central promise, end to end: against an independent server that honours every
// documented rule and decides the open points differently (test/support/independent-twins.ts),
//   1. TARGET=sandbox runs green, listing each difference as an unconfirmed assumption;
//   2. STRICT=1 fails exactly the tests that found one, each naming it as an unconfirmed assumption;
//   3. the calibration overlays that run 1 wrote, applied to copies of the specs, leave every
//      documented rule in place and make the STRICT run green.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { applyOverlay } from '../../lib/calibration.ts';
import type { ContractResults, TestOutcome } from '../../lib/run-report/contract-results.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { expectFailures, failedTests as failures, runPlaywright } from '../support/playwright-subrun.ts';
import { startIndependentServers } from '../support/independent-twins.ts';
import { documentedFacts } from './documented-facts.ts';

const CONFIG = 'test/support/suite.config.ts';

test('independent server: green with assumptions; STRICT fails on each; the calibrated spec makes STRICT green', { timeout: 600_000 }, async () => {
  const servers = await startIndependentServers();
  const out = mkdtempSync(path.join(tmpdir(), 'independent-'));
  try {
    // 1. The report run (one worker, runPlaywright's default: three projects, a worker each).
    const report = await runPlaywright(CONFIG, { ...servers.env, RUN_OUT: `${out}/report` });
    assert.equal(report.status, 0, `green on the independent server:\n${report.output.slice(-3000)}`);
    assert.doesNotMatch(report.output, /Contract failure/, 'no documented rule is broken');
    assert.match(report.output, /Unconfirmed assumptions: \d+/);
    const records = JSON.parse(readFileSync(`${out}/report/contracts/assumptions.json`, 'utf8')) as { operationId: string; check: string; ruleId?: string; tests: string[] }[];
    const found = (operationId: string, text: string) => records.some((r) => r.operationId === operationId && `${r.ruleId ?? ''} ${r.check}`.includes(text));
    for (const [operationId, text] of [
      ['login', "must have required property 'message'"], // Core's error body (RFC 9457 there)
      ['addBalance', 'addBalance#refused-when-blocked expected status 409, got 400'],
      ['changeCardStatus', 'cancelled-is-permanent expected status 409, got 400'],
      ['createCustomer', 'expected status 400, got 200'], // no email-format check, unknown fields accepted
      ['assignCard', 'assigned-once-same-customer expected status 409, got 200'],
      ['createWallet', 'expected status 400, got 201'], // no description
      ['createDebitCard', 'expected status 400, got 201'], // physicalCard not validated
      ['createPayOut', 'refused-without-funds expected status 400, got 422'],
      ['ackReception', 'refused-when-not-pending expected status 400, got 409'],
      ['getVirtualCard', "must have required property 'code'"], // the API Layer's error body
      ['overrideVirtualBalance', 'top-up-cards-only expected status 409, got 422'],
      ['unblockVirtualCard', 'deleteVirtualCard#permanent expected status 409, got 410'],
      ['updateVirtualCardPin', 'expected status 400, got 200'], // the inferred PIN rule
    ] as const) assert.ok(found(operationId, text), `assumption listed: ${operationId} ${text}`);
    const junit = readFileSync(`${out}/report/contracts/assumptions.junit.xml`, 'utf8');
    assert.match(junit, /<testsuite name="core@sandbox unconfirmed assumptions" tests="\d+" failures="0"/, 'JUnit lists them without failing');
    const withAssumptions = new Set(records.flatMap((r) => r.tests));

    // Runs 2 and 3 take, for every distinct assumption, the first test that found it, and every 8th
    // of the tests that found none, as a control. Each failing test costs Playwright a worker restart
    // (~1.6 s here), so STRICT over all ~200 tests with an assumption took 4 minutes; one test per
    // assumption exercises the same verdict for each of them, and the control sample checks that
    // STRICT fails nothing else.
    const results = JSON.parse(readFileSync(`${out}/report/contracts/results.json`, 'utf8')) as ContractResults;
    const keyOf = (t: TestOutcome) => `${t.project} › ${t.title.split(' › ').slice(1).join(' › ')}`; // as the assumptions name tests
    assert.deepEqual(new Set(results.tests.filter((t) => t.state === 'finding').map(keyOf)), withAssumptions, 'the results and the assumptions agree on which tests found one');
    const sampled = new Set(records.map((r) => r.tests[0]));
    const others = results.tests.filter((t) => t.state === 'passed');
    assert.ok(others.length >= 100, `a control sample from ${others.length} tests`);
    const chosen = [...results.tests.filter((t) => sampled.has(keyOf(t))), ...others.filter((_, i) => i % 8 === 0)];
    const testList = path.join(out, 'test-list.txt');
    writeFileSync(testList, chosen.flatMap(testListLines).join('\n'));

    // 2. STRICT=1: the same tests fail, each naming its assumption. They are listed as expected to
    // fail (fixtures/harness.ts), so each failure costs no worker restart; which tests did fail is
    // read from the results below, and a control that failed, or a listed test that passed, fails the run.
    // One worker: the list is short, and each worker Playwright starts (one per project) costs ~2 s of CPU.
    const strict = await runPlaywright(CONFIG, { ...servers.env, STRICT: '1', MAX_FAILURES: '0', RUN_OUT: `${out}/strict`, ...expectFailures(out, sampled) }, 1, ['--test-list', testList]);
    assert.equal(strict.status, 0, `STRICT=1 fails exactly the listed tests (no control fails, no listed test passes):\n${strict.output.slice(-3000)}`);
    const failed = failures(`${out}/strict/results.json`);
    const ran = (file: string) => { const { stats } = JSON.parse(readFileSync(file, 'utf8')) as { stats: Record<string, number> }; return stats.expected + stats.unexpected + stats.skipped + stats.flaky; };
    console.log(`report run: ${tailLine(report.output)}; STRICT run on ${chosen.length} tests: ${tailLine(strict.output)}`);
    assert.equal(ran(`${out}/strict/results.json`), chosen.length, `the STRICT run ran the list, no more, no less; not run: ${notRun(`${out}/strict/results.json`, chosen).join('; ')}`);
    assert.deepEqual([...failed.keys()].sort(), [...sampled].sort(), 'exactly the tests that found an assumption fail; the control sample passes');
    for (const [title, message] of failed) {
      assert.match(message, /Unconfirmed assumption/, `${title} names an unconfirmed assumption`);
      assert.doesNotMatch(message, /Contract failure/, `${title} breaks no documented rule`);
    }

    // 3. Calibrate copies of the specs with the overlays of run 1; documented rules stay; STRICT goes green.
    const env: Record<string, string> = { ...servers.env, STRICT: '1', MAX_FAILURES: '0', RUN_OUT: `${out}/calibrated` };
    for (const [api, spec, variable] of [['sovera', 'spec/sovera-cards-v2.yaml', 'SOVERA_SPEC_FILE'], ['core', 'spec/core-api.yaml', 'CORE_SPEC_FILE'], ['api-layer', 'spec/api-layer.yaml', 'API_LAYER_SPEC_FILE']] as const) {
      const copy = path.join(out, path.basename(spec));
      copyFileSync(path.join(PROJECT_ROOT, spec), copy);
      const result = await applyOverlay(`${out}/report/calibration/${api}.overlay.yaml`, copy);
      assert.ok(result.changed.length > 0, `${api}: the overlay changes the spec`);
      const before = documentedFacts(parse(readFileSync(path.join(PROJECT_ROOT, spec), 'utf8')));
      const after = documentedFacts(parse(readFileSync(copy, 'utf8')));
      assert.deepEqual([...before].filter((fact) => !after.has(fact)), [], `${api}: every documented rule is still in the calibrated spec`);
      env[variable] = copy;
    }
    const calibrated = await runPlaywright(CONFIG, env, 1, ['--test-list', testList]);
    assert.equal(calibrated.status, 0, `STRICT=1 is green on the calibrated specs:\n${calibrated.output.slice(-3000)}`);
    // A test the spec derives (one per constraint or documented status) whose point the calibration took out no
    // longer exists: only a test that found an assumption can go that way; every other one ran.
    const gone = notRun(`${out}/calibrated/results.json`, chosen);
    const sampledFull = new Set(chosen.filter((t) => sampled.has(keyOf(t))).map((t) => `${t.project} › ${t.title}`));
    assert.ok(gone.every((t) => sampledFull.has(t)), `only tests whose assumption was calibrated away are gone: ${gone.join('; ')}`);
    assert.equal(ran(`${out}/calibrated/results.json`), chosen.length - gone.length);
  } finally {
    await servers.close();
    rmSync(out, { recursive: true, force: true });
  }
});

/**
 * Playwright's --test-list lines for one test: `[project] › file › titles`, the file relative to the
 * config's root (contracts/). A test declared by a helper (the generated phase's, in fixtures/) is
 * matched by its own file, and its spec file must be named too, or Playwright never loads it.
 */
function testListLines(t: TestOutcome): string[] {
  const [specFile, ...titles] = t.title.split(' › ');
  const declaredIn = t.location ? path.relative(path.join(PROJECT_ROOT, 'contracts'), path.join(PROJECT_ROOT, t.location.file)) : specFile;
  if (declaredIn === specFile) return [`[${t.project}] › ${t.title}`];
  return [`[${t.project}] › ${declaredIn} › ${titles.join(' › ')}`, `[${t.project}] › ${specFile} › (load this file)`];
}

/** Playwright's closing line, e.g. `1217 passed (1.6m)`. */
function tailLine(output: string): string {
  return output.split('\n').map((l) => l.trim()).filter((l) => /^\d+ (passed|failed)/.test(l)).join(', ');
}

/** The chosen tests a Playwright JSON report does not hold (to say which a list left out). */
function notRun(file: string, chosen: TestOutcome[]): string[] {
  const seen = new Set<string>();
  const walk = (suite: { title: string; suites?: unknown[]; specs?: { title: string; tests: { projectName: string }[] }[] }, titles: string[]) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) seen.add([t.projectName, ...titles, spec.title].join(' › '));
    for (const child of (suite.suites ?? []) as typeof suite[]) walk(child, [...titles, child.title]);
  };
  for (const suite of (JSON.parse(readFileSync(file, 'utf8')) as { suites: Parameters<typeof walk>[0][] }).suites) walk(suite, [suite.title]);
  return chosen.map((t) => `${t.project} › ${t.title}`).filter((k) => !seen.has(k));
}
