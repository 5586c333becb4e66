import { RivuletError, hasMarker, type RivuletErrorOptions } from '@rivulet/core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const marker = Symbol.for('rivulet.error.mcp-tool');

/** Options of an {@link McpToolError}. */
export interface McpToolErrorOptions extends RivuletErrorOptions {
  /** The tool's name on the server (without any `prefix`). */
  readonly toolName: string;
  /** The JSON-RPC error code, when the server refused the request itself. */
  readonly code?: number | undefined;
  /** The tool's own result, when it reported the failure with `isError: true`. */
  readonly result?: CallToolResult | undefined;
}

/**
 * An MCP tool failed: it answered with `isError: true` (the message is the
 * text it returned), or the server refused the call with a JSON-RPC error
 * (`code`). Thrown from a tool's `execute`, it becomes an error result that
 * the model reads (see `executeToolCalls`).
 *
 * @example
 * ```ts
 * try { await search.execute?.({ q: '' }); }
 * catch (e) { if (McpToolError.isInstance(e)) console.error(e.toolName, e.message); }
 * ```
 */
export class McpToolError extends RivuletError {
  private readonly [marker] = true;
  readonly toolName: string;
  readonly code: number | undefined;
  readonly result: CallToolResult | undefined;

  constructor(message: string, options: McpToolErrorOptions) {
    super(message, options);
    this.name = 'McpToolError';
    this.toolName = options.toolName;
    this.code = options.code;
    this.result = options.result;
  }

  /** True when `error` is an `McpToolError` from any copy of `@rivulet/agents`. */
  static override isInstance(error: unknown): error is McpToolError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), toolName: this.toolName, ...(this.code !== undefined && { code: this.code }) };
  }
}
