import { AbortError, RunStream, type RunEvent, type RunOptions } from '@rivulet/core';
import type { ClientOptions } from '../client/client-options.js';
import { openRunStream } from '../client/open-run-stream.js';
import { reviveEvent } from './revive-event.js';
import { toRemoteError } from './to-remote-error.js';

/**
 * The run events of a remote run, from the server's `stream_events` route,
 * as the served runnable's `streamEvents` gives them (snapshot chunks rebuilt
 * from their patches, errors revived as typed errors).
 * `options.signal` aborts it (ending it with `AbortError`); its `tags`,
 * `metadata` and `runName` are sent for the server's run.
 */
export function remoteEvents(url: string, input: unknown, options: RunOptions, client: ClientOptions): RunStream<RunEvent> {
  return new RunStream<RunEvent>((subscriber) => {
    const controller = new AbortController();
    const outer = options.signal;
    const abort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) abort();
    else outer?.addEventListener('abort', abort, { once: true });
    const runOptions = { tags: options.tags, metadata: options.metadata, runName: options.runName };
    const pump = async (): Promise<void> => {
      for await (const item of openRunStream(url, input, { ...client, signal: controller.signal, runOptions }, 'stream_events')) {
        if (item.type === 'chunk') subscriber.next(reviveEvent(item.value));
      }
    };
    pump().then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(outer?.aborted ? new AbortError('The remote run was aborted.', { cause: outer.reason }) : toRemoteError(error, url)),
    );
    return () => {
      outer?.removeEventListener('abort', abort);
      controller.abort();
    };
  });
}
