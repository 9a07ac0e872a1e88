// The access-level matrix (docs 003: every catalogue operation names the level it requires),
// derived from each operation's `x-access-level`, not written out: a key one level too low is
// refused (the rule `<op>#refuses-lower-level`, documented where the level is; its 403 status is
// inferred), and a key of exactly the level passes the access check. Read-Only ⊂ Operational ⊂
// Admin; MANAGEMENT is apart (an Admin key is "one too low" for a management operation).
import { test, expect, checkRule, newCard, STATEFUL, type ApiLayerClient } from '../../fixtures/api-layer.ts';
import { contractFor } from '../../lib/contract.ts';
import { ACCESS_LEVEL_NAMES, type AccessLevel } from '../../lib/apis.ts';
import { ACCESS_RULE } from '../../lib/spec.ts';
import { KNOWN_BLOCKCHAIN, unknownIds, validRequest, type Ids } from '../../fixtures/api-layer-requests.ts';

const leveled = [...contractFor('api-layer').operations.values()].filter((op) => op.accessLevel !== undefined);

/** The level just below: none for Read-Only (nothing is lower); Admin for MANAGEMENT (the highest key without the permission). */
function oneBelow(level: AccessLevel): AccessLevel | undefined {
  if (level === 'MANAGEMENT') return 3;
  return level > 1 ? ((level - 1) as AccessLevel) : undefined;
}

/** "a Read-Only", "an Operational", "an Admin", "a MANAGEMENT": test titles read as sentences. */
const withArticle = (name: string) => `${/^[AEIOU]/.test(name) && name !== name.toUpperCase() ? 'an' : 'a'} ${name}`;

/** Ids around a card of the test's own and a blockchain the docs name; ids no server issued on a stateless target. */
async function idsFor(api: ApiLayerClient, stateful: boolean): Promise<Ids> {
  return stateful ? { ...unknownIds(), cardId: (await newCard(api)).cardId, blockchain: KNOWN_BLOCKCHAIN } : unknownIds();
}

for (const op of leveled) {
  const level = op.accessLevel!.level;
  const below = oneBelow(level);
  test.describe(`${op.operationId} (${ACCESS_LEVEL_NAMES[String(level)]})`, () => {
    if (below !== undefined) {
      test(`${op.operationId} refuses ${withArticle(ACCESS_LEVEL_NAMES[String(below)])} key`, async ({ api, keyOf, endpoint, ownAddresses }) => {
        // Around a card of the test's own (on a stateful target): then only the key's level can refuse the request.
        // A server that lets the key through acts on it: funds and configuration go to the account's own addresses only.
        const ids = { ...await idsFor(api, endpoint.stateful), ...ownAddresses(op.operationId) };
        const res = await api.call(op.operationId as never, validRequest(op.operationId, ids), { auth: { apiKey: keyOf(below) }, account: `level ${below}`, mockStatus: 403 });
        await expect(res).toFollowRule(`${op.operationId}#${ACCESS_RULE}`);
      });
    }

    test(`${op.operationId} lets ${withArticle(ACCESS_LEVEL_NAMES[String(level)])} key through`, { tag: STATEFUL }, async ({ api, keyOf, ownAddresses }) => {
      // Around a card of this test's own, so the answer is about the operation, not about a missing card.
      const ids = { ...await idsFor(api, true), ...ownAddresses(op.operationId) };
      const res = await api.call(op.operationId as never, validRequest(op.operationId, ids), { auth: { apiKey: keyOf(level) }, account: `level ${level}` });
      await checkRule(api.endpoint, `${op.operationId}#${ACCESS_RULE}`, () => {
        expect([401, 403], `${op.operationId} with a key of its own level answered ${res.status}: refused for access`).not.toContain(res.status);
      });
      await expect(res).toMatchContract(op.operationId, res.status);
    });
  });
}
