// Local processes a run needs: servers on loopback (the twin, Prism's mock) started as child
// processes, awaited on their port and stopped on exit or signal; and the k6 binary (K6_BIN or
// PATH). Shared by `npm run load`, the k6 bench and the gate.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { twinServer, type ServerSpec } from './server-specs.ts';
import { LOCAL_CORE_ACCOUNT, apiProfile, type ApiId } from './apis.ts';
import { twinEnv } from './config.ts';
import { redactText } from './redact.ts';
import { PROJECT_ROOT } from './spec.ts';

export interface LocalServer {
  name: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<LocalServer>();
let exitHooksInstalled = false;
let signalHooksInstalled = false;

/**
 * Core twin settings for load runs: the local account (LOCAL_CORE_ACCOUNT) with a per-hour
 * limit no local run reaches (the twin's default is the documented 1000, which a local load
 * profile passes in seconds), and tokens that outlive any profile (default 1 h; soak runs 30 min).
 */
export const LOAD_TWIN_CORE_LIMIT_PER_HOUR = 1_000_000_000;
export const LOAD_TWIN_TOKEN_TTL_SECONDS = 24 * 3600;

/** The twin on its own, for load (no Prism proxy in front: for load, the proxy would be the bottleneck). */
export function loadTwinServer(api: ApiId, port: number): ServerSpec {
  return twinServer(api, port, api === 'core'
    ? {
      TWIN_CORE_ACCOUNTS: `${LOCAL_CORE_ACCOUNT.email}:${LOCAL_CORE_ACCOUNT.password}:${LOAD_TWIN_CORE_LIMIT_PER_HOUR}`,
      TWIN_TOKEN_TTL_SECONDS: String(LOAD_TWIN_TOKEN_TTL_SECONDS),
    }
    : twinEnv(apiProfile(api)));
}

export interface StartOptions {
  timeoutMs?: number;
  /** Lines the server writes to stderr go to ours, prefixed with its name (the contract run's servers; a crash shows). */
  forwardStderr?: boolean;
  /**
   * On SIGINT/SIGTERM, stop the servers and exit (the default, for our scripts). Off inside Playwright, which
   * handles the signal itself (ends the run, writes its reports) and then calls the teardown that stops them.
   */
  exitOnSignal?: boolean;
}

/** Starts a server and resolves once its loopback port accepts connections. */
export async function startLocalServer(spec: ServerSpec, options: StartOptions = {}): Promise<LocalServer> {
  installExitHooks(options.exitOnSignal ?? true);
  const [command, ...args] = spec.command.split(/\s+/).filter(Boolean);
  const child = spawn(command === 'node' ? process.execPath : command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (options.forwardStderr) {
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) process.stderr.write(`[${spec.name}] ${redactText(line)}\n`);
    });
  }

  const server: LocalServer = {
    name: spec.name,
    port: spec.port,
    child,
    stop: () => stopChild(child).finally(() => running.delete(server)),
  };
  running.add(server);

  const ports = spec.ports ?? [spec.port];
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${spec.name} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => reject(new Error(
      `${spec.name} exited (${signal ?? `code ${code}`}) before listening on 127.0.0.1:${ports.join(', ')}.${tail.length ? `\n  ${redactText(tail.slice(-5).join('\n  '))}` : ''}`)));
  });
  // The wait stops when the child exits: a poll left running would hold the process for the whole timeout.
  const stopWaiting = new AbortController();
  try {
    await Promise.race([Promise.all(ports.map((port) => waitForPort(port, options.timeoutMs ?? 60_000, spec.name, stopWaiting.signal))), exited]);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    stopWaiting.abort();
  }
  exited.catch(() => {}); // later exits are reported by whoever waits on the server
  return server;
}

/** Starts them all at once (Prism's start is seconds of CPU: one after another, they would add up). */
export async function startLocalServers(specs: ServerSpec[], options: StartOptions = {}): Promise<LocalServer[]> {
  const started = await Promise.allSettled(specs.map((spec) => startLocalServer(spec, options)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopLocalServers();
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<LocalServer>).value);
}

export async function stopLocalServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

export async function waitForPort(port: number, timeoutMs: number, name = `port ${port}`, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal?.aborted) {
    if (await canConnect(port)) return;
    await pause(100, signal);
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${Math.round(timeoutMs / 1000)} s.`);
}

/** Resolves after `ms`, or at once when `signal` aborts (its timer cleared: nothing is left to hold the process). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) { resolve(); return; }
    const done = () => { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => { socket.destroy(); resolve(false); });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Children never outlive the run: killed on exit, and (unless asked not to) on SIGINT/SIGTERM before exiting. */
function installExitHooks(exitOnSignal: boolean): void {
  if (!exitHooksInstalled) {
    exitHooksInstalled = true;
    process.once('exit', () => { for (const s of running) s.child.kill('SIGKILL'); });
  }
  if (!exitOnSignal || signalHooksInstalled) return;
  signalHooksInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopLocalServers().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// k6
// ---------------------------------------------------------------------------------------------

export interface K6Binary {
  path: string;
  /** [major, minor, patch], or undefined when `k6 version` could not be read. */
  version?: [number, number, number];
}

type Env = Record<string, string | undefined>;

/** k6 from K6_BIN, else from PATH; undefined when there is none. */
export function findK6(env: Env = process.env): K6Binary | undefined {
  const candidates = env.K6_BIN
    ? [env.K6_BIN]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, process.platform === 'win32' ? 'k6.exe' : 'k6'));
  const found = candidates.find(isExecutable);
  return found ? { path: found, version: k6Version(found) } : undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function k6Version(bin: string): [number, number, number] | undefined {
  const out = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 10_000 });
  const m = /v(\d+)\.(\d+)\.(\d+)/.exec(`${out.stdout ?? ''}${out.stderr ?? ''}`);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** The HTML dashboard export (K6_WEB_DASHBOARD_EXPORT) is built into k6 from v0.49.0. */
export function supportsDashboardExport(version: [number, number, number] | undefined): boolean {
  if (!version) return false;
  const [major, minor] = version;
  return major > 0 || minor >= 49;
}

export function k6InstallGuidance(env: Env = process.env): string {
  const where = env.K6_BIN ? `K6_BIN=${env.K6_BIN} is not an executable file` : 'no k6 on PATH and K6_BIN is not set';
  return [
    `k6 is not installed (${where}). Install it, then run the same command again:`,
    '  Debian/Ubuntu:  sudo gpg --no-default-keyring --keyring /usr/share/keyrings/k6-archive-keyring.gpg \\',
    '                    --keyserver hkp://keyserver.ubuntu.com:80 --recv-keys C5AD17C747E3415A3642D57D77C6C491D6AC1D69',
    '                  echo "deb [signed-by=/usr/share/keyrings/k6-archive-keyring.gpg] https://dl.k6.io/deb stable main" \\',
    '                    | sudo tee /etc/apt/sources.list.d/k6.list',
    '                  sudo apt-get update && sudo apt-get install k6',
    '  Fedora/RHEL:    sudo dnf install https://dl.k6.io/rpm/repo.rpm && sudo dnf install k6',
    '  macOS:          brew install k6',
    '  Windows:        winget install k6 --source winget',
    '  Container:      docker run --rm -i --network host -v "$PWD:/work" -w /work grafana/k6 run dist/load/gate.js',
    '                  (npm run load:build first; pass BASE_URL, TARGET and PROFILE with -e)',
    '  A k6 elsewhere: K6_BIN=/path/to/k6 npm run load -- <scenario>',
  ].join('\n');
}
