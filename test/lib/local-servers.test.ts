// startLocalServers (lib/local-servers.ts), which the contract run's first globalSetup uses to start
// the plan's servers side by side: all up, or a failure that names the server and shows what it
// printed, with the others stopped (no server outlives a failed start).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts } from '../../lib/config.ts';
import { startLocalServers, stopLocalServers, waitForPort } from '../../lib/local-servers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'local-servers-'));
const listening = path.join(dir, 'listening.mjs');
writeFileSync(listening, "import http from 'node:http'; http.createServer((_, res) => res.end('ok')).listen(Number(process.argv[2]), '127.0.0.1');\n");
// Listens on its first port at once and on the second one 300 ms later, as a host of several servers that starts them in turn.
const twoPorts = path.join(dir, 'two-ports.mjs');
writeFileSync(twoPorts, "import http from 'node:http'; const [a, b] = process.argv.slice(2).map(Number); const serve = (port) => http.createServer((_, res) => res.end(String(port))).listen(port, '127.0.0.1'); serve(a); setTimeout(() => serve(b), 300);\n");
const failing = path.join(dir, 'failing.mjs');
writeFileSync(failing, "console.error('cannot read spec/missing.yaml'); process.exit(3);\n");

test.after(() => rmSync(dir, { recursive: true, force: true }));

test('the servers start together and all listen', async () => {
  const ports = freePorts(3);
  try {
    const servers = await startLocalServers(ports.map((port, i) => ({ name: `server ${i}`, port, command: `node ${listening} ${port}` })), { exitOnSignal: false });
    assert.deepEqual(servers.map((s) => s.port), ports);
    for (const port of ports) assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'ok');
  } finally {
    await stopLocalServers();
  }
});

test('one that exits before listening fails the start, named, with what it printed; the others are stopped', async () => {
  const [good, bad] = freePorts(2);
  await assert.rejects(
    startLocalServers([
      { name: 'good twin', port: good, command: `node ${listening} ${good}` },
      { name: 'broken Prism mock', port: bad, command: `node ${failing}` },
    ], { exitOnSignal: false }),
    (error: Error) => {
      assert.match(error.message, new RegExp(`broken Prism mock exited \\(code 3\\) before listening on 127\\.0\\.0\\.1:${bad}`));
      assert.match(error.message, /cannot read spec\/missing\.yaml/);
      return true;
    },
  );
  assert.deepEqual(process.getActiveResourcesInfo().filter((r) => r === 'Timeout'), [], 'no wait for the failed server is left polling (it would hold the process for the whole start timeout)');
  await assert.rejects(waitForPort(good, 300), /did not listen/, 'the server that did start is stopped again');
});

test('a server with several ports (a Prism host) counts as started once every one of them listens', async () => {
  const [first, second] = freePorts(2);
  try {
    await startLocalServers([{ name: 'two-port host', port: first, ports: [first, second], command: `node ${twoPorts} ${first} ${second}` }], { exitOnSignal: false });
    assert.equal(await (await fetch(`http://127.0.0.1:${second}/`)).text(), String(second), 'the later port was awaited too');
  } finally {
    await stopLocalServers();
  }
});
