// Card secrets and PIN (docs 002): check PAN/CVV/expiry/PIN, unblock and change the PIN.
// The values are never stored or printed: failure messages and reports are redacted.
import { test, expect, dataOf, secretDataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { CLIENT_CODE, naturalUser } from '../../fixtures/sovera-data.ts';
import { provisionCardholder } from '../../scenarios/sovera.ts';

const CHECKS = ['checkPan', 'checkCvv', 'checkDueDate', 'checkPin', 'unblockPin'] as const;

test.describe('with a fresh virtual card', () => {
  let cardId = '';
  test.beforeEach(async ({ run }) => {
    ({ cardId } = await run(provisionCardholder(naturalUser(), CLIENT_CODE, 0)));
  });

  for (const operationId of CHECKS) {
    test(`${operationId} 201 echoes the cardId`, async ({ api, endpoint }) => {
      const res = await api.call(operationId, { body: { cardId } });
      await expect(res).toMatchContract(operationId, 201);
      if (endpoint.stateful) expect(res.body.data.cardId).toBe(cardId);
    });
  }

  test('changePin 200 echoes the card', async ({ api }) => {
    const res = await api.changePin({ body: { cardId, pin: '4826' } });
    await expect(res).toMatchContract('changePin', 200);
  });

  for (const pin of ['123', '12345', '12a4', '']) {
    test(`changePin 400 refuses the PIN "${pin}" (4 digits required)`, async ({ api }) => {
      const res = await api.call('changePin', { body: { cardId, pin } });
      await expect(res).toMatchContract('changePin', 400);
    });
  }

  test('changePin takes effect: checkPin answers the new PIN', { tag: STATEFUL }, async ({ api }) => {
    const before = secretDataOf(await api.checkPin({ body: { cardId } })).pin;
    const pin = before === '7391' ? '7392' : '7391';
    await expect(await api.changePin({ body: { cardId, pin } })).toMatchContract('changePin', 200);
    // Compared without printing: a failing toBe would show both PINs.
    await checkRule(api.endpoint, 'changePin#takes-effect', async () => {
      expect(secretDataOf(await api.checkPin({ body: { cardId } })).pin === pin, 'checkPin answers the PIN set by changePin').toBe(true);
    });
  });

  test('a refused PIN leaves the PIN unchanged', { tag: STATEFUL }, async ({ api }) => {
    const before = secretDataOf(await api.checkPin({ body: { cardId } })).pin;
    await expect(await api.call('changePin', { body: { cardId, pin: '12' } })).toMatchContract('changePin', 400);
    await checkRule(api.endpoint, 'changePin#refused-pin-unchanged', async () => {
      expect(secretDataOf(await api.checkPin({ body: { cardId } })).pin === before, 'checkPin still answers the previous PIN').toBe(true);
    });
  });

  test('secrets are masked in res.body: printing or diffing a response cannot leak them', async ({ api }) => {
    const res = await api.checkPan({ body: { cardId } });
    await expect(res).toMatchContract('checkPan', 201);
    expect(dataOf(res)).toMatchObject({ pan: '[REDACTED]', expDate: '[REDACTED]' });
    expect(res.text).not.toMatch(/"pan"\s*:\s*"\d/);
  });

  test('checkPan answers the same card number every time, and unblockPin the current PIN', { tag: STATEFUL }, async ({ api }) => {
    const first = secretDataOf(await api.checkPan({ body: { cardId } }));
    const second = secretDataOf(await api.checkPan({ body: { cardId } }));
    expect(first.pan === second.pan && first.expDate === second.expDate, 'checkPan is stable for a card').toBe(true);
    const pin = secretDataOf(await api.checkPin({ body: { cardId } })).pin;
    expect(secretDataOf(await api.unblockPin({ body: { cardId } })).pin === pin, 'unblockPin answers the current PIN').toBe(true);
  });
});
