import type { AggregationRule } from '@rivulet/core';

// Types only: the shapes of the wire protocol, shared by the server, RemoteRunnable and the browser client.

/** The routes a handler serves, by the last segment of the request path. */
export type RouteName = 'invoke' | 'batch' | 'stream' | 'stream_events';

/** The run options a client may send; everything else about a run is the server's to decide. */
export interface WireRunOptions {
  readonly tags?: readonly string[] | undefined;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
  readonly runName?: string | undefined;
}

/** Body of `POST {base}/invoke`, `/stream` and `/stream_events`. */
export interface RunRequestBody<I = unknown> {
  readonly input: I;
  readonly options?: WireRunOptions | undefined;
}

/** Body of `POST {base}/batch`. */
export interface BatchRequestBody<I = unknown> {
  readonly inputs: readonly I[];
  readonly options?: WireRunOptions | undefined;
}

/** Answer of `invoke`. */
export interface InvokeResponseBody<O = unknown> {
  readonly output: O;
}

/** Answer of `batch`, in the order of the inputs. */
export interface BatchResponseBody<O = unknown> {
  readonly outputs: readonly O[];
}

/** An error as it crosses the wire: its name, message and public fields; never a stack unless the server runs in debug mode. */
export interface ErrorJSON {
  readonly name: string;
  readonly message: string;
  readonly [field: string]: unknown;
}

/** Body of every non-2xx answer of a handler. */
export interface ErrorResponseBody {
  readonly error: ErrorJSON;
}

/** The SSE event names of `stream` and `stream_events`. */
export type SseEventName = 'metadata' | 'data' | 'patch' | 'error' | 'end';

/** Data of the `metadata` event that opens every stream: the run's id and how its chunks fold (`invoke` = that fold). */
export interface StreamMetadata {
  readonly runId: string;
  readonly aggregate: AggregationRule;
  /**
   * The run is kept by the server and outlives the connection (a handler with
   * `resumable`): its events carry ids, `GET {base}/stream/{runId}` follows it
   * again and `POST {base}/stop/{runId}` stops it.
   */
  readonly resumable?: boolean | undefined;
}
