import { ProviderError } from '@rivulet/core';
import type { EmbeddingResultV1 } from '@rivulet/provider';

/**
 * The vectors of one call, after checking there is exactly one array per
 * text: anything else is a `ProviderError` `malformed_event`, not retryable
 * (the same request would be answered the same way), because mismatched
 * vectors would silently pair texts with the wrong embeddings.
 */
export function checkEmbeddings(result: EmbeddingResultV1, expected: number, provider: string): number[][] {
  const embeddings: unknown = result?.embeddings;
  if (!Array.isArray(embeddings) || embeddings.length !== expected) {
    const got = Array.isArray(embeddings) ? `${embeddings.length} embeddings` : 'no embeddings array';
    throw malformed(provider, `${got} for ${expected} texts`);
  }
  const at = embeddings.findIndex((vector) => !Array.isArray(vector));
  if (at !== -1) throw malformed(provider, `embedding ${at} is not an array of numbers`);
  // The provider's arrays are handed over as they are: copying every vector would cost more than the call.
  return embeddings as number[][];
}

function malformed(provider: string, detail: string): ProviderError {
  return new ProviderError(`${provider}: the response was malformed (${detail}).`, { provider, code: 'malformed_event', retryable: false });
}
