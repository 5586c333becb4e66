// The browser client: fetch, ReadableStream and TextDecoder only, no Node built-ins, no RxJS.
export { streamRunnable } from './stream-runnable.js';
export { subscribeRunnable, type StreamCallbacks, type RunHandle } from './subscribe-runnable.js';
export { invokeRunnable } from './invoke-runnable.js';
export { openRunStream } from './open-run-stream.js';
export { resumeRunStream } from './resume-run-stream.js';
export { readRunStream } from './read-run-stream.js';
export type { RunStreamItem } from './run-stream-item.js';
export { RemoteError, isErrorJSON } from './remote-error.js';
export { routeUrl } from './route-url.js';
export type { ClientOptions, HeadersOption } from './client-options.js';
export type { ReconnectOptions } from './reconnect-options.js';
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
} from './wire-types.js';
export type { PatchOperation } from '@rivulet/parsers/patch';
export type { AggregationRule } from '@rivulet/core';
