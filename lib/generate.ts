// Requests generated from the spec's request schemas. Valid ones: a fast-check arbitrary per
// JSON Schema (types, enums, formats, patterns, bounds, required and optional properties), kept
// only when the contract's own validator accepts the whole request, so "valid" means what the
// spec says. Invalid ones: the operation's valid request with exactly one constraint broken (a
// required field missing, a wrong type, a value off an enum, a format or a pattern, out of
// bounds, an extra field where the schema is closed), each carrying what the broken constraint
// rests on, as the contract reports it (documented or inferred).
import fc from 'fast-check';
import type { ApiId } from './apis.ts';
import { contractFor, type Contract, type Violation } from './contract.ts';
import type { OperationInput } from './http.ts';
import { strongest, type Basis } from './provenance.ts';
import type { JsonSchema, OperationInfo } from './spec.ts';

/** Numbers stay small unless the schema says otherwise: amounts a provisioned pool can pay. */
const SMALL = 10_000;

/** An arbitrary of values valid for `schema` (mostly: callers filter with the contract's validator). */
export function arbitraryFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object') return fc.constant('x');
  const s = schema as Record<string, any>;
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.allOf)) return arbitraryFor(mergeAll(s.allOf.concat([{ ...s, allOf: undefined }])));
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: JsonSchema) => arbitraryFor(x)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': return objectArbitrary(s);
    case 'array': return fc.array(arbitraryFor(s.items), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'integer': return fc.integer({ min: lowerBound(s, true), max: upperBound(s, true) });
    case 'number': return fc.integer({ min: lowerBound(s, false) * 100, max: upperBound(s, false) * 100 }).map((cents) => cents / 100).filter((n) => withinBounds(s, n));
    case 'boolean': return fc.boolean();
    case 'string': return stringArbitrary(s);
    default: return fc.constant('x');
  }
}

function objectArbitrary(s: Record<string, any>): fc.Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set<string>(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) record[name] = arbitraryFor(sub);
  // Plain objects (fast-check's records have no prototype), with at least the properties minProperties asks for.
  const min = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const names = Object.keys(record);
  return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) })
    .chain((o) => (Object.keys(o).length >= min ? fc.constant({ ...o }) : fc.record(record, { requiredKeys: names.slice(0, Math.max(min, required.size)) }).map((full) => ({ ...full }))));
}

