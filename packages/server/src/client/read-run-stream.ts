import { applyPatch, type PatchOperation } from '@rivulet/parsers/patch';
import { BrokenStream, readSse } from './read-sse.js';
import { isErrorJSON, RemoteError } from './remote-error.js';
import type { RunStreamItem } from './run-stream-item.js';

/**
 * The items of a `stream` (or `stream_events`) response: `data` events become
 * chunks; `patch` events are applied to the previous snapshot, giving a new
 * immutable snapshot that shares every unchanged subtree with the last one;
 * an `error` event throws a `RemoteError`; `end` finishes. A body that stops
 * or breaks without `end` throws a `RemoteError` named `TruncatedStreamError`
 * (with the last snapshot as `partial`).
 */
export async function* readRunStream<T>(response: Response): AsyncGenerator<RunStreamItem<T>, void> {
  let snapshot: unknown;
  try {
    if (response.body === null) throw new BrokenStream(undefined);
    for await (const message of readSse(response.body)) {
      switch (message.event) {
        case 'data':
          yield { type: 'chunk', value: JSON.parse(message.data) as T };
          break;
        case 'patch': {
          const ops = JSON.parse(message.data) as PatchOperation[];
          snapshot = applyPatch(snapshot, ops);
          yield { type: 'snapshot', value: snapshot as T, ops };
          break;
        }
        case 'error':
          throw remoteError(message.data);
        case 'end':
          return;
        default:
        // Unknown events are skipped, so a newer server can add some.
      }
    }
    throw new BrokenStream(undefined);
  } catch (error) {
    throw error instanceof BrokenStream ? truncated(snapshot) : error;
  }
}

function remoteError(data: string): RemoteError {
  const parsed: unknown = JSON.parse(data);
  return new RemoteError(isErrorJSON(parsed) ? parsed : { name: 'RivuletError', message: 'The run failed on the server.' });
}

function truncated(partial: unknown): RemoteError {
  return new RemoteError({ name: 'TruncatedStreamError', message: 'The connection closed before the run ended.', partial });
}
