import type { FinishReasonV1 } from '@rivulet/provider';

/**
 * Anthropic's stop reason in Rivulet's words. `tool_use` caused only by the
 * tool that stands in for a JSON Schema response format is the model
 * finishing its answer, so it reads `stop`.
 */
export function toFinishReason(stopReason: string | undefined, answeredWithFormatTool: boolean): FinishReasonV1 {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
      return 'length';
    case 'tool_use':
      return answeredWithFormatTool ? 'stop' : 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}
