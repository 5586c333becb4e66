import type { FinishReason } from '@rivulet/core';

/**
 * One part of the AI SDK's UI message stream (protocol `v1`, header
 * `x-vercel-ai-ui-message-stream: v1`): what the handler sends for
 * `useChat` and `readUIMessageStream` to build the assistant's message.
 * Only the parts a Rivulet run produces are listed.
 */
export type UIMessageChunk =
  | { readonly type: 'start'; readonly messageId?: string }
  | { readonly type: 'start-step' }
  | { readonly type: 'text-start'; readonly id: string }
  | { readonly type: 'text-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'text-end'; readonly id: string }
  | { readonly type: 'reasoning-start'; readonly id: string }
  | { readonly type: 'reasoning-delta'; readonly id: string; readonly delta: string }
  | { readonly type: 'reasoning-end'; readonly id: string }
  | { readonly type: 'tool-input-start'; readonly toolCallId: string; readonly toolName: string }
  | { readonly type: 'tool-input-delta'; readonly toolCallId: string; readonly inputTextDelta: string }
  | { readonly type: 'tool-input-available'; readonly toolCallId: string; readonly toolName: string; readonly input: unknown }
  | { readonly type: 'tool-input-error'; readonly toolCallId: string; readonly toolName: string; readonly input: unknown; readonly errorText: string }
  | { readonly type: 'tool-output-available'; readonly toolCallId: string; readonly output: unknown }
  | { readonly type: 'tool-output-error'; readonly toolCallId: string; readonly errorText: string }
  | { readonly type: 'finish-step' }
  | { readonly type: 'finish'; readonly finishReason?: UIFinishReason }
  | { readonly type: 'error'; readonly errorText: string };

/** The AI SDK's finish reasons. */
export type UIFinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

/** Rivulet's finish reason in the AI SDK's words. */
export function uiFinishReason(reason: FinishReason | undefined): UIFinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'error':
      return reason;
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
      return 'tool-calls';
    default:
      return reason === undefined ? 'stop' : 'other';
  }
}
