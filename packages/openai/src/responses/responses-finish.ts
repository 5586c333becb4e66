import type { FinishPartV1, FinishReasonV1, UsageV1 } from '@rivulet/provider';
import type { ResponsesEnvelope, ResponsesUsage } from './responses-event.js';

/** What the stream showed before its end, which the final status alone does not say. */
export interface ResponsesOutcome {
  /** The output holds function calls. */
  readonly calledTools: boolean;
  /** The model refused (a refusal content part): reported as `content_filter`, raw `refusal`. */
  readonly refused: boolean;
}

/**
 * The finish of a response: `response.incomplete` by its
 * `incomplete_details.reason` (`max_output_tokens` is `length`,
 * `content_filter` is `content_filter`, anything else `other`);
 * `response.completed` is `tool_calls` when the output calls functions,
 * `content_filter` when the model refused, else `stop`.
 */
export function responsesFinish(type: 'response.completed' | 'response.incomplete', response: ResponsesEnvelope, outcome: ResponsesOutcome): FinishPartV1 {
  if (type === 'response.incomplete') {
    const raw = response.incomplete_details?.reason ?? 'incomplete';
    return { type: 'finish', reason: incompleteReason(raw), rawReason: raw };
  }
  if (outcome.refused) return { type: 'finish', reason: 'content_filter', rawReason: 'refusal' };
  const calledTools = outcome.calledTools || (response.output ?? []).some((item) => item.type === 'function_call');
  return { type: 'finish', reason: calledTools ? 'tool_calls' : 'stop', rawReason: response.status ?? 'completed' };
}

function incompleteReason(raw: string): FinishReasonV1 {
  if (raw === 'max_output_tokens') return 'length';
  if (raw === 'content_filter') return 'content_filter';
  return 'other';
}

/** A response's usage in Rivulet's terms; cached and reasoning counts when reported. */
export function toUsage(usage: ResponsesUsage): UsageV1 {
  const cached = usage.input_tokens_details?.cached_tokens;
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    totalTokens: usage.total_tokens ?? usage.input_tokens + usage.output_tokens,
    ...(reasoning != null && { reasoningTokens: reasoning }),
    ...(cached != null && { cachedInputTokens: cached }),
  };
}
