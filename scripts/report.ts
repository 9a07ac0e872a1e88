// `npm run report`                                  rewrite reports/index.html from what reports/ holds
// `npm run report -- annotations --format github`   the last run's failures and findings as GitHub annotations
// `npm run report -- annotations --format gitlab`   … as a GitLab Code Quality report (reports/codequality.json)
// The runs write the page themselves; this is for CI steps after them, and for a page rebuilt by hand.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitOnConfigError } from '../lib/config.ts';
import { annotationsOf, githubAnnotations, gitlabCodeQuality } from '../lib/run-report/annotations.ts';
import { readJson } from '../lib/run-report/collect.ts';
import { reportSettings, RUN_RECORD_FILE, writeRunReport, type RunRecord } from '../lib/run-report/write.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';

const USAGE = 'Usage: npm run report [-- annotations --format github|gitlab [--out FILE]] [--dir reports]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string' }, out: { type: 'string' }, dir: { type: 'string' } } });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}. ${USAGE}`);
}
const { values, positionals } = parsed;
const dir = path.resolve(PROJECT_ROOT, (values.dir as string | undefined) ?? 'reports');
const [command] = positionals;

if (!command) {
  exitOnConfigError(() => reportSettings());
  const load = existsSync(path.join(dir, 'load')) ? readdirSync(path.join(dir, 'load'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  const page = writeRunReport(dir, { contracts: existsSync(path.join(dir, 'contracts', 'results.json')), load });
  const record = readJson<RunRecord>(path.join(dir, RUN_RECORD_FILE))!;
  console.log(`Run report: ${path.relative(process.cwd(), page)} — ${record.verdict.toUpperCase()}`);
  for (const reason of record.reasons) console.log(`  ${reason}`);
} else if (command === 'annotations') {
  const format = values.format as string | undefined;
  if (format !== 'github' && format !== 'gitlab') fail(`--format must be github or gitlab. ${USAGE}`);
  const record = readJson<RunRecord>(path.join(dir, RUN_RECORD_FILE));
  if (!record) fail(`No run report in ${path.relative(process.cwd(), dir) || '.'}: run \`npm start\` (or the suite, or a load scenario) first.`);
  const list = annotationsOf(record);
  if (format === 'github') {
    for (const line of githubAnnotations(list)) console.log(line);
    console.log(`${list.filter((a) => a.level === 'error').length} errors, ${list.filter((a) => a.level === 'warning').length} warnings from ${path.relative(process.cwd(), path.join(dir, RUN_RECORD_FILE))}`);
  } else {
    const out = path.resolve((values.out as string | undefined) ?? path.join(dir, 'codequality.json'));
    writeFileSync(out, gitlabCodeQuality(list));
    console.log(`GitLab Code Quality report: ${path.relative(process.cwd(), out)} (${list.length} entries)`);
  }
} else {
  fail(`Unknown command "${command}". ${USAGE}`);
}
