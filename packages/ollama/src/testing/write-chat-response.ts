import { sendJsonWithFaults, type HttpExchange } from '@rivulet/provider-utils/testing';
import type { ChatLine } from './chat-lines.js';
import type { MockOllamaReply } from './mock-reply.js';

/**
 * Answers a `stream: false` chat request as Ollama does: one JSON object,
 * the `done` line with the whole message (text, thinking, tool calls).
 */
export function writeChatResponse(exchange: HttpExchange, reply: MockOllamaReply, lines: readonly ChatLine[], headers: Readonly<Record<string, string>>): Promise<void> {
  const done = lines.at(-1) ?? {};
  const toolCalls = lines.flatMap((line) => (line['message'] as { tool_calls?: unknown[] } | undefined)?.tool_calls ?? []);
  const message = {
    role: 'assistant',
    content: reply.text ?? '',
    ...(reply.thinking !== undefined && { thinking: reply.thinking }),
    ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
  };
  return sendJsonWithFaults(exchange, { ...done, message }, reply, headers);
}
