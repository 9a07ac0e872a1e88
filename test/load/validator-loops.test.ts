// The k6 bundles' validators loop over Object.keys where Ajv writes `for…in`
// (load/build/validators.ts keyLoops: cheaper in k6's engine). They must decide exactly as Ajv's
// own code does: both are bundled and run on the spec's example bodies, changed at random (a key
// added to, removed from or replaced in any object of the body), and must agree on the verdict and
// on the error they report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadSpec } from '../../lib/spec.ts';
import { exampleResponder } from '../../load/build/examples.ts';
import { generateValidators } from '../../load/build/validators.ts';
import type { Step } from '../../scenarios/flow.ts';
import { bundledValidators } from './helpers.ts';
import { applyChange, bodyChanges, type Json } from '../support/body-changes.ts';

/** Ajv's own loops back, from the rewritten ones: `for(let key0_i=0,key0_all=Object.keys(data);…){const key0=key0_all[key0_i];` → `for(const key0 in data){`. */
const ajvLoops = (code: string) =>
  code.replace(/for\(let (key\d+)_i=0,\1_all=Object\.keys\(([A-Za-z_$][\w$]*)\);\1_i<\1_all\.length;\1_i\+\+\)\{const \1=\1_all\[\1_i\];/g, 'for(const $1 in $2){');

test('the rewritten key loops decide as Ajv\'s for…in loops, on changed example bodies of every Sovera and API Layer response', async () => {
  for (const api of ['sovera', 'api-layer'] as const) { // Core's spec closes no object: nothing to rewrite there
    const spec = loadSpec(api);
    const ids = [...spec.operations.keys()];
    const generated = generateValidators(spec, ids);
    const rewritten = generated.code.match(/_all=Object\.keys\(/g)?.length ?? 0;
    assert.ok(rewritten > 0, `${api}: the closed objects' loops are rewritten`);
    assert.doesNotMatch(generated.code, /for\(const key\d+ in /, `${api}: no for…in loop is left`);
    const original = ajvLoops(generated.code);
    assert.equal(original.match(/for\(const key\d+ in /g)?.length, rewritten, `${api}: every rewritten loop maps back to one of Ajv's`);

    const ours = await bundledValidators(generated);
    const ajvs = await bundledValidators({ ...generated, code: original });
    const respond = exampleResponder(spec);
    const bodies = Object.keys(generated.exports).flatMap((key) => {
      const [operationId, status] = key.split(' ');
      try { return [{ key, body: respond({ operationId, expect: Number(status) } as Step).body as Json }]; } catch { return []; } // a response without an example
    });
    assert.ok(bodies.length >= 5, `${api}: example bodies to start from (${bodies.length})`);

    fc.assert(fc.property(fc.constantFrom(...bodies), bodyChanges(bodies.map((b) => b.body)), ({ key, body }, c) => {
      const changed = applyChange(body, c);
      const [a, b] = [ajvs[key], ours[key]];
      const verdict = [a(changed), b(changed)];
      assert.equal(verdict[1], verdict[0], `${key}: the same verdict`);
      assert.deepEqual(b.errors ?? null, a.errors ?? null, `${key}: the same error`);
    }), { numRuns: 1500, seed: 20261202 });
  }
});
