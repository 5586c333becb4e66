/**
 * Why the model stopped, normalised across providers:
 * - `stop`: a natural end or a stop sequence (Anthropic `end_turn`, `stop_sequence`);
 * - `length`: the token limit was reached (Anthropic `max_tokens`);
 * - `tool_calls`: the model wants tools called (Anthropic `tool_use`);
 * - `content_filter`: output was withheld by a safety filter or refused;
 * - `error`: the provider reported an error mid-response;
 * - `other`: anything else. Providers keep their raw value in `responseMetadata`.
 */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';

/** Every {@link FinishReason}, for validating input. */
export const finishReasons: readonly FinishReason[] = Object.freeze([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'error',
  'other',
]);
