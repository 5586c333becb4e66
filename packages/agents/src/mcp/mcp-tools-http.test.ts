import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortListeners, deferred, type Deferred, failureOf } from '@rivulet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, LoggingMessageNotificationSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AbortError, AIMessage, InputError, lambda, TimeoutError, type ToolMessage } from '@rivulet/core';
import { executeToolCalls, toToolDefinition } from '@rivulet/models';
import { McpConnectionError, McpToolError, mcpTools, type McpTool, type McpToolset } from './index.js';

/** A real MCP server (the SDK's own classes) over Streamable HTTP on a loopback port, one server instance per session. */
interface LoopbackMcp {
  readonly url: string;
  /** Sessions the client ended (the server's transport closed). */
  readonly ended: string[];
  /** Drops every open connection and stops listening, as a crashed server would. */
  die(): void;
  close(): Promise<void>;
}

async function serveMcp(build: () => McpServer | Server): Promise<LoopbackMcp> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const ended: string[] = [];
  const http = createServer((req, res) => {
    void (async () => {
      if (!req.url?.startsWith('/mcp')) return void res.writeHead(404).end('Not Found');
      const id = req.headers['mcp-session-id'];
      let transport = typeof id === 'string' ? sessions.get(id) : undefined;
      if (transport === undefined) {
        const created = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (sid) => void sessions.set(sid, created) });
        created.onclose = () => void (created.sessionId !== undefined && ended.push(created.sessionId));
        await build().connect(created);
        transport = created;
      }
      await transport.handleRequest(req, res);
    })();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  let closed = false;
  const stop = (): Promise<void> => {
    if (closed) return Promise.resolve();
    closed = true;
    http.closeAllConnections();
    return new Promise((resolve) => http.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    ended,
    die: () => void stop(),
    close: async () => {
      await Promise.all([...sessions.values()].map((t) => t.close()));
      await stop();
    },
  };
}

/** What the lab server's tools saw. */
interface LabRecord {
  addCalls: number;
  waitStarted: Deferred<void>;
  waitCancelled: Deferred<string>;
}

function newRecord(): LabRecord {
  return { addCalls: 0, waitStarted: deferred<void>(), waitCancelled: deferred<string>() };
}

function labServer(record: LabRecord): McpServer {
  const server = new McpServer({ name: 'lab', version: '1.0.0' }, { capabilities: { logging: {} }, instructions: 'Use add for sums.' });
  server.registerTool(
    'add',
    { description: 'Adds two numbers', inputSchema: { a: z.number(), b: z.number().describe('The second number') }, annotations: { readOnlyHint: true } },
    ({ a, b }) => {
      record.addCalls++;
      return { content: [{ type: 'text', text: String(a + b) }] };
    },
  );
  server.registerTool(
    'weather',
    { description: 'The weather in a city', inputSchema: { city: z.string() }, outputSchema: { city: z.string(), celsius: z.number() } },
    ({ city }) => ({ content: [{ type: 'text', text: `${city}: 4 °C` }], structuredContent: { city, celsius: 4 } }),
  );
  server.registerTool('fail', { description: 'Always fails' }, () => ({ content: [{ type: 'text', text: 'The database is down.' }], isError: true }));
  server.registerTool('wait', { description: 'Works until cancelled' }, async (extra) => {
    // A message on the call's own stream first, so the client has the stream open before anything happens to it.
    await extra.sendNotification({ method: 'notifications/message', params: { level: 'info', data: 'working' } });
    record.waitStarted.resolve();
    const reason = await new Promise<unknown>((resolve) => extra.signal.addEventListener('abort', () => resolve(extra.signal.reason), { once: true }));
    record.waitCancelled.resolve(String(reason));
    return { content: [] };
  });
  return server;
}

/** A server written against the SDK's low-level `Server`: hand-written JSON Schemas, tools listed two per page. */
function pagedServer(options: { repeatCursor?: boolean } = {}): Server {
  const server = new Server({ name: 'paged', version: '1.0.0' }, { capabilities: { tools: {} } });
  const tools = ['t1', 't2', 't3', 't4', 't5'].map((name) => ({ name, description: `Tool ${name}`, inputSchema: { type: 'object' as const, properties: {} } }));
  tools[0] = { name: 't1', description: 'Books a trip', inputSchema: TRIP_SCHEMA };
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const start = Number(request.params?.cursor ?? 0);
    const next = options.repeatCursor === true ? '2' : String(start + 2);
    return { tools: tools.slice(start, start + 2), ...(start + 2 < tools.length && { nextCursor: next }) };
  });
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    if (request.params.name === 't2') throw new McpError(ErrorCode.InvalidParams, 'Unknown region');
    return { content: [{ type: 'text', text: JSON.stringify(request.params.arguments) }] };
  });
  return server;
}

