// Generates TypeScript types from each API's spec into lib/generated/ (committed, do not edit).
// `--check` fails when the committed files differ from what the spec generates now.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { APIS } from '../lib/apis.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const api of Object.values(APIS)) {
  const specFile = path.join(PROJECT_ROOT, api.specFile);
  const outFile = path.join(PROJECT_ROOT, 'lib/generated', `${path.basename(api.specFile, '.yaml')}.ts`);
  // A default is what the server assumes when a field is omitted: the field stays optional.
  const ast = await openapiTS(pathToFileURL(specFile), { defaultNonNullable: false });
  const contents = `// Generated from ${api.specFile} by \`npm run gen\`. Do not edit: change the spec and regenerate.\n\n${astToString(ast)}`;
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
