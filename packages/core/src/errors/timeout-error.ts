import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.timeout');

/** Which limit ran out: the whole run's `timeout`, or a stream's `idleTimeout`. */
export type TimeoutKind = 'run' | 'idle';

/** Options of a {@link TimeoutError}. */
export interface TimeoutErrorOptions extends RivuletErrorOptions {
  readonly timeoutMs: number;
  readonly kind?: TimeoutKind | undefined;
}

/** A run took longer than its `timeout`, or a stream stayed silent longer than its `idleTimeout`. */
export class TimeoutError extends RivuletError {
  private readonly [marker] = true;
  readonly timeoutMs: number;
  readonly kind: TimeoutKind;

  constructor(options: TimeoutErrorOptions, message?: string) {
    const kind = options.kind ?? 'run';
    super(
      message ??
        (kind === 'run'
          ? `The run did not finish within ${options.timeoutMs} ms.`
          : `The stream was silent for more than ${options.timeoutMs} ms.`),
      options,
    );
    this.name = 'TimeoutError';
    this.timeoutMs = options.timeoutMs;
    this.kind = kind;
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs, kind: this.kind };
  }
}
