// Proves the secrets rule end to end: a contract run that fails on responses carrying a PAN,
// CVV, PIN and expiry (Sovera) or the session token and the password (Core) leaves none of them,
// nor the API key or the Authorization header, nor a webhook's key, PAN or one-time code, in any
// report file or console line. The same for personal data: a Core customer list answering other
// people's names, emails, phones, addresses and tax ids (as on a shared sandbox account) leaves
// none of them anywhere; with masking turned off (PERSONAL_DATA=show) the same scan finds them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { freePorts } from '../../lib/config.ts';
import { luhnValid } from '../../lib/redact.ts';
import { runPlaywright } from '../support/playwright-subrun.ts';
import { embeddedZipTexts } from './report-text.ts';

const PAN = (() => { for (let d = 0; d < 10; d++) if (luhnValid(`411111222233334${d}`)) return `411111222233334${d}`; throw new Error(); })();
// Distinctive values, so a match in a report means a leak and not a coincidence in its JS bundle.
const SECRETS = { pan: PAN, cvv: 'cvv-731946', pin: 'pin-582094', expDate: 209912, dueDate: 'due-12/99-x' };
const API_KEY = 'sk_sandbox_leakcheck_3f9a1c';
const CORE_TOKEN = 'eyJleakcheck.core-token.7d2e91';
const CORE_PASSWORD = 'pw-leakcheck-58c3';
const LAYER_KEY = 'layer-admin-leakcheck-9b41e7';
const PAN_URL = 'http://127.0.0.1:9/pan/leakcheck-one-time-link-5c8e';
const WEBHOOK_KEY = 'whk-leakcheck-2c7f90';
const OTP = 'otp-leakcheck-884213';
// Other people's records on a shared account: masked by field name in bodies, by shape in free text.
const OTHERS = [
  { customerId: 'cus_other_1', name: 'Marta Leakcheck-Quintero', email: 'marta.leakcheck@example.org', phone: '+34 611 402 719', address: 'Calle Leakcheck 12, Madrid', taxId: 'X4417302L' },
  { customerId: 'cus_other_2', name: 'Tomas Leakcheck-Varga', email: 'tomas.leakcheck@example.net', phone: '(555) 314-2718', address: '9 Leakcheck Lane', taxId: 'LKC-99-1203' },
];
const PERSONAL = OTHERS.flatMap(({ name, email, phone, address, taxId }) => [name, email, phone, address, taxId]);
// The PINs the leak suite's property generates (built there the same way, so they are not in its source text).
const LEAK_PINS = ['7'.repeat(3) + '142', '7'.repeat(3) + '953'];

