// Builds the k6 bundles (Node): generates one spec module per API (operations, standalone
// validators, flow costs: harness-generated:sovera, harness-generated:core) and the test data,
// then bundles every load/*.k6.ts (and load/bench/*.k6.ts) with esbuild into dist/load/: ES2017,
// only k6 and k6/* left external, no Node built-ins, no source map. A script imports its own
// API's module only, so a bundle carries only that API's validators.
import { TWIN_STEP_PREFIX } from '../../scenarios/flow.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { loadSpec, PROJECT_ROOT } from '../../lib/spec.ts';
import { LOAD_APIS, type LoadApiId } from '../lib/apis.ts';
import { flowCostTable, type FlowCostTable } from '../lib/flow-costs.ts';
import type { OperationMeta } from '../lib/k6-runner.ts';
import { exampleResponder } from './examples.ts';
import { generateLoadData } from './load-data.ts';
import { MAX_BUNDLE_BYTES, scanBundle } from './scan.ts';
import { generateValidators } from './validators.ts';

export const DIST_DIR = path.join(PROJECT_ROOT, 'dist/load');
export const GEN_DIR = path.join(DIST_DIR, '.gen');
export const BUILD_INFO = path.join(GEN_DIR, 'build-info.json');
export const LOAD_DATA_FILE = path.join(PROJECT_ROOT, 'fixtures/load-data.json');
const GENERATED_PREFIX = 'harness-generated:';

/** What the build generated from one API's spec. */
export interface ApiBuildInfo {
  spec: string;
  operations: Record<string, OperationMeta>;
  flowCosts: FlowCostTable;
  formats: string[];
}

export interface BuildInfo {
  apis: Record<LoadApiId, ApiBuildInfo>;
  /** Bundle path relative to the project root → size in bytes. */
  bundles: Record<string, number>;
}

/** The k6 entry points: load/<name>.k6.ts → dist/load/<name>.js, load/bench/<name>.k6.ts → dist/load/bench/<name>.js. */
export function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of ['load', 'load/bench']) {
    const abs = path.join(PROJECT_ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const file of readdirSync(abs).filter((f) => f.endsWith('.k6.ts')).sort()) {
      const out = path.join(dir.replace(/^load/, ''), file.replace(/\.k6\.ts$/, '')).replace(/^\//, '');
      entries[out] = path.join(abs, file);
    }
  }
  return entries;
}

export interface BuildOptions {
  log?: (line: string) => void;
  /** Where the bundles go (default dist/load/); tests build into their own directory. */
  outDir?: string;
}

