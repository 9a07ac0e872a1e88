// 3DS (docs 003): the card's OTP method (SMS or webhook), and the answer to a challenge, which
// must come within 5 minutes of the transaction. The one-time code reaches the client by SMS or
// webhook; the twin keeps what it would send in its loopback outbox, and a test hook back-dates a
// simulated transaction, so these checks need the twin (a live sandbox would need a phone).
import { test, expect, newCard, ok, HOOKS, STATEFUL } from '../../fixtures/api-layer.ts';
import type { ApiLayerClient } from '../../fixtures/api-layer.ts';
import type { TargetEndpoint } from '../../lib/config.ts';

const WINDOW_MS = 5 * 60_000;

/** A purchase on a funded card, and the one-time code the twin would have sent for it. */
async function challenge(api: ApiLayerClient, endpoint: TargetEndpoint, ageMs = 0) {
  const { cardId } = await newCard(api, 'TOP_UP');
  ok(await api.overrideVirtualBalance({ path: { cardId }, body: { amount: 100 } }));
  ok(await api.configure3ds({ path: { cardId }, body: { otpMethod: 'SMS' } }));
  const purchase = await api.simulateTransaction({ body: { cardId, type: 'PURCHASE', amount: 12.5, merchant: 'Harness Coffee' } }, { headers: ageMs ? { 'x-twin-backdate-ms': String(ageMs) } : {} });
  await expect(purchase).toMatchContract('simulateTransaction', 202);
  const outbox = await fetch(`${new URL(endpoint.directUrl!).origin}/_twin/outbox?cardId=${encodeURIComponent(cardId)}`, { signal: AbortSignal.timeout(5_000) });
  const { messages } = (await outbox.json()) as { messages: { authenticationId: string; otp: string }[] };
  expect(messages, 'the twin sent one one-time code for the purchase').toHaveLength(1);
  return { cardId, ...messages[0] };
}

test('respond3dsAuthentication 200 with the code within 5 minutes; a wrong code is refused', { tag: [STATEFUL, HOOKS] }, async ({ api, endpoint }) => {
  const { cardId, authenticationId, otp } = await challenge(api, endpoint);
  const wrong = otp === '000000' ? '000001' : '000000';
  await expect(await api.respond3dsAuthentication({ path: { cardId, authenticationId }, body: { otp: wrong } })).toMatchContract('respond3dsAuthentication', 400);
  const res = await api.respond3dsAuthentication({ path: { cardId, authenticationId }, body: { otp } });
  await expect(res).toMatchContract('respond3dsAuthentication', 200);
  expect(ok(res).status).toBe('SUCCESS');
  await expect(await api.respond3dsAuthentication({ path: { cardId, authenticationId }, body: { otp } })).toMatchContract('respond3dsAuthentication', 409);
});

test('respond3dsAuthentication later than 5 minutes after the transaction fails', { tag: [STATEFUL, HOOKS] }, async ({ api, endpoint }) => {
  const { cardId, authenticationId, otp } = await challenge(api, endpoint, WINDOW_MS + 1_000);
  await expect(await api.respond3dsAuthentication({ path: { cardId, authenticationId }, body: { otp } })).toFollowRule('respond3dsAuthentication#within-5-minutes');
});
