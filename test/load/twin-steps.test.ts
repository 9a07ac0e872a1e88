// Twin-only steps (card transactions) in the k6 runner: sent to the twin's origin, whatever the
// API's base path, as JSON, without the API's credentials; checked by status, never against a
// spec (no provider's spec has them); a wrong status fails the check by the step's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createExecutor } from '../../load/lib/k6-runner.ts';
import { authorise } from '../../scenarios/transactions.ts';
import { fakeK6 } from './helpers.ts';

const config = { baseUrl: 'http://127.0.0.1:4020/cards/v2', authorization: 'Basic c2VjcmV0Og==', contractSample: 1, operations: {}, validators: {} };

test('a twin-only step goes to the origin, as JSON, without credentials, and is checked by status', () => {
  const fake = fakeK6(() => ({ status: 201, body: '{"transactionId":"txn_0001","status":"AUTHORISED"}', headers: { 'Content-Type': 'application/json' } }));
  const execute = createExecutor(fake.deps, config);
  const step = authorise('card 1', 12.5).next().value as Parameters<typeof execute>[0];
  const res = execute(step);
  assert.equal(res.body.transactionId, 'txn_0001');
  const [sent] = fake.requests;
  assert.equal(sent.method, 'POST');
  assert.equal(sent.url, 'http://127.0.0.1:4020/_twin/cards/card%201/authorisations');
  assert.deepEqual(JSON.parse(sent.body!), { amount: 12.5, merchant: 'Harness Coffee' });
  assert.equal(JSON.stringify(sent.params.headers).includes('Basic'), false, 'no credentials to the twin-only operation');
  assert.deepEqual(fake.checks, [{ name: 'twin:authorise answers 201', ok: true, tags: { operation: 'twin:authorise', name: 'POST twin:authorise' } }]);
  assert.equal(fake.counters.contractChecked.length, 0, 'no spec checks a twin-only answer');
});

test('a twin-only step answering another status fails its check', () => {
  const fake = fakeK6(() => ({ status: 404, body: '{"code":"NOT_FOUND"}', headers: {} }));
  createExecutor(fake.deps, config)(authorise('gone', 1).next().value as never);
  assert.deepEqual(fake.checks.map((c) => [c.name, c.ok]), [['twin:authorise answers 201', false]]);
});
