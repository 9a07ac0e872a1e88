// Module hooks (node:module register) that run the harness's own TypeScript: a .ts file is
// stripped of its types by esbuild (already a dependency: it bundles the k6 scripts), with the
// project's tsconfig.json, and the JavaScript is kept in a cache keyed by the file's path and text,
// so a file that did not change is read back, and esbuild is not even loaded.
//
// Why not tsx: on Node 20 it costs ~0.45 s of CPU a process before the first line of ours runs,
// and npm test starts ~100 Node processes on TypeScript (test files, twins, the Prism host, CLIs):
// ~50 s of CPU. These hooks cost ~0.07 s a process.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
export const CACHE = new URL('node_modules/.cache/card-api-harness/ts/', ROOT); // exported for its test only
// Inline source map: stack traces and failures point at the .ts lines (register.mjs enables them).
const OPTIONS = { loader: 'ts', format: 'esm', sourcemap: 'inline' };
let salt; // what else decides the output: tsconfig.json's text (esbuild reads its comments too), esbuild's version, OPTIONS
let tsconfig;
let esbuild; // loaded on the first cache miss only
let pruned = false;
const MAX_AGE_MS = 30 * 24 * 3600 * 1000; // as the validator cache: old texts of edited files go

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  if (salt === undefined) {
    tsconfig = await readFile(new URL('tsconfig.json', ROOT), 'utf8');
    const { version } = JSON.parse(await readFile(new URL('node_modules/esbuild/package.json', ROOT), 'utf8'));
    salt = `${tsconfig}\0${version}\0${JSON.stringify(OPTIONS)}`;
  }
  const key = createHash('sha1').update(`${url}\0${salt}\0${source}`).digest('hex');
  const cached = new URL(`${key}.mjs`, CACHE);
  const hit = await readFile(cached, 'utf8').catch(() => undefined);
  return { format: 'module', source: hit ?? await transform(url, source, key, cached), shortCircuit: true };
}

async function transform(url, source, key, cached) {
  esbuild ??= await import('esbuild');
  const file = fileURLToPath(url);
  const { code } = await esbuild.transform(source, { ...OPTIONS, sourcefile: file, tsconfigRaw: tsconfig });
  try {
    await mkdir(CACHE, { recursive: true });
    const partial = new URL(`${key}.${process.pid}.partial`, CACHE);
    await writeFile(partial, code);
    await rename(partial, cached); // whole or not at all: several processes may compile one file at once
    if (!pruned) { pruned = true; await pruneOld(); }
  } catch {
    // A cache that cannot be written (read-only checkout) only costs the next start a transform.
  }
  return code;
}

async function pruneOld() {
  const now = Date.now();
  for (const name of await readdir(CACHE)) {
    const file = new URL(name, CACHE);
    if (now - (await stat(file).catch(() => ({ mtimeMs: now }))).mtimeMs > MAX_AGE_MS) await rm(file, { force: true });
  }
}
