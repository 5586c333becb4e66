import { hasMarker } from './has-marker.js';
import { RivuletError, type RivuletErrorOptions } from './rivulet-error.js';

const marker = Symbol.for('rivulet.error.abort');

/**
 * The run was cancelled through `options.signal`. The signal's `reason` is kept
 * as `cause`.
 */
export class AbortError extends RivuletError {
  private readonly [marker] = true;

  constructor(message = 'The run was aborted.', options: RivuletErrorOptions = {}) {
    super(message, options);
    this.name = 'AbortError';
  }

  static override isInstance(error: unknown): error is AbortError {
    return hasMarker(error, marker);
  }
}
