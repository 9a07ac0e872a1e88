// Card purchases (docs 004): a debit is a negative movement ("negative = debit", the example's
// "Online purchase - Amazon" at -20), movements come newest first, and only an active card
// "Can make purchases". Core documents no way to make a card pay on its sandbox and shows no
// holds, so the purchases are the twin's own (tests tagged HOOKS), debited at once. The clock
// checks (token expiry, the hourly rate-limit window) run on a twin of their own (OWN_TWIN).
import { test, expect, checkRule, ok, cardIn, HOOKS, OWN_TWIN, STATEFUL } from '../../fixtures/core.ts';
import { reveal } from '../../lib/client.ts';
import { purchase } from '../../scenarios/transactions.ts';

test.describe('with an active, funded card', { tag: [STATEFUL, HOOKS] }, () => {
  test('a purchase is a negative movement, newest first, and lowers the balance by its amount', async ({ api, run }) => {
    const cardId = await cardIn(api, 'active');
    ok(await api.addBalance({ body: { cardId, amount: 100 } }));
    const paid = await run(purchase(cardId, 20, 'Amazon'));
    expect(paid.status, 'an active funded card pays').toBe('SETTLED');
    const res = await api.listMovements({ path: { cardId } });
    await expect(res).toMatchContract('listMovements', 200);
    const { movements } = ok(res);
    const card = ok(await api.getCard({ path: { cardId } }));
    await checkRule(api.endpoint, 'listMovements#debits-negative', () => {
      expect(movements.map((m) => m.amount), 'newest first: the purchase, then the top-up').toEqual([-20, 100]);
      expect(movements[0].description).toContain('Amazon');
    });
    await checkRule(api.endpoint, 'listMovements#sum-is-balance', () => expect(card.balance).toBe(80));
  });

  for (const status of ['cancelled', 'blocked'] as const) {
    test(`a ${status} card's purchase is declined: no movement, the balance stays`, async ({ api, run }) => {
      const cardId = await cardIn(api, 'active');
      ok(await api.addBalance({ body: { cardId, amount: 50 } }));
      ok(await api.changeCardStatus({ body: { cardId, status } }));
      const declined = await run(purchase(cardId, 10));
      const { movements } = ok(await api.listMovements({ path: { cardId } }));
      await checkRule(api.endpoint, 'listMovements#cancelled-card-pays-nothing', () => {
        expect(declined.status).toBe('DECLINED');
        expect(movements.map((m) => m.amount)).toEqual([50]);
      });
    });
  }

  test('a cancelled card takes no top-up either', async ({ api }) => {
    const cardId = await cardIn(api, 'cancelled');
    await expect(await api.addBalance({ body: { cardId, amount: 10 } })).toFollowRule('addBalance#refused-when-cancelled');
  });
});

test.describe('on a twin of its own', { tag: [STATEFUL, OWN_TWIN] }, () => {
  test('a token is refused once its hour has passed on the test clock (403 TOKEN_EXPIRED)', async ({ ownTwin }) => {
    const own = await ownTwin();
    await expect(await own.api.listCustomers({})).toMatchContract('listCustomers', 200);
    await own.ops.advanceClock(3_600_000);
    const res = await own.api.listCustomers({});
    await expect(res).toMatchContract('listCustomers', 403);
    expect((res.body as { error?: string }).error).toBe('TOKEN_EXPIRED');
  });

  test('past the hourly limit, 429; the next window on the test clock lets calls through again', async ({ ownTwin, endpoint }) => {
    const account = endpoint.limitedAccount!;
    const own = await ownTwin();
    const login = await own.api.login({ body: { email: account.email, password: account.password } }, { auth: 'none', account: 'limited', allowRateLimit: true });
    const token = (reveal(login) as { token: string }).token;
    const as = { auth: { token }, account: 'limited', allowRateLimit: true };
    let res = await own.api.listCustomers({}, as);
    for (let i = 0; i < account.limitPerHour && res.status !== 429; i++) res = await own.api.listCustomers({}, as);
    await expect(res).toMatchContract('listCustomers', 429);
    // The reset is at the top of the hour: advancing a whole hour always passes it.
    await own.ops.advanceClock(3_600_000);
    const login2 = await own.api.login({ body: { email: account.email, password: account.password } }, { auth: 'none', account: 'limited', allowRateLimit: true });
    await expect(login2, 'a fresh window: the login goes through').toMatchContract('login', 200);
    const again = await own.api.listCustomers({}, { ...as, auth: { token: (reveal(login2) as { token: string }).token } });
    await expect(again).toMatchContract('listCustomers', 200);
    expect(again.rateLimit?.remaining, 'the new window counts from the limit').toBe(account.limitPerHour - 2);
  });
});
