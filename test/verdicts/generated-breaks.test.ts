// Rules broken on purpose in copies of the Sovera twin (test fixtures), one per copy, are found
// by the generated phase (tag @generated) with no hand-written test for them, and the lifecycle
// model shrinks each to the calls it needs: unblock allowed after cancel, a transfer that loses a
// cent, block accepted twice; the request checks find a 500 on a wrong-typed field and an
// operation served without credentials. The same selection passes against the real twin. All the
// copies run in one Playwright run (runCases), a project each.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunPlan } from '../../lib/config.ts';
import { LOCAL_API_KEY } from '../../lib/apis.ts';
import { soveraHandlers, type SoveraPrincipal } from '../../twin/sovera/handlers.ts';
import type { SoveraState } from '../../twin/sovera/state.ts';
import { startTwin } from '../../twin/main.ts';
import type { HandlerInput, TwinVariant } from '../../twin/server.ts';
import { runCases } from '../support/playwright-subrun.ts';

const MODEL_TEST = 'the card and wallet lifecycle matches its model over random call sequences (generated)';
type Input = HandlerInput<SoveraPrincipal>;

/** Each case: a copy of the Sovera twin (no variant: the real one) and the generated tests to run against it. */
const CASES: Record<string, { variant?: TwinVariant; grep: string }> = {
  control: { grep: 'lifecycle matches its model|createPayIn refuses|getWallet refuses a generated' },
  unblockAfterCancel: {
    grep: MODEL_TEST,
    variant: {
      handlers: {
        unblockCard: (state: SoveraState, input: Input) => {
          const card = state.card(input.principal.clientId, input.body.cardId);
          if (card.status === 'Cancel') { card.status = 'active'; card.isActive = true; return { status: 201, data: { cardId: card.id, isActive: true } }; }
          return soveraHandlers.unblockCard(state, input);
        },
      },
    },
  },
  lostCent: {
    grep: MODEL_TEST,
    variant: {
      handlers: {
        createTransfer: (state: SoveraState, input: Input) => {
          const result = soveraHandlers.createTransfer(state, input);
          state.wallet(input.principal.clientId, input.body.toWalletId).balance -= 1; // the cent lost on the way
          return result;
        },
      },
    },
  },
  blockTwice: {
    grep: MODEL_TEST,
    variant: {
      handlers: {
        blockCard: (state: SoveraState, input: Input) => {
          const card = state.card(input.principal.clientId, input.body.cardId);
          if (card.status === 'blocked') return { status: 201, data: { cardId: card.id, isActive: false } };
          return soveraHandlers.blockCard(state, input);
        },
      },
    },
  },
  serverErrorOnWrongType: {
    grep: 'createPayIn refuses its request',
    variant: {
      // The wrong type gets past validation, and the handler falls over on it.
      accepts: (v, operationId) => operationId === 'createPayIn' && v.pointer === 'body/amount' && v.keyword === 'type',
      handlers: {
        createPayIn: (state: SoveraState, input: Input) => {
          if (typeof input.body.amount !== 'number') throw new TypeError('amount.toFixed is not a function');
          return soveraHandlers.createPayIn(state, input);
        },
      },
    },
  },
  servedWithoutCredentials: {
    grep: 'getWallet refuses a generated request',
    variant: { authenticate: (credentials, own) => own(credentials) ?? own(`Basic ${Buffer.from(`${LOCAL_API_KEY}:`).toString('base64')}`) },
  },
};

/** Failures by test title, per case: every case's twin started here, the generated tests of all cases in one Playwright run. */
let results: Record<string, Map<string, string>>;

before(async () => {
  const entries = Object.entries(CASES);
  const twins = await Promise.all(entries.map(([, c]) => startTwin({ api: 'sovera', variant: c.variant })));
  try {
    const plan: RunPlan = {
      endpoints: twins.map((twin) => ({ api: 'sovera', target: 'twin', baseUrl: twin.url, directUrl: twin.url, stateful: true, forcesStatus: false, injectsFaults: false, testHooks: true, strict: true })),
      servers: [],
    };
    const { run, cases } = await runCases(plan, entries.map(([, c]) => c.grep.replace(/[()]/g, '\\$&')));
    entries.forEach(([name], i) => assert.ok(cases[i].ran > 0, `case ${name} ran its generated tests:\n${run.output.slice(-1500)}`));
    results = Object.fromEntries(entries.map(([name], i) => [name, cases[i].failed]));
  } finally {
    await Promise.all(twins.map((twin) => twin.close()));
  }
}, { timeout: 300_000 });

/** The shrunk sequence of a model failure: its calls, in order. */
function shrunkCalls(message: string): string[] {
  const m = /(\d+) calls after the setup: ([^\n]*)/.exec(message);
  assert.ok(m, `a shrunk sequence is printed:\n${message}`);
  return m[2].split(' → ');
}

function assertReplayable(message: string): void {
  assert.match(message, /replay: GEN_SEED=\d+ GEN_PATH=[\d:]+ npx playwright test --project sovera@twin --grep "/);
}

test('the real twin passes the generated model and request checks (control)', () => {
  assert.deepEqual([...results.control.keys()], []);
});

test('unblock allowed after cancel: found by the model, shrunk to cancel → unblock', () => {
  const message = results.unblockAfterCancel.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.deepEqual(calls.slice(-2), ['cancelCard', 'unblockCard']);
  assert.match(message, /Contract failure: rule cancelCard#irreversible/);
  assertReplayable(message);
});

test('a transfer that loses a cent: found by the model, shrunk to a pay-in and the transfer', () => {
  const message = results.lostCent.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.match(calls.at(-1)!, /^createTransfer\(/);
  assert.match(message, /getWallet#balance-conserved/);
  assertReplayable(message);
});

test('block accepted twice: found by the model, shrunk to block → block', () => {
  const message = results.blockTwice.get(MODEL_TEST)!;
  assert.ok(message, 'the model test fails');
  const calls = shrunkCalls(message);
  assert.ok(calls.length <= 3, `at most 3 calls: ${calls.join(' → ')}`);
  assert.deepEqual(calls.slice(-2), ['blockCard', 'blockCard']);
  assert.match(message, /blockCard#refused-when-blocked/);
});

test('a 500 on a wrong-typed field: found by the generated request checks', () => {
  const failed = results.serverErrorOnWrongType;
  const message = [...failed.entries()].find(([title]) => title.startsWith('createPayIn refuses'))?.[1];
  assert.ok(message, `the createPayIn request check fails; failed: ${[...failed.keys()].join(' | ')}`);
  assert.match(message, /Contract failure: createPayIn answered 500 to a request with body\/amount: a string instead of integer/);
  assert.match(message, /RFC 9110/);
});

test('an operation served without credentials: found by the generated credential checks', () => {
  const failed = results.servedWithoutCredentials;
  const message = failed.get('getWallet refuses a generated request without or with wrong credentials (generated)');
  assert.ok(message, `the getWallet credential check fails; failed: ${[...failed.keys()].join(' | ')}`);
  assert.match(message, /Contract failure: getWallet/);
  assert.match(message, /expected status 401, got 200/);
});
