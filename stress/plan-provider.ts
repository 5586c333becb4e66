import type { ChatModelProviderV1, ChatStreamPartV1 } from '@rivulet/provider';
import { replyFor } from './run-script.js';

/**
 * An in-process model provider answering each stress run with its plan, in
 * 16-character deltas, then usage and finish: the real `ChatModel` machinery
 * without a network, and, unlike `FakeChatModel`, recording nothing, so a
 * soak measures Rivulet's heap, not the test double's.
 */
export const planProvider: ChatModelProviderV1 = {
  specificationVersion: 'v1',
  provider: 'plan',
  modelId: 'plan-1',
  async *doStream(request): AsyncGenerator<ChatStreamPartV1> {
    const text = request.messages.at(-1)?.text ?? '';
    const id = Number(/Stress run (\d+):/.exec(text)?.[1] ?? Number.NaN);
    const reply = replyFor(id);
    for (let i = 0; i < reply.length; i += 16) yield { type: 'text-delta', text: reply.slice(i, i + 16) };
    yield { type: 'usage', usage: { inputTokens: 12, outputTokens: Math.ceil(reply.length / 4), totalTokens: 12 + Math.ceil(reply.length / 4) } };
    yield { type: 'finish', reason: 'stop' };
  },
};
