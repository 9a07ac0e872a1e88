// A committed baseline (REPORT_BASELINE=run.json of a good run) stands in for the previous run in
// the comparison; a bad baseline or margin is refused with its fix.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../lib/config.ts';
import type { ContractResults, TestOutcome } from '../../lib/run-report/contract-results.ts';
import { reportSettings, saveContractResults, writeRunReport, type RunRecord } from '../../lib/run-report/write.ts';

const results = (state: TestOutcome['state']): ContractResults => ({
  generatedAt: '2026-12-01T10:00:00.000Z', runStatus: state === 'failed' ? 'failed' : 'passed', durationMs: 1, projects: ['core@twin'],
  tests: [
    { id: 'a', project: 'core@twin', title: 'cards.spec.ts › getCard', state, exercised: [] },
    { id: 'b', project: 'core@twin', title: 'cards.spec.ts › listCards', state: 'passed', exercised: [] },
  ],
});

test('the baseline, not the previous run, is what the page compares with', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  try {
    const reports = path.join(dir, 'reports');
    mkdirSync(path.join(reports, 'contracts'), { recursive: true });
    saveContractResults(path.join(reports, 'contracts'), results('passed'));
    writeRunReport(reports, { contracts: true, load: [] }, { env: {} });
    const baseline = path.join(dir, 'baseline.json');
    copyFileSync(path.join(reports, 'run.json'), baseline); // the user commits this
    saveContractResults(path.join(reports, 'contracts'), results('failed'));
    saveContractResults(path.join(reports, 'contracts'), results('failed')); // the previous run failed too: no change against it
    const read = () => JSON.parse(readFileSync(path.join(reports, 'run.json'), 'utf8')) as RunRecord;

    writeRunReport(reports, { contracts: true, load: [] }, { env: {} });
    assert.equal(read().comparison.against, 'previous run');
    assert.deepEqual(read().comparison.changed, []);

    writeRunReport(reports, { contracts: true, load: [] }, { env: { REPORT_BASELINE: baseline } });
    const c = read().comparison;
    assert.equal(c.against, 'baseline');
    assert.equal(c.source, baseline);
    assert.deepEqual(c.changed.map((x) => `${x.title}: ${x.before} → ${x.after}`), ['cards.spec.ts › getCard: passed → failed']);
    assert.match(readFileSync(path.join(reports, 'index.html'), 'utf8'), /Changes since the baseline/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a baseline that is not a run report, or a margin that is not a share, is refused with its fix', () => {
  assert.throws(() => reportSettings({ REPORT_BASELINE: '/nonexistent/run.json' }), (e: unknown) => e instanceof ConfigError && /REPORT_BASELINE=.*Fix: commit a copy of reports\/run\.json/.test((e as Error).message));
  assert.throws(() => reportSettings({ REPORT_BASELINE: 'package.json' }), ConfigError, 'a JSON file without a snapshot');
  for (const bad of ['abc', '0', '-1', '20%']) assert.throws(() => reportSettings({ REPORT_P95_MARGIN: bad }), ConfigError, bad);
  assert.equal(reportSettings({ REPORT_P95_MARGIN: '0.5' }).p95Margin, 0.5);
  assert.equal(reportSettings({}).p95Margin, 0.2);
});
