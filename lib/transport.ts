// How the client's requests go out. To a live server: fetch, as before (redirects, compression,
// TLS). To a server of the harness's own on loopback (the twins, Prism's mock and proxy, the test
// fakes): node:http with kept-alive sockets, because there the client's own cost is what a
// contract run waits for — fetch took ~800 µs of CPU a request on loopback and node:http ~300 µs,
// over the ~1,200 tests of `npm test` and the harness's own sub-runs of the suite.
import http from 'node:http';
import { isLoopbackHost } from './loopback.ts';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", " (as fetch's Headers do). */
  headers: Record<string, string>;
  text: string;
}

/** A request that got no full answer within its time: named as fetch names it, so one message serves both. */
class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const loopbackAgent = new http.Agent({ keepAlive: true });

export async function send(req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  const url = new URL(req.url);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return sendOnLoopback(url, req, timeoutMs);
  const response = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
}

async function sendOnLoopback(url: URL, req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  const deadline = Date.now() + timeoutMs;
  try {
    return await sendOnce(url, req, timeoutMs);
  } catch (error) {
    // A kept-alive socket the server closed while idle fails on reuse before the server read a
    // byte (Node's documented case for `reusedSocket`): the request was not handled, so send it
    // once more, on a new socket.
    if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
    return sendOnce(url, req, Math.max(1, deadline - Date.now()));
  }
}

function sendOnce(url: URL, req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const request = http.request(url, { method: req.method, headers, agent: loopbackAgent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        const joined: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) joined[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers: joined, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => request.destroy(new TimeoutError(`no response within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code;
      reject(Object.assign(error, { reusedSocket: request.reusedSocket && code === 'ECONNRESET' }));
    }
    request.on('error', fail);
    request.end(req.body);
  });
}
