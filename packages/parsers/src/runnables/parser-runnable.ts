import { asyncScheduler, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import { Runnable, type AggregationSpec, type RunContext, type StreamInput } from '@rivulet/core';
import { textOf, type TextChunk } from '../input/text-chunk.js';
import { QUIET_PERIOD_MS } from '../patch/snapshot-budget.js';

/** One run of a parser: text in, output chunks out, as the text arrives. */
export interface ParseSession<C> {
  /** Reads the next piece of text, emitting what it completes. */
  push(text: string, emit: (chunk: C) => void): void;
  /** The text ended: emits what remains, or throws. */
  end(emit: (chunk: C) => void): void;
  /** True when `push` held a change back (a snapshot not yet worth its copies). */
  readonly held?: boolean;
  /** Emits a held change: the input went quiet. */
  flush?(emit: (chunk: C) => void): void;
}

/** How to build a parser runnable: its name, how its chunks aggregate, and a fresh session per run. */
export interface ParserSpec<O, C> {
  readonly name: string;
  readonly aggregation: AggregationSpec<C, O>;
  /** Starts the parsing state of one run: each run gets its own. */
  readonly session: () => ParseSession<C>;
}

/**
 * Milliseconds a change may be held back while input keeps coming: a model
 * streaming a wide array without pauses still updates a UI ten times a second.
 * A synchronous producer never gives a timer the chance, so this costs
 * nothing where only throughput matters.
 */
export const MAX_HOLD_MS = 100;

/**
 * The one runnable class behind every parser: it feeds each input chunk to a
 * session as it arrives (never waiting for the whole input), so piping a
 * streaming model into a parser streams end to end. A change the session
 * holds back goes out when the input ends or pauses for {@link QUIET_PERIOD_MS}.
 */
export class ParserRunnable<O, C = O> extends Runnable<TextChunk, O, C> {
  readonly name: string;
  readonly aggregation: AggregationSpec<C, O>;
  private readonly spec: ParserSpec<O, C>;
  private readonly scheduler: SchedulerLike;

  constructor(spec: ParserSpec<O, C>, scheduler: SchedulerLike = asyncScheduler) {
    super();
    this.spec = spec;
    this.name = spec.name;
    this.aggregation = spec.aggregation;
    this.scheduler = scheduler;
  }

  /** @internal Called by the runtime. */
  doStream(input: StreamInput<TextChunk>, _ctx: RunContext): Observable<C> {
    const scheduler = this.scheduler;
    return new Observable<C>((subscriber) => {
      const session = this.spec.session();
      const emit = (chunk: C): void => subscriber.next(chunk);
      let inputs = 0; // chunks pushed: a counter, not a clock read per chunk
      let heldSince = 0;
      let quiet: Subscription | undefined;
      const guard = (work: () => void): void => {
        if (subscriber.closed) return;
        try {
          work();
        } catch (e) {
          subscriber.error(e);
        }
      };
      // One timer per quiet period, not per chunk: input during the period means another one.
      const watch = (): void => {
        const seen = inputs;
        quiet = scheduler.schedule(() => {
          if (inputs !== seen && scheduler.now() - heldSince < MAX_HOLD_MS) return watch();
          quiet = undefined;
          guard(() => session.flush?.(emit));
        }, QUIET_PERIOD_MS);
      };
      const subscription = input.chunks.subscribe({
        // No closure per chunk: this runs for every few characters of a long answer.
        next: (chunk) => {
          if (subscriber.closed) return;
          try {
            inputs++;
            session.push(textOf(chunk), emit);
            if (session.held !== true || quiet !== undefined) return;
            heldSince = scheduler.now();
            watch();
          } catch (e) {
            subscriber.error(e);
          }
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () =>
          guard(() => {
            quiet?.unsubscribe();
            session.end(emit);
            subscriber.complete();
          }),
      });
      return () => {
        quiet?.unsubscribe();
        subscription.unsubscribe();
      };
    });
  }
}
