// Proves the secrets rule end to end: a contract run that fails on responses carrying a PAN,
// CVV, PIN and expiry leaves none of them, nor the API key, in any report file or console line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
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

test('a failing run leaves no card secret and no API key in reports, results or console', async () => {
  const server = createServer((req, res) => {
    res.writeHead(201, { 'content-type': 'application/json', 'x-echo-auth': req.headers.authorization ?? '' });
    // Broken on purpose (cardId is a number) so every contract check fails and prints the body.
    res.end(JSON.stringify({ success: true, data: { cardId: 1, ...SECRETS }, meta: { note: `key ${API_KEY}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const out = mkdtempSync(path.join(tmpdir(), 'leak-'));
  try {
    const { port } = server.address() as AddressInfo;
    const run = await runPlaywright('test/security/leak.config.ts', {
      TARGET: 'sandbox', API: 'sovera', SOVERA_BASE_URL: `http://127.0.0.1:${port}/cards/v2`, SOVERA_API_KEY: API_KEY, LEAK_OUT: out,
    });
    assert.equal(run.status, 1, `the leak suite must fail (it is built to), got ${run.status}:\n${run.output.slice(-2000)}`);
    assert.match(run.output, /Contract check failed: checkPan/, 'the contract failure is reported');

    const files = listFiles(out);
    assert.ok(files.some((f) => f.endsWith('junit.xml')) && files.some((f) => f.endsWith('index.html')), `reports were written: ${files.join(', ')}`);
    // The scan must see the HTML report's data, or a clean result would prove nothing.
    const reportData = embeddedZipTexts(readFileSync(files.find((f) => f.endsWith('index.html'))!, 'utf8')).join('\n');
    assert.match(reportData, /Contract check failed: checkPan/, 'the HTML report data holds the failure messages');
    const basicAuth = Buffer.from(`${API_KEY}:`).toString('base64');
    const needles = [...Object.values(SECRETS).map(String), API_KEY, basicAuth];
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

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
