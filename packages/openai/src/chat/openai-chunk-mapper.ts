import type { ChatStreamPartV1, FinishReasonV1, UsageV1 } from '@rivulet/provider';
import { ToolCallAssembler } from '@rivulet/provider-utils';
import type OpenAI from 'openai';
import type { PerplexitySearchResult } from './openai-chat-metadata.js';

/** A chunk as OpenAI-compatible servers send it, with the extras some add (checked by `readChatChunk`). */
export type CompatibleChunk = OpenAI.Chat.Completions.ChatCompletionChunk & {
  readonly citations?: readonly string[] | null;
  readonly search_results?: readonly PerplexitySearchResult[] | null;
  readonly choices: readonly (OpenAI.Chat.Completions.ChatCompletionChunk.Choice & {
    readonly delta: { readonly reasoning_content?: string | null };
  })[];
};

/**
 * Turns Chat Completions chunks into stream parts, one chunk at a time.
 * Stateful per response: response-level facts (id, model, citations, usage)
 * that servers repeat on every chunk (Perplexity does) are passed on only
 * when they change, so nothing is duplicated downstream.
 */
export class OpenAIChunkMapper {
  #announced = false;
  #citations = '';
  #searchResults = '';
  #usage = '';
  readonly #calls = new ToolCallAssembler();

  map(chunk: CompatibleChunk): ChatStreamPartV1[] {
    const parts: ChatStreamPartV1[] = [];
    if (!this.#announced) {
      this.#announced = true;
      parts.push({ type: 'metadata', metadata: { id: chunk.id, model: chunk.model } });
    }
    this.#extras(chunk, parts);
    for (const choice of chunk.choices) {
      const index = choice.index ?? 0;
      const delta = choice.delta ?? {};
      if (delta.reasoning_content) parts.push({ type: 'reasoning-delta', choice: index, text: delta.reasoning_content });
      if (delta.content) parts.push({ type: 'text-delta', choice: index, text: delta.content });
      for (const call of delta.tool_calls ?? []) {
        parts.push(...this.#calls.push({ choice: index, index: call.index ?? 0, id: call.id, name: call.function?.name, argsText: call.function?.arguments }));
      }
      if (choice.finish_reason) {
        parts.push(...this.#calls.finish(index));
        parts.push({ type: 'finish', choice: index, reason: finishReason(choice.finish_reason), rawReason: choice.finish_reason });
      }
    }
    if (chunk.usage) {
      const usage = toUsage(chunk.usage);
      const key = JSON.stringify(usage);
      if (key !== this.#usage) {
        this.#usage = key;
        parts.push({ type: 'usage', usage });
      }
    }
    return parts;
  }

  /** The parts that close what the stream left open (tool calls of a stream that ended without a finish reason). */
  end(): ChatStreamPartV1[] {
    return this.#calls.finishAll();
  }

  #extras(chunk: CompatibleChunk, parts: ChatStreamPartV1[]): void {
    const metadata: Record<string, unknown> = {};
    if (chunk.citations != null && signature(chunk.citations) !== this.#citations) {
      this.#citations = signature(chunk.citations);
      metadata['citations'] = chunk.citations;
    }
    if (chunk.search_results != null && signature(chunk.search_results) !== this.#searchResults) {
      this.#searchResults = signature(chunk.search_results);
      metadata['searchResults'] = chunk.search_results;
    }
    if (Object.keys(metadata).length > 0) parts.push({ type: 'metadata', metadata });
  }
}

/** Cheap identity of a repeated array: its length and last element. */
function signature(list: readonly unknown[]): string {
  return `${list.length}:${JSON.stringify(list[list.length - 1] ?? null)}`;
}

function finishReason(raw: string): FinishReasonV1 {
  switch (raw) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return raw;
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}

function toUsage(usage: OpenAI.Completions.CompletionUsage): UsageV1 {
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
    ...(reasoning != null && { reasoningTokens: reasoning }),
    ...(cached != null && { cachedInputTokens: cached }),
  };
}
