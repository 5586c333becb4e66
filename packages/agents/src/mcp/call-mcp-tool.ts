import { AbortError, type RunContext } from '@rivulet/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_REQUEST_TIMEOUT_MSEC } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { McpToolArguments } from './arguments-schema.js';
import { McpToolError } from './mcp-tool-error.js';
import { toCallError } from './to-call-error.js';
import { toolResultText } from './tool-result-output.js';

/** What a call needs to know besides its arguments. */
export interface McpCallTarget {
  readonly client: Client;
  /** The server, as messages name it. */
  readonly server: string;
  /** The tool's name on the server. */
  readonly toolName: string;
  readonly timeout: number | undefined;
  readonly output: (result: CallToolResult) => unknown;
  /** The quoted end of the server's stderr, read when an error is made. */
  readonly stderr: () => string;
}

/**
 * Calls an MCP tool. Cancelling the run (`ctx.signal`) cancels the call: the
 * SDK sends the server `notifications/cancelled` and the call fails with
 * `AbortError`. A result with `isError: true` throws `McpToolError` with the
 * tool's text, which `executeToolCalls` hands the model as an error result.
 */
export async function callMcpTool(target: McpCallTarget, args: McpToolArguments, ctx?: RunContext): Promise<unknown> {
  const outer = ctx?.signal;
  if (outer?.aborted) throw new AbortError(`The call of MCP tool "${target.toolName}" was cancelled.`, { cause: outer.reason });
  // The SDK never removes its abort listener: give it a signal that lives as long as this call.
  const call = new AbortController();
  const cancel = (): void => call.abort(outer?.reason);
  outer?.addEventListener('abort', cancel, { once: true });
  let result: CallToolResult;
  try {
    // With the default result schema the answer is the current form, never the 2024 `{ toolResult }` one.
    result = (await target.client.callTool({ name: target.toolName, arguments: args }, undefined, {
      signal: call.signal,
      ...(target.timeout !== undefined && { timeout: target.timeout }),
    })) as CallToolResult;
  } catch (error) {
    throw toCallError(error, {
      server: target.server,
      toolName: target.toolName,
      timeoutMs: target.timeout ?? DEFAULT_REQUEST_TIMEOUT_MSEC,
      cancelled: call.signal.aborted,
      stderr: target.stderr(),
    });
  } finally {
    outer?.removeEventListener('abort', cancel);
  }
  if (result.isError === true) {
    const text = toolResultText(result);
    throw new McpToolError(text === '' ? `MCP tool "${target.toolName}" failed without saying why.` : text, { toolName: target.toolName, result });
  }
  return target.output(result);
}