const TRIP_SCHEMA = {
  type: 'object' as const,
  $defs: { place: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } },
  properties: {
    from: { $ref: '#/$defs/place' },
    to: { $ref: '#/$defs/place' },
    nights: { type: 'integer', minimum: 1, default: 2, examples: [3] },
  },
  required: ['from', 'to'],
  additionalProperties: false,
};

let served: LoopbackMcp | undefined;
let toolset: McpToolset | undefined;
afterEach(async () => {
  await toolset?.close();
  await served?.close();
  served = toolset = undefined;
});

async function lab(options: Parameters<typeof mcpTools>[1] = {}): Promise<{ mcp: McpToolset; record: LabRecord }> {
  const record = newRecord();
  served = await serveMcp(() => labServer(record));
  toolset = await mcpTools({ url: served.url }, options);
  return { mcp: toolset, record };
}

function named(mcp: McpToolset, name: string): McpTool {
  const found = mcp.tools.find((t) => t.name === name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
}

function callsOf(...calls: { name: string; args: Record<string, unknown> }[]): AIMessage {
  return new AIMessage({ toolCalls: calls.map((c, i) => ({ id: `call_${i}`, ...c })) });
}

describe('mcpTools over Streamable HTTP, against an McpServer on loopback', () => {
  it('lists the tools with the JSON Schemas the server gave, and the server instructions', async () => {
    const { mcp } = await lab();
    expect(mcp.tools.map((t) => [t.name, t.description])).toEqual([
      ['add', 'Adds two numbers'],
      ['weather', 'The weather in a city'],
      ['fail', 'Always fails'],
      ['wait', 'Works until cancelled'],
    ]);
    const add = named(mcp, 'add');
    expect(toToolDefinition(add)).toEqual({
      name: 'add',
      description: 'Adds two numbers',
      parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number', description: 'The second number' } }, required: ['a', 'b'] },
    });
    for (const tool of mcp.tools) {
      const { $schema: _dialect, ...served } = mcp.descriptions.get(tool.name)!.inputSchema;
      expect(toToolDefinition(tool).parameters).toEqual(served);
    }
    expect(mcp.descriptions.get('add')?.annotations).toEqual({ readOnlyHint: true });
    expect(mcp.instructions).toBe('Use add for sums.');
  });

  it('calls tools with their arguments: text results as text, structured results as the object', async () => {
    const { mcp, record } = await lab();
    expect(await named(mcp, 'add').execute?.({ a: 2, b: 3 })).toBe('5');
    expect(await named(mcp, 'weather').execute?.({ city: 'Oslo' })).toEqual({ city: 'Oslo', celsius: 4 });
    const answers = await executeToolCalls(callsOf({ name: 'add', args: { a: 20, b: 22 } }, { name: 'weather', args: { city: 'Rome' } }), mcp.tools);
    expect(answers.map((m) => [m.toolCallId, m.content, m.isError ?? false])).toEqual([
      ['call_0', '42', false],
      ['call_1', '{"city":"Rome","celsius":4}', false],
    ]);
    expect(record.addCalls).toBe(2);
  });

  it('a result with isError throws McpToolError, which executeToolCalls turns into an error result', async () => {
    const { mcp } = await lab();
    const error = await failureOf(() => named(mcp, 'fail').execute?.({}));
    expect(McpToolError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'McpToolError', toolName: 'fail', message: 'The database is down.', result: { isError: true } });
    const [answer] = await executeToolCalls(callsOf({ name: 'fail', args: {} }), mcp.tools);
    expect(answer).toMatchObject({ isError: true, content: expect.stringContaining('The database is down.') });
  });

  it('arguments that break the schema are an error result, and the server is not called', async () => {
    const { mcp, record } = await lab();
    const [wrongType, missing] = await executeToolCalls(callsOf({ name: 'add', args: { a: 'one', b: 2 } }, { name: 'add', args: { a: 1 } }), mcp.tools);
    expect(wrongType).toMatchObject({ isError: true, content: expect.stringContaining('data/a must be number') });
    expect(missing).toMatchObject({ isError: true, content: expect.stringContaining("must have required property 'b'") });
    expect(named(mcp, 'add').schema.safeParse([1, 2]).success).toBe(false);
    expect(record.addCalls).toBe(0);
  });

  it('aborting the run cancels the call on the server (notifications/cancelled reaches its handler)', async () => {
    const { mcp, record } = await lab();
    const controller = new AbortController();
    const run = lambda((message: AIMessage, ctx) => executeToolCalls(message, mcp.tools, ctx));
    const running = run.invoke(callsOf({ name: 'wait', args: {} }), { signal: controller.signal });
    await record.waitStarted.promise;
    controller.abort();
    await expect(running).rejects.toSatisfy(AbortError.isInstance);
    expect(await record.waitCancelled.promise).toContain('AbortError');
  });

  it("a cancelled call fails with AbortError (not the SDK's timeout error) and the server's handler is released", async () => {
    const { mcp, record } = await lab();
    let toolError: unknown;
    const run = lambda(async (_: string, ctx) => {
      try {
        return await named(mcp, 'wait').execute?.({}, ctx);
      } catch (error) {
        toolError = error;
        throw error;
      }
    });
    const controller = new AbortController();
    const running = run.invoke('go', { signal: controller.signal });
    await record.waitStarted.promise;
    controller.abort();
    await expect(running).rejects.toSatisfy(AbortError.isInstance);
    expect(toolError).toMatchObject({ name: 'AbortError', message: 'The call of MCP tool "wait" was cancelled.' });
    expect(await record.waitCancelled.promise).toBeTruthy();
  });

  it('calls leave no listener on the run signal behind, however many share it', async () => {
    const { mcp } = await lab();
    const counts = await lambda(async (_: string, ctx) => {
      const before = abortListeners(ctx.signal);
      for (let i = 0; i < 12; i++) await named(mcp, 'add').execute?.({ a: i, b: 1 }, ctx);
      return [before, abortListeners(ctx.signal)];
    }).invoke('go', { signal: new AbortController().signal });
    expect(counts[1]).toBe(counts[0]);
  });

  it('a call past `timeout` fails with TimeoutError and is cancelled on the server', async () => {
    const { mcp, record } = await lab({ timeout: 50 });
    const error = await failureOf(() => named(mcp, 'wait').execute?.({}));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 50, message: expect.stringContaining('"wait" did not answer within 50 ms') });
    expect(await record.waitCancelled.promise).toContain('timed out');
  });

  it('a server that dies mid-call fails the call with McpConnectionError at once, and the next call too', async () => {
    // The timeout only bounds a regression: without the guard the SDK would wait for it.
    const { mcp } = await lab({ timeout: 15_000 });
    mcp.client.setNotificationHandler(LoggingMessageNotificationSchema, () => served!.die());
    const error = await failureOf(() => named(mcp, 'wait').execute?.({}));
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`The connection to MCP server ${served!.url} was lost during a call of "wait"`);
    const next = await failureOf(() => named(mcp, 'add').execute?.({ a: 1, b: 2 }));
    expect(next).toMatchObject({ name: 'McpConnectionError', server: served!.url, message: expect.stringContaining('could not be reached to call "add"') });
  });

  it('close() ends the session on the server; later calls fail with McpConnectionError; closing twice is fine', async () => {
    const { mcp } = await lab();
    expect(served!.ended).toEqual([]);
    await mcp.close();
    await mcp.close();
    expect(served!.ended).toHaveLength(1);
    const error = await failureOf(() => named(mcp, 'add').execute?.({ a: 1, b: 2 }));
    expect(error).toMatchObject({ name: 'McpConnectionError', message: expect.stringContaining('is closed') });
  });

  it('`await using` closes the connection at the end of the block', async () => {
    served = await serveMcp(() => labServer(newRecord()));
    {
      await using mcp = await mcpTools({ url: served.url });
      expect(mcp.tools).toHaveLength(4);
    }
    expect(served.ended).toHaveLength(1);
  });

  it('include, exclude, filter and prefix choose and name the tools; the server is called by its own names', async () => {
    const { mcp } = await lab({ prefix: 'lab_', include: ['add', 'fail', 'wait'], exclude: ['wait'] });
    expect(mcp.tools.map((t) => t.name)).toEqual(['lab_add', 'lab_fail']);
    expect([...mcp.descriptions].map(([name, description]) => [name, description.name])).toEqual([
      ['lab_add', 'add'],
      ['lab_fail', 'fail'],
    ]);
    const [answer] = await executeToolCalls(callsOf({ name: 'lab_add', args: { a: 1, b: 1 } }), mcp.tools);
    expect((answer as ToolMessage).content).toBe('2');
    await mcp.close();
    toolset = await mcpTools({ url: served!.url }, { filter: (tool) => tool.annotations?.readOnlyHint === true });
    expect(toolset.tools.map((t) => t.name)).toEqual(['add']);
  });

  it('naming a tool the server lacks is an InputError listing what it has, and the session is ended', async () => {
    served = await serveMcp(() => labServer(newRecord()));
    const error = await mcpTools({ url: served.url }, { include: ['add', 'sub'] }).catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('include names tools the MCP server does not have: sub. It has: add, weather, fail, wait.');
    expect(served.ended).toHaveLength(1);
    await expect(mcpTools({ url: served.url }, { exclude: ['Add'] })).rejects.toThrow('exclude names tools the MCP server does not have: Add.');
  });
});

