import { hasMarker } from './has-marker.js';

const rivuletMarker = Symbol.for('rivulet.error');

/** Options every Rivulet error accepts. */
export interface RivuletErrorOptions {
  /** The underlying error, kept for debugging (never serialized to clients). */
  readonly cause?: unknown | undefined;
}

/**
 * Base class of every error Rivulet throws.
 *
 * `instanceof` fails when two copies of a package are installed, so each error
 * class carries a `Symbol.for` marker and a static `isInstance` that checks it.
 *
 * @example
 * ```ts
 * try { await chain.invoke(input); }
 * catch (e) { if (RivuletError.isInstance(e)) console.error(e.name, e.message); }
 * ```
 */
export class RivuletError extends Error {
  private readonly [rivuletMarker] = true;

  constructor(message: string, options: RivuletErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RivuletError';
  }

  /** True when `error` is a `RivuletError` from any copy of `@rivulet/core`. */
  static isInstance(error: unknown): error is RivuletError {
    return hasMarker(error, rivuletMarker);
  }

  /**
   * The fields a client may see: name, message and the error's own public data.
   * Never the stack or the cause, which may hold secrets such as request headers.
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}