export async function buildLoadBundles(options: BuildOptions = {}): Promise<BuildInfo> {
  const log = options.log ?? (() => {});
  const outDir = options.outDir ?? DIST_DIR;
  const genDir = path.join(outDir, '.gen');
  mkdirSync(genDir, { recursive: true });
  const apis = {} as Record<LoadApiId, ApiBuildInfo>;
  for (const id of Object.keys(LOAD_APIS) as LoadApiId[]) apis[id] = generateApiModule(id, genDir);

  const data = `${JSON.stringify(generateLoadData(), null, 1)}\n`;
  if (!existsSync(LOAD_DATA_FILE) || readFileSync(LOAD_DATA_FILE, 'utf8') !== data) writeFileSync(LOAD_DATA_FILE, data);

  const entries = entryPoints();
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'neutral', // no Node built-ins resolve: an import of one fails the build
    mainFields: ['module', 'main'],
    nodePaths: [path.join(PROJECT_ROOT, 'node_modules')], // the generated module may live outside the project (tests)
    target: 'es2017',
    // esbuild 0.28 wraps every `yield*` in an async-iteration helper when async generators are
    // lowered; the flows use none, and a per-step wrapper costs k6 time. The ES2017 parse check
    // of the bundle test still refuses any async generator.
    supported: { 'async-generator': true },
    external: ['k6', 'k6/*'],
    sourcemap: false,
    legalComments: 'none',
    minifySyntax: true,
    logLevel: 'silent',
    plugins: [generatedModulePlugin(genDir)],
  });

  const bundles: Record<string, number> = {};
  const dataDirs = new Set<string>();
  for (const name of Object.keys(entries)) {
    const file = path.join(outDir, `${name}.js`);
    bundles[path.relative(PROJECT_ROOT, file)] = statSync(file).size;
    dataDirs.add(path.dirname(file));
  }
  // open('./load-data.json') in k6 resolves next to the script.
  for (const dir of dataDirs) writeFileSync(path.join(dir, 'load-data.json'), data);

  const info: BuildInfo = { apis, bundles };
  writeFileSync(path.join(genDir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  for (const [file, size] of Object.entries(bundles)) {
    log(`  ${file.padEnd(34)} ${(size / 1024).toFixed(1).padStart(7)} KB${size > MAX_BUNDLE_BYTES ? '  OVER 300 KB' : ''}`);
  }
  // What k6 would reject at init (or must never carry) fails the build, not the load run.
  const problems = Object.keys(bundles).flatMap((file) => scanBundle(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')).problems.map((p) => `${file}: ${p}`));
  if (problems.length) throw new Error(`The k6 bundles are not fit for k6:\n  ${problems.join('\n  ')}`);
  return info;
}

/**
 * dist/load/.gen/<api>.js (and <api>-validators.js): the operations the API's load flows call
 * (scenarios, provisioning, setup's readiness probe or login), their standalone validators, the
 * flow costs and the formats used.
 */
function generateApiModule(id: LoadApiId, genDir: string): ApiBuildInfo {
  const spec = loadSpec(id);
  const flowCosts = flowCostTable(exampleResponder(spec), id);
  const used = new Set<string>([...flowCosts.readiness.operations, ...flowCosts.provision.operations]);
  for (const cost of Object.values(flowCosts.iterations)) cost.operations.forEach((op) => used.add(op));
  const operationIds = [...used].filter((op) => !op.startsWith(TWIN_STEP_PREFIX)).sort();
  const operations: Record<string, OperationMeta> = {};
  for (const opId of operationIds) {
    const op = spec.operations.get(opId);
    if (!op) throw new Error(`The load flows call "${opId}", which is not in ${spec.api.specFile}.`);
    operations[opId] = { method: op.method, path: op.path, statuses: [...op.responses.keys()] };
  }
  const validators = generateValidators(spec, operationIds);
  writeFileSync(path.join(genDir, `${id}-validators.js`), validators.code);
  writeFileSync(path.join(genDir, `${id}.js`), [
    `// Generated by scripts/build-load.ts from ${spec.api.specFile}; do not edit.`,
    `import * as v from './${id}-validators.js';`,
    `export const OPERATIONS = ${JSON.stringify(operations, null, 2)};`,
    'export const VALIDATORS = {',
    ...Object.entries(validators.exports).map(([key, name]) => `  ${JSON.stringify(key)}: v.${name},`),
    '};',
    '// The same schemas with their inferred constraints taken out: run only when the full one fails, to tell a contract failure from an assumption.',
    'export const DOCUMENTED_VALIDATORS = {',
    ...Object.entries(validators.documentedExports).map(([key, name]) => `  ${JSON.stringify(key)}: v.${name},`),
    '};',
    `export const INFERRED_BODIES = ${JSON.stringify(validators.inferredBodies)};`,
    `export const FLOW_COSTS = ${JSON.stringify(flowCosts, null, 2)};`,
    `export const FORMATS = ${JSON.stringify(validators.formats)};`,
    '',
  ].join('\n'));
  return { spec: spec.api.specFile, operations, flowCosts, formats: validators.formats };
}

/** Ajv's string length replaced by the same count without its per-character loop (load/lib/ucs2length.ts). */
export const ucs2lengthPlugin: Plugin = {
  name: 'ucs2length',
  setup(b) {
    b.onResolve({ filter: /^ajv\/dist\/runtime\/ucs2length(?:\.js)?$/ }, () => ({ path: path.join(PROJECT_ROOT, 'load/lib/ucs2length.ts') }));
  },
};

function generatedModulePlugin(genDir: string): Plugin {
  return {
    name: 'harness-generated',
    setup(b) {
      b.onResolve({ filter: /^harness-generated:/ }, (args) => {
        const id = args.path.slice(GENERATED_PREFIX.length);
        if (!(id in LOAD_APIS)) return { errors: [{ text: `Unknown generated module ${args.path} (APIs: ${Object.keys(LOAD_APIS).join(', ')})` }] };
        return { path: path.join(genDir, `${id}.js`) };
      });
      ucs2lengthPlugin.setup(b);
    },
  };
}

/** Sources the bundles depend on: any newer than the oldest bundle means a rebuild. */
const SOURCES = ['load', 'scenarios', 'lib', 'spec', 'scripts/build-load.ts', 'fixtures/sovera-data.ts'];

export function bundlesStale(): { stale: boolean; reason: string } {
  if (!existsSync(BUILD_INFO)) return { stale: true, reason: 'not built yet' };
  const entries = entryPoints();
  let oldest = Infinity;
  for (const name of Object.keys(entries)) {
    const file = path.join(DIST_DIR, `${name}.js`);
    if (!existsSync(file)) return { stale: true, reason: `${path.relative(PROJECT_ROOT, file)} is missing` };
    oldest = Math.min(oldest, statSync(file).mtimeMs);
  }
  const newer = newestSource();
  if (newer && newer.mtimeMs > oldest) return { stale: true, reason: `${newer.file} changed since the last build` };
  return { stale: false, reason: 'up to date' };
}

function newestSource(): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const visit = (abs: string): void => {
    if (!existsSync(abs)) return;
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(abs)) if (entry !== 'node_modules' && !entry.startsWith('.')) visit(path.join(abs, entry));
      return;
    }
    if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { file: path.relative(PROJECT_ROOT, abs), mtimeMs: stat.mtimeMs };
  };
  for (const source of SOURCES) visit(path.join(PROJECT_ROOT, source));
  return newest;
}

export function readBuildInfo(): BuildInfo {
  return JSON.parse(readFileSync(BUILD_INFO, 'utf8')) as BuildInfo;
}
