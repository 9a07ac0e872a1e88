// `npm run lint:spec` fails when a status, an inferred schema, a rule or a marking lacks its
// provenance: run the project's ruleset on copies of the specs with one marking taken out each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/spec.ts';

function spectral(file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'), 'lint', file,
      '--ruleset', path.join(PROJECT_ROOT, 'spec/.spectral.yaml'), '--fail-severity=warn'], { cwd: PROJECT_ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** The spec with each replacement applied (each must match exactly once). */
function broken(spec: string, replacements: [string, string][]): string {
  let text = readFileSync(path.join(PROJECT_ROOT, spec), 'utf8');
  for (const [from, to] of replacements) {
    assert.equal(text.split(from).length, 2, `"${from.slice(0, 60)}" occurs once in ${spec}`);
    text = text.replace(from, to);
  }
  return text;
}

test('lint:spec fails on an unmarked status, an unmarked schema, a rule without a status source, and a marking without a source', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-check-'));
  try {
    const file = path.join(dir, 'core-api.yaml');
    writeFileSync(file, broken('spec/core-api.yaml', [
      // a status: the Conflict component loses its marking (assignCard's and createCustomer's 409 rest on it)
      ["    Conflict:\n      x-provenance: documented\n", '    Conflict:\n'],
      // an inferred schema: the Core error body loses its marking
      ["      x-provenance: inferred\n      x-provenance-source: '004 gives no error body: Status Codes and Common Issues name statuses and causes only'\n", ''],
      // a rule's status without its source
      ["          x-status-source: '004 Status Codes list 409 for conflicts (\"etc.\"); the status of a refused reactivation is not stated'\n", ''],
      // a marking without a source
      ["          x-provenance-source: '004 Add Balance: Response {cardId, balance}'\n", ''],
    ]));
    const { code, output } = await spectral(file);
    assert.notEqual(code, 0, `lint must fail:\n${output}`);
    assert.match(output, /Response 409 of createCustomer has no x-provenance/);
    assert.match(output, /Schema ErrorResponse has no x-provenance/);
    assert.match(output, /Rule cancelled-is-permanent gives a status: it needs x-status-source/);
    assert.match(output, /x-provenance: documented needs x-provenance-source/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// That lint:spec passes on the committed specs is npm test's first phase (every spec of spec/), not a test here.
