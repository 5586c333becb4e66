import { type ErrorContext, isAbsentOr, malformedEvent, parseEventJson, previewData, providerError, readErrorBody } from '@rivulet/provider-utils';
import type { CompatibleChunk } from './openai-chunk-mapper.js';
import { openAIErrorRules } from './openai-errors.js';

/**
 * One event's data as a Chat Completions chunk, checked: JSON of the wrong
 * shape is `malformed_event` (never a `TypeError` deep in a mapper); an
 * `{ error }` object, which servers send mid-stream, is a `ProviderError`
 * with its code (retryable when the code is transient).
 */
export function readChatChunk(data: string, context: ErrorContext): CompatibleChunk {
  const value = parseEventJson(data, context);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformedEvent(context, `expected a chunk object, got ${previewData(data, context)}`);
  const chunk = value as Record<string, unknown>;
  if ('error' in chunk && chunk['error'] !== null && !('choices' in chunk)) {
    const info = readErrorBody(chunk);
    return fail(context, info.message ?? previewData(data, context), info.code);
  }
  if (!Array.isArray(chunk['choices'])) throw malformedEvent(context, `a chunk without a choices list: ${previewData(data, context)}`);
  // Perplexity's sources are typed in `OpenAIChatMetadata`, so their shape is checked like the rest.
  if (!isAbsentOrListOf(chunk['citations'], (url) => typeof url === 'string')) throw malformedEvent(context, `citations that are not a list of strings: ${previewData(data, context)}`);
  if (!isAbsentOrListOf(chunk['search_results'], isSearchResult)) throw malformedEvent(context, `search_results of the wrong shape: ${previewData(data, context)}`);
  for (const choice of chunk['choices'] as unknown[]) {
    if (!isChoice(choice)) throw malformedEvent(context, `a choice of the wrong shape: ${previewData(data, context)}`);
  }
  return value as CompatibleChunk;
}

function fail(context: ErrorContext, message: string, code: string | undefined): never {
  throw providerError(context, `error event mid-stream: ${message}`, {
    ...(code !== undefined && { code }),
    retryable: code !== undefined && (openAIErrorRules.transientCodes?.includes(code) ?? false),
  });
}

function isChoice(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const choice = value as Record<string, unknown>;
  if (choice['index'] !== undefined && typeof choice['index'] !== 'number') return false;
  const delta = choice['delta'];
  if (delta === undefined || delta === null) return true;
  if (typeof delta !== 'object') return false;
  const fields = delta as Record<string, unknown>;
  return (
    isAbsentOr(fields['content'], 'string') &&
    isAbsentOr(fields['reasoning_content'], 'string') &&
    (fields['tool_calls'] === undefined || fields['tool_calls'] === null || (Array.isArray(fields['tool_calls']) && fields['tool_calls'].every(isToolCall)))
  );
}

function isToolCall(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const call = value as Record<string, unknown>;
  const fn = call['function'];
  return (
    (call['index'] === undefined || typeof call['index'] === 'number') &&
    isAbsentOr(call['id'], 'string') &&
    (fn === undefined || fn === null || (typeof fn === 'object' && isAbsentOr((fn as Record<string, unknown>)['name'], 'string') && isAbsentOr((fn as Record<string, unknown>)['arguments'], 'string')))
  );
}

function isAbsentOrListOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.every(isItem));
}

function isSearchResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const result = value as Record<string, unknown>;
  return (
    typeof result['title'] === 'string' &&
    typeof result['url'] === 'string' &&
    isAbsentOr(result['date'], 'string') &&
    isAbsentOr(result['last_updated'], 'string') &&
    isAbsentOr(result['snippet'], 'string')
  );
}
