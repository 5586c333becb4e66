import type { Runnable } from '@rivulet/core';
import type { RouteName } from '../client/wire-types.js';
import { errorToJSON } from '../wire/error-to-json.js';
import { handlerSettings, type HandlerOptions } from './handler-options.js';
import { batchRoute, invokeRoute } from './invoke-route.js';
import { errorResponse } from './json-response.js';
import { RejectedRequest } from './rejected-request.js';
import type { Route } from './route.js';
import { routeOf } from './route-of.js';
import { streamEventsRoute, streamRoute } from './stream-route.js';

/** A Web-standard request handler, as Hono, Next.js route handlers, Bun, Deno and edge runtimes take it. */
export type RequestHandler = (request: Request) => Promise<Response>;

/**
 * Serves `runnable` over HTTP, on the Web-standard `Request`/`Response` API.
 * It routes on the last path segment, so it mounts under any prefix:
 *
 * - `POST …/invoke` `{ input, options? }` → `{ output }`
 * - `POST …/batch` `{ inputs, options? }` → `{ outputs }`
 * - `POST …/stream` → `text/event-stream`: `data` events (one JSON chunk each),
 *   or `patch` events (JSON Patch arrays) for a runnable that emits snapshots,
 *   then `error` if the run failed, then `end`
 * - `POST …/stream_events` → the same framing, one run event per `data` event
 *
 * `options` may carry `tags`, `metadata` and `runName`. Bad JSON or an input
 * failing `inputSchema` is answered with `400 { error: { name, message, issues? } }`,
 * an unknown route with `404`, another method with `405`, a body over
 * `maxBodyBytes` with `413`. A client that disconnects cancels its run.
 *
 * @example
 * ```ts
 * const handler = createHandler(prompt.pipe(model).pipe(structuredParser(Trip)), {
 *   inputSchema: z.object({ destination: z.string() }),
 * });
 * // Hono: app.post('/api/trip/*', (c) => handler(c.req.raw));
 * // Next.js (app/api/trip/[route]/route.ts): export const POST = handler;
 * // node:http or Express: createServer(toNodeListener(handler));
 * ```
 */
export function createHandler<I, O, C>(runnable: Runnable<I, O, C>, options: HandlerOptions<I> = {}): RequestHandler {
  const settings = handlerSettings(options);
  const routes: Readonly<Record<RouteName, Route>> = {
    invoke: invokeRoute(runnable, settings),
    batch: batchRoute(runnable, settings),
    stream: streamRoute(runnable, settings),
    stream_events: streamEventsRoute(runnable, settings),
  };
  return async (request) => {
    const route = routeOf(request.url);
    if (route === undefined) {
      return errorResponse(404, { name: 'NotFoundError', message: 'No such route: use invoke, batch, stream or stream_events.' });
    }
    if (request.method !== 'POST') {
      return errorResponse(405, { name: 'MethodNotAllowedError', message: `Use POST for ${route}.` }, { allow: 'POST' });
    }
    try {
      return await routes[route](request);
    } catch (error) {
      if (error instanceof RejectedRequest) return errorResponse(error.status, error.error, error.headers);
      return errorResponse(500, errorToJSON(error, settings.debug));
    }
  };
}
