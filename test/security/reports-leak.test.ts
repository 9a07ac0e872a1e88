// Proves the secrets rule end to end: a contract run that fails on responses carrying a PAN,
// CVV, PIN and expiry (Sovera) or the session token and the password (Core) leaves none of them,
// nor the API key or the Authorization header, in any report file or console line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { luhnValid } from '../../lib/redact.ts';
import { runPlaywright } from '../support/playwright-subrun.ts';
import { embeddedZipTexts } from './report-text.ts';

const PAN = (() => { for (let d = 0; d < 10; d++) if (luhnValid(`411111222233334${d}`)) return `411111222233334${d}`; throw new Error(); })();
// Distinctive values, so a match in a report means a leak and not a coincidence in its JS bundle.
const SECRETS = { pan: PAN, cvv: 'cvv-731946', pin: 'pin-582094', expDate: 209912, dueDate: 'due-12/99-x' };
const API_KEY = 'sk_sandbox_leakcheck_3f9a1c';
const CORE_TOKEN = 'eyJleakcheck.core-token.7d2e91';
const CORE_PASSWORD = 'pw-leakcheck-58c3';

test('a failing run leaves no card secret, API key, token or password in reports, results or console', async () => {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/core/')) return answerCore(req.url, req.headers.authorization ?? '', res);
    res.writeHead(201, { 'content-type': 'application/json', 'x-echo-auth': req.headers.authorization ?? '' });
    // Broken on purpose (cardId is a number) so every contract check fails and prints the body.
    res.end(JSON.stringify({ success: true, data: { cardId: 1, ...SECRETS }, meta: { note: `key ${API_KEY}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const out = mkdtempSync(path.join(tmpdir(), 'leak-'));
  try {
    const { port } = server.address() as AddressInfo;
    const run = await runPlaywright('test/security/leak.config.ts', {
      TARGET: 'sandbox', API: 'sovera,core', SOVERA_BASE_URL: `http://127.0.0.1:${port}/cards/v2`, SOVERA_API_KEY: API_KEY,
      CORE_BASE_URL: `http://127.0.0.1:${port}/core`, CORE_EMAIL: 'leak@example.com', CORE_PASSWORD, LEAK_OUT: out,
      // Broken on purpose: the pre-flight would refuse it before the leak suite ran; every failure must run.
      PREFLIGHT: '0', MAX_FAILURES: '0',
    });
    assert.equal(run.status, 1, `the leak suite must fail (it is built to), got ${run.status}:\n${run.output.slice(-2000)}`);
    assert.match(run.output, /Contract failure: checkPan/, 'the contract failure is reported');
    assert.match(run.output, /Contract failure: listCustomers \(GET \/customers\) on core@sandbox/, 'the Core contract failure is reported');

    const files = listFiles(out);
    assert.ok(files.some((f) => f.endsWith('junit.xml')) && files.some((f) => f.endsWith('index.html')), `reports were written: ${files.join(', ')}`);
    // The scan must see the HTML report's data, or a clean result would prove nothing.
    const reportData = embeddedZipTexts(readFileSync(files.find((f) => f.endsWith('index.html'))!, 'utf8')).join('\n');
    assert.match(reportData, /Contract failure: checkPan/, 'the HTML report data holds the failure messages');
    const basicAuth = Buffer.from(`${API_KEY}:`).toString('base64');
    assert.match(reportData, /Contract failure: listCustomers/, 'the HTML report data holds the Core failure too');
    const needles = [...Object.values(SECRETS).map(String), API_KEY, basicAuth, CORE_TOKEN, CORE_PASSWORD];
    const leaks: string[] = [];
    for (const needle of needles) {
      if (run.output.includes(needle)) leaks.push(`console: ${needle}`);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const texts = file.endsWith('.html') ? [text, ...embeddedZipTexts(text)] : [text];
        if (texts.some((t) => t.includes(needle))) leaks.push(`${path.relative(out, file)}: ${needle}`);
      }
    }
    assert.deepEqual(leaks, [], 'secrets leaked');
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
  res.end(JSON.stringify({ customers: [{ customerId: 7, name: 'Leak', email: 'leak@example.com', token: CORE_TOKEN, password: CORE_PASSWORD }],
    note: `session ${CORE_TOKEN} password ${CORE_PASSWORD} auth ${authorization}` }));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
