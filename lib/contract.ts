// Compiles the spec's schemas into Ajv validators, once per process, and checks
// responses (for the harness) and requests (for the twin and for request routing) against them.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { apiProfile, type ApiId } from './apis.ts';
import { luhnValid } from './redact.ts';
import { loadSpec, type JsonSchema, type OperationInfo, type RuleInfo } from './spec.ts';
import { basisOfSchemaError, ownBasis, type Basis } from './provenance.ts';
import { compileCached } from './validator-cache.ts';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** OpenAPI keywords that are annotations, not validation; strict mode must know them. */
export const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs'];

export interface Violation {
  /** JSON pointer into the body (or parameter object) that failed, '' for the root. */
  pointer: string;
  message: string;
  /** Ajv's path of the broken constraint inside the validated schema (`#/properties/email/format`). */
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  /** What the broken constraint rests on (set by checkRequest / checkResponse). */
  basis?: Basis;
}

/** One thing wrong with a response, and what the broken rule rests on. */
export interface Finding {
  /** `request`: the answer to a request the spec calls invalid, on inferred grounds only, that was not refused as expected. */
  kind: 'status' | 'request' | 'header' | 'media' | 'schema' | 'secret';
  /** One line for people: `/customers/0/email must match format "email"`. */
  text: string;
  basis: Basis;
  /** Schema findings: the violation (pointer into the body, schemaPath into the status's schema). */
  violation?: Violation;
}

/** What a check expected of the status, and what that expectation rests on. */
export interface Expectation {
  status: number;
  /** Default: the basis of that status of the operation in the spec. */
  basis?: Basis;
  /** What the expectation is about: the status itself (default), or the refusal of an invalid request. */
  about?: 'status' | 'request';
}

export interface ResponseCheck {
  ok: boolean;
  /** What is wrong at the HTTP level: undocumented status, not JSON. */
  problems: string[];
  /** Schema violations of the body, each with its JSON pointer. */
  violations: Violation[];
  /** Every problem and violation above, each with its basis (documented or inferred). */
  findings: Finding[];
}

export interface RequestInput {
  pathParams?: Record<string, string>;
  query?: Record<string, string | undefined>;
  contentType?: string;
  /** Parsed body: JSON value, or for form bodies the decoded fields (strings, coerced in place). */
  body?: unknown;
  authorized?: boolean;
}

export function newAjv(options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false, // allOf/oneOf compositions in OpenAPI omit `type` in branches on purpose
    allErrors: true, // every problem in one message, not the first
    discriminator: true,
    coerceTypes: options.coerceTypes ?? false,
    code: { source: true }, // for the validator cache (lib/validator-cache.ts)
  });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);
  return ajv;
}

/**
 * Validators compiled on first use, not up front: a Playwright worker (restarted after every
 * failed test) or a twin compiles only what it checks, instead of every schema of the spec.
 */
class LazyValidators<T> {
  private readonly built = new Map<string, T>();
  private readonly sources = new Map<string, () => T>();

  define(key: string, make: () => T): void {
    this.sources.set(key, make);
  }

  get(key: string): T | undefined {
    let value = this.built.get(key);
    if (value === undefined) {
      const make = this.sources.get(key);
      if (make === undefined) return undefined;
      value = make();
      this.built.set(key, value);
    }
    return value;
  }
}

export class Contract {
  readonly apiId: ApiId;
  readonly operations: Map<string, OperationInfo>;
  /** What the provider sends to the client (the spec's `webhooks`), by operationId. */
  readonly webhooks: Map<string, OperationInfo>;
  private readonly responseValidators = new LazyValidators<ValidateFunction>();
  private readonly bodyValidators = new LazyValidators<ValidateFunction>();
  private readonly paramValidators = new LazyValidators<ValidateFunction>();
  /** "operationId status" -> one validator over the documented headers (lower-cased names, values coerced from text). */
  private readonly headerValidators = new LazyValidators<{ validate: ValidateFunction; names: Map<string, string> }>();
  /** What "no card secret where the docs do not put one" rests on (`info.x-card-secrets` of the spec). */
  private readonly cardSecretsBasis: Basis;

