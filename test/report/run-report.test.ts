// The run report in a real headless browser (the system's Chromium): the page loads with no
// console error and no network request, shows the verdict and why, the coverage grid and the
// load charts, holds no secret; and after a second contract run with one check broken, shows
// that check as changed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { buildSummary, type K6SummaryData } from '../../lib/k6-summary.ts';
import { planRequests } from '../../lib/budget.ts';
import { luhnValid } from '../../lib/redact.ts';
import type { LoadRunInfo } from '../../lib/run-report/collect.ts';
import type { ContractResults, TestOutcome } from '../../lib/run-report/contract-results.ts';
import { SeriesAggregator } from '../../lib/run-report/series.ts';
import { saveContractResults, writeRunReport } from '../../lib/run-report/write.ts';
import { CHROMIUM_FIX, findChromium, launchChromium, visitFile } from '../support/browser.ts';
import { runPlaywright } from '../support/playwright-subrun.ts';

const chromiumPath = findChromium();
// In CI the browser is installed by .ci/run: missing there is a failure, not a skip.
if (!chromiumPath && process.env.CI) throw new Error(`No Chromium for the run report's browser test. Fix: ${CHROMIUM_FIX}.`);
const skip = chromiumPath ? false : `no Chromium on this machine (${CHROMIUM_FIX})`;

// Built at run time, so no card number is written in this file.
const PAN = (() => { for (let d = 0; d < 10; d++) if (luhnValid(`552200001111222${d}`)) return `552200001111222${d}`; throw new Error(); })();

let browser: Browser;
const dirs: string[] = [];
const tempDir = (name: string) => { const dir = mkdtempSync(path.join(tmpdir(), name)); dirs.push(dir); return dir; };

