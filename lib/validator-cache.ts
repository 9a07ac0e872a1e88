// Compiled validators kept on disk as Ajv standalone code, so a process compiles a schema only
// if no earlier process did. Every Playwright worker (started again after each failed test), every
// twin and every sub-run of the suite otherwise compiles the same schemas from scratch: ~0.4 s of
// CPU a worker, 8 % of the unit tests' CPU. Loading the generated module is a fraction of that.
//
// Content-addressed: the file name is a hash of the schema itself, the Ajv and ajv-formats versions
// and the instance's options, so a changed spec (or an upgrade) never meets stale code; nothing is
// invalidated, old entries are pruned by age. HARNESS_VALIDATOR_CACHE=off compiles every time.
// It lives under node_modules/.cache: the generated code require()s Ajv's runtime helpers, which
// resolve from there (a folder outside the project could not load them).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { CACHE_DIR, writeFileAtomic } from './spec.ts';

// ajv's standalone entry is CommonJS: under NodeNext its default export is the module object.
type StandaloneCode = (ajv: Ajv2020, validate: ValidateFunction) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as StandaloneCode;

const require = createRequire(import.meta.url);
const VERSIONS = ['ajv', 'ajv-formats'].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(' ');
/** Entries written longer ago are removed (the cache grows only with spec edits and upgrades); one still in use is written again. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** Where the cache lives (undefined: off). */
export function validatorCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.HARNESS_VALIDATOR_CACHE;
  return setting === 'off' || setting === '0' ? undefined : path.join(CACHE_DIR, 'validators');
}

let pruned = false;

const optionsKeys = new WeakMap<Ajv2020, string>();

/** The instance's options as text (functions by their source): part of the key, so instances that would compile a schema differently never share an entry. */
function optionsKey(ajv: Ajv2020): string {
  let key = optionsKeys.get(ajv);
  if (key === undefined) {
    // uriResolver is a library object (resolves $ids at compile time; no part of the generated code).
    key = JSON.stringify(ajv.opts, (name, value: unknown) => (name === 'uriResolver' ? undefined : typeof value === 'function' ? String(value) : value));
    optionsKeys.set(ajv, key);
  }
  return key;
}

/** `ajv.compile(schema)`, or the same validator from the cache. The instance needs `code: { source: true }`. */
export function compileCached(ajv: Ajv2020, schema: object, dir = validatorCacheDir()): ValidateFunction {
  if (!dir) return ajv.compile(schema);
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return ajv.compile(schema); // a schema JSON cannot hold (a cycle): compiled as it is
  }
  const key = createHash('sha256').update(`${VERSIONS}\n${optionsKey(ajv)}\n${text}`).digest('hex').slice(0, 32);
  const file = path.join(dir, `${key}.cjs`);
  if (existsSync(file)) {
    try {
      return require(file) as ValidateFunction;
    } catch {
      // An entry that does not load (a helper it requires is gone after an upgrade): compiled and written again.
    }
  }
  const validate = ajv.compile(schema);
  try {
    writeFileAtomic(file, standaloneCode(ajv, validate)); // processes compiling the same schema at once never read half a file
    if (!pruned) { pruned = true; pruneOld(dir); }
  } catch {
    // A read-only or full disk: the validator works all the same, the next process compiles again.
  }
  return validate;
}

function pruneOld(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > MAX_AGE_MS) rmSync(file, { force: true });
    } catch { /* gone already */ }
  }
}
