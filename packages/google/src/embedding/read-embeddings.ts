import type { EmbedContentResponse } from '@google/genai';
import type { EmbeddingResultV1 } from '@rivulet/provider';
import { providerError, type ErrorContext } from '@rivulet/provider-utils';

/**
 * The vectors of an `embedContent` response, checked: one list of numbers per
 * text asked for, else `ProviderError` code `malformed_event` (not
 * retryable). Usage is the prompt token count, when Google reports it.
 */
export function readEmbeddings(response: EmbedContentResponse, expected: number, context: ErrorContext): EmbeddingResultV1 {
  const list: unknown = response.embeddings;
  const embeddings = Array.isArray(list) ? (list as unknown[]).map(vectorOf) : [];
  if (!Array.isArray(list) || embeddings.length !== expected || embeddings.some((vector) => vector === undefined)) {
    throw providerError(context, `expected ${expected} embeddings, the response had ${describe(list)}.`, { code: 'malformed_event', retryable: false });
  }
  const inputTokens = (response.usageMetadata as { promptTokenCount?: unknown } | undefined)?.promptTokenCount;
  return {
    embeddings: embeddings as number[][],
    ...(typeof inputTokens === 'number' && { usage: { inputTokens } }),
    ...(context.requestId !== undefined && { metadata: { requestId: context.requestId } }),
  };
}

function vectorOf(embedding: unknown): number[] | undefined {
  const values = (embedding as { values?: unknown } | null)?.values;
  return Array.isArray(values) && values.every((value) => typeof value === 'number') ? (values as number[]) : undefined;
}

function describe(list: unknown): string {
  if (!Array.isArray(list)) return 'none';
  return `${list.length}${list.every((item) => vectorOf(item) !== undefined) ? '' : ', not all of them lists of numbers'}`;
}
