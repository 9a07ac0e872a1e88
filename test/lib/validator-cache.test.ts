// lib/validator-cache.ts: validators loaded from the disk cache decide as freshly compiled ones,
// and an entry is never reused for a schema or options it was not compiled from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { newAjv, registerExtensionKeywords } from '../../lib/contract.ts';
import { CACHE_DIR, loadSpec } from '../../lib/spec.ts';
import { compileCached, validatorCacheDir } from '../../lib/validator-cache.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import type { Step } from '../../scenarios/flow.ts';
import { applyChange, bodyChanges, type Json } from '../support/body-changes.ts';

const require = createRequire(import.meta.url);
// Beside the real cache: the generated code requires Ajv's helpers, which resolve from node_modules.
mkdirSync(CACHE_DIR, { recursive: true });
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(CACHE_DIR, 'test-validators-'));
  dirs.push(dir);
  return dir;
}
test.after(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

/** The validator the entry file exports (require caches modules: the same function as a read from it). */
const entryOf = (dir: string, before: Set<string>) => readdirSync(dir).filter((f) => !before.has(f)).map((f) => require(path.join(dir, f)) as unknown);

test('validators read back from the cache decide as compiled ones, with the same errors, on changed example bodies of every API', () => {
  for (const api of ['sovera', 'core', 'api-layer'] as const) {
    const spec = loadSpec(api);
    const dir = freshDir();
    const fresh = newAjv();
    const writer = newAjv();
    const reader = newAjv();
    registerExtensionKeywords([fresh, writer, reader], spec.operations);
    const respond = exampleResponder(spec);
    const cases: { key: string; body: Json; compiled: ReturnType<typeof fresh.compile>; cached: ReturnType<typeof fresh.compile> }[] = [];
    for (const op of spec.operations.values()) {
      for (const [status, { schema }] of op.responses) {
        if (!schema) continue;
        let body: Json;
        try { body = respond({ operationId: op.operationId, expect: status } as Step).body as Json; } catch { continue; } // no example
        const before = new Set(readdirSync(dir));
        const written = compileCached(writer, schema as object, dir);
        const entries = entryOf(dir, before);
        const cached = compileCached(reader, schema as object, dir);
        if (entries.length) {
          assert.notEqual(written, entries[0], `${api} ${op.operationId} ${status}: the first one was compiled`);
          assert.equal(cached, entries[0], `${api} ${op.operationId} ${status}: the second one is the file's export`);
        } else {
          assert.equal(cached, written, `${api} ${op.operationId} ${status}: the same schema as an earlier response's, both read from its entry`);
        }
        cases.push({ key: `${op.operationId} ${status}`, body, compiled: fresh.compile(schema as object), cached });
      }
    }
    assert.ok(cases.length >= 5, `${api}: example bodies to start from (${cases.length})`);
    let invalid = 0;
    fc.assert(fc.property(fc.constantFrom(...cases), bodyChanges(cases.map((c) => c.body)), (c, change) => {
      const body = applyChange(c.body, change);
      const expected = c.compiled(body);
      assert.equal(c.cached(body), expected, `${api} ${c.key}: same verdict`);
      assert.deepEqual(c.cached.errors ?? null, c.compiled.errors ?? null, `${api} ${c.key}: same errors`);
      if (!expected) invalid++;
    }), { numRuns: 600, seed: 14 });
    assert.ok(invalid > 20, `${api}: the changes break bodies too (${invalid} of 600)`);
  }
});

test('an entry is only reused for the very schema and options it was compiled from', () => {
  const dir = freshDir();
  const short = compileCached(newAjv(), { type: 'string', maxLength: 5 }, dir);
  const shorter = compileCached(newAjv(), { type: 'string', maxLength: 3 }, dir);
  assert.equal(short('abcd'), true);
  assert.equal(shorter('abcd'), false, 'a changed schema is compiled again, not read from the old entry');
  const strict = compileCached(newAjv(), { type: 'integer' }, dir);
  const coercing = compileCached(newAjv({ coerceTypes: true }), { type: 'integer' }, dir);
  assert.equal(strict('5'), false);
  assert.equal(coercing('5'), true, 'other options, another entry');
  assert.equal(readdirSync(dir).length, 4);
  assert.equal(compileCached(newAjv(), { type: 'string', maxLength: 3 }, dir)('abcd'), false, 'read back: the same decision');
  assert.equal(readdirSync(dir).length, 4, 'the same schema again: no new entry');
});

test('off, an entry that does not load, or a cache that cannot be written: validators still work', () => {
  assert.equal(validatorCacheDir({ HARNESS_VALIDATOR_CACHE: 'off' }), undefined);
  assert.equal(validatorCacheDir({}), path.join(CACHE_DIR, 'validators'));
  assert.equal(compileCached(newAjv(), { type: 'string', minLength: 2 }, undefined)('a'), false);
  const dir = freshDir();
  compileCached(newAjv(), { type: 'string', minLength: 3 }, dir);
  const [entry] = readdirSync(dir);
  writeFileSync(path.join(dir, entry), 'module.exports = require("ajv/dist/runtime/not-there");');
  const again = compileCached(newAjv(), { type: 'string', minLength: 3 }, dir);
  assert.equal(again('ab'), false, 'a broken entry: compiled again');
  assert.equal(again('abc'), true);
  const file = path.join(freshDir(), 'a-file');
  writeFileSync(file, '');
  const validate = compileCached(newAjv(), { type: 'string', minLength: 2 }, path.join(file, 'cache')); // under a file: cannot be created
  assert.equal(validate('a'), false);
  assert.equal(validate('ab'), true);
});
