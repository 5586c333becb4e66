import { ProviderError } from '@rivulet/core';
import type { EventSourceMessage } from 'eventsource-parser';
import { fromErrorEvent } from '../errors/from-error-event.js';
import type { ErrorContext } from '../errors/error-context.js';
import type { AnthropicStreamEvent } from './anthropic-stream-event.js';

/**
 * One server-sent event as a stream event. An `error` event throws its
 * `ProviderError` (even when its data is plain text); data that is not JSON,
 * or lacks the fields its type needs, throws a `ProviderError` with code
 * `malformed_event` instead of failing later with a `TypeError`.
 */
export function parseStreamEvent(message: EventSourceMessage, context: ErrorContext): AnthropicStreamEvent {
  const data = parseJson(message.data);
  if (message.event === 'error' || (isRecord(data) && data['type'] === 'error')) throw fromErrorEvent(data ?? message.data, context);
  if (!isRecord(data) || typeof data['type'] !== 'string' || !hasRequiredFields(data)) {
    throw new ProviderError(`${context.provider}: the stream carried a malformed ${message.event ?? 'unnamed'} event.`, {
      provider: context.provider,
      code: 'malformed_event',
      retryable: false,
      ...(context.requestId !== undefined && { requestId: context.requestId }),
    });
  }
  return data as unknown as AnthropicStreamEvent;
}

/** The fields the mapping reads without further checks, per event type; unknown types pass. */
function hasRequiredFields(event: Record<string, unknown>): boolean {
  switch (event['type']) {
    case 'message_start':
      return isRecord(event['message']);
    case 'content_block_start':
      return typeof event['index'] === 'number' && hasType(event['content_block']);
    case 'content_block_delta':
      return typeof event['index'] === 'number' && hasType(event['delta']);
    case 'content_block_stop':
      return typeof event['index'] === 'number';
    case 'message_delta':
      return isRecord(event['delta']);
    default:
      return true;
  }
}

function hasType(value: unknown): boolean {
  return isRecord(value) && typeof value['type'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
