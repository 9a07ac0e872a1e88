// Fixed-window rate limiter: N requests per bucket per window (an hour by default, aligned to the
// clock like the Core API's documented limit). One bucket per API key (per client) or per account;
// a bucket may have its own limit (the Core twin's per-account limits), given with each take().

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** End of the current window, epoch seconds. */
  resetEpochSeconds: number;
}

interface Bucket { windowStart: number; count: number }

export class FixedWindowRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: number,
    readonly windowMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`rate limit must be a positive integer, got ${limit}`);
  }

  /** Counts one request against the bucket and says whether it is within the limit (the bucket's own, else the default). */
  take(key: string, limit: number = this.limit): RateDecision {
    const now = this.now();
    const windowStart = now - (now % this.windowMs);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { windowStart, count: 0 };
      this.buckets.set(key, bucket);
    } else if (bucket.windowStart !== windowStart) {
      bucket.windowStart = windowStart;
      bucket.count = 0;
    }
    bucket.count++;
    return {
      allowed: bucket.count <= limit,
      limit,
      remaining: Math.max(0, limit - bucket.count),
      resetEpochSeconds: Math.ceil((windowStart + this.windowMs) / 1000),
    };
  }
}
