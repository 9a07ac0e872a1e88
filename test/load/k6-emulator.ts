// A small stand-in for k6, to run the built bundles in Node: the k6 modules the bundles import
// (k6, k6/http, k6/execution, k6/metrics, k6/data) are shims, __ENV and open() are globals, and
// http.request is synchronous like k6's (a worker thread does the fetch while the caller waits
// on Atomics). It runs init, setup(), a few iterations per scenario and handleSummary, which
// catches logic and wiring errors of a bundle. It is not k6: the JS engine is V8, not Sobek,
// and executors, thresholds and timing are not emulated.
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build, type Plugin } from 'esbuild';

export interface EmulatedRequest { method: string; url: string; body: string | null; tags: Record<string, string>; status: number }
export interface EmulatedCheck { name: string; ok: boolean; tags?: Record<string, string> }

export interface K6Emulator {
  requests: EmulatedRequest[];
  checks: EmulatedCheck[];
  metrics: Record<string, Array<{ value: number; tags?: Record<string, string> }>>;
  warnings: string[];
  aborts: string[];
  vu: { idInTest: number };
  close(): Promise<void>;
}

const SHIMS: Record<string, string> = {
  k6: `
    export function check(value, sets, tags) { return globalThis.__k6emu.check(value, sets, tags); }
    export function fail(message) { throw new Error(message); }
    export default { check, fail };`,
  'k6/http': `
    function request(method, url, body, params) { return globalThis.__k6emu.request(method, url, body, params || {}); }
    function expectedStatuses(...statuses) { return { expectedStatuses: statuses }; }
    export { request, expectedStatuses };
    export default { request, expectedStatuses };`,
  'k6/execution': `
    export default { get vu() { return globalThis.__k6emu.vu; }, test: { abort(reason) { globalThis.__k6emu.abort(reason); throw new Error('aborted: ' + reason); } } };`,
  'k6/metrics': `
    export class Counter { constructor(name) { this.name = name; } add(value, tags) { globalThis.__k6emu.metric(this.name, value, tags); } }`,
  'k6/data': `
    export class SharedArray { constructor(name, make) { const data = make(); if (!Array.isArray(data)) throw new Error('SharedArray needs an array'); return Object.freeze(data); } }`,
};

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const control = new Int32Array(workerData.buffer, 0, 2);
const bytes = new Uint8Array(workerData.buffer, 8);
const canonical = (name) => name.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');
parentPort.on('message', async (req) => {
  let out;
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body ?? undefined, signal: AbortSignal.timeout(20000) });
    const headers = {};
    res.headers.forEach((value, key) => { headers[canonical(key)] = value; });
    out = { status: res.status, body: await res.text(), headers };
  } catch (error) {
    out = { status: 0, body: null, headers: {}, error: String((error.cause && error.cause.code) || error.message) };
  }
  const encoded = Buffer.from(JSON.stringify(out));
  bytes.set(encoded.subarray(0, bytes.length));
  Atomics.store(control, 1, Math.min(encoded.length, bytes.length));
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
});`;

/** Loads a built bundle with the k6 shims; returns its exports and the recording emulator. */
export async function loadBundle(bundle: string, env: Record<string, string>): Promise<{ mod: Record<string, any>; emu: K6Emulator }> {
  const buffer = new SharedArrayBuffer(8 + 8 * 1024 * 1024);
  const control = new Int32Array(buffer, 0, 2);
  const bytes = new Uint8Array(buffer, 8);
  const worker = new Worker(WORKER, { eval: true, workerData: { buffer } });
  const emu: K6Emulator = {
    requests: [], checks: [], metrics: {}, warnings: [], aborts: [], vu: { idInTest: 1 },
    close: () => worker.terminate().then(() => undefined),
  };
  const state = {
    vu: emu.vu,
    check(value: unknown, sets: Record<string, (v: unknown) => boolean>, tags?: Record<string, string>) {
      let all = true;
      for (const [name, fn] of Object.entries(sets)) {
        const ok = Boolean(typeof fn === 'function' ? fn(value) : fn);
        emu.checks.push({ name, ok, tags });
        all &&= ok;
      }
      return all;
    },
    request(method: string, url: string, body: string | null, params: { headers?: Record<string, string>; tags?: Record<string, string> }) {
      Atomics.store(control, 0, 0);
      worker.postMessage({ method, url, body, headers: params.headers ?? {} });
      if (Atomics.wait(control, 0, 0, 30_000) === 'timed-out') throw new Error(`emulated http.request timed out: ${method} ${url}`);
      const res = JSON.parse(Buffer.from(bytes.subarray(0, Atomics.load(control, 1))).toString('utf8'));
      emu.requests.push({ method, url, body, tags: params.tags ?? {}, status: res.status });
      return res;
    },
    metric(name: string, value: number, tags?: Record<string, string>) { (emu.metrics[name] ??= []).push({ value, tags }); },
    abort(reason: string) { emu.aborts.push(reason); },
  };
  Object.assign(globalThis, {
    __k6emu: state,
    __ENV: env,
    open: (file: string) => readFileSync(path.resolve(path.dirname(bundle), file), 'utf8'),
  });
  const warn = console.warn;
  console.warn = (...args: unknown[]) => { emu.warnings.push(args.map(String).join(' ')); };
  const closeEmu = emu.close;
  emu.close = async () => { console.warn = warn; await closeEmu(); };

  const shims: Plugin = {
    name: 'k6-shims',
    setup(b) {
      b.onResolve({ filter: /^k6(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'k6-shim' }));
      b.onLoad({ filter: /.*/, namespace: 'k6-shim' }, (args) => {
        const contents = SHIMS[args.path];
        if (contents === undefined) return { errors: [{ text: `no shim for ${args.path}` }] };
        return { contents, loader: 'js' };
      });
    },
  };
  try {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'k6-emu-'));
    const out = path.join(dir, `${path.basename(bundle, '.js')}.mjs`);
    await build({ entryPoints: [bundle], outfile: out, bundle: true, format: 'esm', platform: 'neutral', plugins: [shims], logLevel: 'silent' });
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const mod = (await import(pathToFileURL(out).href)) as Record<string, any>;
    return { mod, emu };
  } catch (error) {
    await emu.close(); // a live worker would keep the test process from exiting
    throw error;
  }
}
