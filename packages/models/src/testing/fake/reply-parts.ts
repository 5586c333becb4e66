import type { ChatStreamPartV1 } from '../../provider/v1/chat-stream-part.js';
import type { FakeReply } from './fake-reply.js';

/** The stream parts a scripted reply plays, and where it fails, if it does. */
export function replyParts(reply: FakeReply, chunkSize: number): { parts: ChatStreamPartV1[]; error?: Error; errorAt: number } {
  const spec = typeof reply === 'string' ? { text: reply } : reply;
  const parts: ChatStreamPartV1[] = [];
  for (const piece of split(spec.reasoning ?? '', chunkSize)) parts.push({ type: 'reasoning-delta', text: piece });
  for (const piece of split(spec.text ?? '', chunkSize)) parts.push({ type: 'text-delta', text: piece });
  (spec.toolCalls ?? []).forEach((call, index) => {
    const argsText = JSON.stringify(call.args);
    split(argsText, chunkSize).forEach((piece, at) =>
      parts.push({ type: 'tool-call-delta', index, ...(at === 0 && { id: call.id ?? `call_${index}`, name: call.name }), argsText: piece }),
    );
  });
  if (spec.usage !== false) {
    const outputTokens = Math.ceil(((spec.text ?? '').length + (spec.reasoning ?? '').length) / 4);
    parts.push({ type: 'usage', usage: spec.usage ?? { inputTokens: 10, outputTokens, totalTokens: 10 + outputTokens } });
  }
  if (!spec.truncate) {
    parts.push({ type: 'finish', reason: spec.finishReason ?? ((spec.toolCalls?.length ?? 0) > 0 ? 'tool_calls' : 'stop') });
  }
  return { parts, ...(spec.error && { error: spec.error }), errorAt: spec.error ? Math.min(spec.errorAfterChunks ?? 0, parts.length) : -1 };
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += Math.max(1, size)) pieces.push(text.slice(i, i + Math.max(1, size)));
  return pieces;
}
