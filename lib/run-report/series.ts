// Time series of a load run, aggregated from k6's CSV output as it streams (one row per metric
// sample): requests, failures and contract violations per bucket, and the p95 latency of each
// bucket. Only closed buckets keep figures; the samples of a bucket are dropped once it closes,
// so memory stays bounded by the rate, not by the run's length. Pure: no Node built-ins.

export interface SeriesBucket {
  /** Seconds from the first sample to the bucket's start. */
  t: number;
  requests: number;
  failed: number;
  contractViolations: number;
  /** p95 of http_req_duration in the bucket, ms; null when it had no request. */
  p95Ms: number | null;
}

export interface LoadSeries {
  bucketSeconds: number;
  /** Unix seconds of the first sample. */
  startedAt: number;
  buckets: SeriesBucket[];
  totals: { requests: number; failed: number; contractViolations: number };
}

/** Buckets a run of `durationSeconds` into at most ~600 points, so the page stays small for a soak. */
export function bucketSecondsFor(durationSeconds: number): number {
  return Math.max(1, Math.ceil(durationSeconds / 600));
}

interface OpenBucket { requests: number; failed: number; contractViolations: number; durations: number[] }

/** A bucket is closed once samples two buckets later arrive: k6 flushes samples out of order by up to its flush period (1 s). */
const CLOSE_LAG = 2;

export class SeriesAggregator {
  private startedAt: number | undefined;
  private readonly open = new Map<number, OpenBucket>();
  private readonly closed = new Map<number, SeriesBucket>();
  readonly totals = { requests: 0, failed: 0, contractViolations: 0 };
  private header = true;

  constructor(private readonly bucketSeconds = 1) {}

  /** One CSV line of k6's output (the header line is skipped). */
  line(text: string): void {
    if (this.header) { this.header = false; if (text.startsWith('metric_name,')) return; }
    // metric_name,timestamp,metric_value,… — the first three columns are never quoted.
    const a = text.indexOf(',');
    const b = text.indexOf(',', a + 1);
    const c = text.indexOf(',', b + 1);
    if (a < 0 || b < 0 || c < 0) return;
    const metric = text.slice(0, a);
    if (metric !== 'http_reqs' && metric !== 'http_req_failed' && metric !== 'http_req_duration' && metric !== 'contract_violations') return;
    const timestamp = Number(text.slice(a + 1, b));
    const value = Number(text.slice(b + 1, c));
    if (!Number.isFinite(timestamp) || !Number.isFinite(value)) return;
    this.sample(metric, timestamp, value);
  }

  sample(metric: string, timestamp: number, value: number): void {
    this.startedAt ??= timestamp;
    const index = Math.max(0, Math.floor((timestamp - this.startedAt) / this.bucketSeconds));
    if (this.closed.has(index)) return; // later than the lag allows: too rare to matter, and never double-counted
    let bucket = this.open.get(index);
    if (!bucket) {
      bucket = { requests: 0, failed: 0, contractViolations: 0, durations: [] };
      this.open.set(index, bucket);
      for (const k of [...this.open.keys()]) if (k <= index - CLOSE_LAG) this.close(k);
    }
    if (metric === 'http_reqs') { bucket.requests += value; this.totals.requests += value; }
    else if (metric === 'http_req_failed') { bucket.failed += value; this.totals.failed += value; }
    else if (metric === 'contract_violations') { bucket.contractViolations += value; this.totals.contractViolations += value; }
    else bucket.durations.push(value);
  }

  /** Seconds from the first sample to the newest one seen. */
  get elapsedSeconds(): number {
    const newest = Math.max(-1, ...this.open.keys(), ...this.closed.keys());
    return newest < 0 ? 0 : (newest + 1) * this.bucketSeconds;
  }

  finish(): LoadSeries {
    for (const k of [...this.open.keys()]) this.close(k);
    const last = Math.max(-1, ...this.closed.keys());
    const buckets: SeriesBucket[] = [];
    // Every bucket up to the last, so a pause shows as zero requests and not as a straight line across it.
    for (let i = 0; i <= last; i++) buckets.push(this.closed.get(i) ?? { t: i * this.bucketSeconds, requests: 0, failed: 0, contractViolations: 0, p95Ms: null });
    return { bucketSeconds: this.bucketSeconds, startedAt: this.startedAt ?? 0, buckets, totals: { ...this.totals } };
  }

  private close(index: number): void {
    const bucket = this.open.get(index)!;
    this.open.delete(index);
    this.closed.set(index, {
      t: index * this.bucketSeconds,
      requests: bucket.requests,
      failed: bucket.failed,
      contractViolations: bucket.contractViolations,
      p95Ms: percentile(bucket.durations, 0.95),
    });
  }
}

/** Nearest-rank percentile (k6's own p(95) interpolates; per bucket the difference is below a sample). */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
