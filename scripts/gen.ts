// Generates TypeScript types from every spec in spec/ into lib/generated/ (committed, do not edit);
// a spec gets its types before its API has a profile (spec first, docs/README "Adding an API").
// `--check` fails when the committed files differ from what the spec generates now.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { PROJECT_ROOT } from '../lib/spec.ts';

const check = process.argv.includes('--check');
let stale = 0;
const specs = readdirSync(path.join(PROJECT_ROOT, 'spec')).filter((f) => f.endsWith('.yaml') && !f.startsWith('.')).map((f) => `spec/${f}`);
for (const relative of specs) {
  const specFile = path.join(PROJECT_ROOT, relative);
  const outFile = path.join(PROJECT_ROOT, 'lib/generated', `${path.basename(relative, '.yaml')}.ts`);
  // A default is what the server assumes when a field is omitted: the field stays optional.
  const ast = await openapiTS(pathToFileURL(specFile), { defaultNonNullable: false });
  const contents = `// Generated from ${relative} by \`npm run gen\`. Do not edit: change the spec and regenerate.\n\n${astToString(ast)}`;
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current === contents) continue;
  if (check) {
    stale++;
    console.error(`${path.relative(PROJECT_ROOT, outFile)} is stale: the spec changed. Run \`npm run gen\` and commit the result.`);
  } else {
    writeFileSync(outFile, contents);
    console.log(`wrote ${path.relative(PROJECT_ROOT, outFile)}`);
  }
}
process.exit(stale ? 1 : 0);
