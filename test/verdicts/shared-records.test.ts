// A list of the account's records (listCustomers) holds what other tests and other people made:
// a record a lenient server accepted elsewhere (an invalid email, a missing name) must not fail
// this test's check; the records this test created are checked in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiResponse } from '../../lib/client.ts';
import { verdictOf } from '../../lib/verdict.ts';

const HEADERS = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999', 'x-ratelimit-reset': '1900000000' };

function listAnswer(customers: unknown[], ownIds: string[], strict: boolean): ApiResponse {
  const body = { customers };
  return {
    api: 'core', target: 'sandbox', operationId: 'listCustomers', method: 'GET', path: '/customers', url: 'http://127.0.0.1/customers',
    status: 200, headers: HEADERS, contentType: 'application/json', body, text: JSON.stringify(body), traceSource: 'X-Request-Id',
    via: 'live', durationMs: 1, requestViolations: [], strict, ownIds: new Set(ownIds),
  };
}

test('listCustomers: another record breaking the schema is left out; this test\'s own record is checked', () => {
  const mine = { customerId: 'cus_mine', name: 'Ada', email: 'ada@example.com' };
  const foreign = [{ customerId: 'cus_other', name: 'Bob', email: 'bob-at-example.com' }, { customerId: 'cus_x', email: 'x@example.com' }];
  const clean = verdictOf(listAnswer([mine, ...foreign], ['cus_mine'], true), 'listCustomers', 200);
  assert.deepEqual(clean.findings, [], 'records this test did not create are not this test\'s to check');
  assert.equal(clean.notChecked, 2);

  const broken = verdictOf(listAnswer([{ ...mine, name: 42 }, ...foreign], ['cus_mine'], true), 'listCustomers', 200);
  assert.deepEqual(broken.failing.map((f) => [f.text, f.basis.provenance]), [['/customers/0/name must be string', 'documented']]);
});