function stringArbitrary(s: Record<string, any>): fc.Arbitrary<string> {
  switch (s.format) {
    case 'email': return fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([u, d]) => `${u}@${d}.example.com`);
    case 'uuid': return fc.uuid();
    case 'uri': return fc.stringMatching(/^[a-z]{3,8}$/).map((host) => `https://${host}.example.com/hook`);
    case 'date-time': return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date': return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    default: break;
  }
  const min = s.minLength ?? 1;
  const max = Math.max(min, Math.min(s.maxLength ?? 24, 24));
  if (typeof s.pattern === 'string') {
    return fc.stringMatching(new RegExp(s.pattern)).filter((t) => t.length >= (s.minLength ?? 0) && t.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789'), minLength: min, maxLength: max });
}

function lowerBound(s: Record<string, any>, integer: boolean): number {
  if (typeof s.minimum === 'number') return integer ? Math.ceil(s.minimum) : s.minimum;
  if (typeof s.exclusiveMinimum === 'number') return integer ? Math.floor(s.exclusiveMinimum) + 1 : s.exclusiveMinimum + 0.01;
  return 0;
}

function upperBound(s: Record<string, any>, integer: boolean): number {
  if (typeof s.maximum === 'number') return integer ? Math.floor(s.maximum) : s.maximum;
  if (typeof s.exclusiveMaximum === 'number') return integer ? Math.ceil(s.exclusiveMaximum) - 1 : s.exclusiveMaximum - 0.01;
  return Math.max(lowerBound(s, integer) + 1, SMALL);
}

function withinBounds(s: Record<string, any>, n: number): boolean {
  return !(typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) && !(typeof s.minimum === 'number' && n < s.minimum);
}

function mergeAll(schemas: Record<string, any>[]): Record<string, any> {
  const out: Record<string, any> = {};
  for (const s of schemas) {
    for (const [k, v] of Object.entries(s ?? {})) {
      if (v === undefined || k === 'not') continue;
      if (k === 'properties') out.properties = { ...(out.properties ?? {}), ...(v as object) };
      else if (k === 'required') out.required = [...new Set([...(out.required ?? []), ...(v as string[])])];
      else out[k] = v;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid requests
// ---------------------------------------------------------------------------------------------

/**
 * Valid requests of an operation: its body generated from the request schema, over `base` (the
 * operation's hand-written valid request around existing ids), whose path and query and whose
 * id-like fields (`…Id`) are kept, so the request names entities that exist. Only requests the
 * contract accepts as a whole are produced.
 */
export function validRequests(apiId: ApiId, operationId: string, base: OperationInput): fc.Arbitrary<OperationInput> {
  const contract = contractFor(apiId);
  const op = contract.operation(operationId);
  const schemas = op.requestBody?.schemas ?? {};
  const type = 'application/json' in schemas ? 'application/json' : Object.keys(schemas)[0];
  if (!type) return fc.constant(base);
  const broken = violationsOf(apiId, operationId, base);
  if (broken.length) throw new Error(`the base request of ${operationId} breaks the spec itself (${broken.map((v) => `${v.pointer} ${v.message}`).join('; ')}): fix its valid request in the suite's fixtures`);
  const baseBody = (base.body ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(baseBody).filter(([k]) => /Id$/.test(k)));
  // A generated request the contract refuses as a whole falls back to the base (never a filter: one that never passes would hang).
  return arbitraryFor(schemas[type])
    .map((body): OperationInput => ({ ...base, body: typeof body === 'object' && body ? { ...(body as object), ...kept } : body }))
    .map((req) => (violationsOf(apiId, operationId, req).length ? base : req));
}

/** What the contract finds wrong with a request (path, query and body as the server would see them). */
export function violationsOf(apiId: ApiId, operationId: string, request: OperationInput): Violation[] {
  return contractFor(apiId).checkRequest(operationId, {
    pathParams: request.path as Record<string, string> | undefined,
    query: request.query as Record<string, string> | undefined,
    body: request.body,
    contentType: request.body === undefined ? undefined : 'application/json',
    authorized: true,
  });
}

// ---------------------------------------------------------------------------------------------
// Invalid requests: one broken constraint each
// ---------------------------------------------------------------------------------------------

export interface Mutation {
  /** What was broken, for the test title and the failure: `body/amount: a string instead of integer`. */
  label: string;
  request: OperationInput;
  /** What the broken constraint rests on (the strongest basis of the violations the contract finds). */
  basis: Basis;
  violations: Violation[];
}

type Location = 'body' | 'query' | 'path';

/**
 * Every single-constraint mutation of `base` the contract confirms breaks the spec, each with the
 * basis of what it breaks. A mutation the contract finds nothing wrong with is left out.
 */
export function mutations(apiId: ApiId, operationId: string, base: OperationInput): Mutation[] {
  const contract = contractFor(apiId);
  const op = contract.operation(operationId);
  const out: Mutation[] = [];
  const seen = new Set<string>();
  const consider = (label: string, request: OperationInput) => {
    const violations = violationsOf(apiId, operationId, request);
    if (!violations.length) return;
    const key = JSON.stringify(request);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ label, request, violations, basis: strongest(violations.map((v) => v.basis ?? op.basis))! });
  };
  const bodySchema = op.requestBody?.schemas['application/json'] ?? Object.values(op.requestBody?.schemas ?? {})[0];
  if (bodySchema && base.body && typeof base.body === 'object') {
    for (const [label, body] of objectMutations(bodySchema as Record<string, any>, base.body as Record<string, unknown>, 'body')) consider(label, { ...base, body });
  }
  for (const location of ['query', 'path'] as const) {
    const params = op.parameters.filter((p) => p.in === location);
    if (!params.length) continue;
    const schema = { type: 'object', properties: Object.fromEntries(params.map((p) => [p.name, p.schema])), required: params.filter((p) => p.required).map((p) => p.name) };
    const values = (base[location] ?? {}) as Record<string, unknown>;
    // A path parameter stays non-empty: an empty one is another path, not a broken parameter.
    for (const [label, changed] of objectMutations(schema, values, location, { stringsOnly: true, keepRequired: location === 'path' })) {
      if (location === 'path' && Object.values(changed).some((v) => v === '')) continue;
      consider(label, { ...base, [location]: changed });
    }
  }
  return out;
}

function objectMutations(schema: Record<string, any>, value: Record<string, unknown>, where: Location, options: { stringsOnly?: boolean; keepRequired?: boolean } = {}): [string, Record<string, unknown>][] {
  const s = schema.allOf ? mergeAll([...schema.allOf, { ...schema, allOf: undefined }]) : schema;
  const properties = (s.properties ?? {}) as Record<string, Record<string, any>>;
  const out: [string, Record<string, unknown>][] = [];
  if (!options.keepRequired) {
    for (const name of (s.required ?? []) as string[]) {
      if (!(name in value)) continue;
      const { [name]: _dropped, ...rest } = value;
      out.push([`${where}/${name} missing (required)`, rest]);
    }
  }
  for (const [name, sub] of Object.entries(properties)) {
    if (!(name in value)) continue;
    for (const [label, broken] of valueMutations(sub, options.stringsOnly)) out.push([`${where}/${name}: ${label}`, { ...value, [name]: broken }]);
  }
  if (s.additionalProperties === false && !options.stringsOnly) out.push([`${where}: an extra field (the schema is closed)`, { ...value, harnessUnexpectedField: 'x' }]);
  return out;
}

/** Values that break one constraint of a property's schema. */
function valueMutations(schema: Record<string, any>, stringsOnly = false): [string, unknown][] {
  const s = schema.allOf ? mergeAll([...schema.allOf, { ...schema, allOf: undefined }]) : schema;
  const out: [string, unknown][] = [];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (!stringsOnly && type) {
    const wrong: Record<string, unknown> = { string: 12345, integer: 'not-a-number', number: 'not-a-number', boolean: 'yes', object: 'not-an-object', array: 'not-an-array' };
    if (type in wrong) out.push([`${typeof wrong[type] === 'string' ? 'a string' : 'a number'} instead of ${type}`, wrong[type]]);
    if (type === 'integer') out.push(['a fraction where an integer is required', 1.5]);
  }
  if (Array.isArray(s.enum)) out.push(['a value outside the enum', 'NOT_IN_THE_ENUM']);
  if (typeof s.format === 'string') out.push([`not a valid ${s.format}`, `not-a-valid-${s.format}`]);
  if (typeof s.pattern === 'string') out.push([`not matching ${s.pattern}`, '!!']);
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push([`shorter than ${s.minLength}`, '']);
  if (typeof s.maxLength === 'number') out.push([`longer than ${s.maxLength}`, 'x'.repeat(s.maxLength + 1)]);
  if (!stringsOnly && typeof s.minimum === 'number') out.push([`below the minimum ${s.minimum}`, s.minimum - 1]);
  if (!stringsOnly && typeof s.exclusiveMinimum === 'number') out.push([`not above ${s.exclusiveMinimum}`, s.exclusiveMinimum]);
  if (!stringsOnly && typeof s.maximum === 'number') out.push([`above the maximum ${s.maximum}`, s.maximum + 1]);
  return out;
}

/** The operations whose request the generated phase can vary (a body, query or path parameters). */
export function generatable(op: OperationInfo): boolean {
  return Boolean(op.requestBody) || op.parameters.some((p) => p.in === 'query' || p.in === 'path');
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The methods a path of the spec does not declare. A method another operation serves on a
 * template the path also fits is not one (GET /cards/debit is getCard('debit'): the twin, like
 * most routers, takes it so).
 */
export function undeclaredMethods(contract: Contract, path: string): (typeof METHODS)[number][] {
  const operations = [...contract.operations.values()];
  const declared = operations.filter((op) => op.path === path).map((op) => op.method);
  return METHODS.filter((m) => !declared.includes(m) && !operations.some((op) => op.method === m && op.path !== path && templateFits(op.path, path)));
}

/** Whether a path of the spec fits another's template (`/cards/debit` fits `/cards/{cardId}`). */
function templateFits(template: string, path: string): boolean {
  if (!template.includes('{')) return false;
  const pattern = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path.replace(/\{[^}]+\}/g, 'x'));
}
