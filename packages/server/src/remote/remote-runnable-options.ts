import type { HeadersOption } from '../client/client-options.js';
import type { RemoteKind } from './remote-aggregator.js';

/** Options of a {@link RemoteRunnable}. */
export interface RemoteRunnableOptions {
  /** The handler's base URL: `https://host/api/trip` for routes `https://host/api/trip/stream`, ... */
  readonly url: string | URL;
  /** Extra request headers (e.g. `Authorization`), or a function giving them per request. */
  readonly headers?: HeadersOption | undefined;
  /** The `fetch` to use; the global one unless told. */
  readonly fetch?: typeof fetch | undefined;
  /**
   * How the remote runnable's chunks aggregate (for `invoke` and for a next
   * step that needs its input whole). `'delta'` (default): chunks concatenate,
   * as text does; a `patch` event from the server switches to `'snapshot'`.
   * Say `'snapshot'` for structured output if you need `aggregator.kind`
   * right before the first run.
   */
  readonly kind?: RemoteKind | undefined;
  /** The name events carry. @defaultValue `'RemoteRunnable'` */
  readonly name?: string | undefined;
}
