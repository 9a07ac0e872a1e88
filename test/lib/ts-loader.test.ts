// `node --import=#ts` (lib/ts/): runs a TypeScript file as Node would run its JavaScript, with
// failures pointing at the .ts lines, reuses what it compiled, and never runs a stale compilation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../lib/spec.ts';
// @ts-expect-error: plain JavaScript without declarations (lib/ts runs before any TypeScript can)
import { CACHE as CACHE_URL } from '../../lib/ts/hooks.mjs';

const CACHE = fileURLToPath(CACHE_URL as URL);
// A fixed place, so that the cache keeps one entry per fixture text however often the test runs.
const DIR = path.join(tmpdir(), 'harness-ts-loader-test');

function run(name: string, source: string) {
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, name);
  writeFileSync(file, source);
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--import=#ts', file], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status, stdout, stderr, file };
}

/** `file`, then `suffix`, as a pattern (a path holds dots and slashes). */
const at = (file: string, suffix: string) => new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}${suffix}`);

/** The cache entries holding `marker` (the test's own, found without knowing how they are keyed). */
const entriesWith = (marker: string) => readdirSync(CACHE).filter((f) => readFileSync(path.join(CACHE, f), 'utf8').includes(marker));

test('types, enums and type-only imports are stripped; a thrown error points at its line in the .ts file', () => {
  const { status, stdout, stderr, file } = run('throws.ts', [
    "import type { Server } from 'node:http';",
    'enum Kind { Card = 1, Wallet }',
    'const none: Server | undefined = undefined;',
    'console.log(`kind ${Kind[Kind.Wallet]} ${none}`);',
    '',
    'throw new Error("thrown on line 6");',
  ].join('\n'));
  assert.equal(status, 1, stderr);
  assert.equal(stdout.trim(), 'kind Wallet undefined');
  assert.match(stderr, at(file, ':6\\b'), `the stack names the .ts line:\n${stderr}`);
});

test('a compiled file is read back from the cache; a changed file is compiled again', () => {
  const marker = 'cache-marker-7c1e';
  const first = run('cached.ts', `const n: number = 1;\nconsole.log('${marker} one', n);\n`);
  assert.equal(first.stdout.trim(), `${marker} one 1`, first.stderr);
  const entries = entriesWith(`${marker} one`);
  assert.equal(entries.length, 1, 'one cache entry for the file');
  try {
    // Tamper with the entry: if the next start reads it back, it prints what the entry now says.
    writeFileSync(path.join(CACHE, entries[0]), `console.log('${marker} read back from the cache');\n`);
    assert.equal(run('cached.ts', `const n: number = 1;\nconsole.log('${marker} one', n);\n`).stdout.trim(), `${marker} read back from the cache`);
    const changed = run('cached.ts', `const n: number = 2;\nconsole.log('${marker} two', n);\n`);
    assert.equal(changed.stdout.trim(), `${marker} two 2`, 'the changed text runs, not the cached one');
  } finally {
    for (const f of entriesWith(marker)) rmSync(path.join(CACHE, f));
  }
});

test('a syntax error names the file, line and column', () => {
  const { status, stderr, file } = run('broken.ts', 'const ok = 1;\nconst a: = 1;\n');
  assert.equal(status, 1);
  assert.match(stderr, at(file, ':2:\\d+: ERROR'), stderr);
});
