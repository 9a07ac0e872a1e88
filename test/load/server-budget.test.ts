// The rate budget as the server counts it (lib/server-budget.ts): before a sandbox load run, one
// cheap call reads X-RateLimit-Remaining and -Reset; a plan that does not fit in 80% of what is
// left is refused before any of its requests, with the numbers and the reset time; one that fits
// runs. The Core twin plays the sandbox on loopback, its account's limit set so that the login
// and the probe leave 50.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../lib/config.ts';
import { allowedOf, budgetStop, describeServerBudget, noteServerBudget, requestsBeforeReset } from '../../lib/server-budget.ts';
import { runLoad } from '../../scripts/load.ts';
import { startTwin } from '../../twin/main.ts';
import { writeFakeK6 } from '../support/fake-k6.ts';

const EMAIL = 'shared-account@example.com';
const PASSWORD = 'budget-check-pass-41c9';

// The twin's rate window is the clock's hour. "1000 requests per hour per account" is documented
// (doc 004, Rate Limits); that the hour is the clock's is our inference from the doc's example
// X-RateLimit-Reset (1644332400, on the hour). Started in the last quarter of an hour, the window would reset during the test: the second probe would read a fresh count, and a
// plan of one minute would count only what falls before the reset (seen at 20:59). Such a twin runs
// its clock a quarter of an hour ahead, so its window ends 60 to 75 minutes after the start.
function clockAwayFromTheHourEnd(): () => number {
  const hour = 3_600_000;
  const shift = hour - (Date.now() % hour) < hour / 4 ? hour / 4 : 0;
  return () => Date.now() + shift;
}

