// How the harness starts its local servers (the twin, Prism's mock and Prism's validating proxy),
// on loopback: one place for the command lines, used by the contract run plan, the load runner,
// the benchmarks and the tests.
import { APIS, type ApiId } from './apis.ts';
import { prismServerArgs, type PrismServer } from './prism-host.ts';

export interface ServerSpec {
  name: string;
  command: string;
  /** The port it serves on; with several (a Prism host), the first, and `ports` lists them all. */
  port: number;
  ports?: number[];
  env?: Record<string, string>;
}

/** The in-memory twin of an API; `env` carries its keys or accounts. */
export function twinServer(api: ApiId, port: number, env: Record<string, string>): ServerSpec {
  return { name: `${api} twin`, port, command: `node --import=#ts twin/main.ts --api ${api} --host 127.0.0.1 --port ${port}`, env };
}

/** Prism's stateless mock of the spec; it serves at the root, without the API's base path. */
export function prismMock(api: ApiId, port: number): PrismServer {
  return { kind: 'mock', specFile: APIS[api].specFile, port };
}

/** Prism's validating proxy (a response that breaks the spec becomes a 500 problem document). */
export function prismProxy(specFile: string, upstreamUrl: string, port: number): PrismServer {
  return { kind: 'proxy', specFile, upstreamUrl, port };
}

/** Prism servers, all in one process (lib/prism-host.ts: Prism's start is mostly loading Prism, paid once). */
export function prismHost(servers: PrismServer[], name = `Prism (${servers.map((s) => `${s.kind} of ${s.specFile}`).join(', ')})`): ServerSpec {
  return { name, port: servers[0].port, ports: servers.map((s) => s.port), command: `node --import=#ts lib/prism-host.ts ${prismServerArgs(servers).join(' ')}` };
}

/** One Prism mock on its own. */
export function mockServer(api: ApiId, port: number): ServerSpec {
  return prismHost([prismMock(api, port)], `${api} Prism mock`);
}

/** One Prism validating proxy on its own. */
export function proxyServer(specFile: string, upstreamUrl: string, port: number): ServerSpec {
  return prismHost([prismProxy(specFile, upstreamUrl, port)], `Prism proxy of ${specFile}`);
}
