// The Update PIN policy (docs 003) as properties, through the target: generated valid PINs are
// accepted; generated PINs that break one rule are refused. fast-check runs with a fixed seed
// (GEN_SEED, GEN_HTTP_RUNS, GEN_PATH to replay); a failure shows the shrunk counterexample as its
// shape (a PIN is a card secret: never its digits) and the replay line. Which rules are documented
// and which one is our reading lives in the spec's PIN schema; each refusal is judged on that basis.
import fc from 'fast-check';
import { test, expect, newCard } from '../../fixtures/api-layer.ts';
import { BROKEN_PINS, DOC_EXAMPLES, httpPropertyParameters, validPin } from '../../fixtures/api-layer-pins.ts';
import { assertProperty, digitShape } from '../../lib/property.ts';

const parameters = httpPropertyParameters();
const shape = (pin: string) => `a PIN of ${pin.length} characters shaped ${digitShape(pin)}`;

test(`updateVirtualCardPin accepts generated valid PINs (seed ${parameters.seed}, ${parameters.numRuns} runs)`, async ({ api, endpoint }) => {
  const cardId = endpoint.stateful ? (await newCard(api)).cardId : 'vc_001';
  await assertProperty('a valid PIN is accepted', fc.asyncProperty(validPin, async (pin) => {
    await expect(await api.updateVirtualCardPin({ path: { cardId }, body: { pin } })).toMatchContract('updateVirtualCardPin', 200);
  }), parameters, shape);
});

for (const broken of BROKEN_PINS) {
  test(`updateVirtualCardPin refuses PINs with ${broken.rule} (${broken.provenance}; seed ${parameters.seed})`, async ({ api, endpoint }) => {
    const cardId = endpoint.stateful ? (await newCard(api)).cardId : 'vc_001';
    await assertProperty(`a PIN with ${broken.rule} is refused`, fc.asyncProperty(broken.pins, async (pin) => {
      await expect(await api.call('updateVirtualCardPin', { path: { cardId }, body: { pin } })).toMatchContract('updateVirtualCardPin', 400);
    }), parameters, shape);
  });
}

test('updateVirtualCardPin: the docs\' own examples', async ({ api, endpoint }) => {
  const cardId = endpoint.stateful ? (await newCard(api)).cardId : 'vc_001';
  // 124758 follows both rules; 112441 is the docs' example of the consecutive rule, which our reading of the other rule refuses.
  await expect(await api.updateVirtualCardPin({ path: { cardId }, body: { pin: DOC_EXAMPLES.bothRules } })).toMatchContract('updateVirtualCardPin', 200);
  await expect(await api.call('updateVirtualCardPin', { path: { cardId }, body: { pin: DOC_EXAMPLES.consecutiveRuleOnly } })).toMatchContract('updateVirtualCardPin', 400);
});
