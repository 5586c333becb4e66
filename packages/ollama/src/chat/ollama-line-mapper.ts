import type { ChatStreamPartV1, FinishReasonV1 } from '@rivulet/provider';
import type { OllamaChatLine, OllamaWireToolCall } from './ollama-chat-line.js';

/** Receives the parts of a line, in order (the provider's `PushSink`). */
export interface PartSink {
  /** One part of the line. */
  next(part: ChatStreamPartV1): void;
}

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

  /** Hands the parts one line stands for to `sink`, in order (no array per line: most lines are one text delta). */
  map(line: OllamaChatLine, sink: PartSink): void {
    const message = line.message;
    if (message?.thinking) sink.next({ type: 'reasoning-delta', text: message.thinking });
    if (message?.content) sink.next({ type: 'text-delta', text: message.content });
    if (message?.tool_calls) for (const call of message.tool_calls) this.#toolCall(call, sink);
    if (line.done) this.#done(line, sink);
  }

  #toolCall(call: OllamaWireToolCall, sink: PartSink): void {
    const id = `call_${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
    this.#toolCalls += 1;
    sink.next({ type: 'tool-input-start', id, name: call.function.name });
    sink.next({ type: 'tool-input-delta', id, delta: JSON.stringify(call.function.arguments ?? {}) });
    sink.next({ type: 'tool-input-end', id });
  }

  #done(line: OllamaChatLine, sink: PartSink): void {
    const inputTokens = line.prompt_eval_count ?? 0;
    const outputTokens = line.eval_count ?? 0;
    sink.next({ type: 'usage', usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens } });
    const metadata = metadataOf(line);
    if (Object.keys(metadata).length > 0) sink.next({ type: 'metadata', metadata });
    sink.next({ type: 'finish', reason: this.#finishReason(line.done_reason), ...(line.done_reason && { rawReason: line.done_reason }) });
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
