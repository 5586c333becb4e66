import type { ChatResponseMetadata } from '@rivulet/models';

/**
 * The `responseMetadata` of `AnthropicChatModel`'s replies: the message `id`,
 * the `model` that answered, the raw stop reason as `finishReason`
 * (`end_turn`, `max_tokens`, `stop_sequence`, `tool_use`, ...) and, when a
 * stop sequence ended the reply, which one.
 *
 * @example
 * ```ts
 * const reply = await claude.withOptions({ stop: ['7'] }).invoke('Count to ten');
 * if (reply.responseMetadata.finishReason === 'stop_sequence') console.log('stopped at', reply.responseMetadata.stopSequence);
 * ```
 */
export interface AnthropicMetadata extends ChatResponseMetadata {
  readonly stopSequence?: string | undefined;
}