test('a sandbox plan over what the server says is left is refused before any of its requests; one within it runs', async () => {
  // 52 an hour: the probe's login and its one call leave 50, as the server then reports.
  const twin = await startTwin({ api: 'core', host: '127.0.0.1', port: 0, accounts: [{ email: EMAIL, password: PASSWORD, rateLimitPerHour: 52 }], rateLimitPerHour: 52, now: clockAwayFromTheHourEnd() });
  const dir = mkdtempSync(path.join(tmpdir(), 'server-budget-'));
  try {
    const env = { CORE_BASE_URL: twin.url, CORE_EMAIL: EMAIL, CORE_PASSWORD: PASSWORD, K6_BIN: writeFakeK6(dir), PATH: process.env.PATH, HOME: process.env.HOME, RUN_RECORDS_DIR: path.join(dir, 'runs') };
    const lines: string[] = [];
    // POOL_SIZE 40: setup alone is 1 + 40 × 5 requests.
    const refused = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke'], { ...env, POOL_SIZE: '40' }, (l) => lines.push(l), path.join(dir, 'reports'))
      .then(() => undefined, (error: unknown) => error);
    assert.ok(refused instanceof ConfigError, `refused with a configuration error, got ${String(refused)}\n${lines.join('\n')}`);
    const message = (refused as Error).message;
    assert.match(message, /Server budget on core@sandbox: 50 of 52\/hour left \(X-RateLimit-Remaining\), the window resets at \d{4}-\d\d-\d\dT[\d:.]+Z \(in \d+ min\); the plan needs 2\d\d before then, 40 allowed \(80% of what is left\)/);
    assert.match(message, /Fix: wait until \d{4}-\d\d-\d\dT[\d:.]+Z and run again, or lower the profile or POOL_SIZE\./);
    assert.ok(!message.includes(PASSWORD) && !lines.join('\n').includes(PASSWORD), 'the password is never printed');
    assert.ok(!lines.some((l) => l.startsWith('Running ')), 'k6 never started');

    // The smoke plan (26 requests, and 3 for its cleanup) fits in 40, and runs (a fake k6 here; CI has none).
    lines.length = 0;
    const code = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke'], env, (l) => lines.push(l), path.join(dir, 'reports'));
    assert.equal(code, 0, lines.join('\n'));
    const text = lines.join('\n');
    assert.match(text, /Server budget on core@sandbox: 48 of 52\/hour left .* the plan needs 29 before then, 38 allowed/, 'the second probe reads the count again (the first one spent 2)');
    assert.match(text, /^Running .*k6 run dist\/load\/core-balance\.js/m);
  } finally {
    await twin.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Sovera sandbox sends no rate-limit headers: the plan says so and rests on the limit alone', async () => {
  const twin = await startTwin({ api: 'sovera', host: '127.0.0.1', port: 0, apiKeys: ['budget-check-key-7f3e'], rateLimitPerHour: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'server-budget-'));
  try {
    const lines: string[] = [];
    const env = { SOVERA_BASE_URL: twin.url, SOVERA_API_KEY: 'budget-check-key-7f3e', K6_BIN: writeFakeK6(dir), PATH: process.env.PATH, HOME: process.env.HOME, RUN_RECORDS_DIR: path.join(dir, 'runs') };
    assert.equal(await runLoad(['balance-check', '--target', 'sandbox', '--profile', 'smoke'], env, (l) => lines.push(l), path.join(dir, 'reports')), 0, lines.join('\n'));
    assert.match(lines.join('\n'), /server budget: sovera@sandbox sends no X-RateLimit-Remaining, so the plan rests on the 1000\/hour limit alone/);
  } finally {
    await twin.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('requests before the reset: all of a run that ends before it; setup and the share of the rest that falls before it otherwise', () => {
  const now = 1_800_000_000_000;
  const budget = { remaining: 500, limit: 1000, resetEpochSeconds: now / 1000 + 600 };
  assert.equal(requestsBeforeReset(300, 20, 300, budget, now), 300, 'a 5-minute run before a reset in 10 minutes');
  assert.equal(requestsBeforeReset(1220, 20, 3600, budget, now), 20 + 200, 'an hour-long run: setup, then 10 of its 60 minutes');
  assert.equal(requestsBeforeReset(300, 20, 3600, { remaining: 500 }, now), 300, 'no reset time: all of it');
  assert.equal(allowedOf(budget), 400);
  assert.match(describeServerBudget('core@sandbox', 300, budget, now), /500 of 1000\/hour left .* resets at 2027-01-15T08:10:00\.000Z \(in 10 min\); the plan needs 300 before then, 400 allowed/);
});

test('between tests: under 20 left, the rest of a live run is skipped, saying why and until when', () => {
  const now = 1_800_000_000_000;
  noteServerBudget('core@sandbox', { limit: 1000, remaining: 25, reset: now / 1000 + 300 });
  assert.equal(budgetStop('core@sandbox', now), undefined, '25 left: go on');
  noteServerBudget('core@sandbox', { limit: 1000, remaining: 19, reset: now / 1000 + 300 });
  assert.match(budgetStop('core@sandbox', now) ?? '', /^rate budget: core@sandbox answered X-RateLimit-Remaining 19 \(under the 20 a test may need\); the window resets at 2027-01-15T08:05:00\.000Z \(in 5 min\)\. The rest of the run is skipped/);
  assert.equal(budgetStop('core@sandbox', now + 301_000), undefined, 'after the reset the run may go on');
  noteServerBudget('sovera@sandbox', undefined);
  assert.equal(budgetStop('sovera@sandbox', now), undefined, 'no headers: nothing to stop on');
});

test('a sandbox load run records what setup() created and, at the end, cancels its cards (not with --keep)', async () => {
  const twin = await startTwin({ api: 'core', host: '127.0.0.1', port: 0, accounts: [{ email: EMAIL, password: PASSWORD }], rateLimitPerHour: 10_000 });
  const dir = mkdtempSync(path.join(tmpdir(), 'load-cleanup-'));
  try {
    const login = await (await fetch(`${twin.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) })).json() as { token: string };
    const headers = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const newCard = async () => ((await (await fetch(`${twin.url}/cards`, { method: 'POST', headers, body: JSON.stringify({ currency: 'USD' }) })).json()) as { cardId: string }).cardId;
    const status = async (cardId: string) => ((await (await fetch(`${twin.url}/cards/${cardId}`, { headers })).json()) as { status: string }).status;
    const cards = [await newCard(), await newCard()];
    const kept = await newCard();
    const env = { CORE_BASE_URL: twin.url, CORE_EMAIL: EMAIL, CORE_PASSWORD: PASSWORD, K6_BIN: writeFakeK6(dir), PATH: process.env.PATH, HOME: process.env.HOME, RUN_RECORDS_DIR: path.join(dir, 'runs') };
    const lines: string[] = [];
    const code = await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke'], { ...env, FAKE_CREATED: JSON.stringify(cards.map((id) => ({ kind: 'card', id }))) }, (l) => lines.push(l), path.join(dir, 'reports'));
    assert.equal(code, 0, lines.join('\n'));
    const text = lines.join('\n');
    assert.match(text, /setup\s+\d+ requests \(login 1 \+ pool 2 × 5 \+ cleanup 3\)/, 'the cleanup is in the plan: a login and a cancel per card');
    assert.match(text, /Run id (run-[0-9a-z-]+): what setup\(\) creates is recorded in .*\.jsonl and undone at the end/);
    assert.match(text, new RegExp(`core: 2 cards cancelled: ${cards.join(', ')}`));
    for (const card of cards) assert.equal(await status(card), 'cancelled');

    lines.length = 0;
    assert.equal(await runLoad(['core-balance', '--target', 'sandbox', '--profile', 'smoke', '--keep'], { ...env, FAKE_CREATED: JSON.stringify([{ kind: 'card', id: kept }]) }, (l) => lines.push(l), path.join(dir, 'reports')), 0);
    assert.match(lines.join('\n'), /Cleanup skipped \(--keep\): npm run cleanup -- run-[0-9a-z-]+ undoes it later/);
    assert.doesNotMatch(lines.join('\n'), /cleanup \d+\)/, '--keep plans no cleanup');
    assert.notEqual(await status(kept), 'cancelled', 'kept');
  } finally {
    await twin.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
