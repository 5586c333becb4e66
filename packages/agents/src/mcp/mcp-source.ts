import { InputError } from '@rivulet/core';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/**
 * An MCP server started as a child process, spoken to over its stdin and
 * stdout (the SDK's `StdioClientTransport`).
 *
 * @example
 * ```ts
 * const source: McpStdioSource = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] };
 * ```
 */
export interface McpStdioSource {
  /** The program to run, looked up on `PATH` (no shell). */
  readonly command: string;
  readonly args?: readonly string[] | undefined;
  /**
   * Variables added to the child's environment. The child does not inherit
   * this process's whole environment (it may hold secrets): only `HOME`,
   * `LOGNAME`, `PATH`, `SHELL`, `TERM` and `USER` (the SDK's safe default), plus these.
   */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Working directory of the child; this process's by default. */
  readonly cwd?: string | undefined;
  /**
   * Where the server's stderr goes: `'inherit'` (this process's stderr, the
   * default), `'ignore'`, or `'pipe'`: kept (its last 4 KB) and quoted in
   * the error when the server fails to start or dies.
   */
  readonly stderr?: 'inherit' | 'ignore' | 'pipe' | undefined;
  readonly url?: never;
}

/**
 * An MCP server reached over Streamable HTTP (the SDK's
 * `StreamableHTTPClientTransport`).
 *
 * @example
 * ```ts
 * const source: McpHttpSource = { url: 'https://mcp.example.com/mcp', headers: { authorization: `Bearer ${token}` } };
 * ```
 */
export interface McpHttpSource {
  /** The server's MCP endpoint. */
  readonly url: string | URL;
  /** Headers sent with every request, e.g. `authorization`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The `fetch` to use (a proxy, a test double of the network); the global one by default. */
  readonly fetch?: FetchLike | undefined;
  readonly command?: never;
}

/** Where `mcpTools` finds a server: a command to start, or a URL to reach. */
export type McpSource = McpStdioSource | McpHttpSource;

/** True when `source` is a server to start as a child process. */
export function isStdioSource(source: McpSource): source is McpStdioSource {
  return 'command' in source && typeof source.command === 'string';
}

/**
 * How errors name a server: its command line, or its URL without query,
 * fragment or credentials (which may carry secrets).
 */
export function describeSource(source: McpSource): string {
  if (isStdioSource(source)) return `"${[source.command, ...(source.args ?? [])].join(' ')}"`;
  const url = new URL(source.url);
  return `${url.origin}${url.pathname}`;
}

/** `InputError` for a source that names no server: no command, or a URL that does not parse. */
export function checkSource(source: McpSource): void {
  if (isStdioSource(source)) {
    if (source.command.trim() === '') throw new InputError('mcpTools needs a command to start the MCP server; got an empty string.');
    return;
  }
  if (!('url' in source)) throw new InputError('mcpTools needs { command } (a server to start) or { url } (a server to reach); got neither.');
  if (!URL.canParse(String(source.url))) throw new InputError('mcpTools needs an absolute URL, such as http://localhost:3000/mcp; the url given does not parse.');
}
