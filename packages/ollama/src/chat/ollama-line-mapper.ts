import type { ChatStreamPartV1, FinishReasonV1 } from '@rivulet/provider';
import type { OllamaChatLine, OllamaWireToolCall } from './ollama-chat-line.js';

/**
 * Turns the lines of one `/api/chat` stream into the contract's parts.
 * `thinking` is reasoning, `content` text; a tool call arrives whole and
 * without an id, so it gets a made-up one (unique across responses, since
 * later tool results answer it by id) and its arguments in one delta. The
 * `done` line gives usage, metadata (model, durations in ns) and the finish:
 * `stop` becomes `tool_calls` when the reply called tools, other reasons
 * than `stop` and `length` (`load`, `unload`) are `other`, the raw one kept.
 */
export class OllamaLineMapper {
  #toolCalls = 0;

  /** The parts one line stands for. */
  map(line: OllamaChatLine): ChatStreamPartV1[] {
    const parts: ChatStreamPartV1[] = [];
    const message = line.message;
    if (message?.thinking) parts.push({ type: 'reasoning-delta', text: message.thinking });
    if (message?.content) parts.push({ type: 'text-delta', text: message.content });
    for (const call of message?.tool_calls ?? []) this.#pushToolCall(call, parts);
    if (line.done) this.#pushDone(line, parts);
    return parts;
  }

  #pushToolCall(call: OllamaWireToolCall, parts: ChatStreamPartV1[]): void {
    const id = `call_${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
    this.#toolCalls += 1;
    parts.push(
      { type: 'tool-input-start', id, name: call.function.name },
      { type: 'tool-input-delta', id, delta: JSON.stringify(call.function.arguments ?? {}) },
      { type: 'tool-input-end', id },
    );
  }

  #pushDone(line: OllamaChatLine, parts: ChatStreamPartV1[]): void {
    const inputTokens = line.prompt_eval_count ?? 0;
    const outputTokens = line.eval_count ?? 0;
    parts.push({ type: 'usage', usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens } });
    const metadata = metadataOf(line);
    if (Object.keys(metadata).length > 0) parts.push({ type: 'metadata', metadata });
    parts.push({ type: 'finish', reason: this.#finishReason(line.done_reason), ...(line.done_reason && { rawReason: line.done_reason }) });
  }

  #finishReason(raw: string | undefined): FinishReasonV1 {
    // Servers older than `done_reason` end every reply with `done: true` alone.
    if (raw === undefined || raw === null || raw === 'stop') return this.#toolCalls > 0 ? 'tool_calls' : 'stop';
    return raw === 'length' ? 'length' : 'other';
  }
}

function metadataOf(line: OllamaChatLine): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    model: line.model,
    createdAt: line.created_at,
    totalDuration: line.total_duration,
    loadDuration: line.load_duration,
    promptEvalDuration: line.prompt_eval_duration,
    evalDuration: line.eval_duration,
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined || fields[key] === null) delete fields[key];
  return fields;
}
