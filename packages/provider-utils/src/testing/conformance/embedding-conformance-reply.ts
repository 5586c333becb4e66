import type { ConformanceReply } from './conformance-reply.js';

/**
 * One scripted answer of a provider's embeddings endpoint, described without
 * any provider's wire format. The vectors are the mock's own: made from each
 * text, so the same text always gets the same vector and two texts two
 * different ones. The reply only says what to report beside them and which
 * fault to play instead. A provider's embedding adapter translates it into
 * its mock's reply: the fault fields through `embeddingConformanceFaults`,
 * `inputTokens` and `wrongCount` by hand. `{}` is a plain successful answer.
 *
 * The fault fields mean what they mean in a chat {@link ConformanceReply};
 * an embeddings answer is one JSON body, so "the stream" there is the body here.
 */
export interface EmbeddingConformanceReply
  extends Pick<ConformanceReply, 'status' | 'retryAfterMs' | 'errorMessage' | 'errorCode' | 'requestId' | 'headersDelayMs' | 'htmlPage' | 'stallAfterHeaders'> {
  /** Tokens the answer reports having read (the provider's usage field). */
  readonly inputTokens?: number;
  /** Answer one vector fewer than the request has texts (the mock's vectors for all texts but the last). */
  readonly wrongCount?: boolean;
  /** Destroy the connection before sending anything. */
  readonly dropBeforeHeaders?: boolean;
  /** Send the headers and half the body, then destroy the connection: a torn body. */
  readonly dropAfterHeaders?: boolean;
}

/**
 * What an embedding conformance server answers: one reply for every
 * embeddings request, or reply `i` of an array for the `i`-th (in the order
 * the requests arrive; a request past the end is answered with a 500).
 */
export type EmbeddingConformanceScript = EmbeddingConformanceReply | readonly EmbeddingConformanceReply[];
