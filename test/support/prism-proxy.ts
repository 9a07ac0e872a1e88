// Prism's validating proxy (`prism proxy --errors`, as the run plan starts it) in front of an
// in-process twin, on a free loopback port: for the twin tests that prove zero Prism violations.
import { freePorts } from '../../lib/config.ts';
import { startLocalServer, type LocalServer } from '../../lib/local-servers.ts';

export interface PrismProxy { url: string; stop(): Promise<void> }

export async function startPrismProxy(specFile: string, upstreamUrl: string): Promise<PrismProxy> {
  const [port] = freePorts(1);
  const server: LocalServer = await startLocalServer({
    name: `Prism proxy of ${specFile}`,
    port,
    command: `node node_modules/@stoplight/prism-cli/dist/index.js proxy ${specFile} ${upstreamUrl} --errors -h 127.0.0.1 -p ${port}`,
  }, { timeoutMs: 90_000 });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