test('a failing run leaves no card secret, API key, token, password or other people\'s personal data in reports, results or console', async () => {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/core/')) return answerCore(req.url, req.headers.authorization ?? '', res);
    if (req.url?.startsWith('/layer/')) return answerLayer(req.url, String(req.headers['x-api-key'] ?? ''), res, hookPort);
    res.writeHead(201, { 'content-type': 'application/json', 'x-echo-auth': req.headers.authorization ?? '' });
    // Broken on purpose (cardId is a number) so every contract check fails and prints the body.
    res.end(JSON.stringify({ success: true, data: { cardId: 1, ...SECRETS }, meta: { note: `key ${API_KEY}` } }));
  });
  const [hookPort] = freePorts(1);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const out = mkdtempSync(path.join(tmpdir(), 'leak-'));
  try {
    const { port } = server.address() as AddressInfo;
    const env = {
      TARGET: 'sandbox', API: 'sovera,core,api-layer',
      API_LAYER_BASE_URL: `http://127.0.0.1:${port}/layer`, API_LAYER_KEY_ADMIN: LAYER_KEY, SOVERA_BASE_URL: `http://127.0.0.1:${port}/cards/v2`, SOVERA_API_KEY: API_KEY,
      CORE_BASE_URL: `http://127.0.0.1:${port}/core`, CORE_EMAIL: 'leak@example.com', CORE_PASSWORD, LEAK_OUT: out,
      // The API Layer's webhook reaches the receiver's port (on a real sandbox, through the public URL's tunnel).
      WEBHOOK_PUBLIC_URL: 'https://hooks.example.test/webhooks', WEBHOOK_RECEIVER_PORT: String(hookPort), API_LAYER_WEBHOOK_KEY: WEBHOOK_KEY, WEBHOOK_WITHIN_MS: '2000',
      // Broken on purpose: the pre-flight would refuse it before the leak suite ran; every failure must run.
      PREFLIGHT: '0', MAX_FAILURES: '0',
    };
    const run = await runPlaywright('test/security/leak.config.ts', env);
    assert.equal(run.status, 1, `the leak suite must fail (it is built to), got ${run.status}:\n${run.output.slice(-2000)}`);
    for (const operationId of ['checkPan', 'checkCvv', 'checkPin', 'checkDueDate']) assert.match(run.output, new RegExp(`Contract failure: ${operationId} `), `the ${operationId} contract failure is reported`);
    assert.match(run.output, /Contract failure: listCustomers \(GET \/customers\) on core@sandbox/, 'the Core contract failure is reported');
    assert.match(run.output, /Contract failure: getVirtualCard \(GET \/virtual-cards\/\{cardId\}\) on api-layer@sandbox/, 'the API Layer contract failure is reported');
    assert.match(run.output, /Property failed: a PIN with a digit three times in a row is refused[\s\S]*shaped AAA/, 'the PIN counterexample is reported by its shape');
    assert.match(run.output, /Contract failure: webhook receiveWebhookEvent from api-layer@sandbox[\s\S]*is a card secret \(pan\)/, 'the webhook failure is reported, naming the PAN field');

    const files = listFiles(out);
    const playwrightReport = files.find((f) => f.endsWith(path.join('html', 'index.html')));
    const runReport = path.join(out, 'reports', 'index.html');
    assert.ok(files.some((f) => f.endsWith('junit.xml')) && playwrightReport && files.includes(runReport), `reports were written: ${files.join(', ')}`);
    // The scan must see the run report's and the HTML report's data, or a clean result would prove nothing.
    assert.match(readFileSync(runReport, 'utf8'), /Contract failure: checkPan/, 'the run report lists the failure');
    const reportData = embeddedZipTexts(readFileSync(playwrightReport, 'utf8')).join('\n');
    assert.match(reportData, /Contract failure: checkPan/, 'the HTML report data holds the failure messages');
    const basicAuth = Buffer.from(`${API_KEY}:`).toString('base64');
    assert.match(reportData, /Contract failure: listCustomers/, 'the HTML report data holds the Core failure too');
    const needles = [...Object.values(SECRETS).map(String), API_KEY, basicAuth, CORE_TOKEN, CORE_PASSWORD, LAYER_KEY, PAN_URL, ...LEAK_PINS, WEBHOOK_KEY, OTP, ...PERSONAL];
    assert.deepEqual(leaksIn(run.output, out, needles), [], 'secrets or personal data leaked');
    assert.match(run.output, /\[MASKED\]/, 'the masked records are still shown, masked');

    // The scan can see personal data: with masking off, the Core list test alone leaves it in the artefacts.
    const unmaskedOut = path.join(out, 'unmasked');
    const unmasked = await runPlaywright('test/security/leak.config.ts', { ...env, API: 'core', LEAK_OUT: unmaskedOut, PERSONAL_DATA: 'show' }, 1, ['--grep', 'listCustomers with a broken body']);
    assert.equal(unmasked.status, 1, `the unmasked run fails as built:\n${unmasked.output.slice(-2000)}`);
    const shown = leaksIn(unmasked.output, unmaskedOut, PERSONAL);
    for (const value of PERSONAL) assert.ok(shown.some((leak) => leak.endsWith(`: ${value}`)), `with masking off, ${value} is found (the scan would catch it)`);
    assert.deepEqual(leaksIn(unmasked.output, unmaskedOut, [CORE_TOKEN, CORE_PASSWORD]), [], 'turning personal-data masking off leaves secrets redacted');
  } finally {
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
});

