// Loads an OpenAPI description once per process, dereferences it, and indexes its operations.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { OpenAPIV3_1 } from 'openapi-types';
import { ACCESS_LEVEL_NAMES, apiProfile, type AccessLevel, type ApiId, type ApiProfile } from './apis.ts';
import { ownBasis, type Basis } from './provenance.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export type JsonSchema = Record<string, unknown>;

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface OperationInfo {
  apiId: ApiId;
  operationId: string;
  method: HttpMethod;
  /** Path template as written in the spec, e.g. /wallets/{walletId}. */
  path: string;
  tags: string[];
  provenance: 'documented' | 'inferred';
  /** What the operation itself (method, path, body) rests on. */
  basis: Basis;
  /** The stateful rules the suite checks, by id (`x-rules`). */
  rules: Map<string, RuleInfo>;
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; schemas: Record<string, JsonSchema> };
  /** Documented statuses, ascending, with the JSON schema of each response body and its documented headers. */
  responses: Map<number, ResponseInfo>;
  /** Whether the operation requires credentials (global or operation-level security). */
  secured: boolean;
  /** What "credentials are required" rests on: the marking of the security scheme. */
  securityBasis?: Basis;
  /** The access level a key needs (`x-access-level`, API Layer), and what that rests on. */
  accessLevel?: { level: AccessLevel; basis: Basis };
  /** Webhooks: the body field that identifies the notification (`x-notification-id`), unique per notification. */
  notificationId?: { field: string; basis: Basis };
  /** Webhooks: the header carrying the shared key (`x-key-header`), compared in constant time by the receiver. */
  keyHeader?: string;
}

export interface ResponseHeaderInfo {
  /** As written in the spec, e.g. X-RateLimit-Remaining. */
  name: string;
  required: boolean;
  schema?: JsonSchema;
  basis: Basis;
}

/** A rule the docs state (or the team infers) that spans calls: "a blocked card refuses a top-up". */
export interface RuleInfo {
  id: string;
  operationId: string;
  statement: string;
  basis: Basis;
  /** For a refusal: the status it answers with, and what that status rests on (often less than the rule). */
  status?: number;
  statusBasis?: Basis;
}

export interface ResponseInfo {
  /** What this status of this operation rests on. */
  basis: Basis;
  schema?: JsonSchema;
  /** Names of the documented response headers. */
  headers: string[];
  /** The documented response headers with their schema and whether they are required. */
  headerDetails: ResponseHeaderInfo[];
}

export interface LoadedSpec {
  api: ApiProfile;
  document: OpenAPIV3_1.Document;
  operations: Map<string, OperationInfo>;
  /** What the provider sends to the client (the spec's `webhooks`), by operationId; `path` is the webhook's name. */
  webhooks: Map<string, OperationInfo>;
}

const cache = new Map<ApiId, LoadedSpec>();

export function loadSpec(apiId: ApiId): LoadedSpec {
  let loaded = cache.get(apiId);
  if (!loaded) {
    const api = apiProfile(apiId);
    // A calibrated copy can stand in for the spec (CORE_SPEC_FILE=…), to try an overlay before committing it.
    const file = path.resolve(PROJECT_ROOT, process.env[api.env.specFile] || api.specFile);
    const raw = parseYamlCached(readFileSync(file, 'utf8')) as OpenAPIV3_1.Document;
    const document = dereference(raw) as OpenAPIV3_1.Document;
    loaded = {
      api, document,
      operations: indexOperations(apiId, document, document.paths ?? {}),
      webhooks: indexOperations(apiId, document, (document.webhooks ?? {}) as OpenAPIV3_1.PathsObject, { sentByProvider: true }),
    };
    cache.set(apiId, loaded);
  }
  return loaded;
}

/** The harness's disk caches (parsed specs, compiled validators), where Babel and ESLint keep theirs. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'card-api-harness');

/** Written aside and renamed: a concurrent reader sees the whole file or none. Throws when the folder cannot be written. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/**
 * YAML parsing of a spec costs ~250 ms, paid again by every Playwright worker (and one starts after
 * every failed test); the parsed document is cached as JSON under node_modules/.cache, keyed by the
 * text's hash, so a changed spec is parsed afresh and a stale cache can never be read.
 */
