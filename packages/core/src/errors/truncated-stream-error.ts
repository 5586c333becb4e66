import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.truncated-stream');

/** Options of a {@link TruncatedStreamError}. */
export interface TruncatedStreamErrorOptions<P> extends RivuletErrorOptions {
  /** What was received before the stream ended. */
  readonly partial: P;
}

/** The stream ended before the model said it had finished. The partial output is attached. */
export class TruncatedStreamError<P = unknown> extends RivuletError {
  private readonly [marker] = true;
  readonly partial: P;

  constructor(message: string, options: TruncatedStreamErrorOptions<P>) {
    super(message, options);
    this.name = 'TruncatedStreamError';
    this.partial = options.partial;
  }

  static override isInstance(error: unknown): error is TruncatedStreamError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), partial: this.partial };
  }
}
