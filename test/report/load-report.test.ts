// The load part of the run report: k6's CSV samples aggregated into a time series (buckets,
// p95, late samples, gaps), the comparison of two runs, the progress line, and `npm run load`
// end to end with a stand-in k6 that streams CSV through the runner's pipe.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { RequestPlan } from '../../lib/budget.ts';
import type { LoadRunInfo } from '../../lib/run-report/collect.ts';
import { compareSnapshots, type Snapshot } from '../../lib/run-report/compare.ts';
import { bucketSecondsFor, percentile, SeriesAggregator, type LoadSeries } from '../../lib/run-report/series.ts';
import { progressLine, runLoad } from '../../scripts/load.ts';
import { writeFakeK6 } from '../support/fake-k6.ts';

describe('time series from k6 CSV', () => {
  test('requests, failures and violations per bucket; p95 per bucket; header skipped; a pause is zeros', () => {
    const series = new SeriesAggregator(1);
    series.line('metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name');
    const t0 = 1_796_000_000;
    for (let i = 1; i <= 20; i++) {
      series.line(`http_reqs,${t0},1.000000,,,,true,,GET,http://127.0.0.1:1/x`);
      series.line(`http_req_duration,${t0},${i}.000000,,,,true,,GET,http://127.0.0.1:1/x`);
      series.line(`http_req_failed,${t0},${i <= 2 ? 1 : 0}.000000,,,,true,,GET,http://127.0.0.1:1/x`);
      series.line(`http_req_blocked,${t0},99.000000,,,,true,,GET,http://127.0.0.1:1/x`); // not a latency of the series
    }
    series.line(`contract_violations,${t0},1.000000,,,,,,,`);
    series.line(`http_reqs,${t0 + 3},1.000000,,`);
    series.line(`http_req_duration,${t0 + 3},7.5,,`);
    const out = series.finish();
    assert.equal(out.startedAt, t0);
    assert.deepEqual(out.buckets.map((b) => b.requests), [20, 0, 0, 1]);
    assert.deepEqual(out.buckets[0], { t: 0, requests: 20, failed: 2, contractViolations: 1, p95Ms: 19 });
    assert.equal(out.buckets[1].p95Ms, null, 'a bucket without requests has no p95');
    assert.equal(out.buckets[3].p95Ms, 7.5);
    assert.deepEqual(out.totals, { requests: 21, failed: 2, contractViolations: 1 });
  });

  test('a sample late by less than the lag lands in its bucket; later than that it is dropped, never counted twice', () => {
    const series = new SeriesAggregator(1);
    series.sample('http_reqs', 100, 1);
    series.sample('http_reqs', 101, 1);
    series.sample('http_reqs', 100, 1); // within the lag: bucket 0 is still open
    series.sample('http_reqs', 103, 1); // closes bucket 0 and 1
    series.sample('http_reqs', 100, 1); // too late
    assert.deepEqual(series.finish().buckets.map((b) => b.requests), [2, 1, 0, 1]);
  });

  test('buckets widen so a long run keeps about 600 points', () => {
    assert.equal(bucketSecondsFor(60), 1);
    assert.equal(bucketSecondsFor(3600), 6);
    const series = new SeriesAggregator(6);
    for (let s = 0; s < 12; s++) series.sample('http_reqs', 1000 + s, 1);
    assert.deepEqual(series.finish().buckets.map((b) => [b.t, b.requests]), [[0, 6], [6, 6]]);
  });

  test('nearest-rank percentile', () => {
    assert.equal(percentile([], 0.95), null);
    assert.equal(percentile([5], 0.95), 5);
    assert.equal(percentile([...Array(100).keys()].map((i) => i + 1), 0.95), 95);
  });
});

