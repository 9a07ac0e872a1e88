// A live run tidies up after itself (lib/cleanup.ts): against the twins played as a sandbox on
// loopback, a TARGET=sandbox run records every entity it creates and, at its end, cancels every
// card it created and lists what the API cannot undo (users, wallets, customers). A run kept with
// KEEP=1 and whose cleanup died half-way is finished later by `npm run cleanup -- <run id>`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { basicKeyAuthorization, bearerAuthorization } from '../../lib/http.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { runPlaywright } from '../support/playwright-subrun.ts';
import { INDEPENDENT_ACCOUNT, INDEPENDENT_KEY, startSandboxTwins, type SandboxTwins } from '../support/independent-twins.ts';

const CONFIG = 'test/support/suite.config.ts';
const FILES = ['contracts/sovera/cards.spec.ts', 'contracts/core-api/cards.spec.ts'];

interface Created { api: 'sovera' | 'core'; kind: string; id: string }

function createdIn(record: string): Created[] {
  return readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => l.event === 'created');
}

async function cardStatus(twins: SandboxTwins, card: Created, token: string): Promise<string> {
  const url = card.api === 'sovera' ? `${twins.sovera.url}/cards/${card.id}` : `${twins.core.url}/cards/${card.id}`;
  const authorization = card.api === 'sovera' ? basicKeyAuthorization(INDEPENDENT_KEY) : bearerAuthorization(token);
  const body = await (await fetch(url, { headers: { authorization } })).json() as any;
  return card.api === 'sovera' ? body.data.status : body.status;
}

/** `npm run cleanup -- <id>`, asynchronously: the twins answering it run in this process. */
function cleanupCli(runId: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', '#ts', 'scripts/cleanup.ts', runId], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

async function coreToken(twins: SandboxTwins): Promise<string> {
  const res = await fetch(`${twins.core.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INDEPENDENT_ACCOUNT) });
  return ((await res.json()) as { token: string }).token;
}

test('a sandbox run cancels every card it created, says what it cannot undo, and a half-done cleanup is finished later', { timeout: 300_000 }, async () => {
  const twins = await startSandboxTwins();
  const out = mkdtempSync(path.join(tmpdir(), 'cleanup-'));
  try {
    const env = { ...twins.env, RUN_RECORDS_DIR: path.join(out, 'runs'), MAX_FAILURES: '0' };
    const run = await runPlaywright(CONFIG, { ...env, RUN_OUT: path.join(out, 'first') }, 2, FILES);
    assert.equal(run.status, 0, `the run is green on the twins:\n${run.output.slice(-3000)}`);
    const runId = /Run id (run-[0-9a-z-]+)/.exec(run.output)?.[1];
    assert.ok(runId, `the run id is printed at the start:\n${run.output.slice(0, 2000)}`);
    const cards = createdIn(path.join(out, 'runs', `${runId}.jsonl`)).filter((c) => c.kind === 'card');
    assert.ok(cards.some((c) => c.api === 'sovera') && cards.some((c) => c.api === 'core'), `cards of both APIs recorded: ${JSON.stringify(cards)}`);
    const summary = run.output.slice(run.output.indexOf(`Cleanup of ${runId}`));
    assert.match(summary, /^Cleanup of run-[0-9a-z-]+: \d+ requests \(counted in the budget\)\./);
    // A card a test cancelled itself is listed as already cancelled.
    const cancelledLines = summary.split('\n').filter((l) => / cards? (?:already )?cancelled[ :(]/.test(l)).join('\n');
    for (const card of cards) assert.ok(cancelledLines.includes(card.id), `card ${card.api} ${card.id} listed as cancelled:\n${summary}`);
    assert.match(summary, /left on the account \(the API cannot undo them\):\n\s+sovera: \d+ users? \(Sovera cards v2 has no operation that removes or closes a user/);
    assert.match(summary, /core: \d+ customers? \(the Core API has no operation that removes a customer \(doc 004\)\)/);
    const token = await coreToken(twins);
    for (const card of cards) assert.match(await cardStatus(twins, card, token), /^(Cancel|cancelled)$/, `${card.api} card ${card.id} is cancelled on the server`);

    // KEEP=1: nothing undone at the end; then a cleanup that died after undoing half of it.
    const kept = await runPlaywright(CONFIG, { ...env, KEEP: '1', RUN_OUT: path.join(out, 'kept') }, 1, [FILES[0]]);
    assert.equal(kept.status, 0, kept.output.slice(-2000));
    const keptId = /Run id (run-[0-9a-z-]+)/.exec(kept.output)![1];
    assert.match(kept.output, new RegExp(`Cleanup skipped \\(KEEP=1\\): what ${keptId} created stays on the account`));
    const record = path.join(out, 'runs', `${keptId}.jsonl`);
    const keptCards = createdIn(record).filter((c) => c.kind === 'card');
    assert.ok(keptCards.length >= 2, `at least two cards to split: ${keptCards.length}`);
    const half = keptCards.slice(0, Math.floor(keptCards.length / 2));
    for (const card of half) {
      const res = await fetch(`${twins.sovera.url}/operations/cancel`, { method: 'POST', headers: { authorization: basicKeyAuthorization(INDEPENDENT_KEY), 'content-type': 'application/json' }, body: JSON.stringify({ cardId: card.id }) });
      assert.equal(res.status, 201);
      appendFileSync(record, `${JSON.stringify({ event: 'undone', api: card.api, kind: card.kind, id: card.id, how: 'cancelled' })}\n`);
    }
    for (const card of keptCards.slice(half.length)) assert.notEqual(await cardStatus(twins, card, token), 'Cancel', 'the rest is still active');

    const later = await cleanupCli(keptId, env);
    assert.equal(later.status, 0, later.stdout + later.stderr);
    for (const card of keptCards.slice(half.length)) assert.match(later.stdout, new RegExp(`cards? cancelled: .*${card.id}`), `the rest is cancelled now:\n${later.stdout}`);
    assert.match(later.stdout, new RegExp(`undone by an earlier cleanup: .*${half[0].id}`));
    for (const card of keptCards) assert.equal(await cardStatus(twins, card, token), 'Cancel');
    assert.ok(!later.stdout.includes(INDEPENDENT_KEY) && !later.stdout.includes(INDEPENDENT_ACCOUNT.password), 'no credential printed');

    const unknown = await cleanupCli('run-19990101t000000-0000', env);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /No record of run run-19990101t000000-0000/);
  } finally {
    await twins.close();
    rmSync(out, { recursive: true, force: true });
  }
});
