// Where contract runs write their reports; one definition for the main run and the leak test.
import type { ReporterDescription } from '@playwright/test';

export function contractReporters(dir = 'reports/contracts', options: { requireAllOperations?: boolean } = {}): ReporterDescription[] {
  return [
    ['list'],
    ['html', { outputFolder: `${dir}/html`, open: 'never' }],
    ['junit', { outputFile: `${dir}/junit.xml` }],
    ['./lib/coverage-reporter.ts', { outputFile: `${dir}/coverage.json`, requireAllOperations: options.requireAllOperations ?? false }],
  ];
}
