// Webhooks (docs 003): every notification has a common part (operation, sub_operation,
// operation_id, status, data) and carries the X-Webhook-Key set in the management
// configuration; the sandbox's Simulate section triggers transaction events "using the
// account's configured mechanisms"; a 3DS one-time code can go to the webhook too.
// Where the notifications go (a twin of the test's own, or the sandbox's configured webhook):
// the webhookSetup fixture (fixtures/api-layer.ts).
import { test, expect, checkRule, newCard, ok, HOOKS, OWN_TWIN, STATEFUL, type ApiLayerClient, type WebhookSetup } from '../../fixtures/api-layer.ts';
import { contractFor } from '../../lib/contract.ts';
import { expectNotifications, type NotificationCheck } from '../../lib/webhook-verdict.ts';

const WEBHOOK = 'receiveWebhookEvent';
const notified = contractFor('api-layer').rule('simulateTransaction', 'notified');

/** The trigger's notifications: those that name the test's card (the payload of each event is not documented). */
function about(setup: WebhookSetup, cardId: string, expected: number, sinceMs: number, because = { text: notified.statement, basis: notified.basis }): NotificationCheck {
  return { endpoint: setup.endpoint, webhook: WEBHOOK, key: setup.key, match: (body) => JSON.stringify(body).includes(cardId), expected, sinceMs, because };
}

async function fundedCard(api: ApiLayerClient, amount = 100) {
  const { cardId } = await newCard(api, 'TOP_UP');
  ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount } }));
  return cardId;
}

test.describe('notifications', { tag: STATEFUL }, () => {
  test('a simulated purchase is notified: the common part, a unique operation_id, the X-Webhook-Key', async ({ webhookSetup }) => {
    const setup = await webhookSetup();
    const cardId = await fundedCard(setup.api);
    const sinceMs = Date.now();
    await expect(await setup.api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 12.5, merchant: 'Harness Coffee' } })).toMatchContract('simulateTransaction', 202);
    const [delivery] = await expectNotifications(setup.receiver, about(setup, cardId, 1, sinceMs));
    expect((delivery.body as { status: string }).status).toBe('SUCCESS');
    await checkRule(setup.endpoint, 'simulateTransaction#purchase-debits', async () => {
      expect(ok(await setup.api.getVirtualCard({ path: { cardId } })).balance).toBe(87.5);
    });
  });

  test('a purchase on a frozen card fails, is notified FAILED, and debits nothing', async ({ webhookSetup }) => {
    const setup = await webhookSetup();
    const cardId = await fundedCard(setup.api);
    ok(await setup.api.freezeVirtualCard({ path: { cardId }, body: { frozen: true } }));
    const sinceMs = Date.now();
    const res = await setup.api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 5 } });
    await expect(res).toMatchContract('simulateTransaction', 202);
    const [delivery] = await expectNotifications(setup.receiver, about(setup, cardId, 1, sinceMs));
    const rule = contractFor('api-layer').rule('simulateTransaction', 'inactive-card-fails');
    await checkRule(setup.endpoint, 'simulateTransaction#inactive-card-fails', async () => {
      expect(ok(res).status).toBe('FAILED');
      expect((delivery.body as { status: string }).status, rule.statement).toBe('FAILED');
      expect(ok(await setup.api.getVirtualCard({ path: { cardId } })).balance).toBe(100);
    });
  });

  test('a 3DS one-time code set to go by webhook arrives there, and answers the challenge', async ({ webhookSetup }) => {
    const setup = await webhookSetup();
    const cardId = await fundedCard(setup.api);
    ok(await setup.api.configure3ds({ path: { cardId }, body: { otpMethod: 'WEBHOOK' } }));
    const sinceMs = Date.now();
    ok(await setup.api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 2 } }));
    const configure = contractFor('api-layer').operation('configure3ds');
    const deliveries = await expectNotifications(setup.receiver, about(setup, cardId, 2, sinceMs, { text: 'the purchase and its one-time code are notified (OTP "via Webhook (using the URL provide by the webhook configuration)")', basis: configure.basis }));
    const otp = deliveries.map((d) => (d.body as { data?: { otp?: string; authenticationId?: string } }).data).find((data) => data?.otp);
    expect(otp, 'one notification carries the one-time code').toBeTruthy();
    const answer = await setup.api.respond3dsAuthentication({ path: { cardId, authenticationId: otp!.authenticationId! }, body: { otp: otp!.otp! } });
    await expect(answer).toMatchContract('respond3dsAuthentication', 200);
  });
});

test.describe('the twin\'s deliveries', { tag: [STATEFUL, HOOKS, OWN_TWIN] }, () => {
  test('a refused delivery is retried with the same operation_id (not a duplicate), and the log shows both attempts', async ({ webhookSetup }) => {
    // The receiver answers 503 to the first delivery; a provider that retries sends the same notification again.
    let answered = 0;
    const setup = await webhookSetup({ twin: { webhookRetry: { attempts: 3, baseDelayMs: 20, timeoutMs: 2_000 } }, receiver: { answer: () => (answered++ === 0 ? 503 : 200) } });
    const own = { api: setup.api, ops: setup.ops! };
    const cardId = await fundedCard(own.api);
    const sinceMs = Date.now();
    ok(await own.api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 1 } }));
    const deliveries = await expectNotifications(setup.receiver, about(setup, cardId, 1, sinceMs));
    expect(deliveries.length, 'the refused delivery and its retry').toBe(2);
    const log = await own.ops.deliveries(cardId);
    expect(log.map((d) => [d.attempt, d.outcome]), 'the delivery log').toEqual([[1, 'retrying'], [2, 'delivered']]);
    expect(JSON.stringify(log), 'the log holds no key').not.toContain(setup.key);
  });

  test('holds are notified in order: authorised, then cancelled by the reversal; the balance comes back', async ({ webhookSetup }) => {
    const setup = await webhookSetup();
    const cardId = await fundedCard(setup.api);
    const sinceMs = Date.now();
    const held = await setup.ops!.authorise(cardId, 30);
    expect(ok(await setup.api.getVirtualCard({ path: { cardId } })).balance, 'the hold takes from the balance').toBe(70);
    await setup.ops!.reverse(held.transactionId);
    const deliveries = await expectNotifications(setup.receiver, about(setup, cardId, 2, sinceMs));
    expect(deliveries.map((d) => (d.body as { status: string }).status), 'in order per card').toEqual(['SUCCESS', 'CANCELLED']);
    expect(ok(await setup.api.getVirtualCard({ path: { cardId } })).balance, 'the reversal gives it back').toBe(100);
  });

  test('a 3DS answer after 5 minutes on the test clock fails', async ({ ownTwin }) => {
    const own = await ownTwin();
    const cardId = await fundedCard(own.api);
    ok(await own.api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 3 } }));
    const outbox = (await own.ops.send('GET', `/_twin/outbox?cardId=${encodeURIComponent(cardId)}`)).body as { messages: { authenticationId: string; otp: string }[] };
    const { authenticationId, otp } = outbox.messages[0];
    await own.ops.advanceClock(5 * 60_000 + 1_000);
    await expect(await own.api.respond3dsAuthentication({ path: { cardId, authenticationId }, body: { otp } })).toFollowRule('respond3dsAuthentication#within-5-minutes');
  });
});
