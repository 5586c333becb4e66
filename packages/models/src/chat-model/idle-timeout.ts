import { asyncScheduler, Observable, type MonoTypeOperatorFunction, type Subscription } from 'rxjs';
import { TimeoutError } from '@rivulet/core';

/**
 * The default `idleTimeout`, in ms: the longest a provider may stay silent,
 * from the request to its first part and between parts, before the call fails
 * with `TimeoutError` (kind `idle`). Generous, for reasoning models that think
 * silently; bounded, so a provider that never answers cannot hang a run.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/**
 * How many checks an idle timeout makes per `ms`: a silence
 * after a value is noticed at most `ms / IDLE_CHECKS_PER_TIMEOUT` late.
 */
export const IDLE_CHECKS_PER_TIMEOUT = 8;

/**
 * Fails with `TimeoutError` (kind `idle`) when the source stays silent for
 * `ms`: from subscription to the first value exactly at `ms`, after a value
 * between `ms` and `ms × (1 + 1/8)` later (never sooner). The source is torn
 * down, which aborts a provider's request and closes its socket. `0` or
 * `Infinity` turns the limit off.
 *
 * A value only bumps a counter. Not rxjs `timeout({ each })`, which re-arms a
 * timer for every value (14 % of a streamed reply's CPU at one part per few
 * characters), nor a clock read per value (about 100 ns on a virtual machine's
 * clock, a tenth of what a part costs end to end). One timer checks the
 * counter every `ms / 8`; a check that finds it unchanged since the last
 * check that saw it move counts the silence from that check (or from the
 * start, before any value).
 * `asyncScheduler` keeps it on virtual time under `TestScheduler.run`.
 */
export function idleTimeout<T>(ms: number = DEFAULT_IDLE_TIMEOUT_MS): MonoTypeOperatorFunction<T> {
  if (ms <= 0 || !Number.isFinite(ms)) return (source) => source;
  return (source) =>
    new Observable<T>((subscriber) => {
      const watch = new IdleWatch(ms, () => subscriber.error(new TimeoutError({ timeoutMs: ms, kind: 'idle' })));
      const subscription = source.subscribe({
        next(value) {
          watch.seen++;
          subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        watch.stop();
        subscription.unsubscribe();
      };
    });
}

/**
 * The timer of {@link idleTimeout}: the owner bumps `seen` for every value
 * and calls `stop()` at the end; `onIdle` runs once the silence reached `ms`.
 */
export class IdleWatch {
  /** Values seen so far; the owner bumps it. */
  seen = 0;
  readonly #ms: number;
  readonly #step: number;
  readonly #onIdle: () => void;
  /** `seen` at the last check. */
  #checked = 0;
  /** Since when no value is known to have come: the start, or the last check that found new values. */
  #quietSince = asyncScheduler.now();
  #timer: Subscription;

  constructor(ms: number, onIdle: () => void) {
    this.#ms = ms;
    this.#step = ms / IDLE_CHECKS_PER_TIMEOUT;
    this.#onIdle = onIdle;
    this.#timer = this.#checkIn(this.#step);
  }

  stop(): void {
    this.#timer.unsubscribe();
  }

  #checkIn(delay: number): Subscription {
    return asyncScheduler.schedule(() => this.#check(), delay);
  }

  /** Notes what came since the last check: fails once the silence reached `ms`, else checks again. */
  #check(): void {
    const now = asyncScheduler.now();
    if (this.seen !== this.#checked) {
      this.#checked = this.seen;
      this.#quietSince = now;
    }
    const quiet = now - this.#quietSince;
    if (quiet >= this.#ms) this.#onIdle();
    else this.#timer = this.#checkIn(Math.min(this.#step, this.#ms - quiet));
  }
}
