// The twins' webhook delivery on its own: loopback only; in order per resource (a card's second
// event waits for its first to be answered, another card's does not); retried with doubling
// waits on a non-2xx answer or a timeout, and given up after the policy's attempts; a log of
// every attempt without bodies or header values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopbackCallbackError, WebhookDispatcher } from '../../twin/webhooks.ts';

interface Seen { at: number; id: string; resource: string; key?: string }

/** A receiver answering each delivery with `answer(n)` (n from 0), after `delayMs(n)`; records what arrived. */
async function receiver(answer: (n: number) => number | 'hang', delayMs: (n: number) => number = () => 0) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const n = seen.length;
      const body = JSON.parse(text) as { id: string; resource: string };
      seen.push({ at: Date.now(), id: body.id, resource: body.resource, key: req.headers['x-webhook-key'] as string | undefined });
      const status = answer(n);
      if (status === 'hang') return;
      setTimeout(() => res.writeHead(status).end(), delayMs(n));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=abc`;
  return { seen, url, close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }) };
}

const event = (id: string, resource: string) => ({ id, type: 'test', resource, body: { id, resource } });

describe('webhook delivery', () => {
  test('only to loopback callback URLs', () => {
    assert.equal(loopbackCallbackError('http://127.0.0.1:8080/hook'), undefined);
    assert.equal(loopbackCallbackError('https://[::1]/hook'), undefined);
    assert.match(loopbackCallbackError('https://hooks.example.com/x')!, /loopback only/);
    assert.match(loopbackCallbackError('ftp://127.0.0.1/x')!, /http\(s\)/);
    const d = new WebhookDispatcher(Date.now);
    assert.throws(() => d.register('c', { url: 'http://10.0.0.1/hook', headers: {} }), /loopback only/);
  });

  test('in order per resource; another resource is not held up', async () => {
    const r = await receiver(() => 200, (n) => (n === 0 ? 150 : 0));
    const d = new WebhookDispatcher(Date.now);
    try {
      d.register('c', { url: r.url, headers: { 'X-Webhook-Key': 'k-secret-1' } });
      d.emit('c', event('a1', 'card-a'));
      d.emit('c', event('a2', 'card-a'));
      d.emit('c', event('b1', 'card-b'));
      await d.idle();
      const order = r.seen.map((s) => s.id);
      assert.ok(order.indexOf('a1') < order.indexOf('a2'), `a1 before a2: ${order}`);
      assert.ok(order.indexOf('b1') < order.indexOf('a2'), `card-b does not wait for card-a's slow answer: ${order}`);
      assert.ok(r.seen.every((s) => s.key === 'k-secret-1'), 'the key goes with every delivery');
      const log = JSON.stringify(d.deliveries());
      assert.doesNotMatch(log, /k-secret-1|token=abc/, 'the log holds no key and no query');
      assert.deepEqual(d.deliveries({ resource: 'card-a' }).map((x) => [x.eventId, x.outcome]), [['a1', 'delivered'], ['a2', 'delivered']]);
    } finally {
      d.close();
      await r.close();
    }
  });

  test('a refused delivery is retried with the same id, waits doubling, and is given up after the attempts', async () => {
    const r = await receiver(() => 503);
    const d = new WebhookDispatcher(Date.now, { attempts: 3, baseDelayMs: 40, timeoutMs: 1_000 });
    try {
      d.register('c', { url: r.url, headers: {} });
      d.emit('c', event('e1', 'card'));
      await d.idle();
      assert.deepEqual(r.seen.map((s) => s.id), ['e1', 'e1', 'e1'], 'three attempts, then no more');
      const gaps = [r.seen[1].at - r.seen[0].at, r.seen[2].at - r.seen[1].at];
      assert.ok(gaps[0] >= 35 && gaps[1] >= 75, `waits of about 40 then 80 ms: ${gaps}`);
      assert.deepEqual(d.deliveries().map((x) => [x.attempt, x.status, x.outcome]), [[1, 503, 'retrying'], [2, 503, 'retrying'], [3, 503, 'failed']]);
    } finally {
      d.close();
      await r.close();
    }
  });

  test('a receiver that does not answer in time is retried too', async () => {
    const r = await receiver((n) => (n === 0 ? 'hang' : 200));
    const d = new WebhookDispatcher(Date.now, { attempts: 2, baseDelayMs: 10, timeoutMs: 150 });
    try {
      d.register('c', { url: r.url, headers: {} });
      d.emit('c', event('slow', 'card'));
      await d.idle();
      assert.deepEqual(d.deliveries().map((x) => [x.attempt, x.error ?? x.status, x.outcome]), [[1, 'no answer within 150 ms', 'retrying'], [2, 200, 'delivered']]);
    } finally {
      d.close();
      await r.close();
    }
  });
});
