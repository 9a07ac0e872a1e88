// `npm run bench:k6-flows`: requests per second of the bench iteration written by hand in k6
// (load/bench/handwritten.k6.ts) and built from the shared flows (load/bench/flows.k6.ts), against
// the same twin on loopback, for a bounded time; then the flows again with every response
// validated. Prints the figures against the targets (flows at least as fast as the hand-written
// script; validating every response costs at most 15% of req/s). Needs k6 (exit 2 without).
//   BENCH_VUS (10), BENCH_DURATION_SECONDS (15), K6_BIN
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { apiProfile } from '../lib/apis.ts';
import { freePorts, LOCAL_API_KEY } from '../lib/config.ts';
import { findK6, k6InstallGuidance, loadTwinServer, startLocalServer, stopLocalServers } from '../lib/local-servers.ts';
import { PROJECT_ROOT } from '../lib/spec.ts';
import { buildLoadBundles, bundlesStale } from '../load/build/bundle.ts';

const TARGET_RATIO = 1;
const MAX_VALIDATION_COST = 0.15;
const OUT_DIR = 'reports/bench/k6-flows';

interface BenchResult { variant: string; requests: number; requestsPerSecond: number; checksRate: number; p95Ms?: number; contractSample: number }

const k6 = findK6();
if (!k6) {
  console.error(`bench:k6-flows needs k6, and none was found.\n${k6InstallGuidance()}`);
  process.exit(2);
}

try {
  const stale = bundlesStale();
  if (stale.stale) {
    console.log(`Building k6 bundles (${stale.reason})`);
    await buildLoadBundles();
  }
  mkdirSync(path.join(PROJECT_ROOT, OUT_DIR), { recursive: true });
  const results: BenchResult[] = [];
  for (const [variant, script, sample] of [
    ['handwritten', 'handwritten', '0'],
    ['flows', 'flows', '0'],
    ['flows-validated', 'flows', '1'],
  ] as const) {
    // A fresh twin per variant: same empty state, same pool size, no warm-up advantage.
    const [port] = freePorts(1);
    await startLocalServer(loadTwinServer('sovera', port));
    const out = path.join(OUT_DIR, `${variant}.json`);
    rmSync(path.join(PROJECT_ROOT, out), { force: true });
    const code = await runK6(k6.path, path.join('dist/load/bench', `${script}.js`), {
      BASE_URL: `http://127.0.0.1:${port}${apiProfile('sovera').basePath}`,
      API_KEY: LOCAL_API_KEY,
      CONTRACT_SAMPLE: sample,
      BENCH_OUT: out,
    });
    await stopLocalServers();
    if (code !== 0) throw new Error(`k6 exited with code ${code} on ${script}.js (see its output above)`);
    results.push(JSON.parse(readFileSync(path.join(PROJECT_ROOT, out), 'utf8')) as BenchResult);
  }

  const [hand, flows, validated] = results;
  console.log('\nk6 bench: the same iteration (block, getCard, unblock, getCard, getWallet, listWalletsByUser) against the twin');
  for (const r of results) {
    console.log(`  ${r.variant.padEnd(16)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p95 ${r.p95Ms?.toFixed(2) ?? '-'} ms  checks ${(r.checksRate * 100).toFixed(2)}%  contract sample ${r.contractSample}`);
  }
  const ratio = flows.requestsPerSecond / hand.requestsPerSecond;
  console.log(`  flows / handwritten: ${(ratio * 100).toFixed(1)}% (target ≥ ${TARGET_RATIO * 100}%): ${ratio >= TARGET_RATIO ? 'met' : 'NOT MET'}`);
  const cost = 1 - validated.requestsPerSecond / flows.requestsPerSecond;
  console.log(`  validation cost at CONTRACT_SAMPLE=1: ${(cost * 100).toFixed(1)}% fewer req/s (target ≤ ${MAX_VALIDATION_COST * 100}%): ${cost <= MAX_VALIDATION_COST ? 'met' : 'NOT MET'}`);
  console.log(`  results: ${OUT_DIR}/*.json`);
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
