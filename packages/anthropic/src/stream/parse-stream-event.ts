import { type ErrorContext, isAbsentOr, isJsonObject, malformedEvent, previewData } from '@rivulet/provider-utils';
import { fromErrorEvent } from '../errors/from-error-event.js';
import type { AnthropicStreamEvent } from './anthropic-stream-event.js';

/** A server-sent event as provider-utils' `readServerSentEvents` yields it. */
export interface ServerSentEvent {
  readonly event?: string | undefined;
  readonly data: string;
}

/**
 * One server-sent event as a stream event, checked. An `error` event throws
 * its `ProviderError` (even when its data is plain text); data that is not
 * JSON, or whose fields the mapping reads have the wrong type, throws
 * `malformed_event` (not retryable) instead of failing later with a
 * `TypeError` or putting a number where text belongs.
 */
export function parseStreamEvent(message: ServerSentEvent, context: ErrorContext): AnthropicStreamEvent {
  const data = parseJson(message.data);
  if (message.event === 'error' || (isJsonObject(data) && data['type'] === 'error')) throw fromErrorEvent(data ?? message.data, context);
  if (data === undefined) throw malformedEvent(context, `a ${message.event ?? 'unnamed'} event whose data is not JSON: ${previewData(message.data, context)}`);
  if (!isJsonObject(data) || typeof data['type'] !== 'string' || !hasWellTypedFields(data)) {
    throw malformedEvent(context, `a ${message.event ?? 'unnamed'} event of the wrong shape: ${previewData(message.data, context)}`);
  }
  return data as unknown as AnthropicStreamEvent;
}

/** The fields the mapping reads, per event type, of the types it expects; unknown event types pass. */
function hasWellTypedFields(event: Record<string, unknown>): boolean {
  switch (event['type']) {
    case 'message_start': {
      const message = event['message'];
      return isJsonObject(message) && isAbsentOr(message['id'], 'string') && isAbsentOr(message['model'], 'string') && isUsage(message['usage']);
    }
    case 'content_block_start':
      return typeof event['index'] === 'number' && isContentBlock(event['content_block']);
    case 'content_block_delta':
      return typeof event['index'] === 'number' && isDelta(event['delta']);
    case 'content_block_stop':
      return typeof event['index'] === 'number';
    case 'message_delta': {
      const delta = event['delta'];
      return isJsonObject(delta) && isAbsentOr(delta['stop_reason'], 'string') && isAbsentOr(delta['stop_sequence'], 'string') && isUsage(event['usage']);
    }
    default:
      return true;
  }
}

function isContentBlock(value: unknown): boolean {
  if (!isJsonObject(value) || typeof value['type'] !== 'string') return false;
  return isAbsentOr(value['text'], 'string') && isAbsentOr(value['thinking'], 'string') && isAbsentOr(value['id'], 'string') && isAbsentOr(value['name'], 'string');
}

function isDelta(value: unknown): boolean {
  if (!isJsonObject(value) || typeof value['type'] !== 'string') return false;
  return isAbsentOr(value['text'], 'string') && isAbsentOr(value['thinking'], 'string') && isAbsentOr(value['partial_json'], 'string');
}

function isUsage(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isJsonObject(value)) return false;
  return ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'].every((key) => isAbsentOr(value[key], 'number'));
}

/** Absent, null, or of `type`. */


function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
