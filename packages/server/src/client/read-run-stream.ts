import type { AggregationRule } from '@rivulet/core';
import { QUIET_PERIOD_MS } from '@rivulet/parsers/patch';
import { BrokenStream, SseReader } from '@rivulet/provider-utils/sse';
import { isErrorJSON, RemoteError } from './remote-error.js';
import { RunStreamState } from './run-stream-state.js';
import type { RunStreamItem } from './run-stream-item.js';
import type { StreamMetadata } from './wire-types.js';

/**
 * The items of a `stream` (or `stream_events`) response: the `metadata`
 * event first, then `data` events as chunks and `patch` events applied to a
 * working copy, from which immutable snapshots (sharing every unchanged
 * subtree with the last) are handed out by the parsers' bounded rule, so a
 * stream of any shape costs O(n): a change is never held past a pause of the
 * stream or its end. An `error` event throws a `RemoteError`; `end` finishes.
 * A body that stops or breaks without `end` throws a `RemoteError` named
 * `TruncatedStreamError` (with the last snapshot as `partial`).
 */
export async function* readRunStream<T>(response: Response): AsyncGenerator<RunStreamItem<T>, void> {
  const state = new RunStreamState();
  try {
    yield* readRunEvents<T>(response, state);
  } catch (error) {
    throw error instanceof BrokenStream ? truncatedRun(state) : error;
  }
}

/**
 * The items of one response into `state`, which may already hold what
 * earlier connections to the same run gave (a resumed run): its `metadata`
 * is then not handed out again, and patches apply to the snapshots already
 * rebuilt. Throws `BrokenStream` when the body ends or breaks before `end`.
 */
export async function* readRunEvents<T>(response: Response, state: RunStreamState): AsyncGenerator<RunStreamItem<T>, void> {
  const { slots } = state;
  const reader = response.body === null ? undefined : new SseReader(response.body);
  try {
    if (reader === undefined) throw new BrokenStream(undefined);
    let next = reader.read();
    for (;;) {
      let events = await quietly(next, slots.held);
      if (events === quiet) {
        yield* slots.flush() as RunStreamItem<T>[];
        events = await next;
      }
      if (events === undefined) throw new BrokenStream(undefined);
      for (const message of events) {
        if (message.id !== undefined) {
          state.lastEventId = message.id;
          state.progressed = true;
        }
        switch (message.event) {
          case 'metadata': {
            if (state.metadata !== undefined) break; // a resumed run: known already
            const metadata = JSON.parse(message.data) as StreamMetadata;
            state.metadata = metadata;
            slots.rule = metadata.aggregate as AggregationRule;
            yield { type: 'metadata', ...metadata };
            break;
          }
          case 'data':
            yield { type: 'chunk', value: JSON.parse(message.data) as T };
            break;
          case 'patch': {
            const item = slots.apply(message.data);
            if (item !== undefined) yield item as RunStreamItem<T>;
            break;
          }
          case 'error':
            state.ended = true;
            yield* slots.flush() as RunStreamItem<T>[];
            throw remoteError(message.data);
          case 'end':
            state.ended = true;
            yield* slots.flush() as RunStreamItem<T>[];
            return;
          default:
          // Unknown events are skipped, so a newer server can add some.
        }
      }
      next = reader.read();
    }
  } finally {
    reader?.cancel();
  }
}

/** The error of a run whose connection closed before its end: `TruncatedStreamError` with the last snapshot as `partial`. */
export function truncatedRun(state: RunStreamState, cause?: unknown): RemoteError {
  const reason = cause instanceof Error ? ` Resuming it failed: ${cause.message}` : '';
  const error = new RemoteError({ name: 'TruncatedStreamError', message: `The connection closed before the run ended.${reason}`, partial: state.slots.latest() });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true });
  return error;
}

const quiet: unique symbol = Symbol('quiet');

// The next read, or `quiet` if it takes longer than the quiet period while snapshots are held.
function quietly<T>(next: Promise<T>, held: boolean): Promise<T | typeof quiet> {
  if (!held) return next;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pause = new Promise<typeof quiet>((resolve) => (timer = setTimeout(() => resolve(quiet), QUIET_PERIOD_MS)));
  return Promise.race([next, pause]).finally(() => clearTimeout(timer));
}

function remoteError(data: string): RemoteError {
  const parsed: unknown = JSON.parse(data);
  return new RemoteError(isErrorJSON(parsed) ? parsed : { name: 'RivuletError', message: 'The run failed on the server.' });
}
