import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool as McpToolDescription } from '@modelcontextprotocol/sdk/types.js';
import type { McpTool } from './mcp-tool.js';

/**
 * The tools of a connected MCP server, and the connection: pass `tools` to
 * `bindTools` or `createAgent`, and `close()` when done (or declare it with
 * `await using`). Closing ends a stdio server's process, ends an HTTP
 * session, and fails the calls still running with `McpConnectionError`.
 *
 * @example
 * ```ts
 * await using mcp = await mcpTools({ command: 'mcp-server-everything', args: ['stdio'] });
 * const model = chat.bindTools(mcp.tools);
 * ```
 */
export interface McpToolset extends AsyncDisposable {
  /** The server's tools, filtered and named as the options said. */
  readonly tools: readonly McpTool[];
  /**
   * The server's own description of each loaded tool, by the name the model
   * sees: its annotations (`readOnlyHint`, `destructiveHint`, ...), title,
   * output schema; e.g. to decide which calls need approval.
   */
  readonly descriptions: ReadonlyMap<string, McpToolDescription>;
  /** The server's instructions for using it (from its `initialize` answer), for a system prompt. */
  readonly instructions: string | undefined;
  /** The SDK client, for what is not a tool: resources, prompts, notifications. */
  readonly client: Client;
  /** Closes the connection; later calls do nothing. */
  close(): Promise<void>;
}
