// The k6 bundles count string lengths with load/lib/ucs2length.ts instead of Ajv's: it must give
// Ajv's count for every string (surrogate pairs one character, lone surrogates one each).
// That the bundles carry it: test/load/bundle.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ajvUcs2length from 'ajv/dist/runtime/ucs2length.js';
import ucs2length from '../../load/lib/ucs2length.ts';

const ajvCount = (ajvUcs2length as unknown as { default: (s: string) => number }).default;

test('ucs2length counts as Ajv does, for any UTF-16 string (pairs, lone surrogates, ASCII)', () => {
  const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 40 })
    .map((codes) => String.fromCharCode(...codes));
  fc.assert(fc.property(units, (s) => ucs2length(s) === ajvCount(s)), { numRuns: 2000 });
  assert.equal(ucs2length('a\uD83D\uDE00b'), 3, 'a pair is one character');
  assert.equal(ucs2length('\uD83D'), 1, 'a lone high surrogate is one');
});
