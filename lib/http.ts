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
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  let body: string | undefined;
  if (input.body !== undefined) {
    headers['content-type'] = options.form ? 'application/x-www-form-urlencoded' : 'application/json';
    body = options.form ? formEncode(input.body as Record<string, unknown>) : JSON.stringify(input.body);
  }
  // Joined as strings: URL resolution would drop the base path (/cards/v2) of the server.
  const url = options.baseUrl.replace(/\/+$/, '') + expandPath(op.path, input.path ?? {}) + queryString(input.query ?? {});
  return { method: op.method.toUpperCase(), url, headers, body };
}

export function expandPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
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
