// Dependency-free on purpose: the browser client publishes snapshots by the same rule.

/**
 * Elements a snapshot layer may copy per input character, amortised. A copy
 * of a wide open array really costs about twice its width (the copy, then its
 * growth at the next append) plus the garbage: at 2 per character, snapshots
 * cost about as much as parsing. Narrow documents still get a snapshot after
 * every chunk.
 */
export const COPIES_PER_CHARACTER = 2;

/**
 * Milliseconds without input after which a held snapshot goes out (within
 * twice that): a change is never held back past a quiet period of the input,
 * nor past its end. The parsers and the browser client both go by it.
 */
export const QUIET_PERIOD_MS = 25;

/**
 * The rule that keeps immutable snapshots linear for documents of any shape.
 *
 * Publishing a snapshot makes its open containers read-only, so the next
 * change to each copies it: a wide array costs its width. The budget earns
 * {@link COPIES_PER_CHARACTER} copies per input character and pays for every
 * copy made; a snapshot is due while the balance is not negative. So all the
 * copying of a document of n characters stays under 2n elements plus two
 * containers' widths (a snapshot's copies are paid after it is out, and an
 * outer container may be copied once when it is published and once at its
 * next write), however wide its arrays grow: a wide document gets
 * snapshots less often (every w/2 characters for width w), a narrow one after
 * every chunk. Its users never delay the end of the input, a quiet input,
 * or the first appearance of a field: such a forced snapshot may overdraw the
 * budget, by at most as much again as was earned ({@link SnapshotBudget.allowsForced}),
 * so even a document made of new fields (thousands of distinct keys inside a
 * wide array) stays under 4n copies plus two containers' widths.
 */
export class SnapshotBudget {
  private balance = 0;
  private earned = 0;
  /** Elements copied in all, for tests and benchmarks that check the cost is linear. */
  copied = 0;

  constructor(private readonly perCharacter = COPIES_PER_CHARACTER) {}

  /** `characters` more of input arrived. */
  earn(characters: number): void {
    this.balance += characters * this.perCharacter;
    this.earned += characters * this.perCharacter;
  }

  /** `elements` were copied. */
  spend(elements: number): void {
    this.balance -= elements;
    this.copied += elements;
  }

  /** True when every copy so far is paid for: publishing now keeps the total linear. */
  get allows(): boolean {
    return this.balance >= 0;
  }

  /** True while the overdraft of forced snapshots is within what was earned: a forced one keeps the total linear too. */
  get allowsForced(): boolean {
    return this.balance >= -this.earned;
  }
}
