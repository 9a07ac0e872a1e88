// Builds HTTP requests from an operation and its input. Pure: no Node built-ins, so the k6
// bundles use the very same code as the Node client.

export interface OperationRef {
  operationId: string;
  method: string;
  /** Path template, e.g. /wallets/{walletId}. */
  path: string;
}

export interface OperationInput {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BuildOptions {
  baseUrl: string;
  /** Full Authorization header value, or undefined to send none. */
  authorization?: string;
  /** Send the body form-encoded instead of JSON. */
  form?: boolean;
  headers?: Record<string, string>;
}

export function buildRequest(op: OperationRef, input: OperationInput, options: BuildOptions): BuiltRequest {
  const built = requestBuilder(op, options)(input);
  return { ...built, headers: { ...built.headers } }; // one-off callers may change their copy
}

/**
 * The same requests as buildRequest, with everything that depends only on the operation and the
 * options worked out once: the load runner builds one per operation, because k6's JavaScript
 * engine spent ~60 µs a request re-deriving them (URL trim, path template regex, header objects).
 * The headers objects it returns are shared between calls: read them, never change them.
 */
export function requestBuilder(op: OperationRef, options: BuildOptions): (input: OperationInput) => BuiltRequest {
  const method = op.method.toUpperCase();
  // Joined as strings: URL resolution would drop the base path (/cards/v2) of the server.
  const base = options.baseUrl.replace(/\/+$/, '');
  const expand = pathExpander(op.path);
  const plain: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.authorization !== undefined) plain.authorization = options.authorization;
  const withBody: Record<string, string> = { ...plain, 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' };
  return (input) => {
    const url = base + expand(input.path) + (input.query === undefined ? '' : queryString(input.query));
    if (input.body === undefined) return { method, url, headers: plain };
    const body = options.form ? formEncode(input.body as Record<string, unknown>) : JSON.stringify(input.body);
    return { method, url, headers: withBody, body };
  };
}

/** A path template compiled once: literal parts and parameter names alternate. */
function pathExpander(template: string): (params: Record<string, string | number> | undefined) => string {
  const parts = template.split(/\{([^}]+)\}/);
  if (parts.length === 1) return () => template;
  return (params) => {
    let path = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const value = params?.[parts[i]];
      if (value === undefined) throw new Error(`Missing path parameter "${parts[i]}" for ${template}`);
      path += encodeURIComponent(String(value)) + parts[i + 1];
    }
    return path;
  };
}

export function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** application/x-www-form-urlencoded, one level deep as the docs' bodies are flat. */
export function formEncode(fields: Record<string, unknown>): string {
  return Object.entries(fields).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`.replace(/%20/g, '+'))
    .join('&');
}

/** HTTP Basic with the API key as user name and an empty password (Sovera docs 000). */
export function basicKeyAuthorization(apiKey: string): string {
  return `Basic ${base64(`${apiKey}:`)}`;
}

/** The Core API's access token from `login` (docs 004). */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a UTF-8 string; k6 has no btoa and Buffer is Node-only. */
export function base64(text: string): string {
  const bytes = Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}
