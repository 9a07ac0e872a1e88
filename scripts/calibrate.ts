// npm run calibrate -- apply <overlay.yaml> [--spec <file>] [--out <file>]
// Applies a reviewed calibration overlay (written by a live run to reports/calibration/) to the
// spec it extends. Only inferred parts may change: an action touching a documented rule is
// refused, with the rule and its source. Comments and anchors of the spec file are kept.
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { applyOverlay } from '../lib/calibration.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';

const USAGE = `Usage: npm run calibrate -- apply <overlay.yaml> [--spec <file>] [--out <file>]

Applies a calibration overlay (reports/calibration/<api>.overlay.yaml, written after a live run
with unconfirmed assumptions) to the spec named by its "extends" (or --spec), in place or to --out.
Review the overlay first: each action says what the spec assumed and what the server did.
Then run \`npm run gen\` (types) and \`npm test\`, and commit the spec with the reason.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { spec: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) { console.log(USAGE); return 0; }
  const [command, overlayFile] = positionals;
  if (command !== 'apply' || !overlayFile) { console.error(`${USAGE}\n\nFix: name the command and the overlay, e.g. npm run calibrate -- apply reports/calibration/core.overlay.yaml`); return 2; }
  if (!existsSync(overlayFile)) { console.error(`No overlay at ${overlayFile}. Fix: run the suite against the sandbox first (it writes reports/calibration/), or give the right path.`); return 2; }
  const overlay = parse(readFileSync(overlayFile, 'utf8')) as { extends?: string; actions?: unknown[] };
  const spec = values.spec ?? (overlay.extends ? path.resolve(PROJECT_ROOT, overlay.extends) : undefined);
  if (!spec || !existsSync(spec)) { console.error(`The overlay names no spec that exists (extends: ${overlay.extends ?? 'none'}). Fix: pass --spec <file>.`); return 2; }
  const out = values.out ?? spec;
  try {
    const result = await applyOverlay(overlayFile, spec, out);
    console.log(`Applied ${overlay.actions?.length ?? 0} actions of ${overlayFile} to ${path.relative(process.cwd(), out) || out}: ${result.changed.length} changes.`);
    for (const line of result.changed) console.log(`  ${line}`);
    if (result.unused.length) console.log(`Actions that matched nothing (already applied?): ${result.unused.join(', ')}`);
    console.log('Next: npm run gen && npm run lint:spec && npm test, then commit the spec with the reason.');
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = await main();
