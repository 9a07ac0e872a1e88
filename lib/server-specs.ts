// How the harness starts its local servers (the twin, Prism's mock and Prism's validating proxy),
// on loopback: one place for the command lines, used by the contract run plan, the load runner,
// the benchmarks and the tests.
import { APIS, type ApiId } from './apis.ts';

export interface ServerSpec {
  name: string;
  command: string;
  port: number;
  env?: Record<string, string>;
}

const PRISM = 'node node_modules/@stoplight/prism-cli/dist/index.js';

/** The in-memory twin of an API; `env` carries its keys or accounts. */
export function twinServer(api: ApiId, port: number, env: Record<string, string>): ServerSpec {
  return { name: `${api} twin`, port, command: `node --import tsx twin/main.ts --api ${api} --host 127.0.0.1 --port ${port}`, env };
}

/** Prism's stateless mock of the spec; it serves at the root, without the API's base path. */
export function mockServer(api: ApiId, port: number): ServerSpec {
  return { name: `${api} Prism mock`, port, command: `${PRISM} mock ${APIS[api].specFile} -h 127.0.0.1 -p ${port}` };
}

/** Prism's validating proxy (`--errors`: a response that breaks the spec becomes a 500 problem document). */
export function proxyServer(specFile: string, upstreamUrl: string, port: number, name = `Prism proxy of ${specFile}`): ServerSpec {
  return { name, port, command: `${PRISM} proxy ${specFile} ${upstreamUrl} --errors -h 127.0.0.1 -p ${port}` };
}
