import type { RunEvent } from '@rivulet/core';

/**
 * A run event waiting for a `stream_events` client: raw while a later chunk
 * may still merge into it, then, once nothing can (the next event stayed
 * apart), its wire text. Raw, a snapshot chunk holds the document as it was
 * then; sealed, only the bytes the client will be sent (a patch). Events
 * are sealed in the order they wait, which is the order they are written,
 * so a stateful encoder sees them as the client will.
 */
export class WaitingEvent {
  #event: RunEvent | undefined;
  #text: string | undefined;
  #failure: { readonly error: unknown } | undefined;

  /** `seq`: the number of the (latest) event of the run it stands for. */
  constructor(
    event: RunEvent,
    readonly seq: number,
  ) {
    this.#event = event;
  }

  /** The event, until it is sealed. */
  get raw(): RunEvent | undefined {
    return this.#event;
  }

  /** Encodes the event now and lets the raw one go; a failure to encode is kept for {@link text} to throw. */
  seal(encode: (event: RunEvent) => string): void {
    if (this.#event === undefined) return;
    try {
      this.#text = encode(this.#event);
    } catch (error) {
      this.#failure = { error };
    }
    this.#event = undefined;
  }

  /** The wire text, sealing the event first if it is still raw; throws what encoding it threw. */
  text(encode: (event: RunEvent) => string): string {
    this.seal(encode);
    if (this.#failure !== undefined) throw this.#failure.error;
    return this.#text as string;
  }
}
