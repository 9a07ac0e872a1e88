import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64, basicKeyAuthorization, buildRequest, formEncode } from '../../lib/http.ts';

const getWallet = { operationId: 'getWallet', method: 'get', path: '/wallets/{walletId}' };
const block = { operationId: 'blockCard', method: 'post', path: '/operations/block' };

test('keeps the base path of the server (no URL resolution)', () => {
  const req = buildRequest(getWallet, { path: { walletId: 'w 1/2' } }, { baseUrl: 'http://127.0.0.1:4020/cards/v2/' });
  assert.equal(req.url, 'http://127.0.0.1:4020/cards/v2/wallets/w%201%2F2');
  assert.equal(req.method, 'GET');
  assert.equal(req.body, undefined);
});

test('JSON body by default, form-encoded on request', () => {
  const json = buildRequest(block, { body: { cardId: 'c1' } }, { baseUrl: 'http://h' });
  assert.equal(json.headers['content-type'], 'application/json');
  assert.equal(json.body, '{"cardId":"c1"}');
  const form = buildRequest(block, { body: { cardId: 'c 1', physicalCard: true } }, { baseUrl: 'http://h', form: true });
  assert.equal(form.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(form.body, 'cardId=c+1&physicalCard=true');
});

test('query strings skip undefined values', () => {
  const req = buildRequest({ operationId: 'x', method: 'get', path: '/transactions' }, { query: { walletId: 'w1', page: undefined } }, { baseUrl: 'http://h' });
  assert.equal(req.url, 'http://h/transactions?walletId=w1');
});

test('a missing path parameter is an error naming it', () => {
  assert.throws(() => buildRequest(getWallet, {}, { baseUrl: 'http://h' }), /walletId/);
});

test('HTTP Basic with the key as user name and an empty password', () => {
  assert.equal(basicKeyAuthorization('key'), `Basic ${Buffer.from('key:').toString('base64')}`);
  for (const s of ['', 'a', 'ab', 'abc', 'ключ-é', 'a much longer api key 1234567890']) {
    assert.equal(base64(s), Buffer.from(s, 'utf8').toString('base64'), s);
  }
});

test('formEncode', () => {
  assert.equal(formEncode({ a: 'x&y', b: 2, c: undefined }), 'a=x%26y&b=2');
});
