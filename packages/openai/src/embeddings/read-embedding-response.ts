import type { EmbeddingResultV1 } from '@rivulet/provider';
import { type ErrorContext, malformedEvent, previewData, providerError, readErrorBody } from '@rivulet/provider-utils';
import { openAIErrorRules } from '../chat/openai-errors.js';

/**
 * The body of a successful `POST /embeddings`, checked and in input order:
 * OpenAI numbers each vector with `index`, so the vectors are placed by it
 * and every index from 0 must appear once. JSON of any other shape is
 * `malformed_event`; an `{ error }` body sent with a 200 (some compatible
 * servers do) is the server's error, retryable when its code is transient.
 */
export function readEmbeddingResponse(text: string, expected: number, context: ErrorContext): EmbeddingResultV1 {
  const body = parse(text, context);
  if ('error' in body && body['error'] !== null && !('data' in body)) {
    const info = readErrorBody(body);
    throw providerError(context, `the server answered with an error body: ${info.message ?? previewData(text, context)}`, {
      ...(info.code !== undefined && { code: info.code }),
      retryable: info.code !== undefined && (openAIErrorRules.transientCodes?.includes(info.code) ?? false),
    });
  }
  const data = body['data'];
  if (!Array.isArray(data)) throw malformedEvent(context, `an embedding list without data: ${previewData(text, context)}`);
  if (data.length !== expected) throw malformedEvent(context, `${data.length} embeddings for ${expected} texts`);
  const embeddings = new Array<number[] | undefined>(expected);
  for (const item of data as unknown[]) {
    const { index, embedding } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expected || embeddings[index] !== undefined) {
      throw malformedEvent(context, `an embedding with a missing, repeated or out-of-range index (${String(index)})`);
    }
    if (!isVector(embedding)) throw malformedEvent(context, `embedding ${index} is not an array of numbers`);
    embeddings[index] = embedding;
  }
  const usage = readUsage(body['usage']);
  const model = body['model'];
  return {
    embeddings: embeddings as number[][],
    ...(usage !== undefined && { usage }),
    metadata: { ...(typeof model === 'string' && { model }), ...(context.requestId !== undefined && { requestId: context.requestId }) },
  };
}

function parse(text: string, context: ErrorContext): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformedEvent(context, `the body is not JSON: ${previewData(text, context)}`, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformedEvent(context, `expected an embedding list, got ${previewData(text, context)}`);
  return value as Record<string, unknown>;
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'number');
}

/** `prompt_tokens` when the server reports it (compatible servers may not). */
function readUsage(value: unknown): { inputTokens: number } | undefined {
  const tokens = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['prompt_tokens'] : undefined;
  return typeof tokens === 'number' ? { inputTokens: tokens } : undefined;
}
