// The k6 bundles, as built by `npm run load:build`: size, ES2017, only k6 imports, no Node
// built-ins, no faker, no source map, only regexes k6 accepts; exports matching the scenarios;
// validators derived from the spec. And the scanner itself catches the known trap.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { loadSpec, PROJECT_ROOT } from '../../lib/spec.ts';
import { buildLoadBundles, DIST_DIR, entryPoints, GEN_DIR, readBuildInfo } from '../../load/build/bundle.ts';
import { MAX_BUNDLE_BYTES, scanBundle } from '../../load/build/scan.ts';
import { formatsUsed } from '../../load/build/validators.ts';
import { LOAD_APIS, type LoadApiId } from '../../load/lib/apis.ts';
import { execName } from '../../load/lib/profiles.ts';
import { SCRIPTS, scriptApi } from '../../load/lib/scenarios.ts';

function bundleFiles(dir = DIST_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const abs = path.join(dir, entry);
    if (entry.startsWith('.')) return [];
    if (statSync(abs).isDirectory()) return bundleFiles(abs);
    return entry.endsWith('.js') ? [abs] : [];
  });
}

before(async () => {
  await buildLoadBundles();
});

describe('npm run load:build output', () => {
  test('one bundle per load/*.k6.ts (and load/bench/*.k6.ts), with the test data next to it', () => {
    const expected = Object.keys(entryPoints()).map((name) => path.join(DIST_DIR, `${name}.js`)).sort();
    assert.ok(expected.length >= 4);
    assert.ok(expected.includes(path.join(DIST_DIR, 'core-balance.js')), 'the Core script is built');
    for (const script of Object.keys(SCRIPTS)) assert.ok(expected.includes(path.join(DIST_DIR, `${script}.js`)), `${script}.js is built`);
    assert.deepEqual(bundleFiles().sort(), expected);
    for (const file of expected) assert.ok(existsSync(path.join(path.dirname(file), 'load-data.json')), `load-data.json next to ${file}`);
  });

  test('every bundle is fit for k6: size, ES2017, k6-only imports, safe regexes, no faker, no Node, no source map', () => {
    for (const file of bundleFiles()) {
      const code = readFileSync(file, 'utf8');
      const scan = scanBundle(code);
      const name = path.relative(PROJECT_ROOT, file);
      assert.deepEqual(scan.problems, [], `${name}:\n  ${scan.problems.join('\n  ')}`);
      assert.ok(Buffer.byteLength(code) <= MAX_BUNDLE_BYTES, `${name} is at most 300 KB`);
      assert.ok(scan.imports.length > 0 && scan.imports.every((s) => s === 'k6' || s.startsWith('k6/')), `${name} imports ${scan.imports.join(', ')}`);
      assert.doesNotMatch(code, /require\(\s*["'](?:node:)?(?:fs|path|os|child_process|http|https|net|crypto|url|util)["']\s*\)/);
      assert.doesNotMatch(code, /from\s*["']node:/);
      // Ajv's string length (a loop per character, slow in k6) is replaced by load/lib/ucs2length.ts.
      assert.doesNotMatch(code, /\/\/ low surrogate|value & 64512/, `${name} carries Ajv's ucs2length loop`);
    }
    assert.match(readFileSync(path.join(DIST_DIR, 'lifecycle.js'), 'utf8'), /\[\\uD800-\\uDFFF\]/, 'lifecycle.js counts lengths with load/lib/ucs2length.ts');
  });

  test('each script exports options, setup, handleSummary and the function of every scenario it runs', () => {
    for (const [script, scenarios] of Object.entries(SCRIPTS)) {
      const { exports } = scanBundle(readFileSync(path.join(DIST_DIR, `${script}.js`), 'utf8'));
      for (const name of ['options', 'setup', 'handleSummary', 'default', ...scenarios.map(execName)]) {
        assert.ok(exports.includes(name), `${script}.js exports ${name} (exports: ${exports.join(', ')})`);
      }
    }
  });

  for (const api of Object.keys(LOAD_APIS) as LoadApiId[]) {
    test(`${api}: validators and operations come from ${api}'s spec, with only the formats it uses`, () => {
      const info = readBuildInfo().apis[api];
      const spec = loadSpec(api);
      assert.equal(info.spec, spec.api.specFile);
      for (const [id, meta] of Object.entries(info.operations)) {
        const op = spec.operations.get(id)!;
        assert.deepEqual(meta, { method: op.method, path: op.path, statuses: [...op.responses.keys()] });
      }
      const schemas = Object.keys(info.operations).flatMap((id) => [...spec.operations.get(id)!.responses.values()].map((r) => r.schema));
      assert.deepEqual(info.formats, formatsUsed(schemas));
      const generated = readFileSync(path.join(GEN_DIR, `${api}.js`), 'utf8');
      for (const id of Object.keys(info.operations)) {
        for (const [status, r] of spec.operations.get(id)!.responses) if (r.schema) assert.ok(generated.includes(`"${id} ${status}": v.validate_`), `validator for ${id} ${status}`);
      }
    });

    test(`${api}: the sandbox hosts a load run may use are the spec's non-production servers`, () => {
      const spec = loadSpec(api);
      const hosts = (spec.document.servers ?? []).map((s) => new URL(s.url).hostname).filter((h) => !spec.api.productionHosts.includes(h));
      assert.deepEqual(LOAD_APIS[api].sandboxHosts, hosts);
    });

    test(`${api}: the key goes where the spec's security scheme says`, () => {
      const scheme = securitySchemeOf(api);
      if (scheme?.type === 'apiKey') assert.equal(LOAD_APIS[api].keyHeader, scheme.name.toLowerCase());
      else assert.equal(LOAD_APIS[api].keyHeader, undefined, 'HTTP Basic or a bearer token: no key header');
    });
  }

  function securitySchemeOf(api: LoadApiId): { type?: string; name: string } | undefined {
    const doc = loadSpec(api).document;
    const name = Object.keys(doc.security?.[0] ?? {})[0];
    return name ? (doc.components?.securitySchemes?.[name] as { type?: string; name: string }) : undefined;
  }

  test('sovera: the sandbox variant of lifecycle skips the physical-card ack', () => {
    const { flowCosts } = readBuildInfo().apis.sovera;
    assert.ok(flowCosts.iterations['lifecycle@twin'].requests > flowCosts.iterations['lifecycle@sandbox'].requests);
  });

  test('core: core-balance.js carries the Core validators (date-time and email only) and none of Sovera\'s', () => {
    const info = readBuildInfo().apis.core;
    assert.deepEqual(Object.keys(info.operations), ['addBalance', 'assignCard', 'changeCardStatus', 'createCard', 'createCustomer', 'getCard', 'listMovements', 'login']);
    assert.deepEqual(info.formats, ['date-time', 'email']);
    for (const target of ['twin', 'mock', 'sandbox']) {
      assert.deepEqual(info.flowCosts.iterations[`core-balance@${target}`], { requests: 3, operations: ['addBalance', 'listMovements', 'getCard'] });
    }
    assert.deepEqual(info.flowCosts.readiness, { requests: 1, operations: ['login'] });
    assert.deepEqual(info.flowCosts.provision, { requests: 5, operations: ['createCustomer', 'createCard', 'assignCard', 'addBalance', 'changeCardStatus'] });
    const core = readFileSync(path.join(DIST_DIR, 'core-balance.js'), 'utf8');
    const gate = readFileSync(path.join(DIST_DIR, 'gate.js'), 'utf8');
    assert.ok(core.includes('"/cards/{cardId}/movements"') && core.includes('"/balances/add"'));
    assert.ok(!core.includes('"/wallets/{walletId}"'), 'no Sovera operation table in the Core bundle');
    assert.ok(!gate.includes('"/balances/add"'), 'no Core operation table in the Sovera bundles');
    assert.ok(Buffer.byteLength(core) < Buffer.byteLength(gate), 'the Core bundle carries one API\'s validators');
    assert.equal(scriptApi('core-balance'), 'core');
  });
});

describe('the bundle scanner', () => {
  test('catches the known trap: ajv-formats\' full formats carry \\u{...} regexes k6 rejects', async () => {
    const result = await build({
      stdin: { contents: "import { fullFormats } from 'ajv-formats/dist/formats.js'; export default fullFormats;", resolveDir: PROJECT_ROOT, loader: 'js' },
      bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2017', write: false, logLevel: 'silent',
    });
    const problems = scanBundle(result.outputFiles[0].text).problems.join('\n');
    assert.match(problems, /\\u\{\.\.\.\} escape/);
    assert.match(problems, /uses a (?:\\u\{\.\.\.\} escape|flag "[a-z]*u[a-z]*")/);
  });

  test('refuses syntax past ES2017, foreign imports, Node globals, faker and inline source maps', () => {
    const cases: Array<[string, RegExp]> = [
      ['export const a = { ...b };', /does not parse as ES2017/],
      ['export const a = b?.c;', /does not parse as ES2017/],
      ['export async function* g() {}', /does not parse as ES2017/],
      ["import x from 'lodash'; export default x;", /imports "lodash": only k6/],
      ["const fs = require('fs'); export default fs;", /requires "fs"/],
      ['export const r = /(?<=a)b/;', /lookbehind/],
      ["export const r = new RegExp('(?<year>\\\\d{4})');", /named group/],
      ['export const r = /a./s;', /flag "s"/],
      ['export const e = process.env.X;', /Node global/],
      ['export const f = "faker";', /faker/],
      ['export default 1;\n//# sourceMappingURL=data:application/json;base64,e30=', /inline source map/],
      [`export const big = "${'x'.repeat(MAX_BUNDLE_BYTES)}";`, /over the 300 KB limit/],
    ];
    for (const [code, problem] of cases) assert.match(scanBundle(code).problems.join('\n'), problem, code.slice(0, 60));
    assert.deepEqual(scanBundle("import http from 'k6/http'; export function run() { return http; }").problems, []);
  });
});
