// Where contract runs write their reports; one definition for the main run and the leak test.
// The run report (index.html) goes one folder up from `dir`: reports/index.html for reports/contracts.
import type { ReporterDescription } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Absolute, because Playwright resolves reporter paths from the config file's folder.
const COVERAGE_REPORTER = fileURLToPath(new URL('./coverage-reporter.ts', import.meta.url));
const ASSUMPTIONS_REPORTER = fileURLToPath(new URL('./assumptions-reporter.ts', import.meta.url));
const PROGRESS_REPORTER = fileURLToPath(new URL('./progress-reporter.ts', import.meta.url));
const RUN_REPORT_REPORTER = fileURLToPath(new URL('./run-report/reporter.ts', import.meta.url));

export function contractReporters(dir = 'reports/contracts', options: { requireAllOperations?: boolean; calibrationDir?: string } = {}): ReporterDescription[] {
  return [
    ['list'],
    [PROGRESS_REPORTER],
    ['html', { outputFolder: `${dir}/html`, open: 'never' }],
    ['junit', { outputFile: `${dir}/junit.xml` }],
    [COVERAGE_REPORTER, { outputFile: `${dir}/coverage.json`, requireAllOperations: options.requireAllOperations ?? false }],
    [ASSUMPTIONS_REPORTER, { outputDir: dir, calibrationDir: options.calibrationDir ?? path.join(path.dirname(dir), 'calibration') }],
    // Last: it reads what the two above wrote (onEnd runs reporter by reporter, in this order).
    [RUN_REPORT_REPORTER, { contractsDir: dir }],
  ];
}
