import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnValid, MASKED, redactHeaders, redactText, redactValue, registerOwnPersonalData, registerOwnRecordsIn, registerSecret, registerSecretsIn, REDACTED } from '../../lib/redact.ts';

// A Luhn-valid test PAN, built at run time so no card number is committed.
const PAN = withLuhnDigit('400000123456789');

test('redactValue replaces secret fields at any depth, case-insensitively', () => {
  const body = { success: true, data: { cardId: 'c1', pan: PAN, expDate: 203011, CVV: '123', nested: [{ pin: '1234' }] } };
  const out = redactValue(body);
  assert.equal(out.data.cardId, 'c1');
  assert.equal(out.data.pan, REDACTED);
  assert.equal(out.data.expDate, REDACTED);
  assert.equal((out.data as Record<string, unknown>).CVV, REDACTED);
  assert.equal(out.data.nested[0].pin, REDACTED);
  assert.equal(body.data.pan, PAN, 'the original is left untouched');
});

test('redactHeaders hides credentials', () => {
  const out = redactHeaders({ Authorization: 'Basic a2V5Og==', 'x-api-key': 'k', accept: 'application/json' });
  assert.deepEqual(out, { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' });
});

test('redactText catches JSON fields, form fields, auth headers and card numbers in free text', () => {
  const text = `body {"pan":"${PAN}","pin":"4321","cvv":"999"} form pin=1234&cardId=c1 header Basic a2V5Og== loose ${PAN}`;
  const out = redactText(text);
  for (const secret of [PAN, '4321', '999', 'pin=1234', 'a2V5Og==']) assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
  assert.ok(out.includes('cardId=c1'), 'non-secret fields stay readable');
});

test('redactText keeps digit runs that are not card numbers', () => {
  const notLuhn = PAN.slice(0, -1) + String((Number(PAN.at(-1)) + 1) % 10);
  assert.equal(redactText(`amount ${notLuhn}`), `amount ${notLuhn}`);
});

test('registered secrets are redacted wherever they appear', () => {
  registerSecret('sk_live_very_secret_key');
  registerSecretsIn({ data: { pin: '864209' } });
  const out = redactText('key sk_live_very_secret_key in a URL /cards?x=864209');
  assert.ok(!out.includes('sk_live_very_secret_key'));
  assert.ok(!out.includes('864209'));
});

test('luhnValid', () => {
  assert.ok(luhnValid(PAN));
  assert.ok(!luhnValid('4000001234567890') || PAN === '4000001234567890');
  assert.ok(luhnValid('79927398713'));
  assert.ok(!luhnValid('79927398710'));
});

function withLuhnDigit(prefix: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

test('personal data: other people\'s records are masked by field name, ours (created by a write of ours) stay readable', () => {
  registerOwnRecordsIn({ customerId: 'cus_ours_1' });
  const list = { customers: [
    { customerId: 'cus_ours_1', name: 'Our Test Customer', email: 'ours@example.com' },
    { customerId: 'cus_theirs_2', name: 'Ana Ruiz', email: 'ana.ruiz@example.org', phone: '+34 600 123 457', address: { street: 'Calle Mayor 1' } },
  ] };
  const out = redactValue(list);
  assert.equal(out.customers[0].name, 'Our Test Customer', 'our record is readable');
  assert.equal(out.customers[0].email, 'ours@example.com');
  assert.equal(out.customers[1].name, MASKED);
  assert.equal(out.customers[1].email, MASKED);
  assert.equal(out.customers[1].phone, MASKED);
  assert.equal(out.customers[1].address.street, MASKED, 'a nested object belongs to its record');
  assert.equal(out.customers[1].customerId, 'cus_theirs_2', 'ids stay readable');
  const text = redactText(JSON.stringify(list));
  for (const theirs of ['Ana Ruiz', 'ana.ruiz@example.org', '+34 600 123 457', 'Calle Mayor 1']) assert.ok(!text.includes(theirs), `${theirs} leaked: ${text}`);
});

test('personal data in free text is masked by shape (email, phone) unless we sent it', () => {
  registerOwnPersonalData({ firstName: 'Bench', email: 'bench+run7@example.com', phone: '+1 555 010 0199' });
  const out = redactText('duplicate of jane.doe@example.net (call (555) 123-4567 or +44 20 7946 0958); ours bench+run7@example.com, +1 555 010 0199');
  for (const theirs of ['jane.doe@example.net', '(555) 123-4567', '+44 20 7946 0958']) assert.ok(!out.includes(theirs), `${theirs} leaked: ${out}`);
  assert.ok(out.includes('bench+run7@example.com') && out.includes('+1 555 010 0199'), `our own values stay: ${out}`);
  assert.match(out, /\[MASKED\] \(email\)/);
});

test('personal-data shapes leave dates, amounts, ids and project names alone', () => {
  const text = 'core@sandbox 2026-12-01T22:08:00.053Z amount 100000 id 8971c690-13a4-434b-bd31-18b502889c2c status 409 cus_001 +1 day';
  assert.equal(redactText(text), text);
});
