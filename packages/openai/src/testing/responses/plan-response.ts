import type { ResponseUsage } from 'openai/resources/responses/responses';
import type { MockReply } from '../mock-reply.js';
import { defaultMockModel } from '../models-list.js';
import type { OpenAIRecordedRequest } from '../openai-request-body.js';
import { resolveChoices, type ResolvedChoice } from '../resolve-choices.js';
import { resolveUsage } from '../resolve-usage.js';
import { inputMessages, responsesBody, type OpenAIResponsesRequestBody } from './responses-request-body.js';

/** Why a response is incomplete, as `incomplete_details.reason` says. */
export type IncompleteReason = 'max_output_tokens' | 'content_filter';

/** Everything needed to write one response, streamed or whole, with defaults applied. */
export interface ResponsePlan {
  readonly id: string;
  /** Position of the request on the server, for item ids. */
  readonly index: number;
  /** Unix seconds. */
  readonly createdAt: number;
  readonly model: string;
  /** The reply's (first) choice: the Responses API has no `n`. */
  readonly choice: ResolvedChoice;
  /** `null` when the reply said `usage: false`. */
  readonly usage: ResponseUsage | null;
  /** `undefined` for a completed response. */
  readonly incomplete: IncompleteReason | undefined;
  readonly chunkSize: number;
  /** Leave out the terminal `response.completed` / `response.incomplete` event (a truncated stream). */
  readonly omitTerminal: boolean;
  /** The request, whose settings the response object repeats. */
  readonly body: OpenAIResponsesRequestBody;
}

/**
 * Applies a reply's defaults against the Responses request it answers:
 * `finishReason` `length` and `content_filter` make the response incomplete
 * (`max_output_tokens`, `content_filter`); every other finish completes it.
 */
export function planResponse(reply: MockReply, request: OpenAIRecordedRequest): ResponsePlan {
  const body = responsesBody(request) ?? {};
  // The Responses API has no `n`: a reply's first choice answers (an empty `choices` an empty one).
  const choice = resolveChoices(reply, 1, request.index)[0] ?? { index: 0, text: '', reasoning: '', toolCalls: [], finishReason: 'stop' };
  const usage = resolveUsage(reply.usage, inputMessages(body), [choice]);
  return {
    id: reply.id ?? `resp_mock${request.index}`,
    index: request.index,
    createdAt: Math.floor(Date.now() / 1000),
    model: reply.model ?? (typeof body.model === 'string' ? body.model : defaultMockModel),
    choice,
    usage:
      usage === undefined
        ? null
        : {
            input_tokens: usage.prompt_tokens,
            input_tokens_details: { cache_write_tokens: 0, cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
            output_tokens: usage.completion_tokens,
            output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
            total_tokens: usage.total_tokens,
          },
    incomplete: choice.finishReason === 'length' ? 'max_output_tokens' : choice.finishReason === 'content_filter' ? 'content_filter' : undefined,
    chunkSize: reply.chunkSize ?? 4,
    omitTerminal: reply.omitFinishReason ?? false,
    body,
  };
}
