// Integrators' webhook receivers, as test fixtures for `npm run webhooks:send`: a well-behaved
// one (checks X-Webhook-Key in constant time, refuses a body that is not JSON, takes a notification
// once however often it comes), and ones that get one thing wrong. Each exposes
// GET /processed?id=<id> → {"count": N}, the convention of --processed-url.
import http from 'node:http';
import { sameSecret } from '../../lib/webhook-receiver.ts';
import type { AddressInfo } from 'node:net';

export interface ReceiverFixture { url: string; processedUrl: string; close(): Promise<void> }

export async function integratorReceiver(key: string, behaviour: { ignoresKey?: boolean; processesDuplicates?: boolean } = {}): Promise<ReceiverFixture> {
  const processed = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/processed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: processed.get(url.searchParams.get('id') ?? '') ?? 0 }));
      return;
    }
    let text = '';
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => {
      const sent = req.headers['x-webhook-key'];
      if (!behaviour.ignoresKey && (typeof sent !== 'string' || !sameSecret(sent, key))) { res.writeHead(401).end(); return; }
      let body: { operation_id?: string };
      try { body = JSON.parse(text); } catch { res.writeHead(400).end(); return; }
      const id = String(body.operation_id);
      if (behaviour.processesDuplicates || !processed.has(id)) processed.set(id, (processed.get(id) ?? 0) + 1);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    processedUrl: `http://127.0.0.1:${port}/processed`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
