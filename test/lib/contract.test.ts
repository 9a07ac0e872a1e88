import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contractFor } from '../../lib/contract.ts';
import { loadSpec } from '../../lib/spec.ts';
import { CoverageBook, decodeRateLimit, decodeRequests, encodeRateLimit, encodeRequests } from '../../lib/coverage.ts';

const HEADERS = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999', 'x-ratelimit-reset': '1900000000' };
const customers = { customers: [] };

test('spec: the documented response headers are indexed with their schema and whether they are required', () => {
  const headers = loadSpec('core').operations.get('listCustomers')!.responses.get(429)!.headerDetails;
  assert.deepEqual(headers.map((h) => [h.name, h.required, h.schema?.type]), [
    ['X-RateLimit-Limit', true, 'integer'], ['X-RateLimit-Remaining', true, 'integer'], ['X-RateLimit-Reset', true, 'integer'],
  ]);
});

test('documented response headers: present, whole numbers; a missing or wrong one fails the check', () => {
  const core = contractFor('core');
  assert.deepEqual(core.checkResponse('listCustomers', { status: 200, contentType: 'application/json', body: customers, headers: HEADERS }),
    { ok: true, problems: [], violations: [], findings: [] });
  const { 'x-ratelimit-remaining': _gone, ...missing } = HEADERS;
  const check = core.checkResponse('listCustomers', { status: 200, contentType: 'application/json', body: customers, headers: { ...missing, 'X-RateLimit-Reset': 'soon' } });
  assert.equal(check.ok, false);
  assert.deepEqual(check.problems.sort(), [
    'header X-RateLimit-Remaining is missing (required by the spec)',
    'header X-RateLimit-Reset must be integer (got "soon")',
  ]);
  assert.deepEqual(core.checkResponseHeaders('listCustomers', 200, { ...HEADERS, 'x-ratelimit-limit': '-1' }), ['header X-RateLimit-Limit must be >= 0 (got "-1")']);
  // Without headers (callers that do not pass them) nothing changes.
  assert.equal(core.checkResponse('listCustomers', { status: 200, contentType: 'application/json', body: customers }).ok, true);
  // An API documenting no headers: nothing to check.
  assert.deepEqual(contractFor('sovera').checkResponseHeaders('getCard', 200, {}), []);
});

test('coverage: requests per target and account, rate-limit events expected or stopped', () => {
  assert.deepEqual(decodeRequests(encodeRequests('limited', 16)), { account: 'limited', count: 16 });
  assert.deepEqual(decodeRateLimit(encodeRateLimit(false, 'getCard rate limited (429) on core@twin: x y')), { expected: false, message: 'getCard rate limited (429) on core@twin: x y' });
  const book = new CoverageBook();
  book.recordRequests('core', 'twin', 'main', 3);
  book.recordRequests('core', 'twin', 'main', 2);
  book.recordRequests('core', 'twin', 'limited', 6);
  book.recordRateLimit('core', 'twin', true, 'asked for');
  book.recordRateLimit('core', 'twin', false, 'stopped one');
  const summary = book.summary();
  assert.deepEqual(summary.requests, { 'core@twin': { total: 11, byAccount: { main: 5, limited: 6 } } });
  assert.deepEqual(summary.rateLimitEvents, { 'core@twin': { expected: 1, stopped: 1, messages: ['stopped one'] } });
});
