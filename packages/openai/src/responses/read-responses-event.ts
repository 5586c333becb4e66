import { type ErrorContext, isJsonObject, malformedEvent, parseEventJson, previewData, readErrorBody } from '@rivulet/provider-utils';
import type { ResponsesEvent, ResponsesEventType } from './responses-event.js';
import { responsesEventShapes } from './responses-event-shapes.js';
import { responsesStreamError } from './responses-stream-error.js';

/**
 * One event's data as a Responses streaming event, checked: not JSON, no
 * `type`, or a mapped type with fields of the wrong shape is
 * `malformed_event` (never a `TypeError` deep in the mapper). An `error`
 * event or a `response.failed` is thrown as a `ProviderError` with the
 * server's code. Event types Rivulet does not map give `undefined`.
 */
export function readResponsesEvent(data: string, context: ErrorContext): ResponsesEvent | undefined {
  const value = parseEventJson(data, context);
  if (!isJsonObject(value)) throw malformedEvent(context, `expected an event object, got ${previewData(data, context)}`);
  const type = value['type'];
  // Some servers send a bare `{ "error": {...} }` mid-stream, without a type.
  if (type === 'error' || (type === undefined && isJsonObject(value['error']))) throw errorEvent(value, data, context);
  if (type === 'response.failed') throw failedResponse(value['response'], context);
  if (typeof type !== 'string') throw malformedEvent(context, `an event without a type: ${previewData(data, context)}`);
  if (!isMapped(type)) return undefined;
  if (!responsesEventShapes[type](value)) throw malformedEvent(context, `a ${type} event of the wrong shape: ${previewData(data, context)}`);
  return value as unknown as ResponsesEvent;
}

function isMapped(type: string): type is ResponsesEventType {
  return Object.hasOwn(responsesEventShapes, type);
}

/** OpenAI's `error` event: `code` and `message` at the top, or an `error` object in other servers' dialects. */
function errorEvent(event: Readonly<Record<string, unknown>>, data: string, context: ErrorContext): Error {
  const nested = readErrorBody(event);
  const code = text(event['code']) ?? nested.code;
  const message = text(event['message']) ?? nested.message ?? previewData(data, context);
  return responsesStreamError(context, `error event mid-stream: ${message}`, code);
}

function failedResponse(response: unknown, context: ErrorContext): Error {
  const { code, message } = readErrorBody(isJsonObject(response) ? response : undefined);
  return responsesStreamError(context, `the response failed: ${message ?? 'no reason given'}`, code);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
