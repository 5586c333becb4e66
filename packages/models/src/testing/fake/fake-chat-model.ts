import { ChatModel } from '../../chat-model/chat-model.js';
import type { ChatModelOptions } from '../../chat-model/chat-model-options.js';
import type { ChatRequestV1 } from '@rivulet/provider';
import { FakeProvider, type FakePacing } from './fake-provider.js';
import type { FakeReply } from './fake-reply.js';

/** Options of a {@link FakeChatModel}. */
export interface FakeChatModelOptions extends FakePacing, ChatModelOptions {}

/**
 * A chat model that plays scripted replies (text, reasoning, tool calls,
 * errors) through the real `ChatModel` machinery, and records its requests.
 *
 * @example
 * ```ts
 * const model = new FakeChatModel(['Hello there!', { toolCalls: [{ name: 'search', args: { q: 'otters' } }] }], { chunkSize: 3 });
 * await model.invoke('hi'); // AIMessageChunk with content 'Hello there!'
 * model.requests[0]?.messages; // what the model was sent
 * ```
 */
export class FakeChatModel extends ChatModel {
  constructor(replies: readonly FakeReply[] | FakeReply, options: FakeChatModelOptions = {}) {
    const { chunkSize, delayMs, ...modelOptions } = options;
    super(new FakeProvider(Array.isArray(replies) ? replies : [replies as FakeReply], { chunkSize, delayMs }), { maxRetries: 0, ...modelOptions });
  }

  /** Every request the model was sent, in order. */
  get requests(): readonly ChatRequestV1[] {
    return (this.provider as FakeProvider).requests;
  }
}
