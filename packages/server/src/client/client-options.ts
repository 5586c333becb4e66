import type { ReconnectOptions } from './reconnect-options.js';
import type { WireRunOptions } from './wire-types.js';

/** Headers to send: fixed, or computed per request (for tokens that expire). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of every client call. */
export interface ClientOptions {
  /** Aborting it closes the connection, which cancels the run on the server. */
  readonly signal?: AbortSignal | undefined;
  /** Extra request headers, e.g. `Authorization`. */
  readonly headers?: HeadersOption | undefined;
  /** The `fetch` to use; the global one unless told. */
  readonly fetch?: typeof fetch | undefined;
  /** Tags, metadata and run name for the server's run. */
  readonly runOptions?: WireRunOptions | undefined;
  /**
   * How to reconnect when the connection of a resumable run drops (a handler
   * with `resumable`); `false` never does. Runs that are not resumable end
   * with a `TruncatedStreamError` at once, whatever this says.
   */
  readonly reconnect?: ReconnectOptions | false | undefined;
}
