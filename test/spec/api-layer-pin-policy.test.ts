// The API Layer's PIN policy as properties, against the spec's own Update PIN schema (the
// validator the twin and the harness compile from it): generated valid PINs are accepted; PINs
// breaking each rule are refused, and the refusal rests on that rule's basis (documented or
// inferred). Fixed seed; GEN_SEED / GEN_RUNS change it; a failure prints the seed, the shrunk
// PIN and the command that replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { newAjv, registerExtensionKeywordsIn, toViolations } from '../../lib/contract.ts';
import { basisOfSchemaError, strongest, type Basis } from '../../lib/provenance.ts';
import { dereference, PROJECT_ROOT } from '../../lib/spec.ts';
import { BROKEN_PINS, DOC_EXAMPLES, propertyParameters, validPin } from '../../fixtures/api-layer-pins.ts';

const spec = dereference(parse(readFileSync(path.join(PROJECT_ROOT, 'spec/api-layer.yaml'), 'utf8'))) as { components: { schemas: Record<string, Record<string, unknown>> } };
const schema = spec.components.schemas.UpdatePinRequest;
const ajv = newAjv();
registerExtensionKeywordsIn([ajv], [schema]);
const validate = ajv.compile(schema);
const FALLBACK: Basis = { provenance: 'inferred', source: 'UpdatePinRequest' };
const { seed, numRuns } = propertyParameters();
const REPLAY = `GEN_SEED=${seed} GEN_RUNS=${numRuns} node --import=#ts --test test/spec/api-layer-pin-policy.test.ts`;

/** Accepted, or refused on what basis (the strongest of the broken constraints). */
function verdict(pin: string): { accepted: boolean; basis?: Basis; errors: string[] } {
  if (validate({ pin })) return { accepted: true, errors: [] };
  const errors = validate.errors ?? [];
  return { accepted: false, basis: strongest(errors.map((e) => basisOfSchemaError(schema, e, FALLBACK))), errors: toViolations(errors).map((v) => `${v.pointer} ${v.message}`) };
}

function check(name: string, property: fc.IPropertyWithHooks<[string]> | fc.IProperty<[string]>): void {
  try {
    fc.assert(property, { seed, numRuns });
  } catch (error) {
    // fast-check's message holds the seed, the path and the shrunk counterexample; add how to replay it.
    throw new Error(`${name}\n${(error as Error).message}\nReplay: ${REPLAY}`);
  }
}

test('valid PINs (4–12 digits, no digit more than twice) are accepted', () => {
  check('a valid PIN was refused', fc.property(validPin, (pin) => {
    const v = verdict(pin);
    assert.ok(v.accepted, `${pin} refused: ${v.errors.join('; ')}`);
  }));
});

for (const { rule, provenance, pins } of BROKEN_PINS) {
  test(`a PIN with ${rule} is refused, on a ${provenance} rule`, () => {
    check(`a PIN with ${rule}`, fc.property(pins, (pin) => {
      const v = verdict(pin);
      assert.ok(!v.accepted, `${pin} was accepted`);
      assert.equal(v.basis?.provenance, provenance, `${pin}: refused on ${v.basis?.provenance} grounds (${v.errors.join('; ')})`);
    }));
  });
}

test("the docs' examples: 124758 passes both rules; 112441 passes the documented one and only the team's reading refuses it", () => {
  assert.equal(verdict(DOC_EXAMPLES.bothRules).accepted, true);
  const contested = verdict(DOC_EXAMPLES.consecutiveRuleOnly);
  assert.equal(contested.accepted, false);
  assert.equal(contested.basis?.provenance, 'inferred', 'a live server accepting 112441 is an unconfirmed assumption, not a contract failure');
});

test('a failing property names the seed, the shrunk PIN and the replay command', () => {
  // A deliberately wrong property: "no valid PIN contains a 7".
  assert.throws(() => check('the demonstration', fc.property(validPin, (pin) => { assert.ok(!pin.includes('7')); })), (error: Error) => {
    assert.match(error.message, new RegExp(`seed: ${seed}, path: "[0-9:]+"`));
    assert.match(error.message, /Counterexample: \["[0-9]*7[0-9]*"\]/);
    assert.match(error.message, /Shrunk \d+ time/);
    assert.ok(error.message.includes(`Replay: ${REPLAY}`));
    return true;
  });
});
