// Rules broken on purpose in copies of the Sovera twin (test fixtures), one at a time, are found
// by the generated phase (tag @generated) with no hand-written test for them, and the lifecycle
// model shrinks each to the calls it needs: unblock allowed after cancel, a transfer that loses a
// cent, block accepted twice; the request checks find a 500 on a wrong-typed field and an
// operation served without credentials. The same selection passes against the real twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunPlan } from '../../lib/config.ts';
import { LOCAL_API_KEY } from '../../lib/apis.ts';
import { soveraHandlers, type SoveraPrincipal } from '../../twin/sovera/handlers.ts';
import type { SoveraState } from '../../twin/sovera/state.ts';
import { startTwin } from '../../twin/main.ts';
import type { HandlerInput, TwinVariant } from '../../twin/server.ts';
import { failedTests, runPlaywright } from '../support/playwright-subrun.ts';

const CONFIG = 'test/support/suite.config.ts';
const MODEL_TEST = 'the card and wallet lifecycle matches its model over random call sequences (generated)';
type Input = HandlerInput<SoveraPrincipal>;

/** Runs the generated tests matching `grep` against a twin with `variant`, as the run's twin; failures by title. */
async function generatedRun(variant: TwinVariant | undefined, grep: string): Promise<Map<string, string>> {
  const twin = await startTwin({ api: 'sovera', variant });
  const out = mkdtempSync(path.join(tmpdir(), 'generated-breaks-'));
  const plan: RunPlan = {
    endpoints: [{ api: 'sovera', target: 'twin', baseUrl: twin.url, directUrl: twin.url, stateful: true, forcesStatus: false, injectsFaults: false, testHooks: true, strict: true }],
    servers: [],
  };
  try {
    const run = await runPlaywright(CONFIG, { HARNESS_PLAN: JSON.stringify(plan), RUN_OUT: out, MAX_FAILURES: '0' }, 1, ['--grep', grep.replace(/[()]/g, '\\$&')]);
    assert.match(run.output, /\d+ (passed|failed)/, `the generated tests ran:\n${run.output.slice(-1500)}`);
    return new Map([...failedTests(`${out}/results.json`)].map(([title, message]) => [title.split(' › ').pop()!, message]));
  } finally {
    await twin.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** The shrunk sequence of a model failure: its calls, in order. */
function shrunkCalls(message: string): string[] {
  const m = /(\d+) calls after the setup: ([^\n]*)/.exec(message);
  assert.ok(m, `a shrunk sequence is printed:\n${message}`);
  return m[2].split(' → ');
}

function assertReplayable(message: string): void {
  assert.match(message, /replay: GEN_SEED=\d+ GEN_PATH=[\d:]+ npx playwright test --project sovera@twin --grep "/);
}

test('the real twin passes the generated model and request checks (control)', { timeout: 180_000 }, async () => {
  const failed = await generatedRun(undefined, 'lifecycle matches its model|createPayIn refuses|getWallet refuses a generated');
  assert.deepEqual([...failed.keys()], []);
});

test('unblock allowed after cancel: found by the model, shrunk to cancel → unblock', { timeout: 180_000 }, async () => {
  const failed = await generatedRun({
    handlers: {
      unblockCard: (state: SoveraState, input: Input) => {
        const card = state.card(input.principal.clientId, input.body.cardId);
        if (card.status === 'Cancel') { card.status = 'active'; card.isActive = true; return { status: 201, data: { cardId: card.id, isActive: true } }; }
        return soveraHandlers.unblockCard(state, input);
      },
    },
  }, MODEL_TEST);
  const message = failed.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.deepEqual(calls.slice(-2), ['cancelCard', 'unblockCard']);
  assert.match(message, /Contract failure: rule cancelCard#irreversible/);
  assertReplayable(message);
});

test('a transfer that loses a cent: found by the model, shrunk to a pay-in and the transfer', { timeout: 180_000 }, async () => {
  const failed = await generatedRun({
    handlers: {
      createTransfer: (state: SoveraState, input: Input) => {
        const result = soveraHandlers.createTransfer(state, input);
        state.wallet(input.principal.clientId, input.body.toWalletId).balance -= 1; // the cent lost on the way
        return result;
      },
    },
  }, MODEL_TEST);
  const message = failed.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.match(calls.at(-1)!, /^createTransfer\(/);
  assert.match(message, /getWallet#balance-conserved/);
  assertReplayable(message);
});

test('block accepted twice: found by the model, shrunk to block → block', { timeout: 180_000 }, async () => {
  const failed = await generatedRun({
    handlers: {
      blockCard: (state: SoveraState, input: Input) => {
        const card = state.card(input.principal.clientId, input.body.cardId);
        if (card.status === 'blocked') return { status: 201, data: { cardId: card.id, isActive: false } };
        return soveraHandlers.blockCard(state, input);
      },
    },
  }, MODEL_TEST);
  const message = failed.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.deepEqual(calls.slice(-2), ['blockCard', 'blockCard']);
  assert.match(message, /blockCard#refused-when-blocked/);
});

test('a 500 on a wrong-typed field: found by the generated request checks', { timeout: 180_000 }, async () => {
  const failed = await generatedRun({
    // The wrong type gets past validation, and the handler falls over on it.
    accepts: (v, operationId) => operationId === 'createPayIn' && v.pointer === 'body/amount' && v.keyword === 'type',
    handlers: {
      createPayIn: (state: SoveraState, input: Input) => {
        if (typeof input.body.amount !== 'number') throw new TypeError('amount.toFixed is not a function');
        return soveraHandlers.createPayIn(state, input);
      },
    },
  }, 'createPayIn refuses its request');
  const message = [...failed.entries()].find(([title]) => title.startsWith('createPayIn refuses'))?.[1];
  assert.ok(message, `the createPayIn request check fails; failed: ${[...failed.keys()].join(' | ')}`);
  assert.match(message, /Contract failure: createPayIn answered 500 to a request with body\/amount: a string instead of integer/);
  assert.match(message, /RFC 9110/);
});

test('an operation served without credentials: found by the generated credential checks', { timeout: 180_000 }, async () => {
  const asDefaultClient = `Basic ${Buffer.from(`${LOCAL_API_KEY}:`).toString('base64')}`;
  const failed = await generatedRun({ authenticate: (credentials, own) => own(credentials) ?? own(asDefaultClient) }, 'getWallet refuses a generated request');
  const message = failed.get('getWallet refuses a generated request without or with wrong credentials (generated)');
  assert.ok(message, `the getWallet credential check fails; failed: ${[...failed.keys()].join(' | ')}`);
  assert.match(message, /Contract failure: getWallet/);
  assert.match(message, /expected status 401, got 200/);
});
