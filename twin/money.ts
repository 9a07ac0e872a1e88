// Money in the twins whose APIs speak currency units (Core, the API Layer): amounts arrive as JSON
// numbers (USD 12.34) and are kept as integer minor units (cents), so sums are exact.

const MINOR_PER_UNIT = 100;

/** Currency units → integer minor units, half away from zero; toPrecision(15) undoes binary noise (10.005 × 100 = 1000.4999…). */
export function toMinor(amount: number): number {
  const scaled = Number((amount * MINOR_PER_UNIT).toPrecision(15));
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

export function fromMinor(minor: number): number {
  return minor / MINOR_PER_UNIT;
}
