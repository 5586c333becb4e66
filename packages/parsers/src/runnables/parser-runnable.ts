import { Observable } from 'rxjs';
import { Runnable, type AggregatorSpec, type RunContext, type StreamInput } from '@rivulet/core';
import { textOf, type TextChunk } from '../input/text-chunk.js';

/** One run of a parser: text in, output chunks out, as the text arrives. */
export interface ParseSession<C> {
  /** Reads the next piece of text, emitting what it completes. */
  push(text: string, emit: (chunk: C) => void): void;
  /** The text ended: emits what remains, or throws. */
  end(emit: (chunk: C) => void): void;
}

/** How to build a parser runnable: its name, how its chunks aggregate, and a fresh session per run. */
export interface ParserSpec<C> {
  readonly name: string;
  readonly aggregator: AggregatorSpec<C>;
  /** Starts the parsing state of one run: each run gets its own. */
  readonly session: () => ParseSession<C>;
}

/**
 * The one runnable class behind every parser: it feeds each input chunk to a
 * session as it arrives (never waiting for the whole input), so piping a
 * streaming model into a parser streams end to end.
 */
export class ParserRunnable<O, C = O> extends Runnable<TextChunk, O, C> {
  readonly name: string;
  readonly aggregator: AggregatorSpec<C>;
  private readonly spec: ParserSpec<C>;

  constructor(spec: ParserSpec<C>) {
    super();
    this.spec = spec;
    this.name = spec.name;
    this.aggregator = spec.aggregator;
  }

  /** @internal Called by the runtime. */
  doStream(input: StreamInput<TextChunk>, _ctx: RunContext): Observable<C> {
    return new Observable<C>((subscriber) => {
      const session = this.spec.session();
      const emit = (chunk: C): void => subscriber.next(chunk);
      const guard = (work: () => void): void => {
        if (subscriber.closed) return;
        try {
          work();
        } catch (e) {
          subscriber.error(e);
        }
      };
      return input.chunks.subscribe({
        next: (chunk) => guard(() => session.push(textOf(chunk), emit)),
        error: (e: unknown) => subscriber.error(e),
        complete: () =>
          guard(() => {
            session.end(emit);
            subscriber.complete();
          }),
      });
    });
  }
}
