// Card secrets and credentials must never reach reports, logs or failure messages.
// Redaction works by field name and header name first, then by known secret values
// (the configured keys, every secret value the client has seen), then by shape (card numbers).

export const REDACTED = '[REDACTED]';

/** Body fields that carry card secrets or credentials, compared case-insensitively. */
const SECRET_FIELDS = new Set([
  'pan', 'cardnumber', 'number', 'cvv', 'cvc', 'cvv2', 'pin', 'newpin', 'expdate', 'duedate', 'expiry',
  'expirydate', 'expirationdate', 'panurl', 'otp', 'password', 'token', 'accesstoken', 'refreshtoken', 'apikey', 'secret', 'webhookkey',
]);

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'x-webhook-key', 'cookie', 'set-cookie']);

const knownSecrets = new Set<string>();

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase());
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/** Remember a secret value (an API key, a PAN seen in a response) so text redaction catches it anywhere. */
export function registerSecret(value: unknown): void {
  if (value === undefined || value === null) return;
  const text = String(value);
  // Short values (a 3-digit CVV, "0") would shred unrelated text; field-name redaction covers them.
  if (text.length >= 6) knownSecrets.add(text);
}

/** Registers every secret-named field value found in a body. */
export function registerSecretsIn(body: unknown): void {
  walk(body, (key, value) => { if (isSecretField(key)) registerSecret(value); });
}

/** A deep copy with every secret field replaced. */
export function redactValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactValue) as T;
  if (!value || typeof value !== 'object') return typeof value === 'string' ? (redactText(value) as T) : value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) =>
    [k, isSecretField(k) && v !== null && v !== undefined ? REDACTED : redactValue(v)])) as T;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretHeader(k) ? REDACTED : redactText(v)]));
}

/** Redacts free text: known secret values, secret-named JSON/form fields, card-number-shaped digit runs. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join(REDACTED);
  out = out.replace(/("([A-Za-z0-9_]+)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g,
    (match, prefix: string, key: string) => (isSecretField(key) ? `${prefix}"${REDACTED}"` : match));
  out = out.replace(/\b([A-Za-z0-9_]+)=([^&\s]*)/g, (match, key: string) => (isSecretField(key) ? `${key}=${REDACTED}` : match));
  out = out.replace(/(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
  out = out.replace(/\b\d{13,19}\b/g, (digits) => (luhnValid(digits) ? REDACTED : digits));
  return out;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) { node.forEach((item) => walk(item, visit)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) { visit(key, value); walk(value, visit); }
}
