import { createRequire } from 'node:module';
import { failureOf } from '@rivulet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import type { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { toToolDefinition } from '@rivulet/models';
import { McpConnectionError, mcpTools, type McpStdioSource, type McpTool, type McpToolset } from './index.js';

/** The published reference server, a devDependency, started over stdio as a child process. */
const everything: McpStdioSource = {
  command: process.execPath,
  args: [createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'],
  stderr: 'pipe',
};

let toolset: McpToolset | undefined;
afterEach(async () => {
  await toolset?.close();
  toolset = undefined;
});

async function startEverything(source: Partial<McpStdioSource> = {}): Promise<McpToolset> {
  toolset = await mcpTools({ ...everything, ...source });
  return toolset;
}

function named(mcp: McpToolset, name: string): McpTool {
  const found = mcp.tools.find((t) => t.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function pidOf(mcp: McpToolset): number {
  const pid = (mcp.client.transport as StdioClientTransport | undefined)?.pid;
  if (typeof pid !== 'number') throw new Error('no child process');
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('mcpTools over stdio, against @modelcontextprotocol/server-everything', () => {
  it('lists its tools with their schemas, leaving out those it runs only as tasks', async () => {
    const mcp = await startEverything();
    const names = mcp.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-structured-content', 'get-tiny-image', 'get-env']));
    expect(names).not.toContain('simulate-research-query');
    expect(toToolDefinition(named(mcp, 'echo'))).toEqual({
      name: 'echo',
      description: expect.any(String),
      parameters: { type: 'object', properties: { message: { type: 'string', description: 'Message to echo' } }, required: ['message'] },
    });
  });

  it('calls echo and friends; structured content comes back as the object, an image as a note', async () => {
    const mcp = await startEverything();
    expect(await named(mcp, 'echo').execute?.({ message: 'hi' })).toBe('Echo: hi');
    expect(await named(mcp, 'get-sum').execute?.({ a: 2, b: 3 })).toBe('The sum of 2 and 3 is 5.');
    expect(await named(mcp, 'get-structured-content').execute?.({ location: 'Chicago' })).toEqual({
      temperature: expect.any(Number),
      conditions: expect.any(String),
      humidity: expect.any(Number),
    });
    expect(await named(mcp, 'get-tiny-image').execute?.({})).toMatch(/^Here's the image you requested:\n\[image: image\/png\]/);
    expect(await named(mcp, 'get-resource-links').execute?.({ count: 1 })).toContain('[resource link: Blob Resource 1 <demo://resource/dynamic/blob/1> (text/plain)]');
  });

  it('the child gets the env given and the safe defaults, not this process’s secrets', async () => {
    process.env['RIVULET_TEST_SECRET'] = 'do-not-leak';
    try {
      const mcp = await startEverything({ env: { RIVULET_GREETING: 'hello' } });
      const env = JSON.parse(String(await named(mcp, 'get-env').execute?.({}))) as Record<string, string>;
      expect(env['RIVULET_GREETING']).toBe('hello');
      expect(env['PATH']).toBe(process.env['PATH']);
      expect(env).not.toHaveProperty('RIVULET_TEST_SECRET');
    } finally {
      delete process.env['RIVULET_TEST_SECRET'];
    }
  });

  it('close() ends the child process', async () => {
    const mcp = await startEverything();
    const pid = pidOf(mcp);
    expect(isAlive(pid)).toBe(true);
    await mcp.close();
    expect(isAlive(pid)).toBe(false);
    await expect(named(mcp, 'echo').execute?.({ message: 'hi' })).rejects.toSatisfy(McpConnectionError.isInstance);
  });

  it('a child that dies mid-call fails the call with McpConnectionError quoting its stderr', async () => {
    const mcp = await startEverything();
    const call = failureOf(() => named(mcp, 'trigger-long-running-operation').execute?.({ duration: 60, steps: 60 }));
    process.kill(pidOf(mcp), 'SIGKILL');
    const error = await call;
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('was lost during a call of "trigger-long-running-operation"');
    expect((error as Error).message).toContain('Starting default (STDIO) server...');
  });
});

describe('mcpTools errors for servers that do not start', () => {
  it('a command that does not exist is McpConnectionError naming it', async () => {
    const error = await mcpTools({ command: 'no-such-mcp-server', args: ['--port', '1'] }).catch((e: unknown) => e);
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ server: '"no-such-mcp-server --port 1"' });
    expect((error as Error).message).toBe(
      'Could not start or reach MCP server "no-such-mcp-server --port 1": spawn no-such-mcp-server ENOENT. Is the command installed, and on PATH?',
    );
  });

  it('a server that exits at start is McpConnectionError quoting the end of its stderr', async () => {
    const crash = 'process.stderr.write("boom: MCP_CONFIG is not set\\n"); process.exit(3)';
    const error = await mcpTools({ command: process.execPath, args: ['-e', crash], stderr: 'pipe' }).catch((e: unknown) => e);
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('closed the connection before it was ready (did it exit?). Its stderr ended with:\nboom: MCP_CONFIG is not set');
  });
});
