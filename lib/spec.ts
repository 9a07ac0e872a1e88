// Loads an OpenAPI description once per process, dereferences it, and indexes its operations.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenAPIV3_1 } from 'openapi-types';
import { apiProfile, type ApiId, type ApiProfile } from './apis.ts';

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
  parameters: ParameterInfo[];
  requestBody?: { required: boolean; schemas: Record<string, JsonSchema> };
  /** Documented statuses, ascending, with the JSON schema of each response body and its documented headers. */
  responses: Map<number, ResponseInfo>;
  /** Whether the operation requires credentials (global or operation-level security). */
  secured: boolean;
}

export interface ResponseHeaderInfo {
  /** As written in the spec, e.g. X-RateLimit-Remaining. */
  name: string;
  required: boolean;
  schema?: JsonSchema;
}

export interface ResponseInfo {
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
}

const cache = new Map<ApiId, LoadedSpec>();

export function loadSpec(apiId: ApiId): LoadedSpec {
  let loaded = cache.get(apiId);
  if (!loaded) {
    const api = apiProfile(apiId);
    const file = path.join(PROJECT_ROOT, api.specFile);
    const raw = parse(readFileSync(file, 'utf8')) as OpenAPIV3_1.Document;
    const document = dereference(raw) as OpenAPIV3_1.Document;
    loaded = { api, document, operations: indexOperations(apiId, document) };
    cache.set(apiId, loaded);
  }
  return loaded;
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

function indexOperations(apiId: ApiId, doc: OpenAPIV3_1.Document): Map<string, OperationInfo> {
  const operations = new Map<string, OperationInfo>();
  const globalSecurity = (doc.security ?? []).length > 0;
  for (const [pathTemplate, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method] as (OpenAPIV3_1.OperationObject & Record<string, unknown>) | undefined;
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])] as OpenAPIV3_1.ParameterObject[];
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      const responses = new Map<number, ResponseInfo>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const res = response as OpenAPIV3_1.ResponseObject;
        const headers = (res.headers ?? {}) as Record<string, OpenAPIV3_1.HeaderObject>;
        responses.set(Number(status), {
          schema: res.content?.['application/json']?.schema as JsonSchema | undefined,
          headers: Object.keys(headers),
          headerDetails: Object.entries(headers).map(([name, h]) => ({
            name,
            required: Boolean(h.required),
            schema: h.schema as JsonSchema | undefined,
          })),
        });
      }
      operations.set(op.operationId, {
        apiId,
        operationId: op.operationId,
        method,
        path: pathTemplate,
        tags: op.tags ?? [],
        provenance: op['x-provenance'] === 'documented' ? 'documented' : 'inferred',
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
        secured: op.security ? op.security.length > 0 : globalSecurity,
      });
    }
  }
  return operations;
}
