// Card numbers of the twins: random digits and Luhn-valid PANs on a test BIN no issuer uses.
// Secrets made here live in a twin's state only and are never logged.
import { randomInt } from 'node:crypto';

/** The twins' issuer prefix: not a real BIN, so a generated PAN is never a real card. */
export const TEST_BIN = '999042';

/** A string of n random decimal digits. */
export function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += randomInt(10);
  return out;
}

/** The Luhn check digit that makes `body + digit` valid. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 16-digit Luhn-valid PAN on the test BIN that `taken` does not hold yet; it is added to `taken`. */
export function newPan(taken: Set<string>): string {
  for (;;) {
    const body = TEST_BIN + digits(9);
    const pan = body + luhnCheckDigit(body);
    if (!taken.has(pan)) { taken.add(pan); return pan; }
  }
}
