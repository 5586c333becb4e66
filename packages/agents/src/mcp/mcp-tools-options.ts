import type { CallToolResult, Implementation, Tool as McpToolDescription } from '@modelcontextprotocol/sdk/types.js';

/**
 * Options of `mcpTools`: which tools to load, how to name them, how long a
 * call may take and what its result becomes.
 *
 * @example
 * ```ts
 * const github = await mcpTools({ url: 'http://localhost:3001/mcp' }, {
 *   prefix: 'github_',
 *   exclude: ['delete_repository'],
 *   filter: (tool) => tool.annotations?.destructiveHint !== true,
 *   timeout: 30_000,
 * });
 * ```
 */
export interface McpToolsOptions {
  /** Load only these tools (names as the server gives them). */
  readonly include?: readonly string[] | undefined;
  /** Leave these tools out (names as the server gives them). */
  readonly exclude?: readonly string[] | undefined;
  /** Load only the tools for which this returns true; it sees the server's whole description (annotations included). */
  readonly filter?: ((tool: McpToolDescription) => boolean) | undefined;
  /**
   * Put before every tool name the model sees, to keep the tools of several
   * servers apart (`'github_'` makes `search` `github_search`). The server is
   * still called with its own name.
   */
  readonly prefix?: string | undefined;
  /**
   * The longest a call may take, in ms, before it is cancelled on the server
   * and fails with `TimeoutError`. Default: the SDK's, 60 000.
   */
  readonly timeout?: number | undefined;
  /**
   * What a successful result becomes for the model. By default: the
   * `structuredContent` object when the tool gave one, else the text of its
   * content (see `toolResultOutput`).
   */
  readonly output?: ((result: CallToolResult) => unknown) | undefined;
  /** Cancels connecting and listing the tools (`AbortError`). */
  readonly signal?: AbortSignal | undefined;
  /** How this client introduces itself to the server. Default `{ name: 'rivulet', version: '0.1.0' }`. */
  readonly clientInfo?: Implementation | undefined;
}
