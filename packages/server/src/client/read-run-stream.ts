import type { AggregationRule } from '@rivulet/core';
import { QUIET_PERIOD_MS } from '@rivulet/parsers/patch';
import { BrokenStream, SseReader } from '@rivulet/provider-utils/sse';
import { isErrorJSON, RemoteError } from './remote-error.js';
import type { RunStreamItem } from './run-stream-item.js';
import { SnapshotSlots } from './snapshot-slots.js';
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
  const slots = new SnapshotSlots();
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
        switch (message.event) {
          case 'metadata': {
            const metadata = JSON.parse(message.data) as StreamMetadata;
            slots.rule = metadata.aggregate as AggregationRule;
            yield { type: 'metadata', runId: metadata.runId, aggregate: metadata.aggregate };
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
            yield* slots.flush() as RunStreamItem<T>[];
            throw remoteError(message.data);
          case 'end':
            yield* slots.flush() as RunStreamItem<T>[];
            return;
          default:
          // Unknown events are skipped, so a newer server can add some.
        }
      }
      next = reader.read();
    }
  } catch (error) {
    throw error instanceof BrokenStream ? truncated(slots.latest()) : error;
  } finally {
    reader?.cancel();
  }
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

function truncated(partial: unknown): RemoteError {
  return new RemoteError({ name: 'TruncatedStreamError', message: 'The connection closed before the run ended.', partial });
}
