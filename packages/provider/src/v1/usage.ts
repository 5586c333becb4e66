/**
 * Token counts of one response so far: running totals, never deltas (a wire
 * format that reports deltas is added up by the provider before emitting).
 */
export interface UsageV1 {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
  /** Output tokens spent on reasoning (included in `outputTokens`). */
  readonly reasoningTokens?: number | undefined;
  /** Input tokens served from the provider's prompt cache (included in `inputTokens`). */
  readonly cachedInputTokens?: number | undefined;
}

/**
 * Why the model stopped: `stop` (natural end or stop sequence), `length`
 * (token limit), `tool_calls`, `content_filter`, `error` (the provider reported
 * an error mid-response), `other`. The provider's own word goes in `rawReason`.
 */
export type FinishReasonV1 = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';
