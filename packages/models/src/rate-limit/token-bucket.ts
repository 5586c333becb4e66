// Refill arithmetic in floating point lands a hair short of a whole amount.
const EPSILON = 1e-9;

/**
 * A budget that refills continuously at `perMs` (times a factor) up to
 * `capacity`. Spending may take it below zero: a debt the refill repays
 * before anything else is let through.
 */
export class TokenBucket {
  level: number;

  constructor(
    readonly capacity: number,
    readonly perMs: number,
  ) {
    this.level = capacity;
  }

  refill(ms: number, factor: number): void {
    this.level = Math.min(this.capacity, this.level + ms * this.perMs * factor);
  }

  /** Whether `amount` may be spent now. More than the bucket holds may be spent when it is full. */
  allows(amount: number): boolean {
    return this.level + EPSILON >= Math.min(amount, this.capacity);
  }

  /** Milliseconds until `amount` may be spent, refilling at `factor`. */
  msUntil(amount: number, factor: number): number {
    return Math.max(0, (Math.min(amount, this.capacity) - this.level) / (this.perMs * factor));
  }

  spend(amount: number): void {
    this.level -= amount;
  }

  /** Gives `amount` back (a negative amount is owed). */
  refund(amount: number): void {
    this.level = Math.min(this.capacity, this.level + amount);
  }

  /** Drops what was saved up; a debt stays. */
  drain(): void {
    this.level = Math.min(this.level, 0);
  }
}
