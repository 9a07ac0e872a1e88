// The twin's CLI and its in-process entry point (startTwin), used by the tests and the bench.
//   node --import tsx twin/main.ts --help
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FAULT_SYNTAX, parseFault, parseFaultRate, type Fault } from './faults.ts';
import { isLoopbackHost, startServer, type ApiDefinition, type RunningServer } from './server.ts';
import type { SoveraPrincipal } from './sovera/handlers.ts';
import { createSoveraApi } from './sovera/index.ts';
import type { SoveraState } from './sovera/state.ts';

/** Same value as LOCAL_API_KEY in lib/config.ts (not imported: the twin stays independent of the client side). */
export const DEFAULT_API_KEY = 'local-harness-key';
export const DEFAULT_PORT = 4020;
const SPEC_HINT = 'spec/sovera-cards-v2.yaml (via lib/spec.ts, lib/contract.ts)';
export const DEFAULT_HOST = '127.0.0.1';
export const TWIN_APIS = ['sovera'] as const;
export type TwinApi = (typeof TWIN_APIS)[number];

export interface TwinOptions {
  api: TwinApi;
  host: string;
  port: number;
  apiKeys: string[];
  printDelayMs: number;
  /** 0 = off. */
  rateLimitPerHour: number;
  faultRate: number;
  fault?: Fault;
  log: boolean;
  /** Clock for the domain (print delay, creation dates); tests only. */
  now?: () => number;
}

export interface RunningTwin extends RunningServer {
  api: ApiDefinition<SoveraState, SoveraPrincipal>;
  options: TwinOptions;
}

export const DEFAULT_OPTIONS: TwinOptions = {
  api: 'sovera', host: DEFAULT_HOST, port: DEFAULT_PORT, apiKeys: [DEFAULT_API_KEY],
  printDelayMs: 0, rateLimitPerHour: 0, faultRate: 0, log: false,
};