describe('run report in a browser', { skip }, () => {
  before(async () => { browser = await launchChromium(chromiumPath!); });
  after(async () => {
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('a page with every part: verdict and why, grid, charts, changes; no console error, no network, no secret', async () => {
    const reports = tempDir('run-report-');
    writeFixtureRun(reports);
    const file = writeRunReport(reports, { contracts: true, load: ['lifecycle'] });
    assert.doesNotMatch(readFileSync(file, 'utf8'), new RegExp(PAN), 'the PAN quoted by a failure message is redacted');

    const { page, consoleErrors, requests } = await visitFile(browser, file);
    try {
      assert.deepEqual(consoleErrors, [], 'no console errors');
      assert.deepEqual(requests, [`file://${file}`], 'no request but the page itself');
      assert.match(await page.locator('#verdict h1').innerText(), /FAILED/);
      const why = await page.locator('#verdict').innerText();
      assert.match(why, /1 contract failure: a documented rule broken/);
      assert.match(why, /load lifecycle: 1 threshold crossed \(http_req_duration\{operation:getCard\} p\(95\)<300\)/);
      // The documented failure comes first and links to its entry in the Playwright report.
      const firstFailure = page.locator('#why table.list').first().locator('tbody tr').first();
      assert.match(await firstFailure.innerText(), /Contract failure: getCard/);
      assert.equal(await firstFailure.locator('a').getAttribute('href'), 'contracts/html/index.html#?testId=t-getcard');
      assert.match(await page.locator('#why').innerText(), /Unconfirmed assumptions \(findings, not failures\)[\s\S]*error body is not a problem document/);
      assert.match(await page.locator('#why').innerText(), /needs a stateful target/);
      // Grid: getCard 200 failed on the twin (a failing test got it), exercised on the mock; 404 not exercised.
      const getCardRow = page.locator('table.grid[data-api="sovera"] tr', { has: page.locator('th', { hasText: /^getCard$/ }) });
      assert.equal(await getCardRow.locator('td').nth(0).locator('.chip.failed').innerText(), '200');
      assert.equal(await getCardRow.locator('td').nth(1).locator('.chip.exercised').first().innerText(), '200');
      assert.ok(await getCardRow.locator('td').nth(0).locator('.chip.not-exercised', { hasText: '404' }).count() === 1, '404 not exercised');
      // Changes: getCard passed before and fails now; p95 of getCard moved by more than 20%.
      assert.match(await page.locator('#changed-checks').innerText(), /getCard answers its contract\s+passed → failed/);
      assert.match(await page.locator('#p95-moves').innerText(), /lifecycle \(smoke on sandbox\)\s+getCard\s+100\.0 → 350\.0 ms\s+\+250%/);
      // Charts drawn by the bundled uPlot: two canvases for the scenario.
      assert.equal(await page.locator('.load-part[data-scenario="lifecycle"] .uplot canvas').count(), 2);
      assert.match(await page.locator('.load-part[data-scenario="lifecycle"]').innerText(), /Rate budget: 1210 requests sent; planned 1210/);
      assert.doesNotMatch(await page.content(), new RegExp(PAN));
    } finally {
      await page.close();
    }
  });

  test('after a second contract run with one check broken, the page shows that check as changed', async () => {
    const out = tempDir('run-report-change-');
    const env = { TARGET: 'twin', API: 'sovera', REPORT_OUT: out };
    const first = await runPlaywright('test/report/change.config.ts', env);
    assert.equal(first.status, 0, `the first run passes:\n${first.output.slice(-1500)}`);
    assert.match(first.output, /Run report: .*index\.html/, 'the run names its report');
    const second = await runPlaywright('test/report/change.config.ts', { ...env, CHANGE_SUITE_BREAK: '1' });
    assert.equal(second.status, 1, `the second run fails on the broken check:\n${second.output.slice(-1500)}`);
    const file = path.join(out, 'index.html');
    assert.ok(existsSync(file));

    const { page, consoleErrors, requests } = await visitFile(browser, file);
    try {
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(requests, [`file://${file}`]);
      assert.match(await page.locator('#verdict h1').innerText(), /FAILED/);
      const changed = await page.locator('#changed-checks tbody tr').allInnerTexts();
      assert.equal(changed.length, 1, `one check changed: ${changed.join(' | ')}`);
      assert.match(changed[0], /sovera@twin\s+change\.spec\.ts › getWallet answers its contract\s+passed → failed/);
      assert.match(await page.locator('#changes').innerText(), /1 check changed state/);
      // The broken check's own operations stay green in the grid: only an answer that failed its check turns a cell red.
      const created = page.locator('table.grid tr', { has: page.locator('th', { hasText: /^createNaturalUser$/ }) });
      assert.equal(await created.locator('.chip.exercised', { hasText: '201' }).count(), 1);
      assert.equal(await page.locator('table.grid .chip.failed').count(), 0, 'the 500 is not a documented status of getWallet, so no cell of the grid holds it');
      assert.match(await page.locator('#why').innerText(), /getWallet answers its contract[\s\S]*500/);
    } finally {
      await page.close();
    }
  });
});

/** The files a failing run leaves: contract results (and the previous run's), an assumption, a load scenario with its series. */
function writeFixtureRun(reports: string): void {
  const contracts = path.join(reports, 'contracts');
  mkdirSync(contracts, { recursive: true });
  const outcome = (id: string, project: string, title: string, state: TestOutcome['state'], exercised: string[], extra: Partial<TestOutcome> = {}): TestOutcome =>
    ({ id, project, title, state, exercised, ...extra });
  const results = (tests: TestOutcome[]): ContractResults => ({ generatedAt: '2026-12-01T10:00:00.000Z', runStatus: tests.some((t) => t.state === 'failed') ? 'failed' : 'passed', durationMs: 1234, projects: ['sovera@twin', 'sovera@mock'], tests });
  const skipped = outcome('t-skip', 'sovera@mock', 'lifecycle.spec.ts › block then unblock', 'skipped', [], { skipReason: 'needs a stateful target (mock keeps no state between requests)' });
  saveContractResults(contracts, results([
    outcome('t-getcard', 'sovera@twin', 'cards.spec.ts › getCard answers its contract', 'passed', ['getCard 200']),
    outcome('t-getcard-mock', 'sovera@mock', 'cards.spec.ts › getCard answers its contract', 'passed', ['getCard 200']),
    skipped,
  ]));
  saveContractResults(contracts, results([
    outcome('t-getcard', 'sovera@twin', 'cards.spec.ts › getCard answers its contract', 'failed', ['getCard 200', 'getWallet 200'], {
      failedChecks: ['getCard 200'],
      failure: { kind: 'documented', headline: `Contract failure: getCard (GET /cards/{cardId}) on sovera@twin answered a PAN ${PAN} where the docs return none` },
    }),
    outcome('t-getcard-mock', 'sovera@mock', 'cards.spec.ts › getCard answers its contract', 'passed', ['getCard 200']),
    outcome('t-wallet', 'sovera@twin', 'wallets.spec.ts › getWallet 404', 'finding', ['getWallet 404']),
    skipped,
  ]));
  writeFileSync(path.join(contracts, 'assumptions.json'), JSON.stringify([{
    api: 'sovera', target: 'twin', operationId: 'getWallet', method: 'GET', path: '/wallets/{walletId}', kind: 'body', status: 404,
    check: 'error body is not a problem document', source: 'doc 001 shows no error body', observed: '404 application/json {message}', tests: ['sovera@twin › getWallet 404'],
  }]));

  const load = path.join(reports, 'load', 'lifecycle');
  mkdirSync(load, { recursive: true });
  const data = (p95: number, ok: boolean): K6SummaryData => ({
    metrics: {
      http_reqs: { type: 'counter', contains: 'default', values: { count: 1210, rate: 20.1 } },
      'http_req_duration{operation:getCard}': { type: 'trend', contains: 'time', values: { count: 600, 'p(95)': p95, 'p(99)': p95 * 1.5 }, thresholds: { 'p(95)<300': { ok } } },
      contract_violations: { type: 'counter', contains: 'default', values: { count: 0 }, thresholds: { 'count==0': { ok: true } } },
    },
    root_group: { name: '', groups: [], checks: [] },
    state: { testRunDurationMs: 60_000 },
  });
  const ctx = { script: 'lifecycle', target: 'sandbox', profile: 'smoke', contractSample: 1, poolSize: 2, scenarios: ['lifecycle'], reportDir: '' };
  writeFileSync(path.join(load, 'summary.previous.json'), JSON.stringify(buildSummary(data(100, true), ctx)));
  writeFileSync(path.join(load, 'summary.json'), JSON.stringify(buildSummary(data(350, false), ctx)));
  const series = new SeriesAggregator(1);
  series.line('metric_name,timestamp,metric_value,check');
  for (let s = 0; s < 60; s++) {
    for (let i = 0; i < 20; i++) {
      series.line(`http_reqs,${1_796_000_000 + s},1.000000,,`);
      series.line(`http_req_duration,${1_796_000_000 + s},${100 + s * 5 + i}.5,,`);
      series.line(`http_req_failed,${1_796_000_000 + s},${s === 30 && i === 0 ? 1 : 0}.000000,,`);
    }
  }
  writeFileSync(path.join(load, 'timeseries.json'), JSON.stringify(series.finish()));
  const plan = planRequests({ lifecycle: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '60s', preAllocatedVUs: 2, maxVUs: 2 } }, { lifecycle: 1 }, 10, 100_000);
  const run: LoadRunInfo = { scenario: 'lifecycle', target: 'sandbox', profile: 'smoke', startedAt: '2026-12-01T10:01:00.000Z', finishedAt: '2026-12-01T10:02:00.000Z', exitCode: 99, outcome: 'FAILED: thresholds crossed', plan, rateLimitPerHour: 100_000 };
  writeFileSync(path.join(load, 'run.json'), JSON.stringify(run));
}
