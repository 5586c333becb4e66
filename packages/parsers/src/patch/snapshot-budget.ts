// Dependency-free on purpose: the browser client publishes snapshots by the same rule.

/**
 * Elements a snapshot layer may copy per input character, amortised. Copying
 * an array slot costs far less than parsing a character, so snapshots of
 * narrow documents still go out after every chunk.
 */
export const COPIES_PER_CHARACTER = 8;

/**
 * The rule that keeps immutable snapshots linear for documents of any shape.
 *
 * Publishing a snapshot makes its open containers read-only, so the next
 * change to each copies it: a wide array costs its width. The budget earns
 * {@link COPIES_PER_CHARACTER} copies per input character and pays for every
 * copy made; a snapshot is due while the balance is not negative. So all the
 * copying of a document of n characters stays under 8n elements plus one
 * container's width, however wide its arrays grow: a wide document gets
 * snapshots less often (every w/8 characters for width w), a narrow one after
 * every chunk. What the rule never delays is decided by its users: the first
 * appearance of a field, the end of the input, and a quiet input.
 */
export class SnapshotBudget {
  private balance = 0;
  /** Elements copied in all, for tests and benchmarks that check the cost is linear. */
  copied = 0;

  constructor(private readonly perCharacter = COPIES_PER_CHARACTER) {}

  /** `characters` more of input arrived. */
  earn(characters: number): void {
    this.balance += characters * this.perCharacter;
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
}
