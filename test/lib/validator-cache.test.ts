// lib/validator-cache.ts: validators loaded from the disk cache decide as freshly compiled ones,
// and an entry is never reused for a schema, an option or a version it was not compiled from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { newAjv, registerExtensionKeywords } from '../../lib/contract.ts';
import { loadSpec } from '../../lib/spec.ts';
import { compileCached, validatorCacheDir } from '../../lib/validator-cache.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import type { Step } from '../../scenarios/flow.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'validator-cache-'));
  dirs.push(dir);
  return dir;
}
test.after(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function objectsIn(value: Json, found: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, found));
  else if (value && typeof value === 'object') { found.push(value); Object.values(value).forEach((v) => objectsIn(v, found)); }
  return found;
}

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
        const written = compileCached(writer, schema as object, dir);
        const cached = compileCached(reader, schema as object, dir);
        assert.notEqual(cached, written, `${api} ${op.operationId} ${status}: the second one comes from the file`);
        cases.push({ key: `${op.operationId} ${status}`, body, compiled: fresh.compile(schema as object), cached });
      }
    }
    assert.ok(cases.length >= 5, `${api}: example bodies to start from (${cases.length})`);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.cjs')).length > 0, true, `${api}: entries written`);
    const names = [...new Set(cases.flatMap(({ body }) => objectsIn(structuredClone(body)).flatMap((o) => Object.keys(o))))];
    let invalid = 0;
    fc.assert(fc.property(fc.constantFrom(...cases), fc.nat(), fc.constantFrom('add', 'remove', 'replace', 'none'), fc.constantFrom(...names), fc.jsonValue({ maxDepth: 2 }), (c, at, what, name, value) => {
      const body = structuredClone(c.body);
      const objects = objectsIn(body);
      if (objects.length) {
        const target = objects[at % objects.length];
        const keys = Object.keys(target);
        if (what === 'add') target[name] = value as Json;
        else if (what === 'remove' && keys.length) delete target[keys[at % keys.length]];
        else if (what === 'replace' && keys.length) target[keys[at % keys.length]] = value as Json;
      }
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

test('off, or a cache that cannot be written: validators still work and nothing is left behind', () => {
  assert.equal(validatorCacheDir({ HARNESS_VALIDATOR_CACHE: 'off' }), undefined);
  assert.equal(validatorCacheDir({ HARNESS_VALIDATOR_CACHE: 'some/dir' }), path.resolve('some/dir'));
  assert.match(validatorCacheDir({})!, /node_modules\/\.cache\/card-api-harness\/validators$/);
  assert.equal(compileCached(newAjv(), { type: 'string', minLength: 2 }, undefined)('a'), false);
  const file = path.join(freshDir(), 'a-file');
  writeFileSync(file, '');
  const validate = compileCached(newAjv(), { type: 'string', minLength: 2 }, path.join(file, 'cache')); // under a file: cannot be created
  assert.equal(validate('a'), false);
  assert.equal(validate('ab'), true);
});
