import type { AggregationRule } from '@rivulet/core';
import type { StreamMetadata } from '../client/wire-types.js';
import { errorResponse, jsonResponse } from '../handler/json-response.js';
import { RejectedRequest } from '../handler/rejected-request.js';
import { storedRunResponse } from './stored-run-response.js';
import type { StreamStore } from './stream-store.js';

/**
 * `GET {base}/stream/{runId}`: the run kept in `store`, from where the
 * client's `Last-Event-ID` header says it is (none: from the start), as one
 * compact catch-up then live events. `404` for a run unknown or expired,
 * `400` for a `Last-Event-ID` that is no event id.
 */
export async function resumeRun(store: StreamStore, runId: string, request: Request, heartbeatMs: number): Promise<Response> {
  const after = lastEventIdOf(request);
  const info = await store.get(runId);
  if (info === undefined) return notFound(runId);
  const { aggregate } = JSON.parse(info.metadata) as StreamMetadata;
  return storedRunResponse(store, { runId, metadata: info.metadata }, { after, rule: aggregate as AggregationRule, heartbeatMs, signal: request.signal });
}

/**
 * `POST {base}/stop/{runId}`: asks the process running the run (any
 * process sharing `store`) to cancel it; `{ stopped: true }` when it was
 * running, `{ stopped: false }` when it had finished already; `404` for a
 * run unknown or expired.
 */
export async function stopRun(store: StreamStore, runId: string): Promise<Response> {
  if ((await store.get(runId)) === undefined) return notFound(runId);
  return jsonResponse(200, { stopped: await store.requestStop(runId) });
}

function notFound(runId: string): Response {
  return errorResponse(404, { name: 'NotFoundError', message: `No run ${JSON.stringify(runId)}: it never existed here or it expired.` });
}

function lastEventIdOf(request: Request): number {
  const header = request.headers.get('last-event-id');
  if (header === null || header === '') return 0;
  if (!/^\d{1,15}$/.test(header)) throw RejectedRequest.badInput(400, `Last-Event-ID must be an event id of this stream (a whole number), not ${JSON.stringify(header.slice(0, 40))}.`);
  return Number(header);
}
