import type { RunOptions } from '@rivulet/core';
import type { HandlerSettings } from './handler-options.js';
import { readJsonObject } from './read-json.js';
import { readRunOptions } from './read-run-options.js';
import { RejectedRequest } from './rejected-request.js';
import { validateInputs } from './validate-input.js';

/** A validated `{ input, options? }` body. */
export interface RunRequest<I> {
  readonly input: I;
  readonly options: RunOptions;
}

/** A validated `{ inputs, options? }` body. */
export interface BatchRequest<I> {
  readonly inputs: I[];
  readonly options: RunOptions;
}

/** Reads the body of `invoke`, `stream` and `stream_events`. */
export async function readRunRequest<I>(request: Request, settings: HandlerSettings<I>): Promise<RunRequest<I>> {
  const body = await readJsonObject(request, settings.maxBodyBytes);
  if (!Object.hasOwn(body, 'input')) throw RejectedRequest.badInput(400, 'The request body must have an "input" field.');
  const options = readRunOptions(body.options, settings);
  const [input] = await validateInputs(settings.inputSchema, [body.input], false);
  return { input: input as I, options };
}

/** Reads the body of `batch`; more than `maxBatchSize` inputs is a `413`. */
export async function readBatchRequest<I>(request: Request, settings: HandlerSettings<I>): Promise<BatchRequest<I>> {
  const body = await readJsonObject(request, settings.maxBodyBytes);
  if (!Array.isArray(body.inputs)) throw RejectedRequest.badInput(400, 'The request body must have an "inputs" array.');
  // Before any input is validated: refusing costs nothing however many were sent.
  if (body.inputs.length > settings.maxBatchSize) {
    throw RejectedRequest.badInput(413, `The batch has ${body.inputs.length} inputs; this server takes at most ${settings.maxBatchSize} per request.`);
  }
  const options = readRunOptions(body.options, settings);
  return { inputs: await validateInputs(settings.inputSchema, body.inputs, true), options };
}
