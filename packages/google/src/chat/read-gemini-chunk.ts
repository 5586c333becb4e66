import { type ErrorContext, isJsonObject, malformedEvent, parseEventJson, previewData, providerError, readErrorBody } from '@rivulet/provider-utils';
import { googleErrorRules } from '../shared/google-error-rules.js';
import type { GeminiChunk } from './gemini-chunk.js';

/**
 * One event's data as a Gemini chunk, checked: JSON of the wrong shape is
 * `malformed_event` (never a `TypeError` deep in the mapper); an
 * `{ error: { code, message, status } }` object, which Google sends when a
 * stream fails after it started, is a `ProviderError` with the status as its
 * code (retryable when transient, though a stream already under way is never
 * retried).
 */
export function readGeminiChunk(data: string, context: ErrorContext): GeminiChunk {
  const value = parseEventJson(data, context);
  if (!isJsonObject(value)) throw malformedEvent(context, `expected a GenerateContentResponse object, got ${previewData(data, context)}`);
  if (value['error'] !== undefined && value['candidates'] === undefined) {
    const info = readErrorBody(value);
    throw providerError(context, `error event mid-stream: ${info.code === undefined ? '' : `${info.code}: `}${info.message ?? previewData(data, context)}`, {
      ...(info.code !== undefined && { code: info.code }),
      retryable: info.code !== undefined && (googleErrorRules.transientCodes?.includes(info.code) ?? false),
    });
  }
  const problem = shapeProblem(value);
  if (problem !== undefined) throw malformedEvent(context, `${problem}: ${previewData(data, context)}`);
  return value as GeminiChunk;
}

const USAGE_COUNTS = ['promptTokenCount', 'candidatesTokenCount', 'thoughtsTokenCount', 'cachedContentTokenCount', 'toolUsePromptTokenCount', 'totalTokenCount'];

function shapeProblem(chunk: Record<string, unknown>): string | undefined {
  const { candidates, usageMetadata, promptFeedback } = chunk;
  // Every field is optional, but a chunk that says none of these is not Gemini's.
  if (candidates === undefined && usageMetadata === undefined && promptFeedback === undefined) return 'a chunk with no candidates, usageMetadata or promptFeedback';
  if (candidates !== undefined && !Array.isArray(candidates)) return 'candidates is not a list';
  for (const candidate of (candidates ?? []) as unknown[]) {
    const problem = candidateProblem(candidate);
    if (problem !== undefined) return problem;
  }
  if (usageMetadata !== undefined && !(isJsonObject(usageMetadata) && USAGE_COUNTS.every((name) => isOptional(usageMetadata[name], 'number')))) {
    return 'usageMetadata of the wrong shape';
  }
  if (promptFeedback !== undefined && !(isJsonObject(promptFeedback) && isOptional(promptFeedback['blockReason'], 'string'))) return 'promptFeedback of the wrong shape';
  if (!isOptional(chunk['modelVersion'], 'string') || !isOptional(chunk['responseId'], 'string')) return 'modelVersion or responseId is not a string';
  return undefined;
}

function candidateProblem(candidate: unknown): string | undefined {
  if (!isJsonObject(candidate)) return 'a candidate that is not an object';
  if (!isOptional(candidate['index'], 'number') || !isOptional(candidate['finishReason'], 'string') || !isOptional(candidate['finishMessage'], 'string')) {
    return 'a candidate of the wrong shape';
  }
  const content = candidate['content'];
  if (content === undefined) return undefined;
  if (!isJsonObject(content)) return 'a candidate content that is not an object';
  const parts = content['parts'];
  if (parts === undefined) return undefined;
  if (!Array.isArray(parts)) return 'content parts that are not a list';
  return (parts as unknown[]).every(isPart) ? undefined : 'a content part of the wrong shape';
}

function isPart(part: unknown): boolean {
  if (!isJsonObject(part)) return false;
  if (!isOptional(part['text'], 'string') || !isOptional(part['thought'], 'boolean') || !isOptional(part['thoughtSignature'], 'string')) return false;
  const call = part['functionCall'];
  return call === undefined || (isJsonObject(call) && typeof call['name'] === 'string' && isOptional(call['id'], 'string') && (call['args'] === undefined || isJsonObject(call['args'])));
}

// Stricter than provider-utils' `isAbsentOr`: Gemini leaves fields out and never sends them as null.
function isOptional(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || typeof value === type;
}
