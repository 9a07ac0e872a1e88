// Playwright reporter: collects the unconfirmed assumptions the tests recorded (an inferred rule
// the server did not follow, on a live target without STRICT), prints them as findings a person
// can act on, writes them as JSON and as a JUnit file of their own (passing test cases with the
// details as properties, so CI shows them without failing), and after a live run proposes the
// spec change that would confirm them: an OpenAPI Overlay per API in reports/calibration/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { apiProfile, type ApiId } from './apis.ts';
import { overlayFromAssumptions, overlayYaml } from './calibration.ts';
import { escapeMarkup } from './markup.ts';
import { ASSUMPTION_ATTACHMENT } from './matcher.ts';
import { PROJECT_ROOT } from './spec.ts';
import type { AssumptionRecord } from './verdict.ts';

interface Options { outputDir?: string; calibrationDir?: string }

interface Entry { record: AssumptionRecord; tests: Set<string> }

export default class AssumptionsReporter implements Reporter {
  private readonly entries = new Map<string, Entry>();
  private readonly outputDir: string;
  private readonly calibrationDir: string;

  constructor(options: Options = {}) {
    this.outputDir = options.outputDir ?? 'reports/contracts';
    this.calibrationDir = options.calibrationDir ?? 'reports/calibration';
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name !== ASSUMPTION_ATTACHMENT || !attachment.body) continue;
      const record = JSON.parse(attachment.body.toString('utf8')) as AssumptionRecord;
      // The same words can stand for different constraints (two invalid requests both "accepted"): they are told apart by what they broke.
      const broke = [record.schemaPath ?? '', ...(record.requestViolations ?? []).map((v) => v.schemaPath ?? v.pointer)].join(',');
      const key = [record.api, record.target, record.operationId, record.kind, record.check, record.status, record.ruleId ?? '', broke].join('|');
      const entry = this.entries.get(key) ?? { record, tests: new Set<string>() };
      const [, project, , ...titles] = test.titlePath(); // root, project, file, describes…, title
      entry.tests.add(`${project} › ${titles.join(' › ')}`);
      this.entries.set(key, entry);
    }
  }

  async onEnd(_result: FullResult): Promise<void> {
    const entries = [...this.entries.values()];
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(path.join(this.outputDir, 'assumptions.json'), `${JSON.stringify(entries.map((e) => ({ ...e.record, tests: [...e.tests] })), null, 2)}\n`);
    writeFileSync(path.join(this.outputDir, 'assumptions.junit.xml'), junit(entries));
    if (!entries.length) return;
    const out = ['', `Unconfirmed assumptions: ${entries.length} (inferred rules the server did not follow; reported, not failed — STRICT=1 fails on them)`];
    // One line per assumption, across the operations and statuses where the server departed from it.
    for (const [target, list] of groupBy(entries, (e) => `${e.record.api}@${e.record.target}`)) {
      out.push(`  ${target}:`);
      for (const same of groupBy(list, (e) => `${e.record.check}|${e.record.source}`).values()) {
        const { record } = same[0];
        const where = [...new Set(same.map((e) => `${e.record.operationId} ${e.record.status || ''}`.trim() + (e.record.ruleId ? ` (${e.record.ruleId})` : '')))];
        const tests = new Set(same.flatMap((e) => [...e.tests]));
        out.push(`  - ${record.check}`);
        out.push(`      on ${where.slice(0, 8).join(', ')}${where.length > 8 ? ` and ${where.length - 8} more` : ''} (${tests.size} test${tests.size === 1 ? '' : 's'}): the server answered ${record.observed}`);
        out.push(`      inferred: ${record.source}`);
      }
    }
    for (const [api, list] of groupBy(entries.filter((e) => e.record.target === 'sandbox'), (e) => e.record.api)) {
      const file = this.writeCalibration(api as ApiId, list.map((e) => e.record));
      out.push(`Calibration proposed for ${api}: ${file} — review it, then \`npm run calibrate -- apply ${file}\`.`);
    }
    out.push(`Written to ${path.join(this.outputDir, 'assumptions.json')} and assumptions.junit.xml.`);
    console.log(out.join('\n'));
  }

  private writeCalibration(api: ApiId, records: AssumptionRecord[]): string {
    const profile = apiProfile(api);
    const specFile = process.env[profile.env.specFile] || profile.specFile;
    const doc = parse(readFileSync(path.resolve(PROJECT_ROOT, specFile), 'utf8'), { merge: true }) as Record<string, unknown>;
    const { overlay, unhandled } = overlayFromAssumptions(profile.specFile, doc, records);
    mkdirSync(this.calibrationDir, { recursive: true });
    const file = path.join(this.calibrationDir, `${api}.overlay.yaml`);
    writeFileSync(file, overlayYaml(overlay, unhandled));
    return file;
  }

  printsToStdio(): boolean {
    return true;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

const xml = escapeMarkup;

/** One suite per target, one passing test case per assumption, the details as properties. */
function junit(entries: Entry[]): string {
  const suites = [...groupBy(entries, (e) => `${e.record.api}@${e.record.target}`)].map(([target, list]) => [
    `  <testsuite name="${xml(`${target} unconfirmed assumptions`)}" tests="${list.length}" failures="0" errors="0" skipped="0">`,
    ...list.map(({ record, tests }) => [
      `    <testcase classname="${xml(`${target} ${record.operationId}`)}" name="${xml(`${record.ruleId ? `${record.ruleId}: ` : ''}${record.check}`)}">`,
      '      <properties>',
      ...[['verdict', 'unconfirmed assumption'], ['provenance', 'inferred'], ['source', record.source], ['observed', record.observed], ['tests', [...tests].join('; ')]]
        .map(([name, value]) => `        <property name="${xml(name)}" value="${xml(value)}"/>`),
      '      </properties>',
      `      <system-out>${xml(`${record.operationId} ${record.method} ${record.path}: ${record.check}. The server answered ${record.observed}. Inferred: ${record.source}.`)}</system-out>`,
      '    </testcase>',
    ].join('\n')),
    '  </testsuite>',
  ].join('\n'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="unconfirmed assumptions" tests="${entries.length}" failures="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
