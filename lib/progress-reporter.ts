// Playwright reporter: on a run against a live target, a progress line a person can follow —
// tests done of the total, requests sent per account-holding target against its hourly
// allowance, and an estimate of the time left — every PROGRESS_EVERY_S seconds and at each
// quarter. Local runs take seconds and print nothing extra.
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { apiProfile, type ApiId } from './apis.ts';
import { BUDGET_SHARE } from './budget.ts';
import { decodeRequests, REQUESTS_ANNOTATION } from './coverage.ts';

const PROGRESS_EVERY_S = 30;

export default class ProgressReporter implements Reporter {
  private total = 0;
  private done = 0;
  private started = Date.now();
  private lastPrint = 0;
  private nextQuarter = 1;
  private live: string[] = [];
  private readonly requests = new Map<string, number>(); // api@target → requests

  onBegin(config: FullConfig, suite: Suite): void {
    this.live = config.projects.map((p) => p.name).filter((name) => name.endsWith('@sandbox'));
    this.total = suite.allTests().filter((t) => this.live.includes(t.parent.project()?.name ?? '')).length;
    this.started = Date.now();
    this.lastPrint = this.started;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    if (!this.live.includes(project)) return;
    this.done++;
    for (const a of result.annotations) {
      if (a.type === REQUESTS_ANNOTATION && a.description) this.requests.set(project, (this.requests.get(project) ?? 0) + decodeRequests(a.description).count);
    }
    const now = Date.now();
    const quarter = this.total ? Math.floor((this.done / this.total) * 4) : 0;
    if (now - this.lastPrint >= PROGRESS_EVERY_S * 1000 || (quarter >= this.nextQuarter && this.done < this.total)) {
      this.lastPrint = now;
      this.nextQuarter = quarter + 1;
      console.log(progressLine(this.done, this.total, (now - this.started) / 1000, this.requests, process.env.RATE_LIMIT_PER_HOUR));
    }
  }

  printsToStdio(): boolean {
    return false; // the list reporter keeps the console; these lines go in between
  }
}

/** `progress: 120/430 tests (28%), about 6 min left; requests: sovera@sandbox 250 of 800 allowed this hour (80% of 1000)`. */
export function progressLine(done: number, total: number, elapsedSeconds: number, requests: Map<string, number>, rateLimitOverride?: string): string {
  const share = total ? done / total : 1;
  const left = share > 0 && share < 1 ? elapsedSeconds * (1 - share) / share : 0;
  const budget = [...requests].sort(([a], [b]) => a.localeCompare(b)).map(([project, n]) => {
    const limit = Number(rateLimitOverride) || apiProfile(project.split('@')[0] as ApiId).rateLimitPerHour;
    return limit ? `${project} ${n} of ${Math.floor(limit * BUDGET_SHARE)} allowed this hour (${Math.round(BUDGET_SHARE * 100)}% of ${limit})` : `${project} ${n} (its docs state no limit)`;
  });
  return `progress: ${done}/${total} tests (${Math.round(share * 100)}%)${left ? `, about ${minutes(left)} left` : ''}; requests: ${budget.join('; ') || 'none yet'}`;
}

function minutes(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
