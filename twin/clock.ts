// The test clock of one twin instance: wall-clock time plus an offset that only grows. Every time
// rule of the twins reads it (the physical card's print delay, token expiry, the hourly rate-limit
// window, authorisation expiry, the API Layer's PAN-link TTL and 3DS window), so a test advances
// time through the twin-only `POST /_twin/clock/advance` instead of sleeping. Advancing never
// moves time backwards, so orderings by time stay orderings by sequence.

/** The most one advance may move the clock: a typo cannot jump a twin years ahead. */
export const MAX_ADVANCE_MS = 400 * 24 * 3_600_000;

export class TestClock {
  private offsetMs = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly base: () => number = Date.now) {}

  /** Epoch milliseconds on this twin's clock (bound: pass it around as a plain function). */
  readonly now = (): number => this.base() + this.offsetMs;

  /** How far the clock has been advanced in total. */
  get advancedMs(): number {
    return this.offsetMs;
  }

  /** Moves the clock `ms` ahead and runs what is due (expired authorisations are released). */
  advance(ms: number): number {
    if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new RangeError(`advance needs whole milliseconds from 0 to ${MAX_ADVANCE_MS} (400 days), got ${ms}`);
    }
    this.offsetMs += ms;
    for (const listener of this.listeners) listener();
    return this.now();
  }

  /** Runs `listener` after every advance (what a time rule must do when its moment passes). */
  onAdvance(listener: () => void): void {
    this.listeners.push(listener);
  }
}
