import type { FaultSchedule, RecordedRequest, Script } from '@rivulet/provider-utils/testing';
import type { EmbeddingCreateParams } from 'openai/resources/embeddings';
import type { MockErrorBody } from '../mock-faults.js';

/**
 * One scripted answer of the mock server's `POST /v1/embeddings`: vectors
 * from a hash of each input unless `embeddings` says otherwise, and the
 * faults of the mock-server kit's schedule (an error status with OpenAI's
 * error body, Retry-After, a delay before the headers, a drop, a stall, a
 * 200 error body, an HTML page). `{}` is a plain successful answer.
 *
 * @example
 * ```ts
 * const server = await startMockOpenAIServer(undefined, {
 *   embeddings: [{ status: 429, retryAfter: 1 }, { dimensions: 8 }],
 * });
 * ```
 */
export interface MockEmbeddingReply extends FaultSchedule<MockErrorBody> {
  /** Vector length; else the request's `dimensions`, else 1536 (text-embedding-3-small's). */
  readonly dimensions?: number;
  /** Send exactly these vectors (in `data` order) instead of hashed ones, e.g. too few of them. */
  readonly embeddings?: readonly (readonly number[])[];
  /** `usage.prompt_tokens` to report, or `false` to send no usage; estimated (about 4 characters a token) unless told. */
  readonly promptTokens?: number | false;
  /** Send `data` in reverse order, each item still carrying its own `index`. */
  readonly reverseOrder?: boolean;
  /** Model name in the response; the request's `model` unless told. */
  readonly model?: string;
}

/** A `POST /v1/embeddings` request as the mock records it: parsed JSON, typed after the SDK's parameters, not validated. */
export type OpenAIEmbeddingRecordedRequest = RecordedRequest<Partial<EmbeddingCreateParams>>;

/**
 * What the mock answers to `POST /v1/embeddings`: one reply for every
 * request, an array (reply `i` for the `i`-th embeddings request, then a 500
 * once exhausted), or a function of the recorded request.
 */
export type MockEmbeddingScript = Script<MockEmbeddingReply, OpenAIEmbeddingRecordedRequest>;
