// Turns k6's end-of-test summary data (handleSummary's argument) into the harness's reports:
// summary.json (metrics, thresholds, checks, the CONTRACT_SAMPLE used), a JUnit XML with one
// testcase per threshold, and a text summary for stdout. Pure, no Node built-ins: it is bundled
// into the k6 scripts. k6's data holds no secrets except setup_data (pool ids) and nothing of
// the environment; setup_data is left out all the same.

import { escapeMarkup } from './markup.ts';

export interface K6MetricData {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: 'default' | 'time' | 'data';
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface K6Check { name: string; path?: string; id?: string; passes: number; fails: number }
export interface K6Group { name: string; path?: string; id?: string; groups: K6Group[]; checks: K6Check[] }

export interface K6SummaryData {
  metrics: Record<string, K6MetricData>;
  root_group: K6Group;
  options?: Record<string, unknown>;
  state?: { testRunDurationMs?: number; isStdOutTTY?: boolean; isStdErrTTY?: boolean };
  setup_data?: unknown;
}

export interface SummaryContext {
  /** The k6 script: lifecycle, balance-check, gate. */
  script: string;
  target: string;
  profile: string;
  contractSample: number;
  poolSize: number;
  scenarios: string[];
  /** Directory the files go to, relative to k6's working directory. */
  reportDir: string;
}

export interface ThresholdResult {
  metric: string;
  threshold: string;
  ok: boolean;
  /** The aggregated value the threshold compares, when it can be read from the summary. */
  observed?: number;
}

export interface OperationFigures {
  operation: string;
  requests?: number;
  p95Ms?: number;
  p99Ms?: number;
  contractViolations?: number;
}

export interface SummaryReport {
  script: string;
  target: string;
  profile: string;
  verdict: 'passed' | 'failed';
  durationMs: number;
  contractSample: number;
  poolSize: number;
  scenarios: string[];
  totals: { requests: number; requestsPerSecond: number; failedRate: number; checksRate?: number; contractViolations: number; contractChecked: number; iterations: number };
  operations: OperationFigures[];
  thresholds: ThresholdResult[];
  checks: Array<{ name: string; passes: number; fails: number }>;
  metrics: Record<string, { type: string; contains: string; values: Record<string, number> }>;
}

export function buildSummary(data: K6SummaryData, ctx: SummaryContext): SummaryReport {
  const thresholds = thresholdResults(data);
  const metrics: SummaryReport['metrics'] = {};
  for (const name of Object.keys(data.metrics).sort()) {
    const m = data.metrics[name];
    metrics[name] = { type: m.type, contains: m.contains, values: m.values };
  }
  const value = (metric: string, key: string): number | undefined => data.metrics[metric]?.values[key];
  return {
    script: ctx.script,
    target: ctx.target,
    profile: ctx.profile,
    verdict: thresholds.every((t) => t.ok) ? 'passed' : 'failed',
    durationMs: data.state?.testRunDurationMs ?? 0,
    contractSample: ctx.contractSample,
    poolSize: ctx.poolSize,
    scenarios: ctx.scenarios,
    totals: {
      requests: value('http_reqs', 'count') ?? 0,
      requestsPerSecond: value('http_reqs', 'rate') ?? 0,
      failedRate: value('http_req_failed', 'rate') ?? 0,
      checksRate: value('checks', 'rate'),
      contractViolations: value('contract_violations', 'count') ?? 0,
      contractChecked: value('contract_checked', 'count') ?? 0,
      iterations: value('iterations', 'count') ?? 0,
    },
    operations: operationFigures(data),
    thresholds,
    checks: allChecks(data.root_group).map((c) => ({ name: c.name, passes: c.passes, fails: c.fails })),
    metrics,
  };
}

export function thresholdResults(data: K6SummaryData): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const metric of Object.keys(data.metrics).sort()) {
    const m = data.metrics[metric];
    for (const [threshold, result] of Object.entries(m.thresholds ?? {})) {
      out.push({ metric, threshold, ok: result.ok, observed: observedValue(m, threshold) });
    }
  }
  return out;
}

/** The value a threshold expression reads: `p(95)<500` → values['p(95)'], `count==0` → values.count. */
function observedValue(metric: K6MetricData, threshold: string): number | undefined {
  const m = /^\s*([a-z]+(?:\([\d.]+\))?)\s*[<>=!]/.exec(threshold);
  if (!m) return undefined;
  const key = m[1];
  if (key in metric.values) return metric.values[key];
  if (key === 'value' && 'value' in metric.values) return metric.values.value;
  return undefined;
}

function operationFigures(data: K6SummaryData): OperationFigures[] {
  const byOp: Record<string, OperationFigures> = {};
  const get = (operation: string) => (byOp[operation] ??= { operation });
  for (const [name, metric] of Object.entries(data.metrics)) {
    const m = /^([a-z_]+)\{operation:([^}]+)\}$/.exec(name);
    if (!m) continue;
    const figures = get(m[2]);
    if (m[1] === 'http_req_duration') {
      figures.requests = metric.values.count ?? figures.requests;
      figures.p95Ms = metric.values['p(95)'];
      figures.p99Ms = metric.values['p(99)'];
    } else if (m[1] === 'contract_violations') {
      figures.contractViolations = metric.values.count ?? 0;
    }
  }
  return Object.values(byOp).sort((a, b) => a.operation.localeCompare(b.operation));
}