describe('comparison of two runs', () => {
  const snap = (checks: Record<string, Snapshot['checks'][string]['state']>, p95: Snapshot['p95'] = {}): Snapshot =>
    ({ checks: Object.fromEntries(Object.entries(checks).map(([id, state]) => [id, { project: 'sovera@twin', title: `t ${id}`, state }])), p95 });

  test('lists checks whose state changed, newly failing first; counts the added and the gone', () => {
    const c = compareSnapshots(snap({ a: 'failed', b: 'passed', c: 'finding', d: 'passed' }), snap({ a: 'passed', b: 'failed', c: 'passed', e: 'passed' }), 'previous run');
    assert.deepEqual(c.changed.map((x) => `${x.id} ${x.before}→${x.after}`), ['a passed→failed', 'b failed→passed', 'c passed→finding']);
    assert.equal(c.added, 1);
    assert.equal(c.removed, 1);
  });

  test('a p95 that moved by more than the margin is listed; within it, not; only scenario runs in both are compared', () => {
    const now = snap({}, { 'lifecycle (smoke on twin)': { getCard: 130, blockCard: 115 }, 'gate (smoke on twin)': { getWallet: 50 } });
    const before = snap({}, { 'lifecycle (smoke on twin)': { getCard: 100, blockCard: 100 } });
    const c = compareSnapshots(now, before, 'baseline', 0.2, 'baseline.json');
    assert.deepEqual(c.p95Moves.map((m) => [m.operation, Math.round(m.change * 100)]), [['getCard', 30]]);
    assert.deepEqual(c.scenariosCompared, ['lifecycle (smoke on twin)']);
    assert.equal(c.against, 'baseline');
  });

  test('nothing to compare with says so', () => {
    assert.equal(compareSnapshots(snap({ a: 'passed' }), undefined, 'previous run').against, 'nothing');
  });
});

describe('progress on a long run', () => {
  const plan = { total: 1200, allowed: 800, durationSeconds: 600 } as RequestPlan;
  test('time left on the profile and requests spent of the budget', () => {
    assert.equal(progressLine(plan, 240, { requests: 480, failed: 1, contractViolations: 0 }, true),
      '  progress: 4 min 0 s of 10 min 0 s planned (about 6 min 0 s left); 480 requests sent of 1200 planned (60% of the allowance of 800 per hour), 1 failed, 0 contract violations');
    assert.match(progressLine(plan, 601, { requests: 1200, failed: 0, contractViolations: 0 }, false), /in graceful stop\); 1200 requests sent of 1200 planned, 0 failed/);
  });
});

describe('npm run load writes the load part of the run report', () => {
  test('time series through the pipe, the plan and outcome, the previous summary kept, the page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-report-'));
    try {
      const k6 = writeFakeK6(dir);
      const reports = path.join(dir, 'reports');
      const lines: string[] = [];
      const env = { K6_BIN: k6, PATH: process.env.PATH, HOME: process.env.HOME };
      assert.equal(await runLoad(['balance-check', '--target', 'twin'], env, (l) => lines.push(l), reports), 0, lines.join('\n'));
      assert.equal(await runLoad(['balance-check', '--target', 'twin'], { ...env, FAKE_P95: '40' }, (l) => lines.push(l), reports), 0, lines.join('\n'));

      const scenario = path.join(reports, 'load', 'balance-check');
      const series = JSON.parse(readFileSync(path.join(scenario, 'timeseries.json'), 'utf8')) as LoadSeries;
      assert.deepEqual(series.buckets.map((b) => b.requests), [10, 10, 10], 'every CSV sample reached the series');
      assert.equal(series.buckets[0].p95Ms, 19);
      const run = JSON.parse(readFileSync(path.join(scenario, 'run.json'), 'utf8')) as LoadRunInfo;
      assert.equal(run.exitCode, 0);
      assert.equal(run.plan.total, 27, 'the plan printed before the run is the one recorded');
      assert.ok(existsSync(path.join(scenario, 'summary.previous.json')), 'the first run\'s summary is kept for the comparison');
      assert.match(lines.join('\n'), /Run report: .*reports\/index\.html/);
      const page = readFileSync(path.join(reports, 'index.html'), 'utf8');
      assert.match(page, /load balance-check: thresholds held \(smoke on twin\)/);
      assert.match(page, /balance-check \(smoke on twin\)<\/td><td>getWallet<\/td><td>12\.0 → 40\.0 ms/, 'the p95 that moved is listed');
      assert.match(page, /data-chart="traffic" data-scenario="balance-check"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
