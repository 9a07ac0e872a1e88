// Several Prism servers (stateless mocks and validating proxies) in one process, on loopback.
// Prism's CLI starts one server a process, and most of a start is loading Prism itself: ~1.4 s of
// CPU, then ~0.1–0.4 s a server (measured with Prism 5.14.2). A contract run's six servers took
// ~14 s of CPU as six CLIs, ~2.5 s in one host. Each server is built as `prism mock` and
// `prism proxy --errors` build theirs (the CLI's createSingleProcessPrism, its defaults), without the
// CLI's watcher that restarts a server when its spec file changes: a run's specs do not change.
//
//   node --import=#ts lib/prism-host.ts mock <spec> <port> proxy <spec> <upstream URL> <port> …
//
// Logs at warn level: Prism logs every request at info, which was about a quarter of the
// proxy's CPU in a contract run, into a pipe nobody reads (the harness keeps only the last lines, to
// explain a failed start). Its validator's warnings and errors still print.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PrismServer {
  kind: 'mock' | 'proxy';
  specFile: string;
  port: number;
  /** The proxied server (proxy only); a response of it that breaks the spec becomes a 500 problem document. */
  upstreamUrl?: string;
}

/** The host's arguments for these servers (parsePrismServers reads them back). */
export function prismServerArgs(servers: PrismServer[]): string[] {
  return servers.flatMap((s) => s.kind === 'mock' ? ['mock', s.specFile, String(s.port)] : ['proxy', s.specFile, s.upstreamUrl!, String(s.port)]);
}

export function parsePrismServers(args: string[]): PrismServer[] {
  const servers: PrismServer[] = [];
  for (let i = 0; i < args.length;) {
    const kind = args[i];
    if (kind !== 'mock' && kind !== 'proxy') throw new Error(`prism-host: expected "mock" or "proxy" at argument ${i + 1}, got "${kind}".`);
    const [specFile, upstreamUrl] = [args[i + 1], kind === 'proxy' ? args[i + 2] : undefined];
    const port = Number(args[i + (kind === 'proxy' ? 3 : 2)]);
    if (!specFile || !Number.isInteger(port) || port <= 0 || (kind === 'proxy' && !upstreamUrl)) {
      throw new Error(`prism-host: ${kind} needs ${kind === 'proxy' ? '<spec> <upstream URL> <port>' : '<spec> <port>'} (argument ${i + 1}).`);
    }
    servers.push({ kind, specFile, port, upstreamUrl });
    i += kind === 'proxy' ? 4 : 3;
  }
  if (!servers.length) throw new Error('prism-host: no server given (mock <spec> <port> | proxy <spec> <upstream URL> <port>).');
  return servers;
}

type CreatePrism = (options: Record<string, unknown>) => Promise<unknown>;

/** Starts them one after another (one event loop: side by side would not be faster). */
export async function startPrismServers(servers: PrismServer[]): Promise<void> {
  // Prism's CLI module, at the path of the exact version package.json pins; the CLI's own entry would parse our argv.
  const { createSingleProcessPrism } = createRequire(import.meta.url)('@stoplight/prism-cli/dist/util/createServer.js') as { createSingleProcessPrism: CreatePrism };
  for (const s of servers) {
    await createSingleProcessPrism({
      document: s.specFile, host: '127.0.0.1', port: s.port, cors: true, multiprocess: false, verboseLevel: 'warn',
      dynamic: false, ignoreExamples: false, seed: null, jsonSchemaFakerFillProperties: undefined,
      ...(s.kind === 'proxy' ? { errors: true, upstream: new URL(s.upstreamUrl!), validateRequest: true, upstreamProxy: undefined } : { errors: false }),
    });
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  try {
    await startPrismServers(parsePrismServers(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