describe('mcpTools against a low-level SDK Server', () => {
  it('reads every page of tools/list, and sends hand-written JSON Schemas to the model unchanged', async () => {
    served = await serveMcp(() => pagedServer());
    toolset = await mcpTools({ url: served.url });
    expect(toolset.tools.map((t) => t.name)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(toToolDefinition(toolset.tools[0]!).parameters).toEqual(TRIP_SCHEMA);
    const trip = { from: { city: 'Oslo' }, to: { city: 'Rome' } };
    expect(await toolset.tools[0]!.execute?.(trip)).toBe(JSON.stringify(trip));
    const [bad] = await executeToolCalls(callsOf({ name: 't1', args: { from: { city: 'Oslo' }, to: { town: 'Rome' } } }), toolset.tools);
    expect(bad).toMatchObject({ isError: true, content: expect.stringContaining("must have required property 'city'") });
  });

  it('a JSON-RPC error answer is McpToolError with its code', async () => {
    served = await serveMcp(() => pagedServer());
    const mcp = (toolset = await mcpTools({ url: served.url }));
    const error = await failureOf(() => mcp.tools[1]!.execute?.({}));
    expect(error).toMatchObject({ name: 'McpToolError', toolName: 't2', code: ErrorCode.InvalidParams, message: expect.stringContaining('Unknown region') });
  });

  it('a server that repeats a cursor is an McpConnectionError, not an endless loop', async () => {
    served = await serveMcp(() => pagedServer({ repeatCursor: true }));
    await expect(mcpTools({ url: served.url })).rejects.toThrow(/repeated the cursor "2"/);
  });
});

describe('mcpTools errors when the server cannot be reached', () => {
  it('a closed port is McpConnectionError naming the URL without its query', async () => {
    served = await serveMcp(() => labServer(newRecord()));
    const url = `${served.url}?token=secret`;
    await served.close();
    const error = await mcpTools({ url }).catch((e: unknown) => e);
    expect(McpConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ server: served.url, message: expect.stringContaining(`Could not start or reach MCP server ${served.url}: fetch failed`) });
    expect((error as Error).message).not.toContain('secret');
  });

  it('an HTTP error status is McpConnectionError with the status', async () => {
    served = await serveMcp(() => labServer(newRecord()));
    const error = await mcpTools({ url: served.url.replace('/mcp', '/elsewhere') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'McpConnectionError', status: 404 });
  });

  it('bad sources and options are InputErrors before anything is started', async () => {
    await expect(mcpTools({ url: 'not a url' })).rejects.toSatisfy(InputError.isInstance);
    await expect(mcpTools({ command: ' ' })).rejects.toThrow('mcpTools needs a command');
    await expect(mcpTools({ url: 'http://127.0.0.1:1/mcp' }, { timeout: 0 })).rejects.toThrow('timeout must be a positive number');
  });

  it('an aborted signal cancels connecting with AbortError', async () => {
    served = await serveMcp(() => labServer(newRecord()));
    await expect(mcpTools({ url: served.url }, { signal: AbortSignal.abort() })).rejects.toSatisfy(AbortError.isInstance);
  });
});
