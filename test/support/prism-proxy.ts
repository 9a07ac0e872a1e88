// Prism's validating proxy (`prism proxy --errors`, as the run plan starts it) in front of an
// in-process twin, on a free loopback port: for the twin tests that prove zero Prism violations.
import { freePorts } from '../../lib/config.ts';
import { startLocalServer, type LocalServer } from '../../lib/local-servers.ts';
import { proxyServer } from '../../lib/server-specs.ts';

export interface PrismProxy { url: string; stop(): Promise<void> }

export async function startPrismProxy(specFile: string, upstreamUrl: string): Promise<PrismProxy> {
  const [port] = freePorts(1);
  const server: LocalServer = await startLocalServer(proxyServer(specFile, upstreamUrl, port), { timeoutMs: 90_000 });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
