// Shared by the load tests: the spec-derived flow costs, standalone validators compiled for
// Node (the same code the k6 bundles carry), and a fake k6 for the runner.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadSpec, PROJECT_ROOT } from '../../lib/spec.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import { generateValidators, type GeneratedValidators } from '../../load/build/validators.ts';
import { ucs2lengthPlugin } from '../../load/build/bundle.ts';
import { flowCostTable, type FlowCostTable } from '../../load/lib/flow-costs.ts';
import type { K6SummaryData } from '../../lib/k6-summary.ts';
import type { HttpResponseLike, OperationMeta, RequestParams, ResponseValidator, RunnerDeps } from '../../load/lib/k6-runner.ts';

export function costTable(): FlowCostTable {
  return flowCostTable(exampleResponder(loadSpec('sovera')));
}

export function operationsMeta(ids: string[]): Record<string, OperationMeta> {
  const spec = loadSpec('sovera');
  return Object.fromEntries(ids.map((id) => {
    const op = spec.operations.get(id)!;
    return [id, { method: op.method, path: op.path, statuses: [...op.responses.keys()] }];
  }));
}

/** The standalone validators of the given operations, bundled for Node the way the build bundles them for k6. */
export async function standaloneValidators(ids: string[]): Promise<Record<string, ResponseValidator>> {
  return bundledValidators(generateValidators(loadSpec('sovera'), ids));
}

/** The full and the documented-only validators of an API's operations, as a bundle carries them. */
export async function classifyingValidators(api: 'sovera' | 'core', ids: string[]): Promise<{ validators: Record<string, ResponseValidator>; documentedValidators: Record<string, ResponseValidator>; inferredBodies: string[] }> {
  const generated = generateValidators(loadSpec(api), ids);
  return {
    validators: await bundledValidators(generated),
    documentedValidators: await bundledValidators({ ...generated, exports: generated.documentedExports }),
    inferredBodies: generated.inferredBodies,
  };
}

/** Generated standalone validators (any API), bundled for Node the way the build bundles them for k6. */
export async function bundledValidators(generated: GeneratedValidators): Promise<Record<string, ResponseValidator>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'load-validators-'));
  const source = path.join(dir, 'validators.js');
  writeFileSync(source, generated.code);
  const out = path.join(dir, 'validators.bundle.mjs');
  await build({ entryPoints: [source], outfile: out, bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], nodePaths: [path.join(PROJECT_ROOT, 'node_modules')], plugins: [ucs2lengthPlugin], logLevel: 'silent' });
  const mod = (await import(pathToFileURL(out).href)) as Record<string, ResponseValidator>;
  return Object.fromEntries(Object.entries(generated.exports).map(([key, name]) => [key, mod[name]]));
}

export interface FakeK6 {
  deps: RunnerDeps;
  requests: Array<{ method: string; url: string; body: string | null; params: RequestParams }>;
  checks: Array<{ name: string; ok: boolean; tags?: Record<string, string> }>;
  counters: Record<'contractViolations' | 'contractAssumptions' | 'contractChecked' | 'rateLimited', Array<{ value: number; tags?: Record<string, string> }>>;
  warnings: string[];
  aborts: string[];
}

/** A k6 stand-in: records requests, checks, counters, warnings and aborts; answers with `respond`. */
export function fakeK6(respond: (method: string, url: string, body: string | null) => HttpResponseLike, random = () => 0.5): FakeK6 {
  const fake: FakeK6 = {
    requests: [],
    checks: [],
    counters: { contractViolations: [], contractAssumptions: [], contractChecked: [], rateLimited: [] },
    warnings: [],
    aborts: [],
    deps: undefined as unknown as RunnerDeps,
  };
  const counter = (name: keyof FakeK6['counters']) => ({ add: (value: number, tags?: Record<string, string>) => { fake.counters[name].push({ value, tags }); } });
  fake.deps = {
    request(method, url, body, params) {
      fake.requests.push({ method, url, body, params });
      return respond(method, url, body);
    },
    check(value, sets, tags) {
      let all = true;
      for (const [name, fn] of Object.entries(sets)) {
        const ok = Boolean(fn(value));
        fake.checks.push({ name, ok, tags });
        all &&= ok;
      }
      return all;
    },
    counters: { contractViolations: counter('contractViolations'), contractAssumptions: counter('contractAssumptions'), contractChecked: counter('contractChecked'), rateLimited: counter('rateLimited') },
    random,
    warn: (message) => { fake.warnings.push(message); },
    abort: (reason) => { fake.aborts.push(reason); },
    expectedStatuses: (...statuses) => ({ expected: statuses }),
  };
  return fake;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): HttpResponseLike {
  return { status, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': contentType } };
}

/** A summary object in the shape k6 hands to handleSummary (k6 v0.5x–v1), trimmed to a gate smoke run. */
export function sampleSummary(): K6SummaryData {
  const trend = (p95: number, p99: number, count: number) => ({ avg: p95 / 2, min: 0.4, med: p95 / 3, max: p99 + 5, 'p(90)': p95 * 0.9, 'p(95)': p95, 'p(99)': p99, count });
  return {
    root_group: {
      name: '', path: '', id: 'd41d8cd98f00b204e9800998ecf8427e', groups: [],
      checks: [
        { name: 'blockCard answers 201', path: '::blockCard answers 201', id: '1', passes: 10, fails: 0 },
        { name: 'getCard answers 200', path: '::getCard answers 200', id: '2', passes: 29, fails: 1 },
        { name: 'lifecycle flow completes', path: '::lifecycle flow completes', id: '3', passes: 9, fails: 1 },
      ],
    },
    options: { summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'], summaryTimeUnit: '', noColor: false },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 4210.5 },
    setup_data: { pool: [{ userId: 'u-setup-secret-looking', walletId: 'w1', cardId: 'c1' }] },
    metrics: {
      http_reqs: { type: 'counter', contains: 'default', values: { count: 97, rate: 23.04 } },
      http_req_failed: { type: 'rate', contains: 'default', values: { rate: 0.0103, passes: 1, fails: 96 }, thresholds: { 'rate<0.01': { ok: false } } },
      http_req_duration: { type: 'trend', contains: 'time', values: trend(12.5, 30.1, 97) },
      'http_req_duration{operation:getCard}': { type: 'trend', contains: 'time', values: trend(8.2, 15.7, 30), thresholds: { 'p(95)<500': { ok: true }, 'p(99)<1000': { ok: true } } },
      'http_req_duration{operation:blockCard}': { type: 'trend', contains: 'time', values: trend(612.3, 900.2, 10), thresholds: { 'p(95)<500': { ok: false }, 'p(99)<1000': { ok: true } } },
      checks: { type: 'rate', contains: 'default', values: { rate: 0.9756, passes: 80, fails: 2 }, thresholds: { 'rate>0.99': { ok: false } } },
      contract_violations: { type: 'counter', contains: 'default', values: { count: 0, rate: 0 }, thresholds: { 'count==0': { ok: true } } },
      contract_checked: { type: 'counter', contains: 'default', values: { count: 97, rate: 23.04 } },
      rate_limited: { type: 'counter', contains: 'default', values: { count: 0, rate: 0 }, thresholds: { 'count==0': { ok: true } } },
      iterations: { type: 'counter', contains: 'default', values: { count: 20, rate: 4.75 } },
      vus: { type: 'gauge', contains: 'default', values: { value: 1, min: 1, max: 4 } },
    },
  };
}

