// Where the locator is.
const LEAD = 0; // at the start of the text or of a fence's body: whitespace, then JSON or prose
const PROSE = 1; // looking for '{', '[' or a fence
const TICKS = 2; // counting the backticks of a possible fence
const FENCE_INFO = 3; // the rest of a fence's opening line, such as "json"

function startsScalar(code: number): boolean {
  // '"', '-', digits, and the first letters of true, false and null.
  return code === 34 || code === 45 || (code >= 48 && code <= 57) || code === 116 || code === 102 || code === 110;
}

/**
 * Finds where the JSON starts in a model's output, one chunk at a time. The rule:
 *
 * 1. Whitespace is skipped, and so is an opening code fence (three or more
 *    backticks and the rest of that line, e.g. ```` ```json ````).
 * 2. If the next character can start JSON (`{`, `[`, `"`, `-`, a digit, or the
 *    `t`/`f`/`n` of a literal) the JSON starts there, so a bare scalar is a document.
 *    A number or literal that turns out not to be JSON (`1. First`, `nothing`)
 *    is prose after all (see {@link JsonLocator.toProse}).
 * 3. Otherwise it is prose, and the JSON starts at the first `{` or `[`, or at
 *    the body of the first code fence (where rule 2 applies again).
 *
 * Each character is examined once.
 */
export class JsonLocator {
  private state = LEAD;
  private ticks = 0;

  /** True when the JSON found at the returned index may still turn out to be prose (a bare number or literal). */
  tentative = false;

  /** The index in `chunk` where the JSON starts, or -1 when it does not start in `chunk[from..]`. */
  find(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case LEAD:
          if (c === 32 || c === 10 || c === 13 || c === 9) break;
          if (c === 96) {
            this.state = TICKS;
            this.ticks = 0;
            continue;
          }
          if (c === 123 || c === 91 || startsScalar(c)) {
            this.tentative = c !== 123 && c !== 91 && c !== 34;
            return i;
          }
          this.state = PROSE;
          break;
        case TICKS:
          if (c !== 96) {
            this.state = PROSE; // inline code, not a fence
            continue;
          }
          if (++this.ticks === 3) this.state = FENCE_INFO;
          break;
        case FENCE_INFO:
          if (c === 10) this.state = LEAD;
          else if (c === 123 || c === 91) return this.found(i);
          break;
        default:
          if (c === 123 || c === 91) return this.found(i);
          if (c === 96) {
            this.state = TICKS;
            this.ticks = 0;
            continue;
          }
      }
      i++;
    }
    return -1;
  }

  /** The tentative scalar was not JSON: keep looking, in prose, from the character that disproved it. */
  toProse(): void {
    this.state = PROSE;
    this.tentative = false;
  }

  private found(i: number): number {
    this.tentative = false;
    return i;
  }
}
