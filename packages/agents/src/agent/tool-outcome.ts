import { ToolMessage, type ToolCall } from '@rivulet/core';
import type { AgentToolResult } from './agent-step.js';

/** How a tool call ended: what the stream reports, and what the model is sent. */
export interface ToolOutcome {
  readonly result: AgentToolResult;
  readonly message: ToolMessage;
}

/** A call that ran: its output, as text for the model (JSON unless a string). */
export function succeeded(call: ToolCall, output: unknown): ToolOutcome {
  let content: string;
  try {
    content = typeof output === 'string' ? output : (JSON.stringify(output) ?? '');
  } catch (error) {
    return failed(call, `"${call.name}" returned a value that cannot be sent as JSON: ${messageOf(error)}`);
  }
  return {
    result: { toolCallId: call.id, toolName: call.name, output, isError: false },
    message: new ToolMessage({ content, toolCallId: call.id, name: call.name }),
  };
}

/** A call that did not run to a result; `reason` is what the model reads. */
export function failed(call: ToolCall, reason: string): ToolOutcome {
  return {
    result: { toolCallId: call.id, toolName: call.name, output: reason, isError: true },
    message: new ToolMessage({ content: reason, toolCallId: call.id, name: call.name, isError: true }),
  };
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
