// The bench verdict's script: a VU runs the three variants of the bench iteration in turn —
// hand-written, flows, flows with every response validated — and times each one. All three then
// meet the machine at the same moments: on a shared 2-core machine the cores' speed drifts by up
// to 2x within a minute, which swamps any comparison of runs made one after another. The order
// turns every iteration, so none always runs first. Per variant: requests and VU-milliseconds, as
// counters (one sample per variant and iteration).
// npm run bench:k6-flows runs it with one VU (BENCH_VUS=1): an iteration's time is then its own
// work end to end (k6 and the twin), where with many VUs it is mostly waiting behind the other
// VUs' requests, a wait common to all variants that narrows every gap (seen with 10 VUs: a
// validation cost of 5% where runs of each variant alone showed about 20%).
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import type { Cardholder } from '../../scenarios/sovera.ts';
import type { K6SummaryData } from '../../lib/k6-summary.ts';
import { memberFor } from '../lib/k6-runner.ts';
import { benchOptions, BENCH_DURATION_SECONDS, BENCH_REQUESTS_PER_ITERATION, BENCH_VUS } from './common.ts';
import { flowsExecutor, flowsIteration, flowsSetup } from './flows.ts';
import { handwrittenIteration } from './handwritten.ts';

const plain = flowsExecutor(0);
const validated = flowsExecutor(1);
const VARIANTS: Array<{ name: string; run: (m: Cardholder) => void }> = [
  { name: 'handwritten', run: (m) => handwrittenIteration(m) },
  { name: 'flows', run: (m) => flowsIteration(plain, m) },
  { name: 'flows-validated', run: (m) => flowsIteration(validated, m) },
];
const spentMs = new Counter('bench_variant_ms');
const iterations = new Counter('bench_variant_iterations');
const TAGS = VARIANTS.map((v) => ({ variant: v.name }));

// The thresholds only make k6 keep each variant's submetrics in the summary.
const thresholds: Record<string, string[]> = { ...benchOptions.thresholds };
for (const v of VARIANTS) {
  thresholds[`bench_variant_ms{variant:${v.name}}`] = ['count>=0'];
  thresholds[`bench_variant_iterations{variant:${v.name}}`] = ['count>=0'];
}
export const options = { ...benchOptions, thresholds };

export const setup = (): { pool: Cardholder[] } => flowsSetup(plain);

export function bench(data: { pool: Cardholder[] }): void {
  const member = memberFor(data.pool, exec.vu.idInTest);
  const first = (exec.vu.iterationInScenario + exec.vu.idInTest) % VARIANTS.length;
  for (let i = 0; i < VARIANTS.length; i++) {
    const k = (first + i) % VARIANTS.length;
    const started = Date.now();
    VARIANTS[k].run(member);
    spentMs.add(Date.now() - started, TAGS[k]);
    iterations.add(1, TAGS[k]);
  }
}

export default bench;

export function handleSummary(data: K6SummaryData): Record<string, string> {
  const variants = VARIANTS.map(({ name }) => {
    const ms = data.metrics[`bench_variant_ms{variant:${name}}`]?.values.count ?? 0;
    const count = data.metrics[`bench_variant_iterations{variant:${name}}`]?.values.count ?? 0;
    const requests = count * BENCH_REQUESTS_PER_ITERATION;
    // The rate this variant ran at while it ran: its requests over the VU-time it took, times the VUs.
    return { variant: name, iterations: count, requests, vuSeconds: ms / 1000, requestsPerSecond: ms > 0 ? (requests / (ms / 1000)) * BENCH_VUS : 0 };
  });
  const result = {
    vus: BENCH_VUS,
    durationSeconds: BENCH_DURATION_SECONDS,
    checksRate: data.metrics['checks{bench:main}']?.values.rate ?? 0,
    variants,
  };
  return {
    stdout: variants.map((v) => `bench ${v.variant}: ${v.requestsPerSecond.toFixed(0)} req/s while it ran (${v.iterations} iterations)\n`).join(''),
    [__ENV.BENCH_OUT || 'reports/bench/k6-flows/interleaved.json']: `${JSON.stringify(result, null, 2)}\n`,
  };
}
