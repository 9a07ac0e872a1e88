// Stands in for k6 in tests (CI has no k6): a Node script that answers `version`, and for `run`
// writes CSV samples into the --out pipe and a summary into REPORT_DIR (and FAKE_CREATED, as
// handleSummary writes what setup() created, into created.json), then exits 0.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FAKE_K6 = `
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
if (args[0] === 'version') { console.log('k6 v0.49.0 (fake)'); process.exit(0); }
const out = args.find((a) => a.startsWith('csv='));
if (!out) { console.error('no --out csv='); process.exit(3); }
const now = Math.floor(Date.now() / 1000);
const lines = ['metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name'];
for (let s = 0; s < 3; s++) for (let i = 0; i < 10; i++) {
  lines.push('http_reqs,' + (now + s) + ',1.000000,,,,true,,GET,x', 'http_req_duration,' + (now + s) + ',' + (10 + i) + '.0,,,,true,,GET,x', 'http_req_failed,' + (now + s) + ',0.000000,,,,true,,GET,x');
}
fs.writeFileSync(out.slice(4), lines.join('\\n') + '\\n');
const dir = path.resolve(process.env.REPORT_DIR);
fs.mkdirSync(dir, { recursive: true });
if (process.env.FAKE_CREATED) fs.writeFileSync(path.join(dir, 'created.json'), process.env.FAKE_CREATED);
fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({ script: 'balance-check', target: 'twin', profile: 'smoke', verdict: 'passed', durationMs: 3000,
  contractSample: 1, poolSize: 2, scenarios: ['balance-check'], totals: { requests: 30, requestsPerSecond: 10, failedRate: 0, contractViolations: 0, contractChecked: 30, iterations: 15 },
  operations: [{ operation: 'getWallet', requests: 15, p95Ms: Number(process.env.FAKE_P95 || 12) }], thresholds: [], checks: [], metrics: {} }));
`;

/** Writes the fake k6 into `dir` and returns its path, for K6_BIN. */
export function writeFakeK6(dir: string): string {
  const k6 = path.join(dir, 'k6');
  writeFileSync(k6, `#!${process.execPath}\n${FAKE_K6}`);
  chmodSync(k6, 0o755);
  return k6;
}