  constructor(apiId: ApiId) {
    this.apiId = apiId;
    const spec = loadSpec(apiId);
    this.operations = spec.operations;
    this.webhooks = spec.webhooks;
    this.cardSecretsBasis = ownBasis((spec.document.info as Record<string, unknown>)['x-card-secrets'])
      ?? { provenance: 'inferred', source: `${apiProfile(apiId).specFile} has no info.x-card-secrets: the harness's own rule that answers carry no card secret they are not documented to` };
    const jsonAjv = newAjv();
    const formAjv = newAjv({ coerceTypes: true }); // form fields arrive as strings
    registerExtensionKeywords([jsonAjv, formAjv], new Map([...this.operations, ...this.webhooks]));
    const ajv = { compile: (schema: object) => compileCached(jsonAjv, schema) };
    const form = { compile: (schema: object) => compileCached(formAjv, schema) };
    for (const hook of this.webhooks.values()) {
      for (const [type, schema] of Object.entries(hook.requestBody?.schemas ?? {})) this.bodyValidators.define(`${hook.operationId} ${type}`, () => ajv.compile(schema));
    }
    for (const op of this.operations.values()) {
      for (const [status, { schema, headerDetails }] of op.responses) {
        if (schema) this.responseValidators.define(`${op.operationId} ${status}`, () => ajv.compile(schema));
        const documented = (headerDetails ?? []).filter((h) => h.schema || h.required);
        if (documented.length) {
          this.headerValidators.define(`${op.operationId} ${status}`, () => ({
            names: new Map(documented.map((h) => [h.name.toLowerCase(), h.name])),
            validate: form.compile({
              type: 'object',
              properties: Object.fromEntries(documented.map((h) => [h.name.toLowerCase(), h.schema ?? {}])),
              required: documented.filter((h) => h.required).map((h) => h.name.toLowerCase()),
            }),
          }));
        }
      }
      for (const [type, schema] of Object.entries(op.requestBody?.schemas ?? {})) {
        const compiler = type === 'application/x-www-form-urlencoded' ? form : ajv;
        this.bodyValidators.define(`${op.operationId} ${type}`, () => compiler.compile(schema));
      }
      for (const location of ['path', 'query'] as const) {
        const params = op.parameters.filter((p) => p.in === location);
        if (!params.length) continue;
        this.paramValidators.define(`${op.operationId} ${location}`, () => form.compile({
          type: 'object',
          properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
          required: params.filter((p) => p.required).map((p) => p.name),
        }));
      }
    }
  }