export function parseYamlCached(text: string): unknown {
  const file = path.join(CACHE_DIR, `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`);
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { /* not cached yet */ }
  // yaml is loaded only here: on a cache hit (every process but the first) it is not needed.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const parsed = parse(text) as unknown;
  try {
    writeFileAtomic(file, JSON.stringify(parsed));
  } catch { /* a read-only tree: parse every time */ }
  return parsed;
}

export function operationOf(apiId: ApiId, operationId: string): OperationInfo {
  const op = loadSpec(apiId).operations.get(operationId);
  if (!op) {
    throw new Error(`No operation "${operationId}" in ${apiProfile(apiId).specFile}. ` +
      `Add it to the spec first, then regenerate types (npm run gen).`);
  }
  return op;
}

/** Replaces local `#/...` references with the objects they point to; shared targets stay shared. */
export function dereference<T>(root: T): T {
  const seen = new Map<object, unknown>();
  const resolvePointer = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, found "${ref}"`);
    return ref.slice(2).split('/').reduce<unknown>((node, token) => {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      const next = (node as Record<string, unknown>)?.[key];
      if (next === undefined) throw new Error(`Unresolvable $ref "${ref}"`);
      return next;
    }, root);
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    if (seen.has(node)) return seen.get(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      // Sibling keywords next to $ref (allowed in 3.1) are merged over the target.
      const { $ref: _ignored, ...siblings } = node as Record<string, unknown>;
      const target = walk(resolvePointer(ref));
      const result = Object.keys(siblings).length ? { ...(target as object), ...(walk(siblings) as object) } : target;
      seen.set(node, result);
      return result;
    }
    const out: Record<string, unknown> = {};
    seen.set(node, out);
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    return out;
  };
  return walk(root) as T;
}

/** Operations of `paths` (or of `webhooks`: sent by the provider, so the client's security does not apply). */
function indexOperations(apiId: ApiId, doc: OpenAPIV3_1.Document, paths: OpenAPIV3_1.PathsObject, options: { sentByProvider?: boolean } = {}): Map<string, OperationInfo> {
  const operations = new Map<string, OperationInfo>();
  const globalSecurity = !options.sentByProvider && (doc.security ?? []).length > 0;
  for (const [pathTemplate, item] of Object.entries(paths)) {
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method] as (OpenAPIV3_1.OperationObject & Record<string, unknown>) | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])] as OpenAPIV3_1.ParameterObject[];
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      const where = `${method.toUpperCase()} ${pathTemplate}`;
      const basis = ownBasis(op) ?? { provenance: 'inferred', source: `${where} carries no x-provenance` };
      const responses = new Map<number, ResponseInfo>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const res = response as OpenAPIV3_1.ResponseObject;
        const headers = (res.headers ?? {}) as Record<string, OpenAPIV3_1.HeaderObject>;
        const resBasis = ownBasis(res) ?? { provenance: 'inferred', source: `${status} of ${where} carries no x-provenance` };
        responses.set(Number(status), {
          basis: resBasis,
          schema: res.content?.['application/json']?.schema as JsonSchema | undefined,
          headers: Object.keys(headers),
          headerDetails: Object.entries(headers).map(([name, h]) => ({
            name,
            required: Boolean(h.required),
            schema: h.schema as JsonSchema | undefined,
            basis: ownBasis(h) ?? resBasis,
          })),
        });
      }
      const accessLevel = accessLevelOf(op, where);
      const rules = rulesOf(op.operationId, op['x-rules']);
      if (accessLevel !== undefined) addAccessRule(rules, op.operationId, accessLevel, responses.get(403)?.basis);
      operations.set(op.operationId, {
        apiId,
        operationId: op.operationId,
        method,
        path: pathTemplate,
        tags: op.tags ?? [],
        provenance: basis.provenance,
        basis,
        rules,
        parameters: parameters.map((p) => ({
          name: p.name,
          in: p.in as ParameterInfo['in'],
          required: Boolean(p.required),
          schema: (p.schema ?? {}) as JsonSchema,
        })),
        requestBody: body && {
          required: Boolean(body.required),
          schemas: Object.fromEntries(Object.entries(body.content ?? {}).map(([type, media]) => [type, (media.schema ?? {}) as JsonSchema])),
        },
        responses: new Map([...responses].sort(([a], [b]) => a - b)),
        secured: options.sentByProvider ? false : op.security ? op.security.length > 0 : globalSecurity,
        securityBasis: securityBasisOf(doc, op.security ?? doc.security),
        accessLevel,
        ...(typeof op['x-notification-id'] === 'string' ? {
          notificationId: {
            field: op['x-notification-id'],
            basis: { provenance: op['x-notification-id-provenance'] === 'documented' ? 'documented' as const : 'inferred' as const, source: String(op['x-notification-id-source'] ?? `${where}: x-notification-id carries no source`) },
          },
        } : {}),
        ...(typeof op['x-key-header'] === 'string' ? { keyHeader: op['x-key-header'] } : {}),
      });
    }
  }
  return operations;
}

function rulesOf(operationId: string, raw: unknown): Map<string, RuleInfo> {
  const rules = new Map<string, RuleInfo>();
  for (const [id, value] of Object.entries((raw ?? {}) as Record<string, Record<string, unknown>>)) {
    const basis = ownBasis(value) ?? { provenance: 'inferred' as const, source: `rule ${operationId}#${id} carries no x-provenance` };
    const status = typeof value.status === 'number' ? value.status : undefined;
    const statusProvenance = value['x-status-provenance'];
    rules.set(id, {
      id,
      operationId,
      statement: String(value.statement ?? id),
      basis,
      status,
      statusBasis: status === undefined ? undefined : {
        provenance: statusProvenance === 'documented' ? 'documented' : 'inferred',
        source: String(value['x-status-source'] ?? `the status of ${operationId}#${id} carries no x-status-source`),
      },
    });
  }
  return rules;
}

