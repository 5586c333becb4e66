import type { InvalidToolCall, ToolCall, ToolCallChunk } from './tool-call.js';

/** Tool calls read from assembled chunks. */
export interface ParsedToolCalls {
  readonly toolCalls: readonly ToolCall[];
  readonly invalidToolCalls: readonly InvalidToolCall[];
}

/**
 * Reads complete tool calls out of assembled fragments.
 *
 * A call is complete when its arguments parse as a JSON object and it has a name. While the
 * message is unfinished (no finish reason yet), an incomplete call is still being written and
 * appears in neither list; `toolCallChunks` shows its progress. Once finished, empty arguments
 * mean `{}`, and a call that is still incomplete goes to `invalidToolCalls` with its raw text.
 */
export function parseToolCallChunks(calls: readonly ToolCallChunk[], finished: boolean): ParsedToolCalls {
  const toolCalls: ToolCall[] = [];
  const invalidToolCalls: InvalidToolCall[] = [];
  for (const call of calls) {
    const argsText = call.argsText ?? '';
    const parsed = parseArgs(argsText, finished);
    if (parsed.ok && call.name) {
      toolCalls.push(Object.freeze({ id: call.id ?? '', name: call.name, args: parsed.args }));
    } else if (finished) {
      const error = parsed.ok ? 'the tool call has no name' : parsed.error;
      invalidToolCalls.push(
        Object.freeze({
          ...(call.id !== undefined && { id: call.id }),
          ...(call.name !== undefined && { name: call.name }),
          argsText,
          error,
        }),
      );
    }
  }
  return Object.freeze({ toolCalls: Object.freeze(toolCalls), invalidToolCalls: Object.freeze(invalidToolCalls) });
}

type ParsedArgs = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

function parseArgs(text: string, finished: boolean): ParsedArgs {
  const trimmed = text.trim();
  if (trimmed === '') return finished ? { ok: true, args: {} } : { ok: false, error: 'no arguments yet' };
  // An object's text ends with `}`; checking first spares a throw per unfinished call.
  if (!trimmed.endsWith('}')) return { ok: false, error: 'the arguments are not a complete JSON object' };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { ok: true, args: value as Record<string, unknown> };
    }
    return { ok: false, error: 'the arguments are not a JSON object' };
  } catch (error) {
    return { ok: false, error: `the arguments are not valid JSON: ${(error as Error).message}` };
  }
}
