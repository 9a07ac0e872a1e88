// Playwright reporter, last of the contract reporters: records each test's outcome
// (contract-results.ts) and writes the run report (reports/index.html) from it and from what
// the other reporters and load runs left in reports/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { COVERAGE_ANNOTATION, decodeExercise } from '../coverage.ts';
import { ASSUMPTION_ATTACHMENT, FAILED_CHECK_ANNOTATION } from '../verdict-labels.ts';
import { redactText } from '../redact.ts';
import { PROJECT_ROOT } from '../spec.ts';
import { failureOf, type ContractResults, type TestOutcome } from './contract-results.ts';
import { saveContractResults, writeRunReport } from './write.ts';

interface Options { reportsDir?: string; contractsDir?: string }

export default class RunReportReporter implements Reporter {
  private readonly tests = new Map<string, TestOutcome>();
  private projects: string[] = [];
  private readonly reportsDir: string;
  private readonly contractsDir: string;
  private started = Date.now();

  constructor(options: Options = {}) {
    this.contractsDir = options.contractsDir ?? 'reports/contracts';
    this.reportsDir = options.reportsDir ?? path.dirname(this.contractsDir);
  }

  onBegin(config: FullConfig): void {
    this.projects = config.projects.map((p) => p.name);
    this.started = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    const [, , file, ...titles] = test.titlePath(); // root, project, file, describes…, title
    const outcome: TestOutcome = {
      id: test.id,
      project,
      title: [file, ...titles].join(' › '),
      location: { file: path.relative(PROJECT_ROOT, test.location.file), line: test.location.line },
      state: 'passed',
      durationMs: result.duration,
      exercised: [...new Set(result.annotations.filter((a) => a.type === COVERAGE_ANNOTATION && a.description).map((a) => {
        const e = decodeExercise(a.description!);
        return `${e.operationId} ${e.status}`;
      }))],
    };
    if (result.status === 'skipped') {
      outcome.state = 'skipped';
      outcome.skipReason = redactText([...result.annotations, ...test.annotations].find((a) => a.type === 'skip')?.description ?? 'no reason given');
    } else if (result.status !== 'passed') {
      outcome.state = 'failed';
      const failedChecks = [...new Set(result.annotations.filter((a) => a.type === FAILED_CHECK_ANNOTATION && a.description).map((a) => a.description!))];
      if (failedChecks.length) outcome.failedChecks = failedChecks;
      outcome.failure = result.status === 'timedOut' ? { kind: 'other', headline: `timed out after ${result.duration} ms` }
        : result.status === 'interrupted' ? { kind: 'other', headline: 'interrupted (the run was stopped)' }
          : failureOf(result.errors.map((e) => e.message ?? e.value ?? '').join('\n') || 'failed without a message');
    } else if (result.attachments.some((a) => a.name === ASSUMPTION_ATTACHMENT)) {
      outcome.state = 'finding';
    }
    // A retried test keeps its last outcome.
    this.tests.set(test.id, outcome);
  }

  async onEnd(result: FullResult): Promise<void> {
    const results: ContractResults = {
      generatedAt: new Date().toISOString(),
      runStatus: result.status,
      durationMs: Date.now() - this.started,
      projects: this.projects,
      tests: [...this.tests.values()],
    };
    mkdirSync(this.contractsDir, { recursive: true });
    saveContractResults(this.contractsDir, results);
    const page = writeRunReport(this.reportsDir, { contracts: true, load: [] });
    console.log(`Run report: ${page}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
