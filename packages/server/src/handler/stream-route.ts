import type { RunOptions, Runnable } from '@rivulet/core';
import { map, type Observable } from 'rxjs';
import { toPatches } from '../patch/to-patches.js';
import { runEvents } from '../sse/run-events.js';
import type { SseEvent } from '../sse/sse-event.js';
import { sseResponse } from '../sse/sse-response.js';
import { aggregatorKind } from '../wire/aggregator-kind.js';
import { eventToJSON } from '../wire/event-to-json.js';
import { toJsonText } from '../wire/to-json-text.js';
import type { HandlerSettings } from './handler-options.js';
import { readRunRequest } from './read-run-request.js';
import type { Route } from './route.js';

/**
 * `POST {base}/stream`: one `data` event per chunk; for a runnable whose
 * chunks are snapshots (structured output), one `patch` event per change
 * instead, so the bytes sent grow with the document, not with its square.
 */
export function streamRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  const patches = aggregatorKind(runnable.aggregator) === 'snapshot';
  return sseRoute(settings, (input, options) => {
    const chunks: Observable<unknown> = runnable.stream(input, options);
    return patches
      ? chunks.pipe(toPatches(), map((ops): SseEvent => ({ event: 'patch', data: JSON.stringify(ops) })))
      : chunks.pipe(map((chunk): SseEvent => ({ event: 'data', data: toJsonText(chunk) })));
  });
}

/** `POST {base}/stream_events`: one `data` event per run event of every nested step. */
export function streamEventsRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return sseRoute(settings, (input, options) =>
    runnable.streamEvents(input, options).pipe(map((event): SseEvent => ({ event: 'data', data: toJsonText(eventToJSON(event, settings.debug)) }))),
  );
}

function sseRoute<I>(settings: HandlerSettings<I>, events: (input: I, options: RunOptions) => Observable<SseEvent>): Route {
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    return sseResponse(runEvents(events(input, options), settings.debug), { heartbeatMs: settings.heartbeatMs, signal: request.signal });
  };
}