export function allChecks(group: K6Group | undefined): K6Check[] {
  if (!group) return [];
  const out = [...(group.checks ?? [])];
  for (const child of group.groups ?? []) out.push(...allChecks(child));
  return out;
}

// ---------------------------------------------------------------------------------------------
// JUnit
// ---------------------------------------------------------------------------------------------

export function junitXml(data: K6SummaryData, ctx: SummaryContext): string {
  const results = thresholdResults(data);
  const failures = results.filter((r) => !r.ok).length;
  const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(3);
  const suite = `k6 ${ctx.script} (${ctx.profile} on ${ctx.target})`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suite)}" tests="${results.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
    '    <properties>',
    `      <property name="target" value="${xml(ctx.target)}"/>`,
    `      <property name="profile" value="${xml(ctx.profile)}"/>`,
    `      <property name="contractSample" value="${ctx.contractSample}"/>`,
    `      <property name="poolSize" value="${ctx.poolSize}"/>`,
    '    </properties>',
  ];
  for (const r of results) {
    const name = `${r.metric}: ${r.threshold}`;
    const classname = `load.${ctx.script}`;
    if (r.ok) {
      lines.push(`    <testcase classname="${xml(classname)}" name="${xml(name)}" time="0"/>`);
    } else {
      const observed = r.observed === undefined ? 'no value recorded' : `observed ${formatNumber(r.observed)}`;
      const message = `threshold crossed: ${r.metric} ${r.threshold} (${observed})`;
      lines.push(`    <testcase classname="${xml(classname)}" name="${xml(name)}" time="0">`);
      lines.push(`      <failure message="${xml(message)}" type="threshold">${xml(`${message}. ${hintFor(r.metric)}`)}</failure>`);
      lines.push('    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function hintFor(metric: string): string {
  if (metric.startsWith('contract_violations')) return 'Responses broke a documented rule of the spec: the k6 log names the operation, status, JSON pointer and rule.';
  if (metric.startsWith('contract_assumptions')) return 'Responses broke only inferred rules (unconfirmed assumptions): the k6 log names them; on the sandbox they fail only with STRICT=1.';
  if (metric.startsWith('rate_limited')) return 'The provider answered 429: the run was aborted; wait for the window to reset and plan fewer requests.';
  if (metric.startsWith('http_req_duration')) return 'Latency over the profile limit for this operation.';
  if (metric.startsWith('http_req_failed')) return 'Too many requests failed (transport errors or 4xx/5xx).';
  if (metric.startsWith('checks')) return 'Status or flow checks failed: see the checks list in summary.json and the k6 log.';
  return '';
}

const xml = escapeMarkup;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

export function textSummary(report: SummaryReport): string {
  const lines: string[] = [''];
  lines.push(`k6 ${report.script}: ${report.profile} on ${report.target}, ${(report.durationMs / 1000).toFixed(1)} s, pool ${report.poolSize}, `
    + `contract sample ${report.contractSample} (${report.totals.contractChecked} responses validated)`);
  const t = report.totals;
  lines.push(`  requests ${t.requests} (${t.requestsPerSecond.toFixed(1)}/s), failed ${(t.failedRate * 100).toFixed(2)}%, `
    + `checks ${t.checksRate === undefined ? '-' : `${(t.checksRate * 100).toFixed(2)}%`}, contract violations ${t.contractViolations}, iterations ${t.iterations}`);
  if (report.operations.length) {
    lines.push('', `  ${'operation'.padEnd(22)} ${'requests'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'violations'.padStart(11)}`);
    for (const op of report.operations) {
      lines.push(`  ${op.operation.padEnd(22)} ${cell(op.requests, 0).padStart(9)} ${cell(op.p95Ms, 1).padStart(9)} ${cell(op.p99Ms, 1).padStart(9)} ${cell(op.contractViolations, 0).padStart(11)}`);
    }
  }
  const failedChecks = report.checks.filter((c) => c.fails > 0);
  if (failedChecks.length) {
    lines.push('', '  failed checks:');
    for (const c of failedChecks) lines.push(`    ✗ ${c.name}: ${c.fails} of ${c.passes + c.fails}`);
  }
  lines.push('', '  thresholds:');
  for (const r of report.thresholds) {
    const observed = r.observed === undefined ? '' : ` (${formatNumber(r.observed)})`;
    lines.push(`    ${r.ok ? '✓' : '✗'} ${r.metric} ${r.threshold}${observed}`);
  }
  lines.push('', `Load ${report.script}: ${report.verdict === 'passed' ? 'PASSED' : 'FAILED'}`, '');
  return lines.join('\n');
}

function cell(value: number | undefined, digits: number): string {
  return value === undefined ? '-' : value.toFixed(digits);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 4 : 2);
}

/** handleSummary's return value: the text on stdout, summary.json and junit.xml under ctx.reportDir. */
export function summaryOutputs(data: K6SummaryData, ctx: SummaryContext): Record<string, string> {
  const report = buildSummary(data, ctx);
  return {
    stdout: textSummary(report),
    [`${ctx.reportDir}/summary.json`]: `${JSON.stringify(report, null, 2)}\n`,
    [`${ctx.reportDir}/junit.xml`]: junitXml(data, ctx),
  };
}