  operation(operationId: string): OperationInfo {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`No operation "${operationId}" in the ${this.apiId} spec.`);
    return op;
  }

  documentedStatuses(operationId: string): number[] {
    return [...this.operation(operationId).responses.keys()];
  }

  /** The operationIds whose spec documents `status`, in spec order. */
  operationsDocumenting(status: number): string[] {
    return [...this.operations.values()].filter((op) => op.responses.has(status)).map((op) => op.operationId);
  }

  /**
   * Problems with the documented response headers of a status (e.g. the Core API's required
   * X-RateLimit-*): each missing required header, each value that breaks its schema. [] when fine.
   */
  checkResponseHeaders(operationId: string, status: number, headers: Record<string, string>): string[] {
    return this.headerFindings(operationId, status, headers).map((f) => f.text);
  }

  private headerFindings(operationId: string, status: number, headers: Record<string, string>): Finding[] {
    const entry = this.headerValidators.get(`${operationId} ${status}`);
    if (!entry) return [];
    const details = this.operation(operationId).responses.get(status)?.headerDetails ?? [];
    const basisOf = (lower: string) => details.find((h) => h.name.toLowerCase() === lower)?.basis ?? this.operation(operationId).basis;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (entry.names.has(name.toLowerCase())) values[name.toLowerCase()] = value;
    const original = { ...values };
    if (entry.validate(values)) return [];
    return (entry.validate.errors ?? []).map((e): Finding => {
      const missing = (e.params as { missingProperty?: string }).missingProperty;
      if (missing !== undefined) return { kind: 'header', text: `header ${entry.names.get(missing) ?? missing} is missing (required by the spec)`, basis: basisOf(missing) };
      const key = e.instancePath.replace(/^\//, '');
      return { kind: 'header', text: `header ${entry.names.get(key) ?? key} ${e.message ?? e.keyword} (got "${original[key] ?? ''}")`, basis: basisOf(key) };
    });
  }

  /** The rule `ruleId` of an operation (`x-rules`); throws when the spec has no such rule, so a test cannot cite one that is not there. */
  rule(operationId: string, ruleId: string): RuleInfo {
    const rule = this.operation(operationId).rules.get(ruleId);
    if (!rule) throw new Error(`No rule "${ruleId}" in x-rules of ${operationId} (${this.apiId} spec). Rules there: ${[...this.operation(operationId).rules.keys()].join(', ') || 'none'}.`);
    return rule;
  }

  checkResponse(operationId: string, res: { status: number; contentType: string; body: unknown; headers?: Record<string, string> }, expected?: number | Expectation): ResponseCheck {
    const op = this.operation(operationId);
    const findings: Finding[] = [];
    const documented = [...op.responses.keys()];
    const expectation = typeof expected === 'number' ? { status: expected } : expected;
    if (expectation !== undefined && res.status !== expectation.status) {
      const basis = expectation.basis ?? op.responses.get(expectation.status)?.basis ?? op.basis;
      findings.push({ kind: expectation.about ?? 'status', text: `expected status ${expectation.status}, got ${res.status}`, basis });
    }
    const response = op.responses.get(res.status);
    if (!response) {
      findings.push({
        kind: 'status',
        text: `status ${res.status} is not documented for ${operationId} (documented: ${documented.join(', ')})`,
        basis: { provenance: 'inferred', source: `the spec lists ${documented.join(', ')} for ${operationId}; the docs do not say no other status is answered` },
      });
    }
    if (res.headers && response) findings.push(...this.headerFindings(operationId, res.status, res.headers));
    const validate = this.responseValidators.get(`${operationId} ${res.status}`);
    const schema = response?.schema;
    if (validate && schema) findings.push(...bodyFindings(validate, schema, res.contentType, res.body, op.basis));
    if (res.body !== undefined && isJson(res.contentType)) findings.push(...this.secretFindings(op, schema, res.body));
    const problems = findings.filter((f) => f.kind !== 'schema').map((f) => f.text);
    const violations = findings.filter((f) => f.violation).map((f) => f.violation!);
    return { ok: findings.length === 0, problems, violations, findings };
  }

  /**
   * A card secret the operation's answer is not documented to carry (a PAN in a card read): a
   * field named as a card secret that the response schema does not declare, or a card-number-
   * shaped value (13–19 digits, Luhn-valid) in any field that is not one the schema declares as a
   * secret. Its basis is the spec's `info.x-card-secrets` (the docs' sentence on card secrets).
   * The finding names the field, never the value.
   */
  private secretFindings(op: OperationInfo, schema: JsonSchema | undefined, body: unknown): Finding[] {
    const declared = declaredProperties(schema);
    const basis = this.cardSecretsBasis;
    const findings: Finding[] = [];
    walkFields(body, '', (pointer, key, value) => {
      const secretName = isCardSecretField(key);
      if (secretName && !declared.has(key)) {
        findings.push({ kind: 'secret', text: `${pointer} is a card secret (${key}) that ${op.operationId} is not documented to answer`, basis });
      } else if (!secretName && typeof value === 'string' && /^\d{13,19}$/.test(value) && luhnValid(value)) {
        findings.push({ kind: 'secret', text: `${pointer} holds a card number (13–19 digits, Luhn-valid) that ${op.operationId} is not documented to answer`, basis });
      }
    });
    return findings;
  }

  /** Path template → the operations declared on it, one per method. */
  pathOperations(): Map<string, OperationInfo[]> {
    const byPath = new Map<string, OperationInfo[]>();
    for (const op of this.operations.values()) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
    return byPath;
  }

  /** What a method a path does not declare answers (the spec's `info.x-undeclared-methods`). */
  undeclaredMethodRule(): { statement: string; basis: Basis } {
    const raw = (loadSpec(this.apiId).document.info as Record<string, any>)['x-undeclared-methods'] ?? {};
    return {
      statement: String(raw.statement ?? 'A method a path does not declare is refused with 405.'),
      basis: ownBasis(raw) ?? { provenance: 'inferred', source: `${apiProfile(this.apiId).specFile} has no info.x-undeclared-methods` },
    };
  }

  /** The webhook `operationId` of the spec's `webhooks`; throws naming the ones there. */
  webhook(operationId: string): OperationInfo {
    const hook = this.webhooks.get(operationId);
    if (!hook) throw new Error(`No webhook "${operationId}" in the ${this.apiId} spec (webhooks there: ${[...this.webhooks.keys()].join(', ') || 'none'}).`);
    return hook;
  }

  /**
   * Everything wrong with one webhook delivery the provider sent: a required header missing, a
   * body that is not JSON or breaks the webhook's schema, a card secret in it. Each finding with
   * its basis, as for responses. (The key's value is compared by the receiver, in constant time.)
   */
  checkWebhook(operationId: string, delivery: { headers: Record<string, string>; contentType: string; body: unknown }): Finding[] {
    const hook = this.webhook(operationId);
    const findings: Finding[] = [];
    const present = new Set(Object.keys(delivery.headers).map((h) => h.toLowerCase()));
    for (const p of hook.parameters) {
      if (p.in === 'header' && p.required && !present.has(p.name.toLowerCase())) {
        findings.push({ kind: 'header', text: `header ${p.name} is missing (required by the spec)`, basis: hook.basis });
      }
    }
    const schema = hook.requestBody?.schemas['application/json'];
    const validate = this.bodyValidators.get(`${operationId} application/json`);
    if (validate && schema) findings.push(...bodyFindings(validate, schema, delivery.contentType, delivery.body, hook.basis));
    if (delivery.body !== undefined && isJson(delivery.contentType)) findings.push(...this.secretFindings(hook, schema, delivery.body));
    return findings;
  }

  /** Everything that makes a request break the spec's request contract; [] when it is valid. */
  checkRequest(operationId: string, req: RequestInput): Violation[] {
    const op = this.operation(operationId);
    const violations: Violation[] = [];
    if (op.secured && req.authorized === false) violations.push({ pointer: '', message: 'credentials are missing', basis: op.securityBasis });
    for (const location of ['path', 'query'] as const) {
      const validate = this.paramValidators.get(`${operationId} ${location}`);
      const values = location === 'path' ? req.pathParams : req.query;
      if (validate && !validate(withoutUndefined(values ?? {}))) {
        const schema = { properties: Object.fromEntries(op.parameters.filter((p) => p.in === location).map((p) => [p.name, p.schema])) };
        violations.push(...toViolations(validate.errors).map((v) => ({ ...v, pointer: `${location}${v.pointer}`, basis: basisOfSchemaError(schema, v as Required<Violation>, op.basis) })));
      }
    }
    if (op.requestBody) {
      const type = mediaType(req.contentType);
      if (req.body === undefined) {
        if (op.requestBody.required) violations.push({ pointer: 'body', message: 'request body is required', basis: op.basis });
      } else {
        const validate = this.bodyValidators.get(`${operationId} ${type}`);
        if (!validate) {
          violations.push({ pointer: 'body', message: `content type "${type}" is not accepted (accepted: ${Object.keys(op.requestBody.schemas).join(', ')})`, basis: op.basis });
        } else if (!validate(req.body)) {
          const schema = op.requestBody.schemas[type];
          violations.push(...toViolations(validate.errors).map((v) => ({ ...v, pointer: `body${v.pointer}`, basis: basisOfSchemaError(schema, v as Required<Violation>, op.basis) })));
        }
      }
    }
    return violations;
  }
}

