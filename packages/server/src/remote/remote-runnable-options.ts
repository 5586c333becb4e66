import type { HeadersOption } from '../client/client-options.js';
import type { ReconnectOptions } from '../client/reconnect-options.js';
import type { AggregationRule } from '@rivulet/core';

/** Options of a {@link RemoteRunnable}. */
export interface RemoteRunnableOptions {
  /** The handler's base URL: `https://host/api/trip` for routes `https://host/api/trip/stream`, ... */
  readonly url: string | URL;
  /** Extra request headers (e.g. `Authorization`), or a function giving them per request. */
  readonly headers?: HeadersOption | undefined;
  /** The `fetch` to use; the global one unless told. */
  readonly fetch?: typeof fetch | undefined;
  /**
   * How the remote runnable's chunks fold, for code that reads
   * `outputAggregation()` before the first run. Each stream's `metadata`
   * event tells the client the server's rule, which then applies.
   */
  readonly aggregate?: AggregationRule | undefined;
  /**
   * How to reconnect when the connection of a resumable run drops (the
   * handler has `resumable`): the stream goes on where it was, every chunk
   * seen once. `false` never reconnects.
   */
  readonly reconnect?: ReconnectOptions | false | undefined;
  /** The name events carry. @defaultValue `'RemoteRunnable'` */
  readonly name?: string | undefined;
}
