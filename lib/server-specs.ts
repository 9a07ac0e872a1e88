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

// `-v warn`: Prism logs every request at info level, through pino and signale, into a pipe nobody
// reads (the harness keeps only the last lines, to explain a failed start); that logging was about
// a quarter of the validating proxy's CPU in a contract run. Warnings and errors (its validator's) still print.
const PRISM = 'node node_modules/@stoplight/prism-cli/dist/index.js';
const QUIET = '-v warn';

/** The in-memory twin of an API; `env` carries its keys or accounts. */
export function twinServer(api: ApiId, port: number, env: Record<string, string>): ServerSpec {
  return { name: `${api} twin`, port, command: `node --import tsx twin/main.ts --api ${api} --host 127.0.0.1 --port ${port}`, env };
}

/** Prism's stateless mock of the spec; it serves at the root, without the API's base path. */
export function mockServer(api: ApiId, port: number): ServerSpec {
  return { name: `${api} Prism mock`, port, command: `${PRISM} mock ${APIS[api].specFile} ${QUIET} -h 127.0.0.1 -p ${port}` };
}

/** Prism's validating proxy (`--errors`: a response that breaks the spec becomes a 500 problem document). */
export function proxyServer(specFile: string, upstreamUrl: string, port: number, name = `Prism proxy of ${specFile}`): ServerSpec {
  return { name, port, command: `${PRISM} proxy ${specFile} ${upstreamUrl} --errors ${QUIET} -h 127.0.0.1 -p ${port}` };
}
