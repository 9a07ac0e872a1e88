// Customers (docs 004): create with name and email (unique per account), list them all.
import { test, expect, ok, newCustomer, checkRule, STATEFUL } from '../../fixtures/core.ts';
import { customer, uniqueEmail } from '../../fixtures/core-data.ts';

test('createCustomer 200 answers the customer', async ({ api }) => {
  const res = await api.createCustomer({ body: customer() });
  await expect(res).toMatchContract('createCustomer', 200);
});

test('createCustomer echoes name and email with a new customerId', { tag: STATEFUL }, async ({ api }) => {
  const input = customer();
  const created = ok(await api.createCustomer({ body: input }));
  expect(created).toMatchObject(input);
  expect(created.customerId).toBeTruthy();
  const other = await newCustomer(api);
  expect(other.customerId).not.toBe(created.customerId);
});

for (const [rule, body] of [
  ['without an email (missing field)', (() => { const { email: _omitted, ...rest } = customer(); return rest; })()],
  ['without a name (missing field)', (() => { const { name: _omitted, ...rest } = customer(); return rest; })()],
  // Unique even when invalid: a lenient server stores it, and a fixed value would collide (409) on the next run.
  ['when the email is not an email', customer({ email: uniqueEmail().replace('@', '-at-') })],
  ['when the name is a number (wrong type)', { ...customer(), name: 42 }],
  ['with a field the docs do not define', { ...customer(), phone: '+57 300 000 0000' }],
] as const) {
  test(`createCustomer 400 ${rule}`, async ({ api }) => {
    const res = await api.call('createCustomer', { body });
    await expect(res).toMatchContract('createCustomer', 400);
  });
}

test('createCustomer 409 for a duplicate email', async ({ api }) => {
  const input = customer();
  await expect(await api.createCustomer({ body: input })).toMatchContract('createCustomer', 200);
  // Prism's mock keeps no customers; there the documented 409 is asked for.
  const res = await api.createCustomer({ body: { ...input, name: `${input.name} Jr.` } }, { mockStatus: 409 });
  await expect(res).toFollowRule('createCustomer#email-unique');
});

test('a duplicate email creates nothing: listCustomers has the email once, with the first name', { tag: STATEFUL }, async ({ api }) => {
  const input = customer();
  const first = ok(await api.createCustomer({ body: input }));
  await expect(await api.createCustomer({ body: { ...input, name: 'Someone Else' } })).toFollowRule('createCustomer#email-unique');
  await checkRule(api.endpoint, 'createCustomer#email-unique', async () => {
    const listed = ok(await api.listCustomers({})).customers.filter((c) => c.email === input.email);
    expect(listed).toEqual([expect.objectContaining({ customerId: first.customerId, name: input.name })]);
  });
});

test('listCustomers 200 answers the customers', async ({ api }) => {
  await newCustomer(api);
  const res = await api.listCustomers({});
  await expect(res).toMatchContract('listCustomers', 200);
});

test('listCustomers lists every created customer as createCustomer answered it', { tag: STATEFUL }, async ({ api }) => {
  const created = [await newCustomer(api), await newCustomer(api)];
  await checkRule(api.endpoint, 'listCustomers#lists-created', async () => {
    const listed = ok(await api.listCustomers({})).customers;
    for (const c of created) expect(listed).toContainEqual(expect.objectContaining(c));
  });
});
