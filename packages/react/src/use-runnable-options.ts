import type { HeadersOption, ReconnectOptions, RemoteError, WireRunOptions } from '@rivulet/server/client';
import type { PartialValue } from './partial-value.js';

/** Options of `useRunnable`; they may change from one render to the next, and a run uses those of the render before it started. */
export interface UseRunnableOptions<O> {
  /** The value before the first chunk of each run (a placeholder, or what the server rendered). */
  readonly initialValue?: PartialValue<O> | undefined;
  /** Extra request headers, e.g. `Authorization`, or a function giving them per run. */
  readonly headers?: HeadersOption | undefined;
  /** The `fetch` to use; the global one unless told. */
  readonly fetch?: typeof fetch | undefined;
  /** Tags, metadata and run name for the server's run. */
  readonly runOptions?: WireRunOptions | undefined;
  /** How a resumable run (a handler with `resumable`) reconnects after a dropped connection; `false` never does. */
  readonly reconnect?: ReconnectOptions | false | undefined;
  /** Called once when a run finishes, with its output (what `invoke` would have returned), without waiting for the next frame. */
  readonly onFinish?: ((output: O) => void) | undefined;
  /** Called once when a run fails, without waiting for the next frame. */
  readonly onError?: ((error: RemoteError) => void) | undefined;
}
