import { InputError } from '@rivulet/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { listAllTools } from './list-all-tools.js';
import { checkSource, describeSource, type McpSource } from './mcp-source.js';
import type { McpToolsOptions } from './mcp-tools-options.js';
import type { McpToolset } from './mcp-toolset.js';
import { openTransport } from './open-transport.js';
import { selectTools } from './select-tools.js';
import { toConnectError } from './to-connect-error.js';
import { toolResultOutput } from './tool-result-output.js';
import { toRivuletTool, type ServerCallTarget } from './to-rivulet-tool.js';

const DEFAULT_CLIENT_INFO = { name: 'rivulet', version: '0.1.0' };

/**
 * Connects to a Model Context Protocol server and loads its tools as Rivulet
 * tools: `{ command, args }` starts it as a child process (stdio), `{ url }`
 * reaches it over Streamable HTTP. Each tool's `execute` calls the server;
 * cancelling the run cancels the call on the server too.
 *
 * A server that cannot be started or reached is an `McpConnectionError`
 * naming it; an option naming a tool the server lacks is an `InputError`.
 *
 * @example
 * ```ts
 * await using mcp = await mcpTools({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] });
 * const reply = await model.bindTools(mcp.tools).invoke('Add 2 and 3');
 * const results = await executeToolCalls(reply, mcp.tools);
 * ```
 */
export async function mcpTools(source: McpSource, options: McpToolsOptions = {}): Promise<McpToolset> {
  checkSource(source);
  checkOptions(options);
  const server = describeSource(source);
  const opened = openTransport(source);
  const client = new Client(options.clientInfo ?? DEFAULT_CLIENT_INFO);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= opened.endSession().then(() => client.close()));
  const stderr = (): string => opened.stderr?.quote() ?? '';
  const { signal } = options;
  try {
    signal?.throwIfAborted();
    await client.connect(opened.transport, signal === undefined ? undefined : { signal });
    const chosen = selectTools(await listAllTools(client, signal), options);
    const target: ServerCallTarget = { client, server, timeout: options.timeout, output: options.output ?? toolResultOutput, stderr };
    const validator = new AjvJsonSchemaValidator();
    const prefix = options.prefix ?? '';
    const tools = chosen.map((tool) => toRivuletTool(tool, target, prefix, validator));
    const descriptions = new Map(chosen.map((tool) => [prefix + tool.name, tool]));
    return { tools, descriptions, instructions: client.getInstructions(), client, close, [Symbol.asyncDispose]: close };
  } catch (error) {
    await close();
    if (InputError.isInstance(error)) throw error;
    throw toConnectError(error, server, stderr(), signal);
  }
}

function checkOptions(options: McpToolsOptions): void {
  const { timeout } = options;
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new InputError(`mcpTools: timeout must be a positive number of milliseconds; got ${timeout}.`);
  }
}