/** What is wrong with a JSON body against its schema (a response's, a webhook's): not JSON, or each violation with its basis. */
function bodyFindings(validate: ValidateFunction, schema: JsonSchema, contentType: string, body: unknown, fallback: Basis): Finding[] {
  const bodyBasis = ownBasis(schema) ?? fallback;
  if (!isJson(contentType)) return [{ kind: 'media', text: `content type is "${contentType || '(none)'}", expected application/json`, basis: bodyBasis }];
  if (body === undefined) return [{ kind: 'media', text: 'body is not valid JSON', basis: bodyBasis }];
  if (validate(body)) return [];
  return toViolations(validate.errors).map((v) => {
    const basis = basisOfSchemaError(schema, v as Required<Pick<Violation, 'schemaPath' | 'keyword'>>, fallback);
    return { kind: 'schema', text: `${v.pointer || '(root)'} ${v.message}`, basis, violation: { ...v, basis } };
  });
}

const contracts = new Map<ApiId, Contract>();

/** The process-wide contract of an API: the spec is loaded and compiled on first use only. */
export function contractFor(apiId: ApiId): Contract {
  let contract = contracts.get(apiId);
  if (!contract) {
    contract = new Contract(apiId);
    contracts.set(apiId, contract);
  }
  return contract;
}

