// `npm run bench:k6-flows [-- --rounds N] [-- --separate]`: requests per second of the bench
// iteration written by hand in k6 (load/bench/handwritten.ts) and built from the shared flows
// (load/bench/flows.ts), against the same twin on loopback, for a bounded time, and of the flows
// with every response validated. Prints the figures against the targets (flows at least as fast as
// the hand-written script; validating every response costs at most 15% of req/s). Needs k6 (exit 2 without).
//   BENCH_DURATION_SECONDS (15 per k6 run), BENCH_VUS (--separate only; default 10), K6_BIN
//
// On a shared 2-core machine the cores' speed drifts by up to 2x within a minute (a fixed loop
// took 90 to 170 ms), more than the gaps measured here, so runs made one after another compare
// moments more than scripts (seen: the hand-written script alone at 5,700 and 11,300 req/s minutes
// apart; the validation cost of five rounds from 10% to 45%). By default each k6 run therefore
// interleaves the three variants in one VU (load/bench/interleaved.k6.ts says why one): each
// variant's rate is its requests over the time it ran, at the same moments as the others.
// --separate runs each variant alone with BENCH_VUS VUs instead, the order turning each round.
// Either way the verdict is on the median of the rounds, each round's figure shown.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiProfile } from '../lib/apis.ts';
import { freePorts, LOCAL_API_KEY } from '../lib/config.ts';
import { findK6, k6InstallGuidance, loadTwinServer, startLocalServer, stopLocalServers } from '../lib/local-servers.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';
import { buildLoadBundles, bundlesStale } from '../load/build/bundle.ts';
import { median } from './lib/median.ts';

const TARGET_RATIO = 1;
const MAX_VALIDATION_COST = 0.15;
const OUT_DIR = 'reports/bench/k6-flows';

const VARIANTS = ['handwritten', 'flows', 'flows-validated'] as const;
type Variant = typeof VARIANTS[number];
/** One round: each variant's req/s. */
type Round = Record<Variant, number>;

const { rounds, separate } = (() => {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, separate: { type: 'boolean' } } });
  const n = Number(values.rounds ?? 3);
  if (!Number.isInteger(n) || n < 1 || n > 20) { console.error('bench:k6-flows: --rounds must be an integer from 1 to 20'); process.exit(2); }
  return { rounds: n, separate: values.separate === true };
})();

const k6 = findK6();
if (!k6) {
  console.error(`bench:k6-flows needs k6, and none was found.\n${k6InstallGuidance()}`);
  process.exit(2);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Runs one bench script on a fresh twin (same empty state, same pool, no warm-up advantage); answers its result file. */
async function runOnTwin(script: string, out: string, env: Record<string, string> = {}): Promise<any> {
  const [port] = freePorts(1);
  await startLocalServer(loadTwinServer('sovera', port));
  rmSync(path.join(PROJECT_ROOT, out), { force: true });
  const code = await runK6(k6!.path, path.join('dist/load/bench', `${script}.js`), {
    BASE_URL: `http://127.0.0.1:${port}${apiProfile('sovera').basePath}`,
    API_KEY: LOCAL_API_KEY,
    BENCH_OUT: out,
    ...env,
  });
  await stopLocalServers();
  if (code !== 0) throw new Error(`k6 exited with code ${code} on ${script}.js (see its output above)`);
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, out), 'utf8'));
}

async function interleavedRound(): Promise<Round> {
  const result = await runOnTwin('interleaved', path.join(OUT_DIR, 'interleaved.json'), { BENCH_VUS: '1' }) as { checksRate: number; variants: Array<{ variant: Variant; requestsPerSecond: number }> };
  if (result.checksRate < 1) throw new Error(`checks failed in the bench run (${pct(result.checksRate)} passed): the figures would not measure the same work`);
  const round = Object.fromEntries(result.variants.map((v) => [v.variant, v.requestsPerSecond])) as Round;
  // The names are the script's (load/bench/interleaved.k6.ts): a missing one would print as NaN, not fail.
  const missing = VARIANTS.filter((v) => !(round[v] > 0));
  if (missing.length) throw new Error(`interleaved.k6.ts measured no ${missing.join(', ')}: rebuild the bundles (npm run load:build) or align its variant names`);
  return round;
}

async function separateRound(round: number): Promise<Round> {
  const result = {} as Round;
  for (let i = 0; i < VARIANTS.length; i++) {
    const variant = VARIANTS[(round + i) % VARIANTS.length];
    const r = await runOnTwin(variant === 'handwritten' ? 'handwritten' : 'flows', path.join(OUT_DIR, `${variant}.json`), { CONTRACT_SAMPLE: variant === 'flows-validated' ? '1' : '0' }) as { requestsPerSecond: number; checksRate: number };
    if (r.checksRate < 1) throw new Error(`checks failed in the ${variant} run (${pct(r.checksRate)} passed)`);
    result[variant] = r.requestsPerSecond;
  }
  return result;
}

try {
  const stale = bundlesStale();
  if (stale.stale) {
    console.log(`Building k6 bundles (${stale.reason})`);
    await buildLoadBundles();
  }
  mkdirSync(path.join(PROJECT_ROOT, OUT_DIR), { recursive: true });
  const results: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1} of ${rounds} (${separate ? 'each variant alone' : 'variants interleaved'})`);
    results.push(separate ? await separateRound(round) : await interleavedRound());
  }

  console.log(`\nk6 bench: the same iteration (block, getCard, unblock, getCard, getWallet, listWalletsByUser) against the twin; ${rounds} round(s), ${separate ? 'each variant alone' : 'variants interleaved in one VU'}`);
  for (const variant of VARIANTS) {
    const rps = results.map((r) => r[variant]);
    console.log(`  ${variant.padEnd(16)} ${rps.map((x) => x.toFixed(0)).join(', ')} req/s (median ${median(rps).toFixed(0)})`);
  }
  const ratios = results.map((r) => r.flows / r.handwritten);
  const costs = results.map((r) => 1 - r['flows-validated'] / r.flows);
  const ratio = median(ratios);
  const cost = median(costs);
  console.log(`  flows / handwritten: ${ratios.map(pct).join(', ')}; median ${pct(ratio)} (target ≥ ${TARGET_RATIO * 100}%): ${ratio >= TARGET_RATIO ? 'met' : 'NOT MET'}`);
  console.log(`  validation cost at CONTRACT_SAMPLE=1: ${costs.map(pct).join(', ')} fewer req/s; median ${pct(cost)} (target ≤ ${MAX_VALIDATION_COST * 100}%): ${cost <= MAX_VALIDATION_COST ? 'met' : 'NOT MET'}`);
  console.log(`  results of the last round: ${OUT_DIR}/*.json`);
} catch (error) {
  console.error(`bench:k6-flows failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stopLocalServers();
}

function runK6(bin: string, script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['run', '--quiet', script], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env, K6_NO_USAGE_REPORT: 'true' },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
