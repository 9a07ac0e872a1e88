// Calibration: assumption records become overlay actions on inferred parts only; applying an
// overlay keeps the spec's comments, and refuses any action on a documented rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { applyOverlay, basisAtRawPath, overlayFromAssumptions, rawLocation } from '../../lib/calibration.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import type { AssumptionRecord } from '../../lib/verdict.ts';

const CORE = path.join(PROJECT_ROOT, 'spec/core-api.yaml');
const doc = () => parse(readFileSync(CORE, 'utf8'), { merge: true }) as Record<string, unknown>;
const base = { api: 'core', target: 'sandbox', source: 'x', observed: '400', traceId: undefined } as const;

test('a dereferenced schema path is found where it lives in the raw spec, through $refs', () => {
  const location = rawLocation(doc(), ['paths', '/customers', 'post', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'email', 'format']);
  assert.deepEqual(location, ['components', 'schemas', 'Customer', 'properties', 'email', 'format']);
  assert.equal(basisAtRawPath(doc(), location!)?.provenance, 'inferred', 'x-inferred marks the format');
  assert.equal(basisAtRawPath(doc(), ['components', 'schemas', 'Customer', 'properties', 'email', 'type'])?.provenance, 'documented');
});

test('records become actions on inferred parts; a documented constraint is left, with the reason', () => {
  const records: AssumptionRecord[] = [
    { ...base, operationId: 'addBalance', method: 'POST', path: '/balances/add', kind: 'status', check: 'expected status 409, got 400', status: 400, expectedStatus: 409, ruleId: 'addBalance#refused-when-blocked' },
    { ...base, operationId: 'createCustomer', method: 'POST', path: '/customers', kind: 'request', check: 'expected status 400, got 200', status: 200, expectedStatus: 400,
      requestViolations: [{ pointer: 'body', schemaPath: '#/additionalProperties', keyword: 'additionalProperties', message: 'must NOT have additional properties' }] },
    // documented: a Customer's name is a string (004); a server breaking it is a contract failure, not a calibration
    { ...base, operationId: 'createCustomer', method: 'POST', path: '/customers', kind: 'schema', check: '/name must be string', status: 200, schemaPath: '#/properties/name/type', keyword: 'type' },
  ];
  const { overlay, unhandled } = overlayFromAssumptions('spec/core-api.yaml', doc(), records, new Date('2026-12-01T00:00:00Z'));
  assert.deepEqual(overlay.actions.map((a) => [a.target, a.remove ? 'remove' : 'update']), [
    ["$['paths']['/balances/add']['post']['x-rules']['refused-when-blocked']", 'update'],
    ["$['components']['schemas']['CreateCustomerRequest']['additionalProperties']", 'remove'],
  ]);
  assert.equal((overlay.actions[0].update as { status: number }).status, 400);
  assert.equal(unhandled.length, 1);
  assert.match(unhandled[0].why, /is documented: a contract failure, not a calibration/);
});

test('applying an overlay keeps comments; an action on a documented rule is refused and changes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calibrate-'));
  try {
    const spec = path.join(dir, 'core-api.yaml');
    copyFileSync(CORE, spec);
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, stringify({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions: [
      { target: "$['components']['schemas']['CreateCustomerRequest']['properties']['email']['format']", remove: true, description: 'inferred format' },
    ] }));
    const result = await applyOverlay(good, spec);
    assert.deepEqual(result.changed, ["removed $['components']['schemas']['CreateCustomerRequest']['properties']['email']['format']"]);
    const text = readFileSync(spec, 'utf8');
    assert.match(text, /# ---------------------------------------------------------------- auth/, 'comments survive');
    assert.match(text, /tags: \[auth\]/, 'flow collections keep their spelling');

    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, stringify({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions: [
      { target: "$['paths']['/cards/status']['patch']['x-rules']['cancelled-is-permanent']", remove: true, description: 'a documented rule' },
      { target: "$['components']['schemas']['Currency']", update: { enum: ['USD', 'EUR', 'COP', 'GBP'] }, description: 'a documented enum' },
    ] }));
    const before = readFileSync(spec, 'utf8');
    await assert.rejects(applyOverlay(bad, spec), /Refused: the overlay would change documented rules[\s\S]*cancelled-is-permanent[\s\S]*Currency/);
    assert.equal(readFileSync(spec, 'utf8'), before, 'nothing written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('applying an overlay below a YAML alias changes that use only; an inferred element of a documented allOf can go', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calibrate-alias-'));
  try {
    const spec = path.join(dir, 'spec.yaml');
    writeFileSync(spec, [
      'openapi: 3.1.0',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /a:',
      '    post:',
      '      x-provenance: inferred',
      '      x-provenance-source: not documented',
      '      responses: &shared',
      "        '200': { description: ok, x-provenance: inferred, x-provenance-source: not documented }",
      '  /b:',
      '    post:',
      '      x-provenance: inferred',
      '      x-provenance-source: not documented',
      '      responses: *shared',
      'components:',
      '  schemas:',
      '    Pin:',
      '      type: string',
      '      x-provenance: documented',
      '      x-provenance-source: the docs',
      '      allOf:',
      "        - { not: { pattern: 'x' }, x-provenance: inferred, x-provenance-source: our reading }",
      '',
    ].join('\n'));
    const overlay = path.join(dir, 'overlay.yaml');
    writeFileSync(overlay, stringify({ overlay: '1.0.0', info: { title: 'o', version: '1' }, actions: [
      { target: "$.paths['/b'].post.responses", update: { '410': { description: 'gone', 'x-provenance': 'inferred', 'x-provenance-source': 'calibrated' } } },
      { target: "$.components.schemas.Pin.allOf[0].not", remove: true },
    ] }));
    await applyOverlay(overlay, spec);
    const after = parse(readFileSync(spec, 'utf8'), { merge: true }) as { paths: Record<string, { post: { responses: Record<string, unknown> } }>; components: { schemas: { Pin: { allOf: Record<string, unknown>[] } } } };
    assert.deepEqual(Object.keys(after.paths['/b'].post.responses).sort(), ['200', '410'], '/b gained the 410');
    assert.deepEqual(Object.keys(after.paths['/a'].post.responses), ['200'], '/a, the other use of the anchor, did not');
    assert.equal(after.components.schemas.Pin.allOf[0].not, undefined, 'the inferred element lost its constraint');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
