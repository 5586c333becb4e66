import {
  Runnable,
  onWholeInput,
  type Aggregation,
  type AggregationRule,
  type RunContext,
  type RunEvent,
  type RunOptions,
  type RunStream,
  type StreamInput,
} from '@rivulet/core';
import { Observable } from 'rxjs';
import type { ClientOptions } from '../client/client-options.js';
import { openRunStream } from '../client/open-run-stream.js';
import type { WireRunOptions } from '../client/wire-types.js';
import { remoteEvents } from './remote-events.js';
import type { RemoteRunnableOptions } from './remote-runnable-options.js';
import type { RemoteChunk, RemoteInput, RemoteOutput } from './remote-types.js';
import { reviveChunk } from './revive-chunk.js';
import { toRemoteError } from './to-remote-error.js';

/**
 * A `Runnable` backed by a server made with `createHandler`: it composes like
 * any other (`pipe`, `withRetry`, `batch`, `streamEvents`). Every run is one
 * request to the server's `stream` route, so `invoke` is the aggregate of
 * `stream` here too; `batch` is one such run per input, with the usual
 * `maxConcurrency` and `returnExceptions`. Structured output arrives as
 * patches and is rebuilt into immutable snapshots that share unchanged
 * subtrees; a model's message chunks arrive as `AIMessageChunk`s.
 *
 * Failures are the typed errors the server reported (`ProviderError` with its
 * `status`, `InputError` with its `issues`, ...). Aborting the signal,
 * unsubscribing or breaking out of a loop closes the connection, which
 * cancels the run on the server. When the server keeps runs (`resumable`), a
 * dropped connection is resumed by itself, every chunk arriving once (see
 * {@link RemoteRunnableOptions.reconnect}).
 *
 * `streamEvents` gives the local view (this step's own events, nested in a
 * local chain); `streamRemoteEvents` gives the server's, for every step
 * nested in the remote runnable.
 *
 * Chunks fold by the rule the server announces in each stream's `metadata`
 * event, so `invoke` here deep-equals `invoke` on the server for every
 * runnable (keyed `parallel`, message chunks, snapshots, items); see
 * {@link RemoteRunnableOptions.aggregate} to know it before the first run.
 *
 * The types come from the served runnable's type, imported type-only so no
 * server code reaches the client: `RemoteRunnable<typeof tripPlanner>` has its
 * input, output and chunk types. Written out, they are `RemoteRunnable<I, O, C>`
 * (`C` defaults to `O`).
 *
 * @example
 * ```ts
 * import type { tripPlanner } from './server/trip-planner.js';
 *
 * const trip = new RemoteRunnable<typeof tripPlanner>({ url: 'http://localhost:3000/api/trip' });
 * for await (const plan of trip.stream({ destination: 'Lisbon' })) console.log(plan.days?.length);
 * const summary = trip.pipe((plan) => `${plan.days.length} days in ${plan.destination}`);
 * ```
 */
export class RemoteRunnable<I = unknown, O = unknown, C = O> extends Runnable<RemoteInput<I>, RemoteOutput<I, O>, RemoteChunk<I, C>> {
  readonly name: string;
  readonly url: string;
  readonly #options: RemoteRunnableOptions;
  #rule: AggregationRule;

  constructor(options: RemoteRunnableOptions) {
    super();
    this.#options = options;
    this.url = String(options.url);
    this.name = options.name ?? 'RemoteRunnable';
    this.#rule = options.aggregate ?? { kind: 'delta' };
  }

  /** The rule the server announced in its latest stream (or the one declared in the options, until then). */
  get aggregation(): Aggregation<RemoteChunk<I, C>, RemoteOutput<I, O>> {
    return this.#rule;
  }

  doStream(input: StreamInput<RemoteInput<I>>, ctx: RunContext): Observable<RemoteChunk<I, C>> {
    return onWholeInput(input, this.name, (value) => this.#run(value, ctx));
  }

  /**
   * The run events of every step nested in the remote runnable, from the
   * server's `stream_events` route; errors of `error` events are revived as
   * typed errors. Honours `signal`, `tags`, `metadata` and `runName`.
   *
   * @example
   * ```ts
   * for await (const event of trip.streamRemoteEvents({ destination: 'Lisbon' })) console.log(event.type, event.name);
   * ```
   */
  streamRemoteEvents(input: RemoteInput<I>, options: RunOptions = {}): RunStream<RunEvent> {
    return remoteEvents(this.url, input, options, { headers: this.#options.headers, fetch: this.#options.fetch });
  }

  #run(input: RemoteInput<I>, ctx: RunContext): Observable<RemoteChunk<I, C>> {
    return new Observable<RemoteChunk<I, C>>((subscriber) => {
      const controller = new AbortController();
      const abort = (): void => controller.abort(ctx.signal.reason);
      ctx.signal.addEventListener('abort', abort, { once: true });
      const options: ClientOptions = {
        signal: controller.signal,
        headers: this.#options.headers,
        fetch: this.#options.fetch,
        runOptions: runOptionsOf(ctx),
        reconnect: this.#options.reconnect,
      };
      const pump = async (): Promise<void> => {
        for await (const item of openRunStream<unknown>(this.url, input, options)) {
          if (item.type === 'metadata') this.#rule = item.aggregate;
          else subscriber.next((item.type === 'chunk' ? reviveChunk(item.value, this.#rule) : item.value) as RemoteChunk<I, C>);
        }
      };
      pump().then(
        () => subscriber.complete(),
        (error: unknown) => subscriber.error(toRemoteError(error, this.url)),
      );
      return () => {
        ctx.signal.removeEventListener('abort', abort);
        controller.abort(); // closes the connection: the server cancels the run
      };
    });
  }
}

/** The labels of the local run, so the server's traces can be matched with the client's. */
function runOptionsOf(ctx: RunContext): WireRunOptions | undefined {
  const tags = ctx.tags.length > 0 ? ctx.tags : undefined;
  const metadata = Object.keys(ctx.metadata).length > 0 ? ctx.metadata : undefined;
  return tags === undefined && metadata === undefined ? undefined : { tags, metadata };
}
