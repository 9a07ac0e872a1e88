// Benchmarks the Sovera twin against Prism's mock of the same spec, with autocannon, on loopback.
//   npm run bench:twin            (node --import=#ts scripts/bench-twin.ts)
//   npm run bench:twin -- --duration 10 --connections 50
//
// The twin and Prism run as child processes, so autocannon (this process) and the server under
// test are separate processes on the machine's cores. Scenarios: (a) getWallet, (b) blockCard and
// unblockCard alternating. Exits non-zero when getWallet on the twin is under the floor or the
// twin/Prism ratio of a scenario is under the minimum.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { freePorts } from '../lib/config.ts';
import { startLocalServer, stopLocalServers, type LocalServer } from '../lib/local-servers.ts';
import { mockServer, twinServer } from '../lib/server-specs.ts';
import { median } from './lib/median.ts';

// autocannon ships no types (and @types/autocannon is not a dependency): the few fields used here.
interface AcRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AcRequest, context: Record<string, any>) => AcRequest;
  onResponse?: (status: number, body: string, context: Record<string, any>) => void;
}
interface AcResult {
  duration: number;
  requests: { total: number; average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<AcResult>;

const BASE_PATH = '/cards/v2';
const MIN_TWIN_GET_WALLET_RPS = 15_000;
const MIN_RATIO = 10;
/** The twin's getWallet against the do-nothing server (--baseline): a target shown, not a failure. */
const BASELINE_TARGET = 0.9;

const HELP = `Usage: node --import=#ts scripts/bench-twin.ts [options]

  --duration S      measured seconds per scenario and target (default 5, max 60)
  --warmup S        warm-up seconds before each measurement, not counted (default 3: the
                    first seconds of a fresh process run unoptimised code)
  --connections N   concurrent connections (default 50)
  --pipelining N    requests in flight per connection (default 1: no HTTP pipelining)
  --only TARGET     measure only "twin" or "prism" (no ratio, no pass/fail on the missing side)
  --baseline        also measure getWallet against a do-nothing Node server that answers the same
                    request with the twin's bytes: the ceiling of this machine for this bench,
                    in rounds of twin and bare server back to back (the order turning each
                    round); prints each round's ratio and the median against the ${BASELINE_TARGET * 100}% target
  --baseline-rounds N  rounds of that comparison (default 3; implies --baseline)
  -h, --help        this help

Fails (exit 1) when getWallet on the twin is under ${MIN_TWIN_GET_WALLET_RPS} req/s, or when the
twin/Prism ratio of a scenario is under ${MIN_RATIO}. Loopback only.`;

interface Options { duration: number; warmup: number; connections: number; pipelining: number; only?: 'twin' | 'prism'; baseline: boolean; baselineRounds: number }

function parseOptions(): Options {
  try {
    const { values } = parseArgs({
      strict: true,
      options: {
        duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, pipelining: { type: 'string' },
        only: { type: 'string' }, baseline: { type: 'boolean' }, 'baseline-rounds': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) { console.log(HELP); process.exit(0); }
    const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
      return n;
    };
    if (values.only !== undefined && values.only !== 'twin' && values.only !== 'prism') throw new Error('--only must be twin or prism');
    return {
      duration: int('duration', values.duration, 5, 1, 60),
      warmup: int('warmup', values.warmup, 3, 0, 30),
      connections: int('connections', values.connections, 50, 1, 1000),
      pipelining: int('pipelining', values.pipelining, 1, 1, 100),
      only: values.only as Options['only'],
      baseline: values.baseline === true || values['baseline-rounds'] !== undefined,
      baselineRounds: int('baseline-rounds', values['baseline-rounds'], 3, 1, 20),
    };
  } catch (error) {
    console.error(`bench-twin: ${(error as Error).message.split('\n')[0]} (see --help)`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Server CPU: how much of a core the server under test used, to tell its cost from the client's
// (autocannon shares the machine's cores with it). Linux /proc, in USER_HZ (100 per second).
// ---------------------------------------------------------------------------------------------

function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime (fields 14, 15 of stat)
  } catch {
    return undefined; // not Linux: the CPU columns stay empty
  }
}

// ---------------------------------------------------------------------------------------------
// Provisioning (on the twin; Prism's mock is stateless and answers any id)
// ---------------------------------------------------------------------------------------------

async function api(baseUrl: string, authorization: string, method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(baseUrl + route, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json() as any;
  if (!res.ok) throw new Error(`provisioning ${method} ${route} answered ${res.status} ${json?.errors?.[0]?.code ?? ''}`);
  return json.data;
}

interface Provisioned { userId: string; walletId: string; cardIds: string[] }

async function provision(twinUrl: string, authorization: string, cards: number): Promise<Provisioned> {
  const user = await api(twinUrl, authorization, 'POST', '/users/natural', { firstName: 'Bench', lastName: 'Mark', email: 'bench@example.com', currency: 'USD' });
  const cardIds: string[] = [];
  for (let i = 0; i < cards; i++) {
    const card = await api(twinUrl, authorization, 'POST', '/cards/debit', { userId: user.id, walletId: user.mainWalletId, clientCode: 'BENCH', physicalCard: false });
    cardIds.push(card.id);
  }
  return { userId: user.id, walletId: user.mainWalletId, cardIds };
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

interface Measurement {
  target: string; scenario: string; rps: number; p99: number; non2xx: number; errors: number; total: number;
  /** CPU time the server process spent per request during the measurement. */
  serverCpuMicrosPerRequest?: number;
}

type Requests = AcRequest[];

function getWalletRequests(prefix: string, authorization: string, walletId: string): Requests {
  return [{ method: 'GET', path: `${prefix}/wallets/${walletId}`, headers: { authorization } }];
}

/**
 * Block then unblock, alternating per connection. Each pair takes its own card from a pool when it
 * blocks and gives it back when the unblock is answered (the card id is read from the answer, which
 * stays right under HTTP pipelining), so concurrent connections never block a card another one just
 * blocked: the scenario measures the 201 path, not races. Prism's mock answers its example id, so
 * against Prism the pool drains and a placeholder id is sent, which the stateless mock accepts.
 */
function blockUnblockRequests(prefix: string, authorization: string, cardIds: string[]): Requests {
  const ours = new Set(cardIds);
  const pool = [...cardIds];
  const headers = { authorization, 'content-type': 'application/json' };
  return [
    {
      method: 'POST', path: `${prefix}/operations/block`, headers,
      setupRequest: (req, context) => {
        // On the twin an exhausted pool (more pairs in flight than cards) would show up as 404s.
        const cardId = pool.pop() ?? 'card-pool-exhausted';
        context.cardId = cardId;
        return { ...req, body: JSON.stringify({ cardId }) };
      },
    },
    {
      method: 'POST', path: `${prefix}/operations/unblock`, headers,
      setupRequest: (req, context) => ({ ...req, body: JSON.stringify({ cardId: context.cardId }) }),
      onResponse: (_status, body) => {
        const cardId = /"cardId":"([^"]+)"/.exec(body)?.[1];
        if (cardId !== undefined && ours.has(cardId)) pool.push(cardId);
      },
    },
  ];
}

async function measure(url: string, requests: Requests, seconds: number, options: Options): Promise<AcResult> {
  return autocannon({ url, connections: options.connections, pipelining: options.pipelining, duration: seconds, requests, timeout: 10 });
}

async function run(target: string, server: LocalServer, scenario: string, origin: string, requests: () => Requests, options: Options): Promise<Measurement> {
  if (options.warmup > 0) await measure(origin, requests(), options.warmup, options);
  const cpuBefore = cpuSeconds(server.child.pid);
  const result = await measure(origin, requests(), options.duration, options);
  const cpuAfter = cpuSeconds(server.child.pid);
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return {
    target, scenario,
    rps: result.requests.total / (result.duration || options.duration),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
    serverCpuMicrosPerRequest: cpu === undefined || !result.requests.total ? undefined : (cpu * 1e6) / result.requests.total,
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const apiKey = `bench-${randomUUID()}`; // a throwaway key for the twin child; never printed
  const authorization = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  const [twinPort, prismPort] = freePorts(2);
  // The user's TWIN_* settings (a rate limit, a fault rate) must not reach the twin under test.
  for (const name of Object.keys(process.env)) if (name.startsWith('TWIN_')) delete process.env[name];

  console.log(`bench-twin: ${options.connections} connections, pipelining ${options.pipelining}, ${options.warmup} s warm-up + ${options.duration} s per run, loopback only`);
  // The twin is always started: it provisions the ids both targets are asked about.
  const servers: Record<'twin' | 'prism', LocalServer | undefined> = {
    twin: await startLocalServer(twinServer('sovera', twinPort, { TWIN_API_KEYS: apiKey })),
    prism: options.only === 'twin' ? undefined : await startLocalServer(mockServer('sovera', prismPort)),
  };

  const twinOrigin = `http://127.0.0.1:${twinPort}`;
  const prismOrigin = `http://127.0.0.1:${prismPort}`;
  const cardsPerRun = options.connections * options.pipelining + 10; // more than the block+unblock pairs that can be in flight
  const setup = await provision(twinOrigin + BASE_PATH, authorization, 0);

  const targets = ([['twin', twinOrigin, BASE_PATH], ['prism', prismOrigin, '']] as const)
    .filter(([name]) => !options.only || options.only === name);
  const results: Measurement[] = [];
  for (const [name, origin, prefix] of targets) {
    results.push(await run(name, servers[name]!, 'getWallet', origin, () => getWalletRequests(prefix, authorization, setup.walletId), options));
    // Fresh cards per run (warm-up and measurement): a run that stops mid-cycle leaves cards blocked.
    const cardSets = [await provision(twinOrigin + BASE_PATH, authorization, cardsPerRun), await provision(twinOrigin + BASE_PATH, authorization, cardsPerRun)];
    let set = 0;
    results.push(await run(name, servers[name]!, 'blockCard+unblockCard', origin, () => blockUnblockRequests(prefix, authorization, cardSets[set++ % 2].cardIds), options));
  }

  // The ceiling, in rounds: the machine's speed drifts within a minute (on a shared 2-core machine
  // by up to 2x), so each round measures the twin and the bare server back to back, the order
  // turning each round, and the ratio is taken within the round.
  const baselineRounds: Record<string, Measurement>[] = [];
  if (options.baseline) {
    const answer = await fetch(`${twinOrigin}${BASE_PATH}/wallets/${setup.walletId}`, { headers: { authorization } });
    const [port] = freePorts(1);
    const bare = await startLocalServer({ name: 'bare node', port, command: `node scripts/bench-baseline-server.mjs ${port}`, env: { BENCH_BASELINE_BODY: await answer.text() } });
    const getWallet = (prefix: string) => () => getWalletRequests(prefix, authorization, setup.walletId);
    for (let round = 0; round < options.baselineRounds; round++) {
      const pair: Record<string, Measurement> = {};
      for (const side of round % 2 ? ['bare', 'twin'] : ['twin', 'bare']) {
        pair[side] = side === 'twin'
          ? await run('twin', servers.twin!, 'getWallet', twinOrigin, getWallet(BASE_PATH), options)
          : await run('bare node', bare, 'getWallet', `http://127.0.0.1:${port}`, getWallet(BASE_PATH), options);
      }
      if (round === 0) results.push(pair.bare);
      baselineRounds.push(pair);
    }
  }

  await stopLocalServers();

  // ---- report ----
  const rows = results.map((r) => {
    const cpu = r.serverCpuMicrosPerRequest;
    return [r.target, r.scenario, r.rps.toFixed(0), String(r.p99), String(r.non2xx), String(r.errors),
      cpu === undefined ? '-' : cpu.toFixed(0), cpu === undefined ? '-' : (1e6 / cpu).toFixed(0)];
  });
  const header = ['target', 'scenario', 'req/s', 'p99 ms', 'non-2xx', 'errors', 'server CPU µs/req', 'req/s per server core'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');

  const baselineRatios = baselineRounds.map((pair) => pair.twin.rps / pair.bare.rps);
  if (baselineRatios.length) {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const side = (m: Measurement) => `${m.target} ${m.rps.toFixed(0)} req/s${m.serverCpuMicrosPerRequest === undefined ? '' : ` (${m.serverCpuMicrosPerRequest.toFixed(0)} µs CPU/req)`}`;
    // Each side's figures, so a low ratio shows whether the twin was slow or the bare server fast.
    baselineRounds.forEach((pair, i) => console.log(`round ${i + 1}: ${side(pair.twin)}, ${side(pair.bare)}`));
    console.log(`twin/bare getWallet, per round: ${baselineRatios.map(pct).join(', ')}; median ${pct(median(baselineRatios))} (target ≥ ${BASELINE_TARGET * 100}%): ${median(baselineRatios) >= BASELINE_TARGET ? 'met' : 'NOT MET'}`);
  }

  const failures: string[] = [];
  const twinGet = results.find((r) => r.target === 'twin' && r.scenario === 'getWallet');
  if (twinGet) {
    if (twinGet.rps < MIN_TWIN_GET_WALLET_RPS) failures.push(`twin getWallet: ${twinGet.rps.toFixed(0)} req/s is under ${MIN_TWIN_GET_WALLET_RPS}`);
    for (const r of results.filter((x) => x.target === 'twin')) {
      if (r.non2xx || r.errors) failures.push(`twin ${r.scenario}: ${r.non2xx} non-2xx and ${r.errors} errors (expected none)`);
    }
  }
  for (const scenario of [...new Set(results.map((r) => r.scenario))]) {
    const twin = results.find((r) => r.target === 'twin' && r.scenario === scenario);
    const prism = results.find((r) => r.target === 'prism' && r.scenario === scenario);
    if (!twin || !prism) continue;
    const ratio = prism.rps > 0 ? twin.rps / prism.rps : Infinity;
    console.log(`ratio twin/prism ${scenario}: ${ratio.toFixed(1)}x`);
    if (ratio < MIN_RATIO) failures.push(`ratio twin/prism for ${scenario}: ${ratio.toFixed(1)}x is under ${MIN_RATIO}x`);
    if (prism.non2xx || prism.errors) console.log(`  note: prism ${scenario} answered ${prism.non2xx} non-2xx and had ${prism.errors} errors`);
  }
  if (failures.length) {
    console.log('');
    for (const f of failures) console.log(`FAIL ${f}`);
    process.exit(1);
  }
  console.log('PASS');
}

main().catch(async (error) => {
  console.error(`bench-twin: ${(error as Error).message}`);
  await stopLocalServers();
  process.exit(1);
});
