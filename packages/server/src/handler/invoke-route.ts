import type { Runnable } from '@rivulet/core';
import { errorToJSON } from '../wire/error-to-json.js';
import type { HandlerSettings } from './handler-options.js';
import { errorResponse, jsonResponse } from './json-response.js';
import { readBatchRequest, readRunRequest } from './read-run-request.js';
import type { Route } from './route.js';
import { runBatch } from './run-batch.js';
import { statusOf } from './status-of.js';

/** `POST {base}/invoke`: `{ input, options? }` → `{ output }`. */
export function invokeRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    return answer(() => runnable.invoke(input, { ...options, signal: request.signal }).then((output) => ({ output })), settings.debug);
  };
}

/**
 * `POST {base}/batch`: `{ inputs, options? }` → `{ outputs }`, in order; the
 * first failure fails the batch. At most `maxBatchSize` inputs, run
 * `maxConcurrency` at a time.
 */
export function batchRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return async (request) => {
    const { inputs, options } = await readBatchRequest(request, settings);
    const batchOptions = { ...options, maxConcurrency: settings.maxConcurrency };
    return answer(() => runBatch(runnable, inputs, batchOptions, request.signal).then((outputs) => ({ outputs })), settings.debug);
  };
}

async function answer(run: () => Promise<object>, debug: boolean): Promise<Response> {
  try {
    const body = await run();
    return jsonResponse(200, body);
  } catch (error) {
    return errorResponse(statusOf(error), errorToJSON(error, debug));
  }
}
