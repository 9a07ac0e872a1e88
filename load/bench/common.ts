// Shared by the two bench scripts: same executor, same VUs and duration, same result file, so
// the only difference between them is how the requests are written.
import type { K6SummaryData } from '../../lib/k6-summary.ts';

export const BENCH_VUS = Number(__ENV.BENCH_VUS || 10);
export const BENCH_DURATION_SECONDS = Number(__ENV.BENCH_DURATION_SECONDS || 15);
/** The requests of one bench iteration: block, getCard, unblock, getCard, getWallet, listWalletsByUser. */
export const BENCH_REQUESTS_PER_ITERATION = 6;

export const benchOptions = {
  scenarios: {
    bench: {
      executor: 'constant-vus',
      vus: BENCH_VUS,
      duration: `${BENCH_DURATION_SECONDS}s`,
      gracefulStop: '0s',
      exec: 'bench',
      tags: { bench: 'main' }, // setup's requests are not counted
    },
  },
  // The threshold only makes k6 keep the submetric of the measured phase.
  thresholds: { 'http_reqs{bench:main}': ['count>=0'], 'checks{bench:main}': ['rate>=0'] },
  setupTimeout: '2m',
  summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'count'],
};

export function benchSummary(variant: string, data: K6SummaryData): Record<string, string> {
  const requests = data.metrics['http_reqs{bench:main}']?.values.count ?? 0;
  const checksRate = data.metrics['checks{bench:main}']?.values.rate ?? 0;
  const result = {
    variant,
    vus: BENCH_VUS,
    durationSeconds: BENCH_DURATION_SECONDS,
    requests,
    requestsPerSecond: requests / BENCH_DURATION_SECONDS,
    checksRate,
    p95Ms: data.metrics.http_req_duration?.values['p(95)'],
    contractSample: Number(__ENV.CONTRACT_SAMPLE || 0),
  };
  return {
    stdout: `bench ${variant}: ${result.requestsPerSecond.toFixed(0)} req/s (${requests} requests, ${BENCH_VUS} VUs, ${BENCH_DURATION_SECONDS} s, checks ${(checksRate * 100).toFixed(2)}%)\n`,
    [__ENV.BENCH_OUT || `reports/bench/k6-flows/${variant}.json`]: `${JSON.stringify(result, null, 2)}\n`,
  };
}
