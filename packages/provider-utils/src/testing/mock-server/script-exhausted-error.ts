/**
 * Thrown by a script player when a request arrives after the last scripted
 * reply; mock servers turn it into a 500 that names the request, because a
 * silent default reply would hide a test's wrong expectation.
 */
export class ScriptExhaustedError extends Error {
  /** Zero-based position of the request that found no reply. */
  readonly position: number;
  /** How many replies the script held. */
  readonly length: number;

  constructor(position: number, length: number) {
    super(
      `mock script exhausted: request #${position + 1} arrived but only ${length} ` +
        `repl${length === 1 ? 'y was' : 'ies were'} scripted`,
    );
    this.name = 'ScriptExhaustedError';
    this.position = position;
    this.length = length;
  }
}
