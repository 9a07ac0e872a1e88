// The loopback transport (node:http, kept-alive sockets): what it hands the client, how it fails,
// and the one retry it allows itself (a kept-alive socket the server closed while it was idle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { send } from '../../lib/transport.ts';

async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

test('status, lower-case headers (a repeated one joined), the body as text; the request body and headers arrive whole', async () => {
  const seen: { method?: string; body?: string; type?: string; length?: string }[] = [];
  const s = await serve((req, body, res) => {
    seen.push({ method: req.method, body, type: req.headers['content-type'], length: req.headers['content-length'] });
    res.setHeader('X-Request-Id', 'req-1');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end('{"ok":"é"}');
  });
  try {
    const answer = await send({ url: `${s.url}/wallets`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"é"}' }, 2000);
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['x-request-id'], 'req-1');
    assert.equal(answer.headers['content-type'], 'application/json');
    assert.equal(answer.headers['set-cookie'], 'a=1, b=2');
    assert.equal(answer.text, '{"ok":"é"}');
    assert.deepEqual(seen, [{ method: 'POST', body: '{"name":"é"}', type: 'application/json', length: String(Buffer.byteLength('{"name":"é"}')) }]);
  } finally {
    await s.close();
  }
});

test('no full answer in time: a TimeoutError (the name fetch gives it) that says the time allowed', async () => {
  const s = await serve((_req, _body, res) => { res.writeHead(200); res.write('{"partial":'); }); // never ends
  try {
    await assert.rejects(send({ url: `${s.url}/slow`, method: 'GET', headers: {} }, 150), (error: Error) => error.name === 'TimeoutError' && /150 ms/.test(error.message));
  } finally {
    await s.close();
  }
});

test('nothing listening: the system error code on the error (ECONNREFUSED), no retry', async () => {
  const s = await serve(() => {});
  const { url } = s;
  await s.close();
  await assert.rejects(send({ url: `${url}/x`, method: 'GET', headers: {} }, 2000), (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED');
});

test('a kept-alive socket the server dropped: the request is sent again once, on a new socket; a reset on a new socket is not retried', async () => {
  // The server drops every socket on its second request, unanswered, as one whose keep-alive time
  // ran out just as the request left does: the client sees a reset on a reused socket.
  const served = new WeakMap<object, number>();
  let handled = 0;
  const s = await serve((req, _body, res) => {
    const n = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, n);
    if (n > 1) { req.socket.destroy(); return; }
    handled++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  try {
    assert.equal((await send({ url: `${s.url}/a`, method: 'POST', headers: {}, body: 'x' }, 2000)).text, 'ok');
    assert.equal((await send({ url: `${s.url}/b`, method: 'POST', headers: {}, body: 'y' }, 2000)).text, 'ok');
    assert.equal(handled, 2, 'each request handled once');
  } finally {
    await s.close();
  }
  const resets = await serve((req) => { req.socket.destroy(); });
  try {
    await assert.rejects(send({ url: `${resets.url}/c`, method: 'GET', headers: {} }, 2000), (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET');
  } finally {
    await resets.close();
  }
});