/** A Core server: login answers the token; every other call a broken body echoing token, password and Authorization. */
function answerCore(url: string, authorization: string, res: ServerResponse): void {
  const headers = { 'content-type': 'application/json', 'x-request-id': 'req-leak', 'x-echo-auth': authorization };
  if (url === '/core/auth/login') {
    res.writeHead(200, headers);
    res.end(JSON.stringify({ token: CORE_TOKEN, userId: 'usr_leak' }));
    return;
  }
  res.writeHead(200, headers);
  // Broken on purpose (customerId is a number) so the check fails and prints the body.
  res.end(JSON.stringify({ customers: [{ customerId: 7, name: 'Leak', email: 'leak@example.com', token: CORE_TOKEN, password: CORE_PASSWORD }, ...OTHERS],
    note: `session ${CORE_TOKEN} password ${CORE_PASSWORD} auth ${authorization}; duplicates ${OTHERS[0].email}, call ${OTHERS[1].phone}` }));
}

/** An API Layer server: getVirtualCard a broken body with the card's secrets and the echoed key; the PAN link; every PIN accepted. */
function answerLayer(url: string, key: string, res: ServerResponse, hookPort: number): void {
  const headers = { 'content-type': 'application/json', 'x-request-id': 'req-leak', 'x-echo-key': key };
  if (url.endsWith('/simulate/transactions')) {
    res.writeHead(202, headers);
    res.end(JSON.stringify({ operationId: 'op_leak', cardId: 'vc_leak', type: 'PURCHASE', amount: 1, status: 'SUCCESS' }));
    // Its notification, broken on purpose (no sub_operation, a status off the list) and carrying the PAN, a one-time code and the key.
    const hook = JSON.stringify({ operation: 'CARD', operation_id: 'n_leak', status: 'FINISHED', data: { cardId: 'vc_leak', pan: SECRETS.pan, otp: OTP, note: `key ${WEBHOOK_KEY}` } });
    void fetch(`http://127.0.0.1:${hookPort}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-key': WEBHOOK_KEY }, body: hook }).catch(() => {});
    return;
  }
  res.writeHead(200, headers);
  if (url.endsWith('/pan')) { res.end(JSON.stringify({ panUrl: PAN_URL, expiresInSeconds: 60 })); return; }
  if (url.endsWith('/pin')) { res.end(JSON.stringify({ cardId: 'vc_leak', status: 'ACTIVE', approvalMethod: 'TOP_UP', currency: 'USD', balance: 0, limits: { daily: 1 }, last4: '0000' })); return; }
  // Broken on purpose (balance is a string) so the check fails and prints the body.
  res.end(JSON.stringify({ cardId: 'vc_leak', status: 'ACTIVE', approvalMethod: 'TOP_UP', currency: 'USD', balance: 'lots', limits: { daily: 1 }, last4: '0000',
    pan: SECRETS.pan, cvv: SECRETS.cvv, pin: SECRETS.pin, note: `key ${key}` }));
}

/** `where: needle` for each needle found in the console output or any file under `dir` (HTML reports with their embedded data). */
function leaksIn(output: string, dir: string, needles: string[]): string[] {
  const files = listFiles(dir);
  const texts = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, texts: file.endsWith('.html') ? [text, ...embeddedZipTexts(text)] : [text] };
  });
  const leaks: string[] = [];
  for (const needle of needles) {
    if (output.includes(needle)) leaks.push(`console: ${needle}`);
    for (const { file, texts: parts } of texts) if (parts.some((t) => t.includes(needle))) leaks.push(`${path.relative(dir, file)}: ${needle}`);
  }
  return leaks;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
