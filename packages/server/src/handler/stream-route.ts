import type { AggregationRule, RunOptions, Runnable } from '@rivulet/core';
import { concat, of, type Observable } from 'rxjs';
import { formatSseEvent } from '../sse/sse-event.js';
import { sseResponse } from '../sse/sse-response.js';
import { WireEncoder } from '../wire/wire-encoder.js';
import { startResumableRun } from '../resumable/start-resumable-run.js';
import { storedRunResponse } from '../resumable/stored-run-response.js';
import type { HandlerSettings } from './handler-options.js';
import { readRunRequest } from './read-run-request.js';
import type { Route } from './route.js';
import { endEvent, errorEvent, mergeRunItems, metadataEvent, runItemEvents, runItems, type RunItem } from './run-items.js';
import { streamEventsSource } from './stream-events-source.js';

/**
 * `POST {base}/stream`: a `metadata` event (`{ runId, aggregate }`, the rule
 * the chunks fold by), then the chunks (`data`, or `patch` for snapshot
 * values), then `error` if the run failed, then `end`. With a `resumable`
 * store, the run outlives the connection: its events are kept in the store
 * and the response reads them from there, as `GET {base}/stream/{runId}`
 * does after a dropped connection.
 */
export function streamRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  const chunks = (input: I, options: RunOptions): Observable<unknown> => runnable.stream(input, options);
  const { resumable } = settings;
  if (resumable === undefined) return sseRoute(settings, () => runnable.outputAggregation(), chunks);
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    const rule = runnable.outputAggregation();
    const run = await startResumableRun(resumable, rule, (signal) => chunks(input, { ...options, signal }), settings.debug);
    return storedRunResponse(resumable, run, { after: 0, rule, heartbeatMs: settings.heartbeatMs, signal: request.signal });
  };
}

/**
 * `POST {base}/stream_events`: the same framing, one `data` event per run
 * event of every nested step, each step's name, tags and metadata sent on
 * its first event only, and the chunks of snapshot steps as patches from
 * the step's previous chunk sent (see `EventEncoder`): neither the request's
 * metadata nor a growing document is copied into every event. A client that
 * keeps up gets every event; one that falls far behind (see
 * `streamEventsSource`) gets fewer chunk events, a run's consecutive waiting
 * chunks merged by its rule, and each run's chunks still fold to the same
 * value: a step streaming alone costs such a client about its output, not
 * its number of chunks. Chunks of different runs never merge nor change
 * order, so runs whose chunks alternate (a model and the parser after it,
 * two parallel steps) merge only where one emits several in a row, and
 * what waits grows with the others. Not resumable: the run ends with its
 * connection.
 */
export function streamEventsRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    return sseResponse(streamEventsSource(runnable.streamEvents(input, options), settings.debug), { heartbeatMs: settings.heartbeatMs, signal: request.signal });
  };
}

function sseRoute<I>(settings: HandlerSettings<I>, aggregation: () => AggregationRule, chunks: (input: I, options: RunOptions) => Observable<unknown>): Route {
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    const rule = aggregation();
    const encoder = new WireEncoder(rule);
    return sseResponse<RunItem>(
      {
        items: concat(of<RunItem>({ event: metadataEvent(rule) }), runItems(chunks(input, options), settings.debug)),
        merge: mergeRunItems(rule),
        format: (item) => runItemEvents(item, encoder).map(formatSseEvent).join(''),
        // A chunk that cannot be serialized ends the stream as a failed run would.
        failure: (error) => formatSseEvent(errorEvent(error, settings.debug)) + formatSseEvent(endEvent),
      },
      { heartbeatMs: settings.heartbeatMs, signal: request.signal },
    );
  };
}
