// Rate limit (docs 004): 1000 requests per hour per account; every answer carries
// X-RateLimit-Limit, -Remaining and -Reset (epoch seconds); past the limit, 429. The 429 on the
// twin is produced with a second, small-limit account (twin config), so the main account's budget
// is untouched; on the mock it is asked for. A 429 is a rate-limit event, counted by the reporter.
import { test, expect, FAULTS, STATEFUL, type CoreClient, type Login, type LoginOptions } from '../../fixtures/core.ts';
import type { CallOptions } from '../../lib/client.ts';
import type { TestAccount } from '../../lib/config.ts';
import { contractFor } from '../../lib/contract.ts';
import { unknownIds, validRequest } from '../../fixtures/core-requests.ts';

const operations = [...contractFor('core').operations.keys()];
let exhausted: CallOptions | undefined;

/** Logs in with the small-limit account and spends its window; the session, for calls that must answer 429. */
async function exhaust(api: CoreClient, login: (o?: LoginOptions) => Promise<Login>, account: TestAccount): Promise<CallOptions> {
  if (exhausted) return exhausted;
  const session = await login({ account: { ...account, label: 'limited' }, allowRateLimit: true });
  await expect(session.res, 'the small-limit account logs in (its window must be fresh: one run per twin)').toMatchContract('login', 200);
  let last = session.res.rateLimit!;
  let res = session.res;
  for (let i = 0; i <= account.limitPerHour && res.status !== 429; i++) {
    res = await api.listCustomers({}, { ...session.as, allowRateLimit: true });
    if (res.status === 200) {
      expect(res.rateLimit!.remaining, 'Remaining goes down by one per call').toBe(last.remaining! - 1);
      last = res.rateLimit!;
    }
  }
  await expect(res, `the call past the limit of ${account.limitPerHour}/h`).toMatchContract('listCustomers', 429);
  expect(res.rateLimit).toMatchObject({ limit: account.limitPerHour, remaining: 0 });
  expect(res.rateLimit!.reset! * 1000, 'the reset is ahead').toBeGreaterThan(Date.now() - 1000);
  exhausted = { ...session.as, allowRateLimit: true };
  return exhausted;
}

test('every answer carries X-RateLimit-Limit, -Remaining and -Reset as whole numbers', async ({ api }) => {
  const res = await api.listCustomers({});
  await expect(res).toMatchContract('listCustomers', 200); // checks the documented headers too
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
    expect(res.headers[name], `${name} is a whole number`).toMatch(/^\d+$/);
  }
  const { limit, remaining, reset } = res.rateLimit ?? {};
  expect(Number.isInteger(limit) && Number.isInteger(remaining) && Number.isInteger(reset), 'parsed as integers').toBe(true);
  expect(remaining!).toBeLessThanOrEqual(limit!);
});

test('error answers carry the rate-limit headers too', async ({ api }) => {
  const res = await api.call('createCard', { body: { currency: 'GBP' } });
  await expect(res).toMatchContract('createCard', 400);
  expect(res.rateLimit?.remaining, 'X-RateLimit-Remaining on a 400').toEqual(expect.any(Number));
});

test('X-RateLimit-Remaining decreases from one call to the next, and Reset is within the hour', { tag: STATEFUL }, async ({ api }) => {
  const first = (await api.listCustomers({})).rateLimit!;
  const second = (await api.listCustomers({})).rateLimit!;
  const now = Date.now() / 1000;
  if (second.reset === first.reset) expect(second.remaining!, 'Remaining decreases within a window').toBeLessThan(first.remaining!);
  else expect(second.reset!, 'a new window starts later').toBeGreaterThan(first.reset!);
  expect(second.reset!).toBeGreaterThan(now - 1);
  expect(second.reset!).toBeLessThanOrEqual(now + 3600 + 1);
});

// One worker, in order: the small-limit account is exhausted once, by the first test, and its
// session serves the 429 of every operation after it (the window lasts the hour).
test.describe.serial('429 past the limit', () => {
  test("past the small-limit account's limit: Remaining falls by one per call, then 429 with the headers, reported as a rate-limit event", { tag: FAULTS }, async ({ api, endpoint, login }) => {
    test.skip(!endpoint.limitedAccount, `needs the twin's small-limit account; ${endpoint.target} has none`);
    await exhaust(api, login, endpoint.limitedAccount!);
  });

  for (const operationId of operations) {
    test(`${operationId} 429 in the error format with the rate-limit headers`, async ({ api, endpoint, login }) => {
      test.skip(!endpoint.forcesStatus && !endpoint.limitedAccount,
        `needs a mock or the twin's small-limit account; exhausting ${endpoint.target}'s real hourly budget would stop the suite`);
      const account = endpoint.limitedAccount;
      let options: CallOptions = { mockStatus: 429, allowRateLimit: true, ...(operationId === 'login' ? { auth: 'none' as const } : {}) };
      let input = validRequest(operationId, unknownIds());
      if (account) {
        const session = await exhaust(api, login, account);
        if (operationId === 'login') input = { body: { email: account.email, password: account.password } };
        options = { ...options, ...(operationId === 'login' ? { account: 'limited' } : session) };
      }
      const res = await api.call(operationId as never, input, options);
      await expect(res).toMatchContract(operationId, 429);
      expect(res.rateLimit, 'parsed X-RateLimit-*').toEqual({ limit: expect.any(Number), remaining: account ? 0 : expect.any(Number), reset: expect.any(Number) });
      if (account) expect(res.rateLimit!.limit).toBe(account.limitPerHour);
    });
  }
});