export function isJson(contentType: string | undefined): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function toViolations(errors: ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((e) => {
    const params = e.params as Record<string, unknown>;
    const extra = params.additionalProperty ?? params.unevaluatedProperty;
    const allowed = params.allowedValues ?? params.allowedValue;
    let message = e.message ?? e.keyword;
    if (extra !== undefined) message += `: "${String(extra)}"`;
    if (allowed !== undefined) message += ` (${JSON.stringify(allowed)})`;
    return { pointer: e.instancePath, message, schemaPath: e.schemaPath, keyword: e.keyword, params };
  });
}

function withoutUndefined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** Strict mode rejects unknown keywords, so every `x-…` extension used inside schemas is declared. */
export function registerExtensionKeywords(ajvs: Ajv2020[], operations: Map<string, OperationInfo>): void {
  const schemas: unknown[] = [];
  for (const op of operations.values()) {
    for (const r of op.responses.values()) schemas.push(r.schema);
    schemas.push(op.requestBody?.schemas);
    for (const p of op.parameters) schemas.push(p.schema);
  }
  registerExtensionKeywordsIn(ajvs, schemas);
}

/** The same for any schemas (one that is not reached through an operation index). */
export function registerExtensionKeywordsIn(ajvs: Ajv2020[], schemas: unknown[]): void {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      visit(value);
    }
  };
  for (const schema of schemas) visit(schema);
  for (const ajv of ajvs) for (const keyword of found) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
}

export type { JsonSchema };

/** Card secrets by field name (a subset of lib/redact.ts's secret fields: credentials such as a login's token are answered on purpose). */
const CARD_SECRET_FIELDS = new Set(['pan', 'cardnumber', 'cvv', 'cvc', 'cvv2', 'pin', 'newpin', 'expdate', 'duedate', 'expiry', 'expirydate', 'expirationdate']);

function isCardSecretField(name: string): boolean {
  return CARD_SECRET_FIELDS.has(name.toLowerCase());
}

const declaredCache = new WeakMap<object, Set<string>>();

/** Every property name a (dereferenced) schema declares, at any depth; computed once per schema. */
function declaredProperties(schema: unknown): Set<string> {
  if (!schema || typeof schema !== 'object') return new Set();
  let names = declaredCache.get(schema);
  if (!names) declaredCache.set(schema, (names = collectProperties(schema)));
  return names;
}

function collectProperties(schema: unknown, into = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return into;
  seen.add(schema);
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (props) for (const name of Object.keys(props)) into.add(name);
  for (const value of Object.values(schema as Record<string, unknown>)) {
    if (Array.isArray(value)) value.forEach((v) => collectProperties(v, into, seen));
    else if (value && typeof value === 'object') collectProperties(value, into, seen);
  }
  return into;
}

/** Visits every field of a JSON value with its JSON pointer. */
function walkFields(node: unknown, pointer: string, visit: (pointer: string, key: string, value: unknown) => void): void {
  if (Array.isArray(node)) { node.forEach((item, i) => walkFields(item, `${pointer}/${i}`, visit)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${key}`;
    visit(at, key, value);
    walkFields(value, at, visit);
  }
}
