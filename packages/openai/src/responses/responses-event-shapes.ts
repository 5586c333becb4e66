import { isJsonObject } from '@rivulet/provider-utils';
import type { ResponsesEventType } from './responses-event.js';

type Fields = Readonly<Record<string, unknown>>;

/**
 * One check per mapped event type: the fields the mapper reads have the types
 * it expects. An event type missing here is not mapped (and not checked).
 */
export const responsesEventShapes: Readonly<Record<ResponsesEventType, (event: Fields) => boolean>> = {
  'response.created': (event) => isEnvelope(event['response']),
  'response.completed': (event) => isEnvelope(event['response']),
  'response.incomplete': (event) => isEnvelope(event['response']),
  'response.output_text.delta': isDelta,
  'response.refusal.delta': isDelta,
  'response.reasoning_summary_text.delta': isDelta,
  'response.reasoning_text.delta': isDelta,
  'response.output_item.added': (event) => hasPosition(event) && isOutputItem(event['item']),
  'response.output_item.done': (event) => hasPosition(event) && isOutputItem(event['item']),
  'response.function_call_arguments.delta': (event) => isDelta(event) && locatesItem(event),
  'response.function_call_arguments.done': (event) => typeof event['arguments'] === 'string' && hasPosition(event) && locatesItem(event),
};


function isDelta(event: Fields): boolean {
  return typeof event['delta'] === 'string' && hasPosition(event);
}

function hasPosition(event: Fields): boolean {
  return (
    optional(event['item_id'], 'string') &&
    optional(event['output_index'], 'number') &&
    optional(event['summary_index'], 'number') &&
    optional(event['content_index'], 'number')
  );
}

/** A function call's fragments must say which call they belong to. */
function locatesItem(event: Fields): boolean {
  return typeof event['item_id'] === 'string' || typeof event['output_index'] === 'number';
}

function isOutputItem(value: unknown): boolean {
  if (!isJsonObject(value) || typeof value['type'] !== 'string' || !optional(value['id'], 'string')) return false;
  if (value['type'] !== 'function_call') return true;
  return typeof value['call_id'] === 'string' && typeof value['name'] === 'string' && optional(value['arguments'], 'string');
}

function isEnvelope(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const output = value['output'];
  const details = value['incomplete_details'];
  return (
    optional(value['id'], 'string') &&
    optional(value['model'], 'string') &&
    optional(value['status'], 'string') &&
    (output === undefined || output === null || (Array.isArray(output) && output.every(isOutputItem))) &&
    (details === undefined || details === null || (isJsonObject(details) && optional(details['reason'], 'string'))) &&
    isUsage(value['usage'])
  );
}

function isUsage(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isJsonObject(value) || typeof value['input_tokens'] !== 'number' || typeof value['output_tokens'] !== 'number') return false;
  const input = value['input_tokens_details'];
  const output = value['output_tokens_details'];
  return (
    optional(value['total_tokens'], 'number') &&
    (input === undefined || input === null || (isJsonObject(input) && optional(input['cached_tokens'], 'number'))) &&
    (output === undefined || output === null || (isJsonObject(output) && optional(output['reasoning_tokens'], 'number')))
  );
}

/** `value` is absent (undefined or null) or of type `type`. */
function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || value === null || typeof value === type;
}
