// serving
export { createHandler, type RequestHandler } from './handler/create-handler.js';
export type { HandlerOptions } from './handler/handler-options.js';
export type { CorsOptions } from './handler/cors-options.js';
export { toNodeListener, type NodeListener } from './node/to-node-listener.js';
export type { NodeListenerOptions } from './node/node-listener-options.js';
export { createNodeServer, nodeServerTimeouts, type NodeServerOptions } from './node/create-node-server.js';
export { diffSnapshots } from './patch/diff-snapshots.js';
export { toPatches } from './patch/to-patches.js';

// calling
export { RemoteRunnable } from './remote/remote-runnable.js';
export type { RemoteRunnableOptions } from './remote/remote-runnable-options.js';
export type { ReconnectOptions } from './client/reconnect-options.js';
export { reviveError } from './remote/revive-error.js';

// the wire, shared with the browser client
export { RemoteError } from './client/remote-error.js';
export type {
  RouteName,
  WireRunOptions,
  RunRequestBody,
  BatchRequestBody,
  InvokeResponseBody,
  BatchResponseBody,
  ErrorJSON,
  ErrorResponseBody,
  SseEventName,
  StreamMetadata,
} from './client/wire-types.js';
export type { WireRunEvent, WireChunkData } from './client/wire-run-event.js';

// resumable streams: where their events are kept (RedisStreamStore in @rivulet/redis)
export type { StreamStore, StoredStreamEvent, StreamRunInfo, StreamReadOptions } from './resumable/stream-store.js';
export { InMemoryStreamStore, type InMemoryStreamStoreOptions } from './resumable/in-memory-stream-store.js';
