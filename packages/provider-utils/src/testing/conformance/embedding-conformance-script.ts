import { createScriptPlayer } from '../mock-server/script.js';
import type { EmbeddingConformanceReply, EmbeddingConformanceScript } from './embedding-conformance-reply.js';

/**
 * Turns an embedding conformance script into a function script for a
 * provider's mock server: each embeddings request gets its reply (in arrival
 * order for an array), translated by the adapter, which reads the request to
 * answer a `wrongCount` with one vector too few. A request past the end of an
 * array throws `ScriptExhaustedError`, which mock servers answer with a 500.
 *
 * @example
 * ```ts
 * const mock = await startMockOpenAIServer(undefined, { embeddings: playEmbeddingConformanceScript(script, toMockEmbeddingReply) });
 * ```
 */
export function playEmbeddingConformanceScript<Reply, Request>(
  script: EmbeddingConformanceScript,
  translate: (reply: EmbeddingConformanceReply, request: Request) => Reply,
): (request: Request) => Promise<Reply> {
  const play = createScriptPlayer<EmbeddingConformanceReply, Request>(script, () => ({}));
  return async (request) => translate(await play(request), request);
}
