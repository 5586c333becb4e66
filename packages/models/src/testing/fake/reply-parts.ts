import type { ChatStreamPartV1 } from '@rivulet/provider';
import type { FakeReply } from './fake-reply.js';

/** The stream parts a scripted reply plays, and where it fails, if it does. */
export function replyParts(reply: FakeReply, chunkSize: number): { parts: ChatStreamPartV1[]; error?: Error; errorAt: number } {
  const spec = typeof reply === 'string' ? { text: reply } : reply;
  const parts: ChatStreamPartV1[] = [];
  for (const piece of split(spec.reasoning ?? '', chunkSize)) parts.push({ type: 'reasoning-delta', text: piece });
  for (const piece of split(spec.text ?? '', chunkSize)) parts.push({ type: 'text-delta', text: piece });
  (spec.toolCalls ?? []).forEach((call, index) => {
    const id = call.id ?? `call_${index}`;
    parts.push({ type: 'tool-input-start', id, name: call.name });
    for (const piece of split(JSON.stringify(call.args), chunkSize)) parts.push({ type: 'tool-input-delta', id, delta: piece });
    parts.push({ type: 'tool-input-end', id });
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
