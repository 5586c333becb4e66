import type { Message } from '@rivulet/core';
import type { $ZodType } from 'zod/v4/core';
import type { StreamStore } from '../resumable/stream-store.js';
import { corsSettings, type CorsOptions, type CorsSettings } from './cors-options.js';

/**
 * Options of {@link createHandler}. The limits bound what one request can
 * cost the server: how much it sends, how much it makes the server send
 * back, and how many runs it starts.
 */
export interface HandlerOptions<I> {
  /**
   * Validates (and may transform) every input before the run; a failing input
   * is answered with `400` and the zod issues. Any zod 4 schema, `zod/mini` too.
   */
  readonly inputSchema?: $ZodType<I> | undefined;
  /** Largest request body accepted, in bytes; a larger one is answered with `413` without being read. @defaultValue 1 MiB */
  readonly maxBodyBytes?: number | undefined;
  /** Most `tags` a request's `options` may carry; more is a `400`. @defaultValue 32 */
  readonly maxTags?: number | undefined;
  /** Longest tag and longest `runName`, in UTF-8 bytes; longer is a `400`. @defaultValue 256 */
  readonly maxLabelBytes?: number | undefined;
  /** Largest `metadata` of a request's `options`, as JSON text in UTF-8 bytes; larger is a `400`. @defaultValue 16 KiB */
  readonly maxMetadataBytes?: number | undefined;
  /**
   * Most inputs one `batch` request may carry; more is a `413` (the request
   * asks for more work than the server takes at once), answered before any
   * input is validated or run. @defaultValue 100
   */
  readonly maxBatchSize?: number | undefined;
  /**
   * How many runs of one `batch` request are in flight at once (and, as
   * `RunOptions.maxConcurrency`, the limit of batches nested in them). The
   * default keeps one request from holding more model calls at once than a
   * handful of users would, while a full batch of 100 still runs in 13
   * rounds. @defaultValue 8
   */
  readonly maxConcurrency?: number | undefined;
  /** Longest silence on an event stream before a heartbeat comment is sent, in ms. @defaultValue 15000 */
  readonly heartbeatMs?: number | undefined;
  /**
   * Lets pages of other origins call the handler: it answers their CORS
   * preflights and marks its answers readable by them. Without it, the
   * handler answers no preflight (`405`), so browsers let only pages of its
   * own origin call it.
   */
  readonly cors?: CorsOptions | undefined;
  /** Send stacks, causes and the messages of non-Rivulet errors to clients. For development only. @defaultValue false */
  readonly debug?: boolean | undefined;
  /**
   * `'ai-sdk-ui'`: also answer `POST {base}/chat` in the AI SDK's UI message
   * stream protocol, so a `useChat` app (its `DefaultChatTransport`) can use
   * the runnable as its backend: the request's UI messages become the
   * runnable's input, its text, reasoning and tool calls stream back. Only
   * for a runnable that takes a list of messages (a chat model, an agent, a
   * chain starting with one).
   */
  readonly protocol?: ([Message[]] extends [I] ? 'ai-sdk-ui' : never) | undefined;
  /**
   * Makes `stream` runs resumable: each run is kept in this store and
   * outlives its connection. Every event gets an id; a client whose
   * connection dropped reconnects with `GET {base}/stream/{runId}` and
   * `Last-Event-ID`, and gets what it missed as one compact catch-up, then
   * the live events (`RemoteRunnable` and the browser client do it by
   * themselves). A client going away no longer cancels the run: `POST
   * {base}/stop/{runId}` does (the clients send it when their consumer stops
   * reading), or the run's own end. `new InMemoryStreamStore()` for one
   * process, `RedisStreamStore` from `@rivulet/redis` for many. The run id
   * is unguessable, and is what lets a client read or stop a run: treat it
   * like a session token.
   */
  readonly resumable?: StreamStore | undefined;
}

/** The options with their defaults filled in. */
export interface HandlerSettings<I> {
  readonly inputSchema: $ZodType<I> | undefined;
  readonly maxBodyBytes: number;
  readonly maxTags: number;
  readonly maxLabelBytes: number;
  readonly maxMetadataBytes: number;
  readonly maxBatchSize: number;
  readonly maxConcurrency: number;
  readonly heartbeatMs: number;
  readonly cors: CorsSettings | undefined;
  readonly debug: boolean;
  readonly protocol: 'ai-sdk-ui' | undefined;
  readonly resumable: StreamStore | undefined;
}

/** Fills in the defaults; a limit out of its range throws a `TypeError`. */
export function handlerSettings<I>(options: HandlerOptions<I>): HandlerSettings<I> {
  return {
    inputSchema: options.inputSchema,
    maxBodyBytes: limit('maxBodyBytes', options.maxBodyBytes, 1024 * 1024),
    maxTags: limit('maxTags', options.maxTags, 32, 0),
    maxLabelBytes: limit('maxLabelBytes', options.maxLabelBytes, 256),
    maxMetadataBytes: limit('maxMetadataBytes', options.maxMetadataBytes, 16 * 1024),
    maxBatchSize: limit('maxBatchSize', options.maxBatchSize, 100),
    maxConcurrency: limit('maxConcurrency', options.maxConcurrency, 8),
    heartbeatMs: limit('heartbeatMs', options.heartbeatMs, 15_000, 1, 2 ** 31 - 1),
    cors: options.cors === undefined ? undefined : corsSettings(options.cors, options.resumable === undefined ? [] : ['last-event-id']),
    debug: options.debug ?? false,
    protocol: protocolOf(options.protocol),
    resumable: storeOf(options.resumable),
  };
}

function protocolOf(protocol: unknown): 'ai-sdk-ui' | undefined {
  if (protocol === undefined || protocol === 'ai-sdk-ui') return protocol;
  throw new TypeError(`createHandler: protocol must be 'ai-sdk-ui' or absent, not ${JSON.stringify(protocol)}.`);
}

function storeOf(store: StreamStore | undefined): StreamStore | undefined {
  const methods = ['create', 'append', 'finish', 'get', 'read', 'requestStop', 'waitForStop'] as const;
  if (store === undefined || methods.every((method) => typeof store[method] === 'function')) return store;
  throw new TypeError('createHandler: resumable must be a StreamStore (new InMemoryStreamStore(), or RedisStreamStore from @rivulet/redis).');
}

function limit(name: string, value: number | undefined, fallback: number, least = 1, most = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < least || value > most) {
    const range = most === Infinity ? `of at least ${least} (Infinity for no limit)` : `from ${least} to ${most}`;
    throw new TypeError(`createHandler: ${name} must be a number ${range}, not ${String(value)}.`);
  }
  return value;
}
