import type { Runnable } from '@rivulet/core';
import type { RouteName } from '../client/wire-types.js';
import { errorToJSON } from '../wire/error-to-json.js';
import { preflightResponse, withCorsHeaders } from './cors.js';
import { handlerSettings, type HandlerOptions, type HandlerSettings } from './handler-options.js';
import { batchRoute, invokeRoute } from './invoke-route.js';
import { errorResponse } from './json-response.js';
import { RejectedRequest } from './rejected-request.js';
import { requireJsonBody } from './require-json-body.js';
import type { Route } from './route.js';
import { routeOf } from './route-of.js';
import { streamEventsRoute, streamRoute } from './stream-route.js';
import { chatRoute } from '../ai-sdk-ui/chat-route.js';
import { resumeRun, stopRun } from '../resumable/resume-route.js';
import { runRouteOf } from '../resumable/run-route-of.js';

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
 * `options` may carry `tags`, `metadata` and `runName`. Bad JSON, an input
 * failing `inputSchema` or options over their limits are answered with
 * `400 { error: { name, message, issues? } }`, an unknown route with `404`,
 * another method with `405`, a body over `maxBodyBytes` or a batch over
 * `maxBatchSize` with `413`, a body not sent as `application/json` with
 * `415`. A client that disconnects cancels its run, unless runs are
 * `resumable`: then `GET …/stream/{runId}` follows a run again after a
 * dropped connection and `POST …/stop/{runId}` stops it. Pages of other
 * origins may call it only as its `cors` option allows.
 *
 * @example
 * ```ts
 * const handler = createHandler(prompt.pipe(model).pipe(structuredParser(Trip)), {
 *   inputSchema: z.object({ destination: z.string() }),
 * });
 * // Hono: app.post('/api/trip/*', (c) => handler(c.req.raw));
 * // Next.js (app/api/trip/[route]/route.ts): export const POST = handler;
 * // node:http: createNodeServer(handler).listen(3000); Express: app.use('/api/trip', toNodeListener(handler));
 * ```
 */
export function createHandler<I, O, C>(runnable: Runnable<I, O, C>, options: HandlerOptions<I> = {}): RequestHandler {
  const settings = handlerSettings(options);
  const routes = new Map<HandlerRoute, Route>([
    ['invoke', invokeRoute(runnable, settings)],
    ['batch', batchRoute(runnable, settings)],
    ['stream', streamRoute(runnable, settings)],
    ['stream_events', streamEventsRoute(runnable, settings)],
  ]);
  if (settings.protocol === 'ai-sdk-ui') routes.set('chat', chatRoute(runnable, settings));
  const { cors } = settings;
  if (cors === undefined) return (request) => answer(request, routes, settings);
  return async (request) => withCorsHeaders(await answer(request, routes, settings), request, cors);
}

/** A route of the handler: the wire protocol's, and `chat` with `protocol: 'ai-sdk-ui'`. */
type HandlerRoute = RouteName | 'chat';
type Routes = ReadonlyMap<HandlerRoute, Route>;

async function answer<I>(request: Request, routes: Routes, settings: HandlerSettings<I>): Promise<Response> {
  const route = routeOf(request.url, new Set(routes.keys()));
  if (route === undefined) {
    const kept = settings.resumable === undefined ? undefined : runRouteOf(request.url);
    if (kept !== undefined) return answerKeptRun(request, kept.route, kept.runId, settings);
    return errorResponse(404, { name: 'NotFoundError', message: `No such route: use ${[...routes.keys()].join(', ')}.` });
  }
  if (request.method === 'OPTIONS' && settings.cors !== undefined) return preflightResponse(request, settings.cors);
  if (request.method !== 'POST') {
    return errorResponse(405, { name: 'MethodNotAllowedError', message: `Use POST for ${route}.` }, { allow: 'POST' });
  }
  try {
    requireJsonBody(request);
    return await (routes.get(route) as Route)(request);
  } catch (error) {
    if (error instanceof RejectedRequest) return errorResponse(error.status, error.error, error.headers);
    return errorResponse(500, errorToJSON(error, settings.debug));
  }
}

// `GET …/stream/{runId}` and `POST …/stop/{runId}` of resumable runs.
async function answerKeptRun<I>(request: Request, route: 'resume' | 'stop', runId: string, settings: HandlerSettings<I>): Promise<Response> {
  const store = settings.resumable as NonNullable<HandlerSettings<I>['resumable']>;
  const method = route === 'resume' ? 'GET' : 'POST';
  if (request.method === 'OPTIONS' && settings.cors !== undefined) return preflightResponse(request, settings.cors, method);
  if (request.method !== method) {
    const path = route === 'resume' ? 'stream/{runId}' : 'stop/{runId}';
    return errorResponse(405, { name: 'MethodNotAllowedError', message: `Use ${method} for ${path}.` }, { allow: method });
  }
  try {
    return route === 'resume' ? await resumeRun(store, runId, request, settings.heartbeatMs) : await stopRun(store, runId);
  } catch (error) {
    if (error instanceof RejectedRequest) return errorResponse(error.status, error.error, error.headers);
    return errorResponse(500, errorToJSON(error, settings.debug));
  }
}
