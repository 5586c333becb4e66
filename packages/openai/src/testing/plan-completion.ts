import type { CompletionUsage } from 'openai/resources/completions';
import type { MockPerplexityExtras, MockReply } from './mock-reply.js';
import type { OpenAIRecordedRequest } from './openai-request-body.js';
import { defaultMockModel } from './models-list.js';
import { requestMessages } from './request-messages.js';
import { resolveChoices, type ResolvedChoice } from './resolve-choices.js';
import { resolveUsage } from './resolve-usage.js';

/** Everything needed to write one completion, streamed or whole, with defaults applied. */
export interface CompletionPlan {
  readonly id: string;
  /** Unix seconds, shared by all chunks as OpenAI does. */
  readonly created: number;
  readonly model: string;
  readonly systemFingerprint: string | null;
  readonly choices: readonly ResolvedChoice[];
  /** Undefined when the reply opted out of usage. */
  readonly usage: CompletionUsage | undefined;
  /** Whether the request set `stream_options.include_usage`. */
  readonly includeUsage: boolean;
  readonly chunkSize: number;
  readonly toolCallStyle: 'openai' | 'ollama';
  readonly contentNull: boolean;
  readonly omitFinishReason: boolean;
  readonly perplexity: MockPerplexityExtras | undefined;
}

/** Applies a reply's defaults against the request it answers. */
export function planCompletion(reply: MockReply, request: OpenAIRecordedRequest): CompletionPlan {
  const body = request.body;
  const choices = resolveChoices(reply, typeof body?.n === 'number' ? body.n : 1, request.index);
  const requestModel = typeof body?.model === 'string' ? body.model : undefined;
  return {
    id: reply.id ?? `chatcmpl-mock${request.index}`,
    created: Math.floor(Date.now() / 1000),
    model: reply.model ?? requestModel ?? defaultMockModel,
    systemFingerprint: reply.systemFingerprint === undefined ? 'fp_mock' : reply.systemFingerprint,
    choices,
    usage: resolveUsage(reply.usage, requestMessages(body), choices),
    includeUsage: body?.stream_options?.include_usage === true,
    chunkSize: reply.chunkSize ?? 4,
    toolCallStyle: reply.toolCallStyle ?? 'openai',
    contentNull: reply.contentNull ?? false,
    omitFinishReason: reply.omitFinishReason ?? false,
    perplexity: reply.perplexity,
  };
}
