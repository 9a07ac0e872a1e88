// Notifications enlist (docs 000): register an https callback URL for event notifications.
import { test, expect, dataOf, checkRule, STATEFUL } from '../../fixtures/sovera.ts';
import { webhookUrl } from '../../fixtures/sovera-data.ts';

test('enlistNotification 201 for an https URL', async ({ api }) => {
  const res = await api.enlistNotification({ body: { url: webhookUrl() } });
  await expect(res).toMatchContract('enlistNotification', 201);
});

for (const [rule, url] of [['plain http', 'http://hooks.example.com/sovera'], ['not a URL', 'hooks'], ['empty', '']] as const) {
  test(`enlistNotification 400 for a URL that is ${rule}`, async ({ api }) => {
    const res = await api.call('enlistNotification', { body: { url } });
    await expect(res).toMatchContract('enlistNotification', 400);
  });
}

test('enlistNotification echoes the URL', { tag: STATEFUL }, async ({ api }) => {
  const url = webhookUrl();
  const registered = dataOf(await api.enlistNotification({ body: { url } }));
  await checkRule(api.endpoint, 'enlistNotification#echoes-url', () => expect(registered.url).toBe(url));
});
