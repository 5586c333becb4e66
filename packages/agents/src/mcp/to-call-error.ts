import { AbortError, TimeoutError } from '@rivulet/core';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { McpConnectionError } from './mcp-connection-error.js';
import { McpToolError } from './mcp-tool-error.js';
import { connectionFailure } from './to-connect-error.js';

/** What went on around a failed call, to tell its causes apart. */
export interface FailedCall {
  readonly server: string;
  readonly toolName: string;
  readonly timeoutMs: number;
  /** True when the caller cancelled the call (the SDK reports that as a timeout). */
  readonly cancelled: boolean;
  /** Quoted server stderr, `''` when none. */
  readonly stderr: string;
}

/**
 * A failed `callTool` as a Rivulet error: `AbortError` when the run was
 * cancelled, `TimeoutError` when the call ran out of time, `McpConnectionError`
 * when the connection was lost or closed, `McpToolError` when the server
 * refused the call.
 */
export function toCallError(error: unknown, call: FailedCall): Error {
  const name = `"${call.toolName}"`;
  if (call.cancelled) return new AbortError(`The call of MCP tool ${name} was cancelled.`, { cause: error });
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) {
      return new TimeoutError({ timeoutMs: call.timeoutMs, cause: error }, `MCP tool ${name} did not answer within ${call.timeoutMs} ms; the call was cancelled.`);
    }
    if (error.code === ErrorCode.ConnectionClosed) {
      return new McpConnectionError(`The connection to MCP server ${call.server} was lost during a call of ${name}.${call.stderr}`, { server: call.server, cause: error });
    }
    return new McpToolError(`MCP server ${call.server} answered the call of ${name} with an error: ${error.message}`, { toolName: call.toolName, code: error.code, cause: error });
  }
  if (error instanceof Error && error.message === 'Not connected') {
    return new McpConnectionError(`The connection to MCP server ${call.server} is closed; ${name} cannot be called.${call.stderr}`, { server: call.server, cause: error });
  }
  if (isNetworkFailure(error)) return connectionFailure(error, `MCP server ${call.server} could not be reached to call ${name}`, call.server, call.stderr);
  const reason = error instanceof Error ? error.message : String(error);
  return new McpToolError(`MCP server ${call.server} answered the call of ${name} with something that is not a tool result: ${reason}`, { toolName: call.toolName, cause: error });
}

/** A failure to send or receive at all: `fetch` failing, an HTTP error status, a broken pipe. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof StreamableHTTPError || error instanceof TypeError || (error instanceof Error && 'code' in error && typeof error.code === 'string');
}
