// The k6 side's configuration (read from __ENV) and the handleSummary reports, in Node.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSummary, junitXml, summaryOutputs, textSummary, type SummaryContext } from '../../lib/k6-summary.ts';
import { checkLoadBaseUrl, readConfig } from '../../load/lib/config.ts';
import { sampleSummary } from './helpers.ts';

describe('k6 configuration', () => {
  test('defaults: the twin at its default address, smoke, stateful, the local key', () => {
    const config = readConfig({}, 'gate');
    assert.equal(config.baseUrl, 'http://127.0.0.1:4020/cards/v2');
    assert.equal(config.target, 'twin');
    assert.equal(config.profile, 'smoke');
    assert.equal(config.stateful, true);
    assert.equal(config.apiKey, 'local-harness-key');
    assert.equal(config.contractSample, undefined);
    assert.equal(config.reportDir, 'reports/load/gate');
    assert.equal(config.rateLimitPerHour, 1000);
  });

  test('the mock is stateless unless told otherwise; values are parsed and checked', () => {
    const config = readConfig({ TARGET: 'mock', BASE_URL: 'http://[::1]:4010/', CONTRACT_SAMPLE: '0.25', POOL_SIZE: '12', RATE_LIMIT_PER_HOUR: '3600', PROFILE: 'load' }, 'lifecycle');
    assert.equal(config.stateful, false);
    assert.equal(config.baseUrl, 'http://[::1]:4010');
    assert.equal(config.contractSample, 0.25);
    assert.equal(config.poolSize, 12);
    assert.equal(config.rateLimitPerHour, 3600);
    assert.throws(() => readConfig({ CONTRACT_SAMPLE: '1.5' }, 'gate'), /CONTRACT_SAMPLE="1.5" must be a number from 0 to 1/);
    assert.throws(() => readConfig({ POOL_SIZE: '0' }, 'gate'), /POOL_SIZE="0" must be a whole number/);
    assert.throws(() => readConfig({ PROFILE: 'huge' }, 'gate'), /PROFILE="huge" is not a profile/);
    assert.throws(() => readConfig({ TARGET: 'prod' }, 'gate'), /TARGET="prod" is not a load target/);
  });

  test('load goes to loopback, or to a sandbox over https that is not production', () => {
    assert.equal(checkLoadBaseUrl('http://127.0.0.1:1/cards/v2/', 'twin'), 'http://127.0.0.1:1/cards/v2');
    assert.equal(checkLoadBaseUrl('https://api.sandbox.sovera.io/cards/v2', 'sandbox'), 'https://api.sandbox.sovera.io/cards/v2');
    assert.throws(() => checkLoadBaseUrl('http://10.0.0.5/cards/v2', 'twin'), /host 10\.0\.0\.5 is not loopback/);
    assert.throws(() => checkLoadBaseUrl('https://api.sandbox.sovera.io', 'mock'), /not loopback/);
    assert.throws(() => checkLoadBaseUrl('http://api.sandbox.sovera.io', 'sandbox'), /plain http/);
    assert.throws(() => checkLoadBaseUrl('https://api.sovera.io/cards/v2', 'sandbox'), /production host api\.sovera\.io/);
    assert.throws(() => checkLoadBaseUrl('ftp://x', 'sandbox'), /not an http\(s\) URL/);
    assert.throws(() => readConfig({ TARGET: 'sandbox', BASE_URL: 'https://api.sandbox.sovera.io' }, 'gate'), /API_KEY is not set for TARGET=sandbox/);
  });
});

const CTX: SummaryContext = { script: 'gate', target: 'twin', profile: 'smoke', contractSample: 1, poolSize: 4, scenarios: ['lifecycle', 'balance-check'], reportDir: 'reports/load/gate' };

describe('handleSummary reports', () => {
  test('summary.json: verdict, totals, per-operation figures, thresholds, the contract sample; no setup data', () => {
    const report = buildSummary(sampleSummary(), CTX);
    assert.equal(report.verdict, 'failed');
    assert.equal(report.contractSample, 1);
    assert.deepEqual(report.totals, { requests: 97, requestsPerSecond: 23.04, failedRate: 0.0103, checksRate: 0.9756, contractViolations: 0, contractChecked: 97, iterations: 20 });
    assert.deepEqual(report.operations.map((o) => [o.operation, o.requests, o.p95Ms]), [['blockCard', 10, 612.3], ['getCard', 30, 8.2]]);
    const crossed = report.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.threshold} ${t.observed}`);
    assert.deepEqual(crossed, ['checks rate>0.99 0.9756', 'http_req_duration{operation:blockCard} p(95)<500 612.3', 'http_req_failed rate<0.01 0.0103']);
    assert.equal(report.thresholds.length, 8);
    const json = JSON.stringify(report);
    assert.ok(!json.includes('setup_data') && !json.includes('u-setup-secret-looking'), 'setup data stays out');
  });

  test('JUnit: one testcase per threshold, a failure for each one crossed', () => {
    const xml = junitXml(sampleSummary(), CTX);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.match(xml, /<testsuite name="k6 gate \(smoke on twin\)" tests="8" failures="3" errors="0" skipped="0" time="4.210">/);
    assert.equal((xml.match(/<testcase /g) ?? []).length, 8);
    assert.equal((xml.match(/<failure /g) ?? []).length, 3);
    assert.match(xml, /<testcase classname="load.gate" name="http_req_duration\{operation:blockCard\}: p\(95\)&lt;500" time="0">\s*<failure message="threshold crossed: http_req_duration\{operation:blockCard\} p\(95\)&lt;500 \(observed 612.30\)" type="threshold">/);
    assert.match(xml, /<property name="contractSample" value="1"\/>/);
    assert.doesNotMatch(xml, /[<>]\d|<5|<1/, 'comparison signs are escaped');
  });

  test('text summary: figures, failed checks, every threshold and a verdict line', () => {
    const text = textSummary(buildSummary(sampleSummary(), CTX));
    assert.match(text, /k6 gate: smoke on twin, 4\.2 s, pool 4, contract sample 1 \(97 responses validated\)/);
    assert.match(text, /blockCard\s+10\s+612\.3\s+900\.2/);
    assert.match(text, /✗ getCard answers 200: 1 of 30/);
    assert.match(text, /✗ http_req_duration\{operation:blockCard\} p\(95\)<500 \(612\.30\)/);
    assert.match(text, /✓ rate_limited count==0 \(0\)/);
    assert.match(text, /Load gate: FAILED\n/);
  });

  test('handleSummary outputs: stdout plus two files under the report directory', () => {
    const outputs = summaryOutputs(sampleSummary(), CTX);
    assert.deepEqual(Object.keys(outputs).sort(), ['reports/load/gate/junit.xml', 'reports/load/gate/summary.json', 'stdout']);
    assert.equal(JSON.parse(outputs['reports/load/gate/summary.json']).verdict, 'failed');
    const passing = sampleSummary();
    for (const m of Object.values(passing.metrics)) for (const t of Object.values(m.thresholds ?? {})) t.ok = true;
    assert.match(summaryOutputs(passing, CTX).stdout, /Load gate: PASSED/);
  });
});
