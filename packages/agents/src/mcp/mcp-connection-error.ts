import { RivuletError, hasMarker, type RivuletErrorOptions } from '@rivulet/core';

const marker = Symbol.for('rivulet.error.mcp-connection');

/** Options of an {@link McpConnectionError}. */
export interface McpConnectionErrorOptions extends RivuletErrorOptions {
  /** The server, as `mcpTools` names it in messages: its command line, or its URL without query. */
  readonly server: string;
  /** The HTTP status, when the server answered an HTTP request with an error. */
  readonly status?: number | undefined;
}

/**
 * The MCP server could not be started or reached, or the connection to it was
 * lost (the process exited, the HTTP stream dropped mid-call, `close()` was
 * called). The message names the server and, for a stdio server started with
 * `stderr: 'pipe'`, quotes the end of what it wrote to stderr.
 *
 * @example
 * ```ts
 * try { await mcpTools({ command: 'mcp-server-missing' }); }
 * catch (e) { if (McpConnectionError.isInstance(e)) console.error(e.message); }
 * ```
 */
export class McpConnectionError extends RivuletError {
  private readonly [marker] = true;
  readonly server: string;
  readonly status: number | undefined;

  constructor(message: string, options: McpConnectionErrorOptions) {
    super(message, options);
    this.name = 'McpConnectionError';
    this.server = options.server;
    this.status = options.status;
  }

  /** True when `error` is an `McpConnectionError` from any copy of `@rivulet/agents`. */
  static override isInstance(error: unknown): error is McpConnectionError {
    return hasMarker(error, marker);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.status !== undefined && { status: this.status }) };
  }
}