/** Starts a twin in this process. Port 0 (the default here, unlike the CLI) picks a free port. */
export async function startTwin(overrides: Partial<TwinOptions> = {}): Promise<RunningTwin> {
  const options: TwinOptions = { ...DEFAULT_OPTIONS, port: 0, ...overrides };
  const api = createSoveraApi({ apiKeys: options.apiKeys, printDelayMs: options.printDelayMs, now: options.now });
  const running = await startServer(api, {
    host: options.host,
    port: options.port,
    rateLimitPerHour: options.rateLimitPerHour,
    faultRate: options.faultRate,
    fault: options.fault,
    log: options.log,
  });
  return { ...running, api, options };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

export const HELP = `Usage: node --import tsx twin/main.ts [options]

Stateful in-memory twin of a provider API, for contract and load tests. Loopback only.

Options (each flag overrides its environment variable):
  --api NAME                  API to serve: ${TWIN_APIS.join(', ')} (default sovera)
  --port N          TWIN_PORT             port to listen on, 0 = any free port (default ${DEFAULT_PORT})
  --host HOST       TWIN_HOST             loopback address to bind: 127.x.x.x, ::1 or localhost (default ${DEFAULT_HOST});
                                          anything else is refused
  --api-keys K1,K2  TWIN_API_KEYS         accepted API keys, comma-separated (default ${DEFAULT_API_KEY});
                                          each key is its own client and sees only its own users, wallets and cards
  --print-delay-ms N  TWIN_PRINT_DELAY_MS physical cards count as printed N ms after creation; ackReception
                                          before that answers 400 NOT_PRINTED_YET (default 0)
  --rate-limit-per-hour N  TWIN_RATE_LIMIT_PER_HOUR
                                          requests per hour per API key, fixed hourly window; 0 = off (default 0).
                                          When on, every response carries X-RateLimit-Limit, X-RateLimit-Remaining
                                          and X-RateLimit-Reset (epoch seconds); past the limit: 429 RATE_LIMITED
  --fault-rate R    TWIN_FAULT_RATE       share of requests (0..1) that get --fault (default 0)
  --fault KIND      TWIN_FAULT            fault applied to that share: ${FAULT_SYNTAX}
  --log                                   print method, path, status and duration of each request
                                          (never headers, bodies or query strings)
  -h, --help                              print this help and exit

Per request, the X-Twin-Fault header applies one fault (same values as --fault):
  status=NNN      answer NNN in the API's error format, code INJECTED_FAULT (nothing changes state)
  delay=MS        wait MS milliseconds, then answer normally
  malformed-json  normal status and JSON content type, truncated body
  content-type    normal body labelled text/html
  reset           destroy the connection without answering (nothing changes state)
  timeout         never answer; the connection is closed after 120 s (nothing changes state)
An unknown X-Twin-Fault value answers 400 INVALID_FAULT.

Secrets (API keys, PAN, CVV, PIN, expiry) are never printed.`;

export class CliError extends Error {}

type Env = Record<string, string | undefined>;

/** Parses flags and environment into options; throws CliError with a one-line message. */
export function parseCli(argv: string[], env: Env = process.env): { help: true } | { help: false; options: TwinOptions } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'api-keys': { type: 'string' },
        'print-delay-ms': { type: 'string' },
        'rate-limit-per-hour': { type: 'string' },
        'fault-rate': { type: 'string' },
        fault: { type: 'string' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return { help: true };
  const pick = (flag: string, variable?: string): { value: string; source: string } | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = variable ? env[variable] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: variable! };
    return undefined;
  };
  const integerIn = (flag: string, variable: string, min: number, max: number, fallback: number): number => {
    const picked = pick(flag, variable);
    if (!picked) return fallback;
    const n = /^\s*\d+\s*$/.test(picked.value) ? Number(picked.value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`${picked.source} must be an integer from ${min} to ${max}, got "${clip(picked.value)}"`);
    return n;
  };

  const apiPick = pick('api');
  const api = (apiPick?.value ?? 'sovera') as TwinApi;
  if (!TWIN_APIS.includes(api)) throw new CliError(`--api must be one of ${TWIN_APIS.join(', ')}, got "${clip(api)}"`);

  const hostPick = pick('host', 'TWIN_HOST');
  const host = hostPick?.value.trim() ?? DEFAULT_HOST;
  if (!isLoopbackHost(host)) {
    throw new CliError(`${hostPick?.source ?? '--host'} "${clip(host)}" is not a loopback address; the twin only listens on 127.x.x.x, ::1 or localhost`);
  }

  const port = integerIn('port', 'TWIN_PORT', 0, 65535, DEFAULT_PORT);

  const keysPick = pick('api-keys', 'TWIN_API_KEYS');
  const apiKeys = keysPick ? keysPick.value.split(',').map((k) => k.trim()).filter(Boolean) : [DEFAULT_API_KEY];
  if (!apiKeys.length) throw new CliError(`${keysPick!.source} lists no API key`);
  if (apiKeys.some((k) => k.includes(':'))) throw new CliError(`${keysPick!.source}: an API key cannot contain ":" (it is the Basic user name)`);

  const printDelayMs = integerIn('print-delay-ms', 'TWIN_PRINT_DELAY_MS', 0, 7 * 24 * 3_600_000, 0);
  const rateLimitPerHour = integerIn('rate-limit-per-hour', 'TWIN_RATE_LIMIT_PER_HOUR', 0, 1_000_000_000, 0);

  const ratePick = pick('fault-rate', 'TWIN_FAULT_RATE');
  const faultRate = ratePick ? parseFaultRate(ratePick.value) : 0;
  if (faultRate === undefined) throw new CliError(`${ratePick!.source} must be a number from 0 to 1, got "${clip(ratePick!.value)}"`);
  const faultPick = pick('fault', 'TWIN_FAULT');
  let fault: Fault | undefined;
  if (faultPick) {
    const parsed = parseFault(faultPick.value);
    if (!parsed.ok) throw new CliError(`${faultPick.source}: ${parsed.error}`);
    fault = parsed.fault;
  }
  if (faultRate > 0 && !fault) throw new CliError(`${ratePick!.source} is set but no fault is: add --fault (${FAULT_SYNTAX})`);
  if (fault && !ratePick) throw new CliError(`${faultPick!.source} is set but no share of requests is: add --fault-rate (0..1)`);

  return { help: false, options: { api, host, port, apiKeys, printDelayMs, rateLimitPerHour, faultRate, fault, log: values.log === true } };
}

function clip(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 60);
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'status': return `status=${fault.status}`;
    case 'delay': return `delay=${fault.ms}`;
    default: return fault.kind;
  }
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`twin: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    console.log(HELP);
    process.exit(0);
  }
  const { options } = parsed;
  let twin: RunningTwin;
  try {
    twin = await startTwin(options);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message = String(e?.message ?? e).split('\n')[0];
    if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL') {
      const reason = e.code === 'EADDRINUSE' ? 'address already in use' : e.code === 'EACCES' ? 'permission denied' : 'address not available';
      console.error(`twin: cannot listen on ${options.host}:${options.port}: ${reason}`);
    } else {
      // Most often the spec: missing, unparsable, or a schema Ajv cannot compile.
      console.error(`twin: cannot start from ${SPEC_HINT}: ${message}`);
    }
    process.exit(1);
  }
  const extras = [
    `keys: ${options.apiKeys.length}`,
    `rate limit: ${options.rateLimitPerHour ? `${options.rateLimitPerHour}/hour` : 'off'}`,
    ...(options.printDelayMs ? [`print delay: ${options.printDelayMs} ms`] : []),
    ...(options.fault && options.faultRate > 0 ? [`faults: ${options.faultRate} × ${describeFault(options.fault)}`] : []),
  ];
  console.log(`${twin.api.displayName} twin listening on ${twin.url} (${extras.join(', ')})`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) process.exit(0); // a second signal: no more waiting
    stopping = true;
    setTimeout(() => process.exit(0), 2_000).unref(); // a close that hangs does not keep the port
    twin.close().then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) await main();
