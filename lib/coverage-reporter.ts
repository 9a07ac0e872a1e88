// Playwright reporter: aggregates the contract coverage recorded by the tests, writes
// reports/contracts/coverage.json, prints the table and the skipped tests with their reasons.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { ApiId } from './apis.ts';
import { COVERAGE_ANNOTATION, CoverageBook, decodeExercise, decodeRateLimit, decodeRequests, formatCoverageTable, RATE_LIMIT_ANNOTATION, REQUESTS_ANNOTATION } from './coverage.ts';

interface Options { outputFile?: string; requireAllOperations?: boolean }

export default class CoverageReporter implements Reporter {
  private readonly book = new CoverageBook();
  private readonly skipped = new Map<string, number>();
  private readonly outputFile: string;
  private readonly requireAll: boolean;
  private filtered = false;

  constructor(options: Options = {}) {
    this.outputFile = options.outputFile ?? 'reports/contracts/coverage.json';
    this.requireAll = options.requireAllOperations ?? false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    for (const project of config.projects) {
      const [api, target] = project.name.split('@');
      if (target) this.book.addTarget(api as ApiId, target);
    }
    // A run narrowed with -g, --grep-invert or file arguments is not expected to cover everything.
    this.filtered = config.grep.toString() !== /.*/.toString() || Boolean(config.grepInvert) ||
      process.argv.slice(2).some((arg) => !arg.startsWith('-') && arg !== 'test');
    void suite;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const [api, target] = test.parent.project()?.name.split('@') ?? [];
    if (!target) return;
    for (const a of result.annotations) {
      if (!a.description) continue;
      if (a.type === COVERAGE_ANNOTATION) this.book.record(api as ApiId, target, decodeExercise(a.description));
      else if (a.type === REQUESTS_ANNOTATION) {
        const { account, count } = decodeRequests(a.description);
        this.book.recordRequests(api as ApiId, target, account, count);
      } else if (a.type === RATE_LIMIT_ANNOTATION) {
        const { expected, message } = decodeRateLimit(a.description);
        this.book.recordRateLimit(api as ApiId, target, expected, message);
      }
    }
    if (result.status === 'skipped') {
      const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip')?.description ?? 'no reason given';
      const key = `${test.parent.project()?.name}: ${reason}`;
      this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
    }
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const summary = this.book.summary();
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify({ ...summary, skipped: Object.fromEntries(this.skipped) }, null, 2)}\n`);
    const out: string[] = ['', 'Contract coverage (documented statuses per operationId and target)', formatCoverageTable(summary)];
    const via = Object.entries(summary.via).map(([k, n]) => `${k} ${n}`).join(', ');
    if (via) out.push(`Answers by hop, distinct per test: ${via} (proxy = also checked by Prism's validating proxy).`);
    const requests = Object.entries(summary.requests).sort(([a], [b]) => a.localeCompare(b));
    if (requests.length) {
      out.push(`Requests per target: ${requests.map(([t, r]) => `${t} ${r.total} (${Object.entries(r.byAccount).sort().map(([a, n]) => `${a} ${n}`).join(', ')})`).join('; ')}.`);
    }
    for (const [target, e] of Object.entries(summary.rateLimitEvents)) {
      out.push(`Rate-limit events on ${target}: ${e.expected + e.stopped} (429 asked for by a test: ${e.expected}; checks stopped by a 429: ${e.stopped}).`);
      for (const m of e.messages) out.push(`  ${m}`);
    }
    for (const u of summary.undocumented) out.push(`Undocumented status: ${u.api} ${u.operationId} answered ${u.status} on ${u.target}.`);
    for (const [reason, count] of this.skipped) out.push(`Skipped ${count} × ${reason}`);
    const missing = Object.entries(summary.unexercisedOperations).filter(([, ops]) => ops.length);
    for (const [target, ops] of missing) out.push(`Not exercised on ${target}: ${ops.join(', ')}`);
    out.push(`Written to ${this.outputFile}`);
    console.log(out.join('\n'));
    if (this.requireAll && !this.filtered && missing.length && result.status === 'passed') {
      console.log('Coverage gate failed: every operationId must be exercised on every target (see above).');
      return { status: 'failed' };
    }
    return undefined;
  }

  printsToStdio(): boolean {
    return true;
  }
}
