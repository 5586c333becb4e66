/** How long a rate budget runs shrunk after a 429 before it doubles back: a minute, the window budgets are counted in. */
export const RATE_RECOVERY_MS = 60_000;

/** The least a rate budget shrinks to: 1/16 of its rate. */
export const MIN_RATE_FACTOR = 1 / 16;

/**
 * The fraction of its rate a budget runs at: halved by each 429 (down to
 * {@link MIN_RATE_FACTOR}), doubled back after each {@link RATE_RECOVERY_MS}
 * without one, until whole again.
 */
export class Throttle {
  #factor = 1;
  #changedAt = 0;

  get factor(): number {
    return this.#factor;
  }

  /** When the factor next doubles; `undefined` at the full rate. */
  nextRecovery(): number | undefined {
    return this.#factor < 1 ? this.#changedAt + RATE_RECOVERY_MS : undefined;
  }

  shrink(now: number): void {
    this.#factor = Math.max(MIN_RATE_FACTOR, this.#factor / 2);
    this.#changedAt = now;
  }

  recover(at: number): void {
    this.#factor = Math.min(1, this.#factor * 2);
    this.#changedAt = at;
  }
}
