import { hashEmbedding } from '@rivulet/models/testing';
import type { CreateEmbeddingResponse } from 'openai/resources/embeddings';
import { estimateTokens } from '../estimate-tokens.js';
import type { MockEmbeddingReply } from './mock-embedding-reply.js';

/** What the request asked for, as far as the answer depends on it. */
export interface EmbeddingAsk {
  readonly texts: readonly string[];
  readonly model: string;
  readonly dimensions: number | undefined;
  readonly base64: boolean;
}

/** OpenAI's list answer as the mock writes it: `embedding` is floats, or base64 of little-endian float32 when asked. */
export type MockEmbeddingList = Omit<CreateEmbeddingResponse, 'data' | 'usage'> & {
  data: { object: 'embedding'; index: number; embedding: readonly number[] | string }[];
  usage?: CreateEmbeddingResponse['usage'];
};

/**
 * The body of a successful `POST /v1/embeddings`: one hashed unit vector per
 * input (`hashEmbedding` from `@rivulet/models/testing`, so tests can compute
 * the expected vectors), or the reply's own vectors.
 */
export function buildEmbeddingList(reply: MockEmbeddingReply, ask: EmbeddingAsk): MockEmbeddingList {
  const dimensions = reply.dimensions ?? ask.dimensions ?? 1536;
  const vectors = reply.embeddings ?? ask.texts.map((text) => hashEmbedding(text, dimensions));
  const data = vectors.map((vector, index) => ({
    object: 'embedding' as const,
    index,
    embedding: ask.base64 ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector,
  }));
  const tokens = reply.promptTokens ?? ask.texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  return {
    object: 'list',
    data: reply.reverseOrder === true ? data.reverse() : data,
    model: reply.model ?? ask.model,
    ...(tokens !== false && { usage: { prompt_tokens: tokens, total_tokens: tokens } }),
  };
}
