import { AbortError } from '@rivulet/core';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { McpConnectionError } from './mcp-connection-error.js';

/** Connecting or listing tools failed: `AbortError` when `signal` was aborted, else `McpConnectionError` saying why. */
export function toConnectError(error: unknown, server: string, stderr: string, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new AbortError(`Connecting to MCP server ${server} was cancelled.`, { cause: error });
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) {
    return new McpConnectionError(`MCP server ${server} closed the connection before it was ready (did it exit?).${stderr}`, { server, cause: error });
  }
  const spawnHint = errnoCode(error) === 'ENOENT' ? ' Is the command installed, and on PATH?' : '';
  return connectionFailure(error, `Could not start or reach MCP server ${server}`, server, stderr + spawnHint);
}

/** `McpConnectionError` whose message is `what: reason`, with the HTTP status when the server answered one. */
export function connectionFailure(error: unknown, what: string, server: string, suffix: string): McpConnectionError {
  const status = error instanceof StreamableHTTPError && error.code !== undefined && error.code > 0 ? error.code : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return new McpConnectionError(`${what}: ${reason}.${suffix}`, { server, status, cause: error });
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
