import type { ErrorJSON } from './wire-types.js';

const marker = Symbol.for('rivulet.server.remote-error');

/**
 * An error the server reported, as the dependency-free client sees it: `name`
 * is the server's error name (`ProviderError`, `InputError`, ...), `data` its
 * public fields. `RemoteRunnable` turns it into the matching typed error.
 *
 * @example
 * ```ts
 * try { for await (const plan of streamRunnable('/api/trip', input)) render(plan); }
 * catch (e) { if (RemoteError.isInstance(e) && e.name === 'ProviderError') showRetry(); }
 * ```
 */
export class RemoteError extends Error {
  private readonly [marker] = true;
  /** The HTTP status, when the error was a non-2xx answer rather than an `error` event. */
  readonly status: number | undefined;
  /** The error as the server sent it: `{ name, message, ...public fields }`. */
  readonly data: ErrorJSON;

  constructor(data: ErrorJSON, status?: number) {
    super(data.message);
    this.name = data.name;
    this.data = data;
    this.status = status;
  }

  /** True for a `RemoteError` from any copy of this package. */
  static isInstance(error: unknown): error is RemoteError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** True when `value` has the `{ name, message }` shape of an error on the wire. */
export function isErrorJSON(value: unknown): value is ErrorJSON {
  if (typeof value !== 'object' || value === null) return false;
  const { name, message } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof message === 'string';
}
