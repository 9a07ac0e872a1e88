// Card secrets and credentials must never reach reports, logs or failure messages.
// Redaction works by field name and header name first, then by known secret values
// (the configured keys, every secret value the client has seen), then by shape (card numbers).
//
// Personal data (names, emails, phones, addresses, tax ids) is masked the same way, except in
// the records this process created (their ids are registered by the client on a 2xx answer to a
// request that is not a read) and the values it sent itself: on a shared sandbox account a list
// answer holds other people's records, and CI artefacts are read by many.

export const REDACTED = '[REDACTED]';
export const MASKED = '[MASKED]';

/** Body fields that carry card secrets or credentials, compared case-insensitively. */
const SECRET_FIELDS = new Set([
  'pan', 'cardnumber', 'number', 'cvv', 'cvc', 'cvv2', 'pin', 'newpin', 'expdate', 'duedate', 'expiry',
  'expirydate', 'expirationdate', 'panurl', 'otp', 'password', 'token', 'accesstoken', 'refreshtoken', 'apikey', 'secret', 'webhookkey',
]);

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'x-webhook-key', 'cookie', 'set-cookie']);

/** Fields that carry personal data, compared case-insensitively. */
const PERSONAL_FIELDS = new Set([
  'name', 'firstname', 'lastname', 'middlename', 'fullname', 'legalname', 'email', 'phone', 'phonenumber', 'mobile',
  'address', 'street', 'addressline1', 'addressline2', 'line1', 'line2', 'postalcode', 'zipcode', 'taxid', 'ssn', 'nif',
  'birthdate', 'dateofbirth',
]);

// By shape, in free text: an email address; a phone number written internationally (+34 600 123 457)
// or in the North American way ((555) 123-4567, 555-123-4567). Dates and ids do not match either.
const EMAIL_SHAPE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE_SHAPE = /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}\d|(?<![\w-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w-])/g;

const knownSecrets = new Set<string>();
const ownRecordIds = new Set<string>();
const ownPersonalValues = new Set<string>();
/** PERSONAL_DATA=show turns masking off: for a sandbox account nobody else uses, never for CI. */
const maskPersonal = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PERSONAL_DATA !== 'show';

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(name.toLowerCase());
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export function isPersonalField(name: string): boolean {
  return PERSONAL_FIELDS.has(name.toLowerCase());
}

/** A record this process created (the id a create or update answered): its personal data stays readable. */
export function registerOwnRecord(id: unknown): void {
  if (typeof id === 'string' && id.length > 0) ownRecordIds.add(id);
}

/** The id-like values (id, …Id: strings) at the top and the data level of a body. */
export function idsIn(body: unknown): string[] {
  const ids: string[] = [];
  for (const level of [body, (body as { data?: unknown } | undefined)?.data]) {
    if (!level || typeof level !== 'object' || Array.isArray(level)) continue;
    for (const [key, value] of Object.entries(level)) if (typeof value === 'string' && (key === 'id' || key.endsWith('Id'))) ids.push(value);
  }
  return ids;
}

/** Registers the ids of a body this process's write was answered with. */
export function registerOwnRecordsIn(body: unknown): void {
  idsIn(body).forEach(registerOwnRecord);
}

/** The personal values of a request body this process sent (its own test data), so they stay readable anywhere. */
export function registerOwnPersonalData(body: unknown): void {
  walk(body, (key, value) => { if (isPersonalField(key) && (typeof value === 'string' || typeof value === 'number')) ownPersonalValues.add(String(value)); });
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

/** A deep copy with every secret field replaced, and the personal data of other people's records masked. */
export function redactValue<T>(value: T): T {
  return redactNode(value, undefined);
}

/** `own`: whether the nearest enclosing record is one this process created; undefined outside any record. */
function redactNode<T>(value: T, own: boolean | undefined): T {
  if (Array.isArray(value)) return value.map((item) => redactNode(item, own)) as T;
  if (!value || typeof value !== 'object') return typeof value === 'string' ? (redactText(value) as T) : value;
  const here = ownershipOf(value as Record<string, unknown>) ?? own;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (v === null || v === undefined) return [k, v];
    if (isSecretField(k)) return [k, REDACTED];
    if (isPersonalField(k) && typeof v !== 'object') {
      if (here === true) ownPersonalValues.add(String(v)); // the text passes below and later keep it readable too
      else if (!ownPersonalValues.has(String(v))) return [k, maskPersonal ? MASKED : v];
    }
    return [k, redactNode(v, here)];
  })) as T;
}

/** A record's own id (`id`, else its …Id fields) decides: true when this process created it, undefined for an object without ids. */
function ownershipOf(record: Record<string, unknown>): boolean | undefined {
  if (typeof record.id === 'string') return ownRecordIds.has(record.id);
  let sawId = false;
  for (const [key, value] of Object.entries(record)) {
    if (!key.endsWith('Id') || typeof value !== 'string') continue;
    if (ownRecordIds.has(value)) return true;
    sawId = true;
  }
  return sawId ? false : undefined;
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretHeader(k) ? REDACTED : redactText(v)]));
}

/** Redacts free text: known secret values, secret-named JSON/form fields, card-number-shaped digit runs. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join(REDACTED);
  out = out.replace(/("([A-Za-z0-9_]+)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g, (match, prefix: string, key: string, value: string) => {
    if (isSecretField(key)) return `${prefix}"${REDACTED}"`;
    return isPersonalField(key) && maskPersonal && value !== `"${MASKED}"` && !ownPersonalValues.has(unquote(value)) ? `${prefix}"${MASKED}"` : match;
  });
  out = out.replace(/\b([A-Za-z0-9_]+)=([^&\s]*)/g, (match, key: string, value: string) => {
    if (isSecretField(key)) return `${key}=${REDACTED}`;
    return isPersonalField(key) && maskPersonal && value !== MASKED && !ownPersonalValues.has(decodeForm(value)) ? `${key}=${MASKED}` : match;
  });
  out = out.replace(/(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
  out = out.replace(/\b\d{13,19}\b/g, (digits) => (luhnValid(digits) ? REDACTED : digits));
  if (maskPersonal) {
    out = out.replace(EMAIL_SHAPE, (email) => (ownPersonalValues.has(email) ? email : `${MASKED} (email)`));
    out = out.replace(PHONE_SHAPE, (phone) => (ownPersonalValues.has(phone) ? phone : `${MASKED} (phone)`));
  }
  return out;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try { return String(JSON.parse(value)); } catch { return value.slice(1, -1); }
}

function decodeForm(value: string): string {
  try { return decodeURIComponent(value.replace(/\+/g, ' ')); } catch { return value; }
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
