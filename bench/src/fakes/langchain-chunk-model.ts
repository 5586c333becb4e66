import { AIMessageChunk } from '@langchain/core/messages';
import { FakeStreamingChatModel } from '@langchain/core/utils/testing';

/**
 * LangChain's fake streaming chat model replaying `deltas` as message chunks.
 * With `chunks` it yields them without its per-character `sleep`.
 */
export function langchainChunkModel(deltas: readonly string[]): FakeStreamingChatModel {
  return new FakeStreamingChatModel({ chunks: deltas.map((content) => new AIMessageChunk({ content })) });
}