/** Id of the rule every operation with an `x-access-level` gets: a key below the level is refused. */
export const ACCESS_RULE = 'refuses-lower-level';

/**
 * The access level as a rule of the operation (derived, not written in x-rules): accepting a key
 * below the level breaks what the level rests on (documented for the catalogue's operations);
 * refusing it with another status than 403 breaks only the status's basis.
 */
function addAccessRule(rules: Map<string, RuleInfo>, operationId: string, access: NonNullable<OperationInfo['accessLevel']>, forbiddenBasis: Basis | undefined): void {
  const name = ACCESS_LEVEL_NAMES[String(access.level)];
  rules.set(ACCESS_RULE, {
    id: ACCESS_RULE,
    operationId,
    statement: access.level === 'MANAGEMENT'
      ? `Needs the MANAGEMENT permission: a key with it passes the access check; a key of any access level without it is refused.`
      : `Needs ${name} access: a key of that level passes the access check; a key of a lower level is refused.`,
    basis: access.basis,
    status: 403,
    statusBasis: forbiddenBasis ?? { provenance: 'inferred', source: `${operationId} documents no 403` },
  });
}

function accessLevelOf(op: Record<string, unknown>, where: string): OperationInfo['accessLevel'] {
  const level = op['x-access-level'];
  if (level === undefined) return undefined;
  if (level !== 1 && level !== 2 && level !== 3 && level !== 'MANAGEMENT') throw new Error(`${where}: x-access-level must be 1, 2, 3 or MANAGEMENT, not ${JSON.stringify(level)}`);
  const documented = op['x-access-level-provenance'] === 'documented';
  return {
    level,
    basis: {
      provenance: documented ? 'documented' : 'inferred',
      source: String(op['x-access-level-source'] ?? `${where}: the docs state no access level for this operation`),
    },
  };
}

/** The header an `apiKey` security scheme of the spec names (API Layer: X-API-Key). */
export function apiKeyHeaderOf(apiId: ApiId): string {
  const doc = loadSpec(apiId).document;
  const name = Object.keys(doc.security?.[0] ?? {})[0];
  const scheme = name ? (doc.components?.securitySchemes?.[name] as OpenAPIV3_1.ApiKeySecurityScheme | undefined) : undefined;
  if (scheme?.type !== 'apiKey' || scheme.in !== 'header') throw new Error(`${apiProfile(apiId).specFile}: the global security scheme is not an API key in a header`);
  return scheme.name;
}

function securityBasisOf(doc: OpenAPIV3_1.Document, requirements: OpenAPIV3_1.SecurityRequirementObject[] | undefined): Basis | undefined {
  const name = Object.keys(requirements?.[0] ?? {})[0];
  return name ? ownBasis(doc.components?.securitySchemes?.[name]) : undefined;
}
